import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { computePublicStatistics, type TransparencyRules } from "@/lib/transparency/compute";
import { getPublicStatistics, PUBLIC_SNAPSHOT_KEY, REFRESH_LOCK } from "@/lib/transparency/snapshot";
import type { PublicOffice, PublicStatistics } from "@/lib/transparency/types";

import { NEEDS_SEPARATE_SESSIONS, runsOnEmbeddedDatabase } from "./_setup/database-kind";
import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";

/**
 * The public figures on hand-made cases. "Now" is 15 November 2026 in Jakarta, so the period is
 * November 2025 to October 2026.
 *
 * - Office A, 14 reports: 10 resolved in March 2026 (7 on time, 3 late; working days
 *   1,2,2,3,3,4,5,6,8,10; rated 5,5,4,4,4,3,5,2,4,5), and in May 2026 two open past their
 *   deadline (late), one open before its deadline (not measured yet) and one rejected unverified
 *   (not measured).
 * - Office B, 3 reports in March 2026, resolved on time in 2 working days, rated 1,1,1.
 * - Office C, 6 reports resolved on time in 2 working days: 5 in July 2026 and one at the first
 *   instant of November 2025 in Jakarta. Two more just outside the period are not counted.
 */

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
const NOW = new Date("2026-11-15T05:00:00.000Z");
const RULES: TransparencyRules = { minimumCount: 5, minimumCases: 10, refreshMinutes: 60 };
const RATING_COMMENT = "Petugas ramah, terima kasih banyak (komentar rahasia)";

let fixture: ScopeFixture;
const officeBCase = { trackingCode: "", description: "" };

type ResolvedCase = { officeId: number; receivedAt: Date; isOnTime: boolean; workingDays: number; score?: number };

async function createResolvedCase({ officeId, receivedAt, isOnTime, workingDays, score }: ResolvedCase) {
  const created = await createFixtureCase(fixture, {
    officeId,
    receivedAt,
    status: "RESOLVED",
    verifiedAt: new Date(receivedAt.getTime() + HOUR_MS),
    resolutionDueAt: new Date(receivedAt.getTime() + 10 * DAY_MS),
    closedAt: new Date(receivedAt.getTime() + (isOnTime ? 5 : 15) * DAY_MS),
    verificationWorkingDays: 1,
    resolutionWorkingDays: workingDays,
  });
  if (score !== undefined) await db.satisfactionRating.create({ data: { caseId: created.id, score, comment: RATING_COMMENT } });
  return created;
}

beforeAll(async () => {
  fixture = await createScopeFixture("transparency");
  const { a, b, c } = fixture.offices;
  const march = new Date("2026-03-10T03:00:00.000Z");
  const days = [1, 2, 2, 3, 3, 4, 5, 6, 8, 10];
  const scores = [5, 5, 4, 4, 4, 3, 5, 2, 4, 5];
  for (const [index, workingDays] of days.entries()) {
    await createResolvedCase({ officeId: a.id, receivedAt: march, isOnTime: index < 7, workingDays, score: scores[index] });
  }
  const may = new Date("2026-05-04T03:00:00.000Z");
  const verifiedInMay = { receivedAt: may, verifiedAt: new Date(may.getTime() + HOUR_MS) };
  for (let index = 0; index < 2; index += 1) {
    await createFixtureCase(fixture, { officeId: a.id, status: "IN_PROGRESS", ...verifiedInMay, resolutionDueAt: new Date(may.getTime() + 10 * DAY_MS) });
  }
  await createFixtureCase(fixture, { officeId: a.id, status: "IN_PROGRESS", ...verifiedInMay, resolutionDueAt: new Date(NOW.getTime() + 5 * DAY_MS) });
  await createFixtureCase(fixture, { officeId: a.id, status: "REJECTED", receivedAt: may, closedAt: new Date(may.getTime() + DAY_MS), rejectionReason: "Bukan wewenang kantor" });

  for (let index = 0; index < 3; index += 1) {
    const created = await createResolvedCase({ officeId: b.id, receivedAt: march, isOnTime: true, workingDays: 2, score: 1 });
    if (index === 0) {
      const stored = await db.case.findUniqueOrThrow({ where: { id: created.id }, select: { trackingCode: true, description: true } });
      Object.assign(officeBCase, stored);
    }
  }

  for (let index = 0; index < 5; index += 1) {
    await createResolvedCase({ officeId: c.id, receivedAt: new Date("2026-07-01T02:00:00.000Z"), isOnTime: true, workingDays: 2 });
  }
  await createResolvedCase({ officeId: c.id, receivedAt: new Date("2025-10-31T17:00:00.000Z"), isOnTime: true, workingDays: 2 });
  await createResolvedCase({ officeId: c.id, receivedAt: new Date("2025-10-31T16:59:59.999Z"), isOnTime: true, workingDays: 2 });
  await createResolvedCase({ officeId: c.id, receivedAt: new Date("2026-10-31T17:00:00.000Z"), isOnTime: true, workingDays: 2 });
});

