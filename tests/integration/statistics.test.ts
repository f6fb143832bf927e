import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import { CaseActionForbiddenError } from "@/lib/cases/errors";
import { findQueueCases } from "@/lib/cases/queue";
import { parseQueueFilters, type QueueFilters } from "@/lib/cases/queue-filters";
import { db } from "@/lib/db";
import { toQueueHref } from "@/lib/statistics/filters";
import { getStatistics } from "@/lib/statistics/queries";
import type { StatisticsFilters, StatisticsReport } from "@/lib/statistics/types";

import { createStatisticsFixture, jakarta, NOW, type StatisticsFixture } from "./statistics-fixture";

/**
 * The statistics over the hand-made cases of ./statistics-fixture.ts (read its comment first):
 * every expected figure below is written out by hand from that description, for each scope.
 * Medians and 90th percentiles are percentile_cont: interpolated, rounded to one decimal.
 */

let fixture: StatisticsFixture;
const MARCH: StatisticsFilters = { period: { preset: "custom", from: "2026-02-01", to: "2026-03-31" } };

const statisticsOf = (actor: StaffActor, filters: StatisticsFilters = MARCH, minimumCases?: number) =>
  getStatistics(actor, filters, { now: NOW, ...(minimumCases ? { minimumCases } : {}) });

