import { isIPv4, isIPv6 } from "node:net";

import { PEER_ADDRESS_HEADER, readPeerStamp } from "./peer-address";

/**
 * The address abuse limits count by. It is only ever hashed (lib/rate-limit/limits.ts), never
 * stored or logged.
 *
 * What `next start` provides (next 16.4, dist/server/base-server.js): before handling a request
 * it sets `x-forwarded-for` to the TCP peer's address ONLY IF the request has no such header
 * (`req.headers['x-forwarded-for'] ??= socket.remoteAddress`); it sets no `x-real-ip`, and route
 * handlers and Server Actions cannot see the socket. So:
 * - Behind a reverse proxy (TRUST_PROXY=true, or the number of proxies in the chain), the proxy
 *   appends the address it saw to X-Forwarded-For. We take the entry the outermost trusted
 *   proxy appended, counted from the right. The leftmost ("first hop") entry is whatever the
 *   client chose to send when the proxy appends rather than replaces, so it is never used.
 * - Reached directly (TRUST_PROXY=false, or unset outside production), no header a client can
 *   send counts: not X-Forwarded-For, not X-Real-IP. The address is the TCP peer's, which
 *   lib/rate-limit/peer-address.ts stamps on every request (overwriting any client-sent copy).
 *   Where that stamp is missing or not this process's (a request that arrived before the
 *   subscriber was installed, a server that did not run instrumentation.ts), every client shares
 *   one bucket: stricter limits for all, never a bucket a client picks.
 */

export const UNKNOWN_CLIENT_ADDRESS = "unknown";

export function resolveClientAddress(headers: { get(name: string): string | null }, trustedProxyCount: number): string {
  if (trustedProxyCount === 0) {
    const peer = readPeerStamp(headers.get(PEER_ADDRESS_HEADER));
    return peer ? normalizeClientAddress(peer) : UNKNOWN_CLIENT_ADDRESS;
  }

  const hops = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((hop) => hop.trim())
    .filter(Boolean);
  const hop = hops.length >= trustedProxyCount ? hops[hops.length - trustedProxyCount] : hops[0];
  const address = hop ?? headers.get("x-real-ip")?.trim();
  return address ? normalizeClientAddress(address) : UNKNOWN_CLIENT_ADDRESS;
}

/**
 * One form per client: ports and brackets dropped, IPv4-mapped IPv6 as IPv4, and IPv6 cut to its
 * /64 network, because one subscriber usually holds a whole /64 and could otherwise rotate
 * through 2^64 addresses.
 */
export function normalizeClientAddress(raw: string): string {
  let address = raw.trim().toLowerCase();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed?.[1]) address = bracketed[1];
  const ipv4WithPort = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/.exec(address);
  if (ipv4WithPort?.[1]) address = ipv4WithPort[1];
  address = address.replace(/%.*$/, "");
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(address);
  if (mapped?.[1]) address = mapped[1];

  if (isIPv4(address)) return address;
  if (isIPv6(address)) return `${expandIPv6(address).slice(0, 4).join(":")}::/64`;
  // Not an address (a misconfigured proxy, or a forged header): still a usable, bounded bucket.
  return address.slice(0, 100);
}

function expandIPv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const parse = (part: string) => (part ? part.split(":") : []);
  const headGroups = parse(head);
  const tailGroups = tail === undefined ? [] : parse(tail);
  const last = tailGroups.at(-1) ?? headGroups.at(-1);
  // An embedded IPv4 tail (e.g. 64:ff9b::1.2.3.4) counts as two groups.
  const ipv4Groups = last && last.includes(".") ? 1 : 0;
  const missing = 8 - headGroups.length - tailGroups.length - ipv4Groups;
  const groups = [...headGroups, ...Array.from({ length: tail === undefined ? 0 : missing }, () => "0"), ...tailGroups];
  return groups.map((group) => (group.includes(".") ? group : group.padStart(4, "0")));
}