afterAll(async () => {
  await db.$disconnect();
});

function officeOf(statistics: PublicStatistics, code: string): PublicOffice {
  const office = statistics.offices.find((candidate) => candidate.code === code);
  if (!office) throw new Error(`office ${code} is missing`);
  return office;
}

function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (value === null || typeof value !== "object") return [];
  return Object.values(value).flatMap(numbersIn);
}

describe("the public figures", () => {
  let statistics: PublicStatistics;

  beforeAll(async () => {
    statistics = await computePublicStatistics(db, { now: NOW, rules: RULES });
  });

  it("cover the twelve complete Jakarta months before the current one", () => {
    expect(statistics.period.from).toBe("2025-11-01");
    expect(statistics.period.to).toBe("2026-10-31");
    expect(statistics.period.months).toHaveLength(12);
    expect(statistics.national.months.map((month) => month.month)).toEqual(statistics.period.months);
  });

  it("count every report received in the period nationally, rounded to a multiple of five", () => {
    // 14 + 3 + 6 = 23 reports.
    expect(statistics.national.figures.received).toEqual({ kind: "rounded", value: 25 });
  });

  it("give the national share resolved on time, the median working days and the satisfaction", () => {
    // Measured: A 12 (10 closed, 2 open past the deadline), B 3, C 6 = 21; on time 7 + 3 + 6 = 16.
    expect(statistics.national.figures.resolutionOnTimePercent).toBe(76);
    // 19 resolved: 1, then eleven 2s, ...: the 10th value is 2.
    expect(statistics.national.figures.medianResolutionWorkingDays).toBe(2);
    // 13 ratings summing to 44.
    expect(statistics.national.figures.satisfaction).toEqual({ ratings: { kind: "rounded", value: 15 }, averageScore: 3.4 });
  });

  it("give an office with enough reports all its figures", () => {
    expect(officeOf(statistics, fixture.offices.a.code).figures).toEqual({
      received: { kind: "rounded", value: 15 },
      resolutionOnTimePercent: 58,
      medianResolutionWorkingDays: 3.5,
      satisfaction: { ratings: { kind: "rounded", value: 10 }, averageScore: 4.1 },
    });
  });

  it("show a count below the minimum only as fewer than five, never its value", () => {
    const officeB = officeOf(statistics, fixture.offices.b.code);
    expect(officeB.figures.received).toEqual({ kind: "fewer-than", threshold: 5 });
    expect(officeB.figures.satisfaction.ratings).toEqual({ kind: "fewer-than", threshold: 5 });
    expect(numbersIn(officeB)).not.toContain(3);
    expect(officeB.months.find((month) => month.month === "2026-03")?.received).toEqual({ kind: "fewer-than", threshold: 5 });
  });

  it("hide shares, medians and averages behind fewer reports than STATS_MIN_CASES", () => {
    const officeB = officeOf(statistics, fixture.offices.b.code);
    expect(officeB.figures.resolutionOnTimePercent).toBeNull();
    expect(officeB.figures.medianResolutionWorkingDays).toBeNull();
    expect(officeB.figures.satisfaction.averageScore).toBeNull();
    expect(officeOf(statistics, fixture.offices.c.code).figures).toEqual({
      received: { kind: "rounded", value: 5 },
      resolutionOnTimePercent: null,
      medianResolutionWorkingDays: null,
      satisfaction: { ratings: { kind: "fewer-than", threshold: 5 }, averageScore: null },
    });
  });

  it("show the shares of an office once the minimum is lower", async () => {
    const lenient = await computePublicStatistics(db, { now: NOW, rules: { ...RULES, minimumCases: 5 } });
    expect(officeOf(lenient, fixture.offices.c.code).figures.resolutionOnTimePercent).toBe(100);
    expect(officeOf(lenient, fixture.offices.c.code).figures.medianResolutionWorkingDays).toBe(2);
  });

  it("trend by month with small months protected and the month's on-time share over enough reports", () => {
    const byMonth = Object.fromEntries(statistics.national.months.map((month) => [month.month, month]));
    // March: A 10 + B 3 = 13 received, 10 of 13 measured on time.
    expect(byMonth["2026-03"]).toEqual({ month: "2026-03", received: { kind: "rounded", value: 15 }, resolutionOnTimePercent: 77 });
    expect(byMonth["2026-05"]).toEqual({ month: "2026-05", received: { kind: "fewer-than", threshold: 5 }, resolutionOnTimePercent: null });
    expect(byMonth["2026-07"]).toEqual({ month: "2026-07", received: { kind: "rounded", value: 5 }, resolutionOnTimePercent: null });
    expect(byMonth["2025-11"]?.received).toEqual({ kind: "fewer-than", threshold: 5 });
    expect(byMonth["2026-10"]?.received).toEqual({ kind: "fewer-than", threshold: 5 });
    const officeAMarch = officeOf(statistics, fixture.offices.a.code).months.find((month) => month.month === "2026-03");
    expect(officeAMarch).toEqual({ month: "2026-03", received: { kind: "rounded", value: 10 }, resolutionOnTimePercent: 70 });
  });

  it("list every office, also those without reports, by name, city and province only", async () => {
    const empty = await db.office.create({ data: { code: `kanim-kosong-${fixture.suffix}`, name: `Kanim Kosong ${fixture.suffix}`, city: "Kosong", province: "Uji", regionalOfficeId: fixture.region1.id } });
    const withEmpty = await computePublicStatistics(db, { now: NOW, rules: RULES });
    const office = officeOf(withEmpty, empty.code);
    expect(Object.keys(office).sort()).toEqual(["city", "code", "figures", "months", "name", "province"]);
    expect(office.figures.received).toEqual({ kind: "fewer-than", threshold: 5 });
    await db.office.delete({ where: { id: empty.id } });
  });

  it("contain no report text, tracking code, rating comment or staff name", () => {
    const serialized = JSON.stringify(statistics);
    expect(officeBCase.trackingCode).not.toBe("");
    expect(serialized).not.toContain(officeBCase.trackingCode);
    expect(serialized).not.toContain(officeBCase.description);
    expect(serialized).not.toContain("Petugas loket");
    expect(serialized).not.toContain(RATING_COMMENT);
    expect(serialized).not.toContain("Bukan wewenang");
    expect(serialized).not.toContain("officerA");
    expect(serialized).not.toContain("@test.invalid");
  });
});