/** The cases the queue lists at a figure's link, every page. */
async function casesBehind(actor: StaffActor, href: string): Promise<string[]> {
  const url = new URL(href, "http://localhost");
  const filters: QueueFilters = parseQueueFilters(Object.fromEntries(url.searchParams));
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await findQueueCases(actor, { ...filters, cursor }, { now: NOW, pageSize: 100 });
    ids.push(...page.cases.map((row) => row.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return ids.sort();
}

beforeAll(async () => {
  fixture = await createStatisticsFixture();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the durations the production clock stored", () => {
  it("counts working days across cuti bersama and the national holiday between them", async () => {
    const a1 = await db.case.findUniqueOrThrow({ where: { id: fixture.cases.a1 } });
    expect(a1.verificationWorkingDays).toBe(2);
    expect(a1.resolutionWorkingDays).toBe(9);
    expect(a1.verificationDueAt).toEqual(new Date(jakarta("2026-03-25T00:00:00").getTime() - 1));
  });

  it("subtracts the paused working days from the time to resolve and moves the deadline by them", async () => {
    const a2 = await db.case.findUniqueOrThrow({ where: { id: fixture.cases.a2 } });
    expect(a2.pausedWorkingDays).toBe(5);
    expect(a2.resolutionWorkingDays).toBe(4);
    expect(a2.resolutionDueAt).toEqual(new Date(jakarta("2026-03-18T00:00:00").getTime() - 1));
  });
});

describe("who may see statistics", () => {
  it.each(["officerA", "officerC"] as const)("refuses %s, an officer", async (name) => {
    await expect(statisticsOf(fixture.staff[name])).rejects.toBeInstanceOf(CaseActionForbiddenError);
  });

  it("names the scope of each supervisor and of the admin", async () => {
    const { staff, offices, region1 } = fixture;
    expect((await statisticsOf(staff.supervisorOfficeA)).scope).toEqual({ kind: "office", name: offices.a.name });
    expect((await statisticsOf(staff.supervisorRegion1)).scope).toEqual({ kind: "region", name: region1.name });
    expect((await statisticsOf(staff.supervisorNational)).scope).toEqual({ kind: "all" });
    expect((await statisticsOf(staff.admin)).scope).toEqual({ kind: "all" });
  });
});

describe("an office supervisor (office A)", () => {
  let report: StatisticsReport;
  beforeAll(async () => {
    report = await statisticsOf(fixture.staff.supervisorOfficeA);
  });

  it("counts the reports received in the period, by kind and channel, with an empty month kept", () => {
    expect(report.volume.received).toBe(8);
    expect(report.volume.byKind).toEqual([
      { kind: "COMPLAINT", count: 5 },
      { kind: "PUNGLI", count: 3 },
    ]);
    expect(report.volume.byChannel).toEqual([
      { channel: "ONLINE", count: 6 },
      { channel: "PHONE", count: 1 },
      { channel: "WALK_IN", count: 1 },
    ]);
    expect(report.volume.byMonth).toEqual([
      { month: "2026-02", received: 0, pungli: 0, closed: 0 },
      { month: "2026-03", received: 8, pungli: 3, closed: 4 },
    ]);
  });

  it("includes the last minute of the period's last Jakarta day and excludes the first minute after it", async () => {
    const byDay = await statisticsOf(fixture.staff.supervisorOfficeA, { period: { preset: "custom", from: "2026-03-31", to: "2026-03-31" } });
    expect(byDay.volume.received).toBe(1);
    const nextDay = await statisticsOf(fixture.staff.supervisorOfficeA, { period: { preset: "custom", from: "2026-04-01", to: "2026-04-01" } });
    expect(nextDay.volume.received).toBe(1);
  });

  it("measures verification on time over decided reports and undecided ones past their due date", () => {
    expect(report.deadlines.verificationOnTime).toEqual({ numerator: 6, denominator: 7, value: 6 / 7 });
    expect(report.deadlines.daysToVerify).toEqual({ count: 6, median: 2.5, p90: 3 });
  });

  it("measures resolution on time over closed verified cases and running ones past their due date, not paused ones", () => {
    expect(report.deadlines.resolutionOnTime).toEqual({ numerator: 2, denominator: 4, value: 0.5 });
    expect(report.deadlines.daysToResolve).toEqual({ count: 2, median: 6.5, p90: 8.5 });
  });

  it("counts the escalated reports of the period and the overdue cases now, whatever the period", () => {
    expect(report.deadlines.escalated).toBe(1);
    expect(report.deadlines.overdueNow).toBe(4);
  });

  it("sorts the open backlog by calendar age, whatever the period", () => {
    expect(report.backlog).toEqual({
      open: 7,
      byAge: [
        { bucket: "0-7", count: 3, receivedFrom: "2026-03-26", receivedTo: "2026-04-02" },
        { bucket: "8-30", count: 2, receivedFrom: "2026-03-03", receivedTo: "2026-03-25" },
        { bucket: "31-90", count: 1, receivedFrom: "2026-01-02", receivedTo: "2026-03-02" },
        { bucket: "91+", count: 1, receivedFrom: null, receivedTo: "2026-01-01" },
      ],
      oldestReceivedAt: "2025-12-01T03:00:00.000Z",
    });
  });

  it("counts outcomes with the rejection reasons and the forward targets", () => {
    expect(report.outcomes).toEqual({
      resolved: 2,
      rejected: 1,
      forwarded: 1,
      open: 4,
      rejectionReasons: [{ reason: "Bukan kewenangan kantor imigrasi", count: 1 }],
      forwardedTo: [{ target: "OMBUDSMAN", count: 1 }],
    });
  });

  it("summarises satisfaction, including ratings of cases that were not resolved", () => {
    expect(report.satisfaction).toEqual({
      ratings: 3,
      average: 3.67,
      distribution: [
        { score: 1, count: 0 },
        { score: 2, count: 1 },
        { score: 3, count: 0 },
        { score: 4, count: 1 },
        { score: 5, count: 1 },
      ],
      ratedShareOfResolved: { numerator: 2, denominator: 2, value: 1 },
    });
  });

  it("sums and takes the median of the amounts demanded above the official fee", () => {
    expect(report.pungli).toMatchObject({ reports: 3, withAmount: 2, aboveFeeCount: 2, totalAboveFeeRupiah: 800_000, medianAboveFeeRupiah: 400_000, withBroker: 2 });
    expect(report.pungli.byService).toEqual([
      { code: fixture.service.code, nameId: "Paspor uji", nameEn: "Test passport", reports: 3, withAmount: 2, totalAboveFeeRupiah: 800_000, medianAboveFeeRupiah: 400_000, withBroker: 2 },
    ]);
  });

  it("lists reports that named no service under a null code", () => {
    expect(report.volume.byService).toEqual([
      { code: fixture.service.code, nameId: "Paspor uji", nameEn: "Test passport", count: 7 },
      { code: null, nameId: "Tanpa layanan", nameEn: "No service", count: 1 },
    ]);
  });
});

describe("a regional supervisor (region 1: offices A and B)", () => {
  let report: StatisticsReport;
  beforeAll(async () => {
    report = await statisticsOf(fixture.staff.supervisorRegion1);
  });

  it("counts the reports of both offices of the region and none of region 2", () => {
    expect(report.volume.received).toBe(11);
    expect(report.volume.byOffice).toEqual([
      { code: fixture.offices.a.code, name: fixture.offices.a.name, count: 8 },
      { code: fixture.offices.b.code, name: fixture.offices.b.name, count: 3 },
    ]);
    expect(report.volume.byCategory).toEqual([
      { code: fixture.otherCategory.code, nameId: "Lambat uji", nameEn: "Test slow", count: 7 },
      { code: fixture.category.code, nameId: "Pungli uji", nameEn: "Test pungli", count: 4 },
    ]);
  });

  it("computes the deadline figures over the region", () => {
    expect(report.deadlines).toEqual({
      verificationOnTime: { numerator: 8, denominator: 10, value: 0.8 },
      resolutionOnTime: { numerator: 3, denominator: 5, value: 0.6 },
      daysToVerify: { count: 9, median: 3, p90: 3.4 },
      daysToResolve: { count: 3, median: 6, p90: 8.4 },
      overdueNow: 4,
      escalated: 1,
    });
  });

  it("orders rejection reasons by frequency", () => {
    expect(report.outcomes).toMatchObject({ resolved: 3, rejected: 3, forwarded: 1, open: 4 });
    expect(report.outcomes.rejectionReasons).toEqual([
      { reason: "Bukan kewenangan kantor imigrasi", count: 2 },
      { reason: "Laporan tidak lengkap", count: 1 },
    ]);
  });

  it("counts a pungli report demanding less than the fee as having an amount but nothing above the fee", () => {
    expect(report.pungli).toMatchObject({ reports: 4, withAmount: 3, aboveFeeCount: 2, totalAboveFeeRupiah: 800_000, medianAboveFeeRupiah: 400_000, withBroker: 2 });
  });

  it("summarises satisfaction over the region", () => {
    expect(report.satisfaction.ratings).toBe(4);
    expect(report.satisfaction.average).toBe(3.5);
    expect(report.satisfaction.ratedShareOfResolved).toEqual({ numerator: 3, denominator: 3, value: 1 });
  });

  it("is unchanged by a new report in region 2", async () => {
    const extra = await fixture.makeCase({ officeId: fixture.offices.c.id, receivedLocal: "2026-03-17T10:00:00", rating: 5, amountDemandedRupiah: 900_000, feeDifferenceRupiah: 550_000, brokerInvolved: true });
    try {
      expect(await statisticsOf(fixture.staff.supervisorRegion1)).toEqual(report);
      expect((await statisticsOf(fixture.staff.supervisorRegion2)).volume.received).toBe(3);
    } finally {
      await db.case.delete({ where: { id: extra } });
    }
  });
});

describe("a national supervisor and an admin", () => {
  it.each(["supervisorNational", "admin"] as const)("%s sees every region", async (name) => {
    const report = await statisticsOf(fixture.staff[name]);
    expect(report.volume.received).toBe(13);
    expect(report.deadlines).toEqual({
      verificationOnTime: { numerator: 9, denominator: 12, value: 0.75 },
      resolutionOnTime: { numerator: 4, denominator: 6, value: 4 / 6 },
      daysToVerify: { count: 10, median: 2.5, p90: 3.2 },
      daysToResolve: { count: 4, median: 5, p90: 8.1 },
      overdueNow: 5,
      escalated: 1,
    });
    expect(report.outcomes).toMatchObject({ resolved: 4, rejected: 3, forwarded: 1, open: 5 });
    expect(report.backlog.open).toBe(8);
    expect(report.backlog.byAge.map((bucket) => bucket.count)).toEqual([3, 3, 1, 1]);
    expect(report.satisfaction).toMatchObject({ ratings: 5, average: 3, ratedShareOfResolved: { numerator: 4, denominator: 4, value: 1 } });
    expect(report.satisfaction.distribution.map((entry) => entry.count)).toEqual([1, 1, 1, 1, 1]);
    expect(report.pungli).toMatchObject({ reports: 5, withAmount: 4, aboveFeeCount: 3, totalAboveFeeRupiah: 2_450_000, medianAboveFeeRupiah: 650_000, withBroker: 3 });
  });

  it("narrows to one office by its code", async () => {
    const report = await statisticsOf(fixture.staff.supervisorNational, { ...MARCH, office: fixture.offices.c.code });
    expect(report.volume.received).toBe(2);
    expect(report.deadlines.overdueNow).toBe(1);
  });

  it("narrows to one kind, also for the backlog", async () => {
    const report = await statisticsOf(fixture.staff.supervisorNational, { ...MARCH, kind: "PUNGLI" });
    expect(report.volume.received).toBe(5);
    expect(report.backlog.open).toBe(1);
  });
});

describe("the office comparison", () => {
  it("uses STATS_MIN_CASES (10 by default): offices below it get no shares, average or rank", async () => {
    const report = await statisticsOf(fixture.staff.supervisorRegion1);
    expect(report.minimumCases).toBe(10);
    expect(report.offices.map((row) => [row.code, row.received, row.isComparable, row.rank, row.resolutionOnTime.value, row.satisfaction.average])).toEqual([
      [fixture.offices.a.code, 8, false, null, null, null],
      [fixture.offices.b.code, 3, false, null, null, null],
    ]);
  });

  it("keeps the counts behind a hidden share, so the office's cases can still be listed", async () => {
    const report = await statisticsOf(fixture.staff.supervisorRegion1);
    expect(report.offices[0]!.verificationOnTime).toEqual({ numerator: 6, denominator: 7, value: null });
    expect(report.offices[0]!.satisfaction.ratings).toBe(3);
  });

  it("shows shares and a rank only for offices at or above the minimum, and only for shares that rest on the minimum", async () => {
    const report = await statisticsOf(fixture.staff.supervisorNational, MARCH, 3);
    const [a, b, c] = [fixture.offices.a, fixture.offices.b, fixture.offices.c].map((office) => report.offices.find((row) => row.code === office.code)!);
    expect(a).toMatchObject({ received: 8, pungli: 3, isComparable: true, rank: 1, resolutionOnTime: { numerator: 2, denominator: 4, value: 0.5 }, satisfaction: { ratings: 3, average: 3.67 } });
    // B has 3 reports, but its resolution share rests on one case and its average on one rating:
    // 100 % from a single case must not rank it first.
    expect(b).toMatchObject({
      received: 3,
      pungli: 1,
      isComparable: true,
      rank: null,
      verificationOnTime: { numerator: 2, denominator: 3, value: 2 / 3 },
      resolutionOnTime: { numerator: 1, denominator: 1, value: null },
      satisfaction: { ratings: 1, average: null },
    });
    expect(c).toMatchObject({ received: 2, pungli: 1, isComparable: false, rank: null, resolutionOnTime: { numerator: 1, denominator: 1, value: null }, satisfaction: { ratings: 1, average: null } });
  });

  it("gives equal shares the same rank", async () => {
    const report = await statisticsOf(fixture.staff.supervisorNational, MARCH, 1);
    expect(report.offices.map((row) => [row.code, row.rank])).toEqual([
      [fixture.offices.a.code, 3],
      [fixture.offices.b.code, 1],
      [fixture.offices.c.code, 1],
    ]);
  });

  it("breaks each office's reports down by service", async () => {
    const report = await statisticsOf(fixture.staff.supervisorRegion1);
    expect(report.offices[0]!.byService).toEqual([
      { code: fixture.service.code, count: 7 },
      { code: null, count: 1 },
    ]);
  });
});

describe("each figure links to the queue of exactly its cases", () => {
  const linked = (extra: Partial<QueueFilters>, options?: { withPeriod?: boolean }) => casesBehind(fixture.staff.supervisorRegion1, toQueueHref(MARCH, extra, options));
  const ids = (...names: (keyof StatisticsFixture["cases"])[]) => names.map((name) => fixture.cases[name]).sort();

  it("verification late: the denominator less the numerator", async () => {
    expect(await linked({ verification: "late" })).toEqual(ids("a5", "b2"));
  });

  it("verification on time: the numerator", async () => {
    expect(await linked({ verification: "on-time" })).toHaveLength(8);
  });

  it("resolution late and on time", async () => {
    expect(await linked({ resolution: "late" })).toEqual(ids("a1", "a6"));
    expect(await linked({ resolution: "on-time" })).toEqual(ids("a2", "a4", "b2"));
  });

  it("decided reports: the count behind the days to verify", async () => {
    expect(await linked({ decided: "yes" })).toHaveLength(9);
  });

  it("escalated reports of the period", async () => {
    expect(await linked({ escalated: "yes" })).toEqual(ids("a5"));
  });

  it("forwarded to the Ombudsman", async () => {
    expect(await linked({ forwardedTo: "OMBUDSMAN" })).toEqual(ids("a4"));
  });

  it("rated cases, by score, and rated resolved ones", async () => {
    expect(await linked({ rating: "any" })).toEqual(ids("a1", "a2", "a3", "b2"));
    expect(await linked({ rating: "5" })).toEqual(ids("a1"));
    expect(await linked({ rating: "any", status: "RESOLVED" })).toEqual(ids("a1", "a2", "b2"));
  });

  it("pungli with a broker, with an amount, and above the fee", async () => {
    expect(await linked({ broker: "yes" })).toEqual(ids("a1", "a6"));
    expect(await linked({ amount: "yes" })).toEqual(ids("a1", "a6", "b1"));
    expect(await linked({ aboveFee: "yes" })).toEqual(ids("a1", "a6"));
  });

  it("each backlog age bucket", async () => {
    const report = await statisticsOf(fixture.staff.supervisorRegion1);
    for (const bucket of report.backlog.byAge) {
      const listed = await linked({ status: "open", from: bucket.receivedFrom ?? undefined, to: bucket.receivedTo }, { withPeriod: false });
      expect(listed, bucket.bucket).toHaveLength(bucket.count);
    }
  });

  it("overdue now", async () => {
    expect(await linked({ deadline: "OVERDUE" }, { withPeriod: false })).toEqual(ids("a0", "a5", "a6", "aOld"));
  });
});

describe("a case put on hold after its resolution deadline had passed", () => {
  // Office C, received in January (no other case of region 2 then): verified on 5 Jan, its
  // resolution deadline (5 working days, 12 Jan) passes, and only on 20 Jan is it put on hold.
  const JANUARY: StatisticsFilters = { period: { preset: "custom", from: "2026-01-01", to: "2026-01-31" } };
  let heldId: string;
  beforeAll(async () => {
    heldId = await fixture.makeCase({
      officeId: fixture.offices.c.id,
      kind: "COMPLAINT",
      categoryId: fixture.otherCategory.id,
      receivedLocal: "2026-01-05T09:00:00",
      steps: [
        { to: "VERIFIED", at: "2026-01-05T10:00:00" },
        { to: "WAITING_FOR_REPORTER", at: "2026-01-20T10:00:00" },
      ],
    });
  });

  it("counts as late for the resolution figure, however long the wait lasts", async () => {
    const report = await statisticsOf(fixture.staff.supervisorRegion2, JANUARY);
    expect(report.volume.received).toBe(1);
    expect(report.deadlines.resolutionOnTime).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(await casesBehind(fixture.staff.supervisorRegion2, toQueueHref(JANUARY, { resolution: "late" }))).toEqual([heldId]);
  });

  it("still leaves out a case put on hold before its deadline", async () => {
    const onTimeHold = await fixture.makeCase({
      officeId: fixture.offices.c.id,
      kind: "COMPLAINT",
      categoryId: fixture.otherCategory.id,
      receivedLocal: "2026-01-26T09:00:00",
      steps: [
        { to: "VERIFIED", at: "2026-01-26T10:00:00" },
        { to: "WAITING_FOR_REPORTER", at: "2026-01-27T10:00:00" },
      ],
    });
    const report = await statisticsOf(fixture.staff.supervisorRegion2, JANUARY);
    expect(report.volume.received).toBe(2);
    expect(report.deadlines.resolutionOnTime).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(await casesBehind(fixture.staff.supervisorRegion2, toQueueHref(JANUARY, { resolution: "late" }))).not.toContain(onTimeHold);
  });
});
