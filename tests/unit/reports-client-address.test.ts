import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";

import { computeBucketKey, windowStartOf } from "@/lib/rate-limit/bucket-key";
import { normalizeClientAddress, resolveClientAddress, UNKNOWN_CLIENT_ADDRESS } from "@/lib/rate-limit/client-address";
import { formatPeerStamp, PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";

const headersOf = (entries: Record<string, string>) => new Headers(entries);

describe("client address for abuse limits", () => {
  it("without a trusted proxy, is the TCP peer's address stamped by the server", () => {
    expect(resolveClientAddress(headersOf({ [PEER_ADDRESS_HEADER]: formatPeerStamp("::ffff:203.0.113.7") }), 0)).toBe("203.0.113.7");
  });

  it("without a trusted proxy, ignores a peer header the server did not stamp (sent by a client before the stamp was installed)", () => {
    for (const forged of ["203.0.113.7", "x 203.0.113.7", `${"A".repeat(32)} 203.0.113.7`, formatPeerStamp("203.0.113.7").slice(1)]) {
      expect(resolveClientAddress(headersOf({ [PEER_ADDRESS_HEADER]: forged }), 0)).toBe(UNKNOWN_CLIENT_ADDRESS);
    }
  });

  it("without a trusted proxy, lets no forwarding header a client sends pick the bucket", () => {
    const peer = { [PEER_ADDRESS_HEADER]: formatPeerStamp("203.0.113.7") };
    const rotated = ["198.51.100.1", "198.51.100.2", "10.0.0.1, 198.51.100.3"].map((forged) =>
      resolveClientAddress(headersOf({ ...peer, "x-forwarded-for": forged, "x-real-ip": forged }), 0),
    );
    expect(rotated).toEqual(["203.0.113.7", "203.0.113.7", "203.0.113.7"]);
  });

  it("without a trusted proxy and without the peer stamp, puts every client in one bucket", () => {
    expect(resolveClientAddress(headersOf({ "x-forwarded-for": "203.0.113.7" }), 0)).toBe(UNKNOWN_CLIENT_ADDRESS);
    expect(resolveClientAddress(headersOf({ "x-real-ip": "198.51.100.1" }), 0)).toBe(UNKNOWN_CLIENT_ADDRESS);
  });

  it("behind one proxy, takes the hop the proxy appended, not the one the client sent", () => {
    const headers = headersOf({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" });
    expect(resolveClientAddress(headers, 1)).toBe("203.0.113.7");
  });

  it("behind two proxies, takes the second hop from the right", () => {
    const headers = headersOf({ "x-forwarded-for": "forged, 203.0.113.7, 192.0.2.10" });
    expect(resolveClientAddress(headers, 2)).toBe("203.0.113.7");
  });

  it("behind a proxy that sets X-Real-IP instead, uses it", () => {
    expect(resolveClientAddress(headersOf({ "x-real-ip": "203.0.113.8" }), 1)).toBe("203.0.113.8");
  });

  it("counts a whole IPv6 /64 as one client", () => {
    expect(normalizeClientAddress("2001:db8:abcd:12::1")).toBe("2001:0db8:abcd:0012::/64");
    expect(normalizeClientAddress("[2001:db8:abcd:12:ffff::9]:443")).toBe("2001:0db8:abcd:0012::/64");
    expect(normalizeClientAddress("2001:db8::1")).toBe("2001:0db8:0000:0000::/64");
  });

  it("reads IPv4 in its mapped IPv6 form and with a port as plain IPv4", () => {
    expect(normalizeClientAddress("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(normalizeClientAddress("203.0.113.7:51234")).toBe("203.0.113.7");
  });
});

describe("rate-limit bucket keys", () => {
  const key = randomBytes(32);

  it("do not contain the address and differ per purpose and per key", () => {
    const bucket = computeBucketKey("filing", "203.0.113.7", key);
    expect(bucket).toMatch(/^filing:[0-9a-f]{32}$/);
    expect(bucket).not.toContain("203.0.113.7");
    expect(computeBucketKey("evidenceUpload", "203.0.113.7", key).split(":")[1]).not.toBe(bucket.split(":")[1]);
    expect(computeBucketKey("filing", "203.0.113.7", randomBytes(32))).not.toBe(bucket);
    expect(computeBucketKey("filing", "203.0.113.7", key)).toBe(bucket);
  });

  it("fall into fixed windows", () => {
    expect(windowStartOf(new Date("2026-11-28T05:59:59.999Z"), 3600).toISOString()).toBe("2026-11-28T05:00:00.000Z");
    expect(windowStartOf(new Date("2026-11-28T06:00:00.000Z"), 3600).toISOString()).toBe("2026-11-28T06:00:00.000Z");
  });
});
