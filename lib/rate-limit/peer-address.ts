import { randomBytes, timingSafeEqual } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * The TCP peer's address, handed from Node's HTTP server to the app in a header of our own.
 *
 * Route handlers and Server Actions cannot see the socket, and the only address `next start`
 * passes on is `x-forwarded-for`, which it fills from the socket only when the client did not
 * send one itself (next 16.4, dist/server/base-server.js) — so a client reaching the app directly
 * could pick its own rate-limit bucket with it. Node publishes every incoming request on the
 * `http.server.request.start` diagnostics channel before the server's request handler (Next)
 * sees it; this subscriber (installed by instrumentation.ts when the server starts) overwrites
 * PEER_ADDRESS_HEADER with the socket's address on every request, so whatever a client sent
 * under that name is gone.
 *
 * The stamp carries a random token of this process before the address. `next start` listens
 * before instrumentation.ts has installed the subscriber, so the first requests after a start
 * are never stamped and still carry whatever the client sent: without the token such a header
 * would pick a bucket. readPeerStamp accepts only a value with this process's token.
 */

export const PEER_ADDRESS_HEADER = "x-lapor-peer-address";

type RequestStart = { request: IncomingMessage; socket: Socket };

let isInstalled = false;

export function installPeerAddressHeader(): void {
  if (isInstalled) return;
  isInstalled = true;
  subscribe("http.server.request.start", (message) => stampPeerAddress(message as RequestStart));
}

/** Sets the header to the socket's address, or removes it when the socket has none (closed). */
export function stampPeerAddress({ request, socket }: RequestStart): void {
  const address = socket.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = formatPeerStamp(address);
  else delete request.headers[PEER_ADDRESS_HEADER];
}

/**
 * This process's stamp token, on globalThis because Next loads this module in several bundles
 * (instrumentation and the app) within one process. Never sent to a client.
 */
const STAMP_TOKEN_KEY = Symbol.for("lapor-imigrasi/peer-address-stamp-token");

function processStampToken(): Buffer {
  const holder = globalThis as { [STAMP_TOKEN_KEY]?: Buffer };
  holder[STAMP_TOKEN_KEY] ??= randomBytes(24);
  return holder[STAMP_TOKEN_KEY];
}

/** The header's value for a peer address: this process's token, a space, the address. */
export function formatPeerStamp(address: string): string {
  return `${processStampToken().toString("base64url")} ${address}`;
}

/** The address of a value this process stamped, or null for anything else (a client's copy). */
export function readPeerStamp(value: string | null | undefined): string | null {
  if (!value) return null;
  const separator = value.indexOf(" ");
  if (separator <= 0) return null;
  const token = Buffer.from(value.slice(0, separator), "base64url");
  const expected = processStampToken();
  if (token.length !== expected.length || !timingSafeEqual(token, expected)) return null;
  return value.slice(separator + 1).trim() || null;
}
