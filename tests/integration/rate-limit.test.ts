import { afterAll, describe, expect, it } from "vitest";

import { checkRateLimit, claimPeriodicRun, refundRateLimit, sweepExpiredRateLimitBuckets } from "@/lib/rate-limit/limits";

import { connectTestDatabase } from "./support/database";

const db = connectTestDatabase();

afterAll(async () => {
  await db.$disconnect();
});

/** 10:20 in a window of its own (2032), so other test files' buckets never count here. */
const now = new Date("2032-01-05T03:20:00Z");

describe("abuse limits", () => {
  it("allow 5 filings per client per hour, then refuse until the window ends", async () => {
    const client = "198.51.100.23";
    for (let filing = 1; filing <= 5; filing += 1) {
      expect(await checkRateLimit("filing", client, { now })).toEqual({ allowed: true, retryAfterSeconds: 0 });
    }

    expect(await checkRateLimit("filing", client, { now })).toEqual({ allowed: false, retryAfterSeconds: 40 * 60 });
    expect((await checkRateLimit("filing", "198.51.100.24", { now })).allowed).toBe(true);
    expect((await checkRateLimit("filing", client, { now: new Date("2032-01-05T04:00:00Z") })).allowed).toBe(true);
  });

  it("allow 30 evidence uploads per client per hour", async () => {
    const client = "2001:db8:77::/64";
    const results = [];
    for (let upload = 1; upload <= 31; upload += 1) results.push((await checkRateLimit("evidenceUpload", client, { now })).allowed);
    expect(results.filter(Boolean)).toHaveLength(30);
    expect(results.at(-1)).toBe(false);
  });

  it("count each attempt exactly once when many arrive at the same time", async () => {
    const client = "198.51.100.99";
    const results = await Promise.all(Array.from({ length: 12 }, () => checkRateLimit("filing", client, { now })));
    expect(results.filter((result) => result.allowed)).toHaveLength(5);
  });

  it("give back an attempt that succeeded, so only failures use up a limit on failures", async () => {
    const client = "198.51.100.50";
    for (let success = 0; success < 20; success += 1) {
      expect((await checkRateLimit("trackingFailureByClient", client, { now })).allowed).toBe(true);
      await refundRateLimit("trackingFailureByClient", client, { now });
    }
    for (let failure = 0; failure < 10; failure += 1) expect((await checkRateLimit("trackingFailureByClient", client, { now })).allowed).toBe(true);
    expect(await checkRateLimit("trackingFailureByClient", client, { now })).toEqual({ allowed: false, retryAfterSeconds: 40 * 60 });
  });

  it("store no client address, only keyed hashes", async () => {
    const client = "203.0.113.201";
    await checkRateLimit("filing", client, { now });
    await checkRateLimit("trackingFailureByCode", "LI-ABCD-EFGH", { now });

    const rows = await db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM "RateLimitBucket"`;
    const stored = JSON.stringify(rows);
    expect(rows.length).toBeGreaterThan(0);
    expect(stored).not.toContain(client);
    expect(stored).not.toContain("203.0.113");
    expect(stored).not.toContain("LI-ABCD-EFGH");
    const ours = rows.filter((row) => /^(filing|evidenceUpload|trackingFailureByClient|trackingFailureByCode):/.test(String(row.key)));
    expect(ours.length).toBeGreaterThanOrEqual(2);
    for (const row of ours) expect(row.key).toMatch(/^[A-Za-z]+:[0-9a-f]{32}$/);
  });

  it("are deleted once their window has passed", async () => {
    await checkRateLimit("filing", "198.51.100.77", { now });
    const ended = new Date("2032-01-05T04:00:00Z");

    await sweepExpiredRateLimitBuckets(ended);

    expect(await db.rateLimitBucket.count({ where: { expiresAt: { lte: ended } } })).toBe(0);
  });
});

describe("periodic tasks", () => {
  it("run once per interval across concurrent callers", async () => {
    const claims = await Promise.all(Array.from({ length: 6 }, () => claimPeriodicRun("test-task", 15 * 60, now)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimPeriodicRun("test-task", 15 * 60, new Date(now.getTime() + 15 * 60 * 1000))).toBe(true);
  });
});
