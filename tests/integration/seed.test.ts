import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { verifyAuditChain } from "@/lib/audit/verify";
import { parseCsv } from "@/prisma/seed/csv";

import { connectTestDatabase } from "./support/database";

const run = promisify(execFile);
const db = connectTestDatabase();

function csvRowCount(fileName: string) {
  return parseCsv(readFileSync(path.join(process.cwd(), "data", fileName), "utf8")).length;
}

async function runSeed(args: string[] = [], environment: Record<string, string> = {}) {
  return run("npx", ["tsx", "prisma/seed.ts", ...args], {
    env: { ...process.env, ...environment },
    cwd: process.cwd(),
  });
}

async function countAll() {
  const [offices, services, categories, holidays, staff, cases, events] = await Promise.all([
    db.office.count(),
    db.service.count(),
    db.category.count(),
    db.holiday.count(),
    db.staffUser.count(),
    db.case.count(),
    db.caseEvent.count(),
  ]);
  return { offices, services, categories, holidays, staff, cases, events };
}

beforeAll(async () => {
  // The seed adds demo cases only to a database without cases; other files of
  // this suite (run one after another) may have left some.
  await db.$executeRawUnsafe('TRUNCATE "Case", "CaseEvent" CASCADE');
  await runSeed(["--cases=150"]);
}, 300_000);

afterAll(async () => {
  await db.$disconnect();
});

describe("seed", () => {
  it("loads every office, service, holiday and category from the reference data", async () => {
    const counts = await countAll();
    expect(counts.offices).toBe(csvRowCount("immigration-offices.csv"));
    expect(counts.services).toBe(csvRowCount("immigration-services-fees.csv"));
    expect(counts.holidays).toBe(csvRowCount("indonesia-holidays.csv"));
    expect(counts.categories).toBe(7);
    const passport = await db.service.findUniqueOrThrow({ where: { code: "paspor-el-10th" }, select: { fees: { select: { feeRupiah: true } } } });
    expect(passport.fees.map((fee) => fee.feeRupiah)).toEqual([950_000]);
  });

  it("creates demo staff for each role and scope", async () => {
    const byScope = await db.staffUser.groupBy({ by: ["role", "scopeLevel"], _count: true });
    const pairs = byScope.map((group) => `${group.role}/${group.scopeLevel}`).sort();
    expect(pairs).toEqual(["ADMIN/NATIONAL", "OFFICER/OFFICE", "SUPERVISOR/NATIONAL", "SUPERVISOR/OFFICE", "SUPERVISOR/REGIONAL", "SURVEYOR/REGIONAL"]);
  });

  it("adds demo visitor-survey answers for several offices, deterministically shaped, and one burst to review", async () => {
    const perOffice = await db.surveyResponse.groupBy({ by: ["officeId"], _count: true });
    expect(perOffice.length).toBeGreaterThanOrEqual(10);
    expect(perOffice.filter((office) => office._count >= 400).length).toBeGreaterThanOrEqual(8);
    const channels = await db.surveyResponse.groupBy({ by: ["channel"], _count: true });
    expect(channels.map((group) => group.channel).sort()).toEqual(["INTERVIEWER", "OPEN_POSTER", "RANDOM_INVITATION"]);
    expect(await db.surveyResponse.count({ where: { askedToPay: true } })).toBeGreaterThan(100);
    expect(await db.surveyBurstFlag.count({ where: { status: "OPEN" } })).toBe(1);
  });

  it("never returns password hashes unless asked for by name", async () => {
    const staff = await db.staffUser.findFirstOrThrow();
    expect(staff).not.toHaveProperty("passwordHash");
    const withHash = await db.staffUser.findFirstOrThrow({ omit: { passwordHash: false } });
    expect(withHash.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it("is idempotent: a second run adds nothing", async () => {
    const before = await countAll();
    await runSeed();
    expect(await countAll()).toEqual(before);
  }, 300_000);

  it("refuses to run in production unless forced", async () => {
    await expect(runSeed(["--reference-only"], { NODE_ENV: "production" })).rejects.toMatchObject({ code: 1 });
    await expect(runSeed(["--reference-only", "--force"], { NODE_ENV: "production" })).resolves.toBeDefined();
  }, 300_000);

  it("spreads demo cases over the last 12 months, statuses, kinds and channels", async () => {
    const cases = await db.case.findMany({ select: { receivedAt: true, status: true, kind: true, channel: true, officeId: true } });
    expect(cases).toHaveLength(150);
    const now = Date.now();
    const ages = cases.map((item) => (now - item.receivedAt.getTime()) / 86_400_000);
    expect(Math.min(...ages)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...ages)).toBeLessThanOrEqual(366);
    expect(Math.max(...ages)).toBeGreaterThan(200);
    expect(new Set(cases.map((item) => item.status)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(cases.map((item) => item.kind))).toEqual(new Set(["COMPLAINT", "PUNGLI"]));
    expect(new Set(cases.map((item) => item.channel)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(cases.map((item) => item.officeId)).size).toBeGreaterThan(20);
  });

  it("gives demo cases dates that agree with their status", async () => {
    const cases = await db.case.findMany();
    for (const item of cases) {
      expect(item.verificationDueAt.getTime()).toBeGreaterThan(item.receivedAt.getTime());
      if (item.status === "NEW") expect(item.verifiedAt).toBeNull();
      else expect(item.verifiedAt!.getTime()).toBeGreaterThan(item.receivedAt.getTime());
      if (["RESOLVED", "REJECTED", "FORWARDED"].includes(item.status)) expect(item.closedAt).not.toBeNull();
      else expect(item.closedAt).toBeNull();
      if (item.status === "REJECTED") expect(item.rejectionReason).toBeTruthy();
      if (item.status === "FORWARDED") expect(item.forwardedTo).toBeTruthy();
      if (item.closedAt) expect(item.closedAt.getTime()).toBeLessThanOrEqual(Date.now());
    }
  });

  it("keeps identified reporters' contacts apart and anonymous ones empty", async () => {
    const anonymousWithContact = await db.case.count({ where: { reporterMode: "ANONYMOUS", reporterContact: { isNot: null } } });
    const identifiedWithout = await db.case.count({ where: { reporterMode: "IDENTIFIED", reporterContact: { is: null } } });
    expect(anonymousWithContact).toBe(0);
    expect(identifiedWithout).toBe(0);
  });

  it("writes an audit trail whose hash chain verifies", async () => {
    expect(await db.caseEvent.count()).toBeGreaterThan(150);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});
