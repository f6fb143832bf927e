import type { StaffActor } from "@/lib/auth/session";
import { changeCaseStatus, type ChangeCaseStatusInput } from "@/lib/cases/status";
import { db } from "@/lib/db";
import { computeVerificationDueAt } from "@/lib/deadlines/case-clock";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

import { createFixtureCase, createScopeFixture, type FixtureCaseOptions, type ScopeFixture } from "./cases-fixtures";

/**
 * Hand-made cases for tests/integration/statistics.test.ts, whose expected figures are written
 * there as literals. Every decision goes through the real changeCaseStatus at a given instant, so
 * the stored deadlines and working-day durations are the production code's.
 *
 * The calendar (a test calendar, not the real one): 2026-03-01 is a Sunday; Wednesday 18 March
 * is cuti bersama, Thursday 19 a national holiday, Friday 20 cuti bersama. Working days in March:
 * 2-6, 9-13, 16, 17, 23-27, 30, 31. "Now" is Thursday 2 April 2026, 10:00 in Jakarta. Times
 * below are Jakarta wall-clock times.
 *
 * Office A (region 1), received in March:
 * - A1 pungli (demanded 500,000, fee 350,000, broker) 16 Mar; verified 23 Mar: 2 working days
 *   across the holidays, on time (due 24 Mar; without them it would have been due 19 Mar);
 *   resolved 1 Apr: late (due 30 Mar), 9 working days; rated 5.
 * - A2 complaint 2 Mar; verified 3 Mar (1 day); waits for the reporter 4-11 Mar (5 working
 *   days paused, due moves from 10 to 17 Mar); resolved 13 Mar: on time, 9 - 5 = 4 days; rated 4.
 * - A3 pungli without amount, no broker, 3 Mar; rejected from NEW 5 Mar (2 days) "Bukan
 *   kewenangan kantor imigrasi"; rated 2.
 * - A4 complaint by walk-in, no service, 4 Mar; verified 9 Mar (3 days, on the due day);
 *   forwarded to the Ombudsman 10 Mar: on time.
 * - A5 complaint 5 Mar, never decided (due 10 Mar: late), escalated.
 * - A6 pungli by phone (demanded 1,000,000, broker) 9 Mar; verified 12 Mar (3 days); in
 *   progress since, resolution due 24 Mar across the holidays: late now.
 * - A7 complaint 31 Mar 23:30, new, due 3 Apr: not measured yet.
 * - A8 complaint 26 Mar; verified 31 Mar (3 days); waiting for the reporter since 1 Apr.
 * Office A, received outside March (backlog and overdue only):
 * - A0 complaint 30 Jan, new, escalated; A9 complaint 1 Apr 00:10, new; AOld complaint 1 Dec 2025, new.
 * Office B (region 1):
 * - B1 pungli (demanded 300,000, below the fee) 10 Mar; rejected 13 Mar (3 days) "Laporan tidak lengkap".
 * - B2 complaint 2 Mar; verified 9 Mar (5 days: late); resolved 10 Mar, on time, 6 days; rated 3.
 * - B3 complaint, no service, 11 Mar; rejected 13 Mar (2 days) "Bukan kewenangan kantor imigrasi".
 * Office C (region 2):
 * - C1 pungli (demanded 2,000,000, broker) 10 Mar; verified 11 Mar (1 day); resolved 12 Mar (2 days); rated 1.
 * - C2 complaint 16 Mar, new (due 24 Mar: late).
 */

export const NOW = jakarta("2026-04-02T10:00:00");
export const TEST_HOLIDAYS = [
  { date: "2026-03-18", kind: "CUTI_BERSAMA" },
  { date: "2026-03-19", kind: "NATIONAL_HOLIDAY" },
  { date: "2026-03-20", kind: "CUTI_BERSAMA" },
] as const;

/** An instant given as Jakarta wall-clock time. */
export function jakarta(local: string): Date {
  return new Date(`${local}+07:00`);
}

export type StatisticsFixture = Awaited<ReturnType<typeof createStatisticsFixture>>;

type Step = { to: CaseStatus; at: string } & Partial<Pick<ChangeCaseStatusInput, "rejectionReason" | "forwardTarget" | "forwardNote">>;

