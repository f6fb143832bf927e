import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { attemptPasswordStep } from "@/lib/auth/sign-in-flow";
import { getEnvironment } from "@/lib/env";
import { checkRateLimit } from "@/lib/rate-limit/limits";
import { fileReport } from "@/lib/reports/file-report";
import { generateTrackingCode } from "@/lib/reports/receipt";
import { verifyReceipt } from "@/lib/reports/tracking";
import { hashSecret } from "@/lib/security/secret-hash";

import { ensureReportReferenceData, FILING_NOW, pungliForm } from "../fixtures/reports";
import { connectTestDatabase } from "./support/database";

/**
 * Every abuse limit under a burst: 100 attempts fired at once (as many parallel requests on
 * several instances would) must let exactly the limit through. A limit that looks before it
 * counts lets them all through, because they all look before any of them counts.
 */

const db = connectTestDatabase();
const BURST = 100;
const run = randomUUID().slice(0, 8);

beforeAll(async () => {
  await ensureReportReferenceData(db);
});

afterAll(async () => {
  await db.$disconnect();
});

/** A fresh client address, so no other test's counts reach this one. */
const newClientAddress = () => `198.18.${Math.floor(Math.random() * 256)}.${Math.floor(Math.random() * 256)}-${randomUUID()}`;

function countOutcomes(outcomes: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1;
  return counts;
}

describe(`${BURST} parallel attempts against each limit`, () => {
  // Each attempt let through checks a key (argon2id), a hundred of them without the limit: time enough for them on a busy machine.
  it("tracking, per client: exactly the limit of wrong attempts get an answer, the rest are refused", { timeout: 300_000 }, async () => {
    const limit = getEnvironment().RATE_LIMIT_TRACKING_FAILURES_PER_CLIENT_PER_HOUR;
    const guesser = newClientAddress();

    const results = await Promise.all(
      Array.from({ length: BURST }, () =>
        verifyReceipt({ trackingCode: generateTrackingCode(), secretKey: "00000-00000-00000-00000-00000", clientAddress: guesser, now: FILING_NOW }),
      ),
    );

    expect(countOutcomes(results.map((result) => (result.status === "rejected" ? result.error : result.status)))).toEqual({
      trackingNotFound: limit,
      rateLimited: BURST - limit,
    });
  });

  // Every one of these attempts checks a key (argon2id): a code over its limit still opens with the
  // right key, so only the answer to a wrong one changes. Time enough for a hundred on a busy machine.
  it("tracking, per code: exactly the limit of wrong keys on one code get an answer, whoever sends them", { timeout: 300_000 }, async () => {
    const limit = getEnvironment().RATE_LIMIT_TRACKING_FAILURES_PER_CODE_PER_HOUR;
    const filed = await fileReport({ form: pungliForm(), evidenceTokens: [], locale: "id", now: FILING_NOW });
    if (filed.status !== "filed") throw new Error(JSON.stringify(filed));

    const results = await Promise.all(
      Array.from({ length: BURST }, (_, index) =>
        verifyReceipt({
          trackingCode: filed.receipt.trackingCode,
          secretKey: `wrong key ${index}`,
          clientAddress: newClientAddress(),
          now: FILING_NOW,
        }),
      ),
    );

    expect(countOutcomes(results.map((result) => (result.status === "rejected" ? result.error : result.status)))).toEqual({
      trackingNotFound: limit,
      rateLimited: BURST - limit,
    });
  });

  it("sign-in, per account: exactly the limit of wrong passwords are checked", async () => {
    const limit = getEnvironment().RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT;
    const email = `staf-${run}-akun@uji.lapor-imigrasi.id`;
    await db.staffUser.create({
      data: { name: "Petugas Uji", email, passwordHash: await hashSecret(randomUUID()), role: "OFFICER", scopeLevel: "NATIONAL" },
    });

    const results = await Promise.all(
      Array.from({ length: BURST }, (_, index) => attemptPasswordStep({ email, password: `salah-${index}`, clientAddress: newClientAddress() })),
    );

    expect(countOutcomes(results.map((result) => result.outcome))).toEqual({ invalid: limit, rateLimited: BURST - limit });
  });

  it("sign-in, per client: exactly the limit of wrong passwords are checked, whatever the accounts", async () => {
    const limit = getEnvironment().RATE_LIMIT_SIGN_IN_FAILURES_PER_CLIENT;
    const guesser = newClientAddress();

    const results = await Promise.all(
      Array.from({ length: BURST }, (_, index) =>
        attemptPasswordStep({ email: `tebakan-${run}-${index}@uji.lapor-imigrasi.id`, password: "salah", clientAddress: guesser }),
      ),
    );

    expect(countOutcomes(results.map((result) => result.outcome))).toEqual({ invalid: limit, rateLimited: BURST - limit });
  });

  it("filing, per client: exactly the limit are allowed", async () => {
    const limit = getEnvironment().RATE_LIMIT_FILINGS_PER_HOUR;
    const client = newClientAddress();

    const results = await Promise.all(Array.from({ length: BURST }, () => checkRateLimit("filing", client, { now: FILING_NOW })));

    expect(results.filter((result) => result.allowed)).toHaveLength(limit);
  });
});