describe("the stored snapshot", () => {
  it("is computed by the first request, reused within the interval and recomputed after it", async () => {
    await db.publicStatsSnapshot.deleteMany();

    const first = await getPublicStatistics({ now: NOW, rules: RULES });
    expect(first.source).toBe("computed");
    expect(first.statistics.national.figures.received).toEqual({ kind: "rounded", value: 25 });
    const stored = await db.publicStatsSnapshot.findUniqueOrThrow({ where: { key: PUBLIC_SNAPSHOT_KEY } });
    expect(stored.computedAt).toEqual(NOW);

    // Five more reports for office C: 28 nationally, shown only after the refresh.
    for (let index = 0; index < 5; index += 1) {
      await createResolvedCase({ officeId: fixture.offices.c.id, receivedAt: new Date("2026-07-02T02:00:00.000Z"), isOnTime: true, workingDays: 2 });
    }
    const withinInterval = await getPublicStatistics({ now: new Date(NOW.getTime() + 59 * 60_000), rules: RULES });
    expect(withinInterval.source).toBe("stored");
    expect(withinInterval.statistics.computedAt).toBe(NOW.toISOString());
    expect(withinInterval.statistics.national.figures.received).toEqual({ kind: "rounded", value: 25 });

    const later = new Date(NOW.getTime() + 61 * 60_000);
    const afterInterval = await getPublicStatistics({ now: later, rules: RULES });
    expect(afterInterval.source).toBe("computed");
    expect(afterInterval.statistics.computedAt).toBe(later.toISOString());
    expect(afterInterval.statistics.national.figures.received).toEqual({ kind: "rounded", value: 30 });
  });

  it("is recomputed by one request only when many find it stale at once", async () => {
    const later = new Date(NOW.getTime() + 5 * 60 * 60_000);
    const results = await Promise.all(Array.from({ length: 6 }, () => getPublicStatistics({ now: later, rules: RULES })));

    expect(results.filter((result) => result.source === "computed")).toHaveLength(1);
    for (const result of results) expect(["computed", "stale", "stored"]).toContain(result.source);
    const stored = await db.publicStatsSnapshot.findUniqueOrThrow({ where: { key: PUBLIC_SNAPSHOT_KEY } });
    expect(stored.computedAt).toEqual(later);
  });

  it.skipIf(runsOnEmbeddedDatabase)(`serves the previous figures while another instance holds the refresh lock ${NEEDS_SEPARATE_SESSIONS}`, async () => {
    const later = new Date(NOW.getTime() + 10 * 60 * 60_000);
    const previous = await db.publicStatsSnapshot.findUniqueOrThrow({ where: { key: PUBLIC_SNAPSHOT_KEY } });
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REFRESH_LOCK})`;
      const result = await getPublicStatistics({ now: later, rules: RULES });
      expect(result.source).toBe("stale");
      expect(result.statistics.computedAt).toBe(previous.computedAt.toISOString());
    });
  });
});