export async function createStatisticsFixture() {
  await db.holiday.createMany({
    data: TEST_HOLIDAYS.map((holiday) => ({ date: new Date(`${holiday.date}T00:00:00Z`), nameId: "Libur uji", nameEn: "Test holiday", kind: holiday.kind })),
  });
  const holidays = new Set<string>(TEST_HOLIDAYS.map((holiday) => holiday.date));
  const scope = await createScopeFixture("statistics");
  const { offices, staff, otherCategory } = scope;
  const officerOf = new Map<number, StaffActor>([
    [offices.a.id, staff.officerA],
    [offices.b.id, staff.officerB],
    [offices.c.id, staff.officerC],
  ]);

  async function makeCase(options: FixtureCaseOptions & { receivedLocal: string; steps?: Step[]; rating?: number }) {
    const { receivedLocal, steps = [], rating, ...data } = options;
    const receivedAt = jakarta(receivedLocal);
    const created = await createFixtureCase(scope, { receivedAt, verificationDueAt: computeVerificationDueAt(receivedAt, holidays), ...data });
    let version = created.version;
    for (const step of steps) {
      const { to, at, ...details } = step;
      await changeCaseStatus(officerOf.get(data.officeId)!, { caseId: created.id, version, to, ...details }, { now: jakarta(at) });
      version += 1;
    }
    if (rating) await db.satisfactionRating.create({ data: { caseId: created.id, score: rating } });
    return created.id;
  }

  const complaint = { kind: "COMPLAINT", categoryId: otherCategory.id } as const;
  const pungli = (amountDemandedRupiah: number | null, brokerInvolved: boolean) =>
    ({
      kind: "PUNGLI",
      amountDemandedRupiah,
      officialFeeRupiah: 350_000,
      feeDifferenceRupiah: amountDemandedRupiah === null ? null : amountDemandedRupiah - 350_000,
      brokerInvolved,
    }) as const;
  const notOurs = "Bukan kewenangan kantor imigrasi";
  const a = offices.a.id;
  const b = offices.b.id;
  const c = offices.c.id;

  const cases = {
    a1: await makeCase({ officeId: a, ...pungli(500_000, true), receivedLocal: "2026-03-16T10:00:00", rating: 5, steps: [{ to: "VERIFIED", at: "2026-03-23T10:00:00" }, { to: "RESOLVED", at: "2026-04-01T10:00:00" }] }),
    a2: await makeCase({
      officeId: a,
      ...complaint,
      receivedLocal: "2026-03-02T10:00:00",
      rating: 4,
      steps: [
        { to: "VERIFIED", at: "2026-03-03T10:00:00" },
        { to: "WAITING_FOR_REPORTER", at: "2026-03-04T10:00:00" },
        { to: "IN_PROGRESS", at: "2026-03-11T10:00:00" },
        { to: "RESOLVED", at: "2026-03-13T10:00:00" },
      ],
    }),
    a3: await makeCase({ officeId: a, ...pungli(null, false), receivedLocal: "2026-03-03T10:00:00", rating: 2, steps: [{ to: "REJECTED", at: "2026-03-05T10:00:00", rejectionReason: notOurs }] }),
    a4: await makeCase({
      officeId: a,
      ...complaint,
      channel: "WALK_IN",
      serviceId: null,
      receivedLocal: "2026-03-04T10:00:00",
      steps: [
        { to: "VERIFIED", at: "2026-03-09T10:00:00" },
        { to: "FORWARDED", at: "2026-03-10T10:00:00", forwardTarget: "OMBUDSMAN", forwardNote: "Diteruskan ke Ombudsman RI." },
      ],
    }),
    a5: await makeCase({ officeId: a, ...complaint, receivedLocal: "2026-03-05T10:00:00", isEscalated: true, escalatedAt: jakarta("2026-03-11T10:00:00") }),
    a6: await makeCase({
      officeId: a,
      ...pungli(1_000_000, true),
      channel: "PHONE",
      receivedLocal: "2026-03-09T10:00:00",
      steps: [
        { to: "VERIFIED", at: "2026-03-12T10:00:00" },
        { to: "IN_PROGRESS", at: "2026-03-13T10:00:00" },
      ],
    }),
    a7: await makeCase({ officeId: a, ...complaint, receivedLocal: "2026-03-31T23:30:00" }),
    a8: await makeCase({
      officeId: a,
      ...complaint,
      receivedLocal: "2026-03-26T10:00:00",
      steps: [
        { to: "VERIFIED", at: "2026-03-31T10:00:00" },
        { to: "WAITING_FOR_REPORTER", at: "2026-04-01T10:00:00" },
      ],
    }),
    a0: await makeCase({ officeId: a, ...complaint, receivedLocal: "2026-01-30T10:00:00", isEscalated: true, escalatedAt: jakarta("2026-02-05T10:00:00") }),
    a9: await makeCase({ officeId: a, ...complaint, receivedLocal: "2026-04-01T00:10:00" }),
    aOld: await makeCase({ officeId: a, ...complaint, receivedLocal: "2025-12-01T10:00:00" }),
    b1: await makeCase({ officeId: b, ...pungli(300_000, false), receivedLocal: "2026-03-10T10:00:00", steps: [{ to: "REJECTED", at: "2026-03-13T10:00:00", rejectionReason: "Laporan tidak lengkap" }] }),
    b2: await makeCase({ officeId: b, ...complaint, receivedLocal: "2026-03-02T10:00:00", rating: 3, steps: [{ to: "VERIFIED", at: "2026-03-09T10:00:00" }, { to: "RESOLVED", at: "2026-03-10T10:00:00" }] }),
    b3: await makeCase({ officeId: b, ...complaint, serviceId: null, receivedLocal: "2026-03-11T10:00:00", steps: [{ to: "REJECTED", at: "2026-03-13T10:00:00", rejectionReason: notOurs }] }),
    c1: await makeCase({ officeId: c, ...pungli(2_000_000, true), receivedLocal: "2026-03-10T10:00:00", rating: 1, steps: [{ to: "VERIFIED", at: "2026-03-11T10:00:00" }, { to: "RESOLVED", at: "2026-03-12T10:00:00" }] }),
    c2: await makeCase({ officeId: c, ...complaint, receivedLocal: "2026-03-16T10:00:00" }),
  };
  return { ...scope, cases, makeCase };
}

export type { ScopeFixture };
