import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import {
  computeResolutionDueAt,
  computeVerificationDueAt,
  deadlineThresholds,
  findDeadlineYearsWithoutHolidays,
  getDeadlineState,
  planStatusClock,
  planTierChange,
  projectedDueAt,
  resumeClock,
  type CaseClock,
} from "@/lib/deadlines/case-clock";
import { endOfJakartaDay, toJakartaDateKey } from "@/lib/deadlines/working-days";
import { parseCsv } from "@/prisma/seed/csv";

// The real holiday table the seed loads: national holidays and cuti bersama of 2025 and 2026.
const holidays = new Set(parseCsv(readFileSync(path.join(process.cwd(), "data", "indonesia-holidays.csv"), "utf8")).map((row) => row.date!));

/** An instant given as Jakarta wall-clock time. */
function jakarta(localDateTime: string): Date {
  return new Date(`${localDateTime}+07:00`);
}

/** The Jakarta calendar day of an instant, which is what a due date means. */
const day = (instant: Date | null | undefined) => (instant ? toJakartaDateKey(instant) : null);

function clock(overrides: Partial<CaseClock>): CaseClock {
  const receivedAt = overrides.receivedAt ?? jakarta("2026-07-01T09:00:00");
  return {
    status: "NEW",
    deadlineTier: "NORMATIVE",
    receivedAt,
    verificationDueAt: computeVerificationDueAt(receivedAt, holidays),
    verifiedAt: null,
    resolutionDueAt: null,
    clockPausedAt: null,
    pausedWorkingDays: 0,
    ...overrides,
  };
}

describe("verification deadline (3 working days after receipt)", () => {
  it("skips Nyepi, Idul Fitri 2026 and their cuti bersama (18 to 24 March 2026)", () => {
    // Tue 17 March; 18-24 are cuti bersama, Nyepi, Idul Fitri and a weekend: 25, 26, 27 count.
    expect(day(computeVerificationDueAt(jakarta("2026-03-17T10:00:00"), holidays))).toBe("2026-03-27");
  });

  it("skips Idul Fitri 2025 and its cuti bersama (28 March to 7 April 2025)", () => {
    // Thu 27 March 2025; 28 Mar to 7 Apr hold no working day: 8, 9, 10 April count.
    expect(day(computeVerificationDueAt(jakarta("2025-03-27T10:00:00"), holidays))).toBe("2025-04-10");
  });

  it("ends at the last millisecond of the due day in Jakarta", () => {
    expect(computeVerificationDueAt(jakarta("2026-03-17T10:00:00"), holidays).toISOString()).toBe(endOfJakartaDay("2026-03-27").toISOString());
  });
});

describe("resolution deadline by tier, counted from verification", () => {
  const verifiedAt = jakarta("2026-03-25T10:00:00"); // Wednesday, right after the Idul Fitri break

  it.each([
    ["LIGHT", "2026-03-27"], // Thu 26, Fri 27
    ["NORMATIVE", "2026-04-01"], // 26, 27, 30, 31 March, 1 April
    ["NO_INVESTIGATION", "2026-04-15"], // Good Friday 3 April does not count
    ["INVESTIGATION", "2026-06-29"], // skips 1, 14-15, 27-28 May, 1 and 16 June
  ] as const)("%s is due on %s", (tier, expected) => {
    expect(day(computeResolutionDueAt(verifiedAt, tier, 0, holidays))).toBe(expected);
  });

  it("crosses the year end past Christmas, its cuti bersama and New Year", () => {
    const mondayBeforeChristmas = jakarta("2025-12-22T09:00:00");
    expect(day(computeResolutionDueAt(mondayBeforeChristmas, "NORMATIVE", 0, holidays))).toBe("2025-12-31");
    expect(day(computeResolutionDueAt(mondayBeforeChristmas, "NO_INVESTIGATION", 0, holidays))).toBe("2026-01-14");
  });

  it("adds the working days spent paused", () => {
    const mondayJuly = jakarta("2026-07-06T09:00:00");
    expect(day(computeResolutionDueAt(mondayJuly, "NORMATIVE", 0, holidays))).toBe("2026-07-13");
    expect(day(computeResolutionDueAt(mondayJuly, "NORMATIVE", 3, holidays))).toBe("2026-07-16");
  });
});

describe("status changes move the clock", () => {
  it("starts the resolution deadline on verification", () => {
    const now = jakarta("2026-03-25T10:00:00");
    const update = planStatusClock(clock({ receivedAt: jakarta("2026-03-17T10:00:00") }), "VERIFIED", now, holidays);
    expect(update.verifiedAt).toEqual(now);
    expect(day(update.resolutionDueAt)).toBe("2026-04-01");
  });

  it("pauses while waiting for the reporter", () => {
    const now = jakarta("2026-07-08T10:00:00");
    const update = planStatusClock(clock({ status: "IN_PROGRESS", verifiedAt: jakarta("2026-07-06T09:00:00") }), "WAITING_FOR_REPORTER", now, holidays);
    expect(update.clockPausedAt).toEqual(now);
    expect(update.resolutionDueAt).toBeUndefined();
  });

  it("shifts the due date by the 3 working days a pause lasted", () => {
    const verifiedAt = jakarta("2026-07-06T09:00:00");
    const waiting = clock({
      status: "WAITING_FOR_REPORTER",
      verifiedAt,
      resolutionDueAt: computeResolutionDueAt(verifiedAt, "NORMATIVE", 0, holidays), // Mon 13 July
      clockPausedAt: jakarta("2026-07-08T10:00:00"), // Wednesday
    });
    // Resumed on Monday 13 July: Thursday, Friday and Monday were paused.
    const update = planStatusClock(waiting, "IN_PROGRESS", jakarta("2026-07-13T09:00:00"), holidays);
    expect(update).toMatchObject({ clockPausedAt: null, pausedWorkingDays: 3 });
    expect(day(update.resolutionDueAt)).toBe("2026-07-16");
  });

  it("does not count holidays inside a pause", () => {
    const verifiedAt = jakarta("2026-05-11T09:00:00");
    const waiting = clock({ status: "WAITING_FOR_REPORTER", verifiedAt, clockPausedAt: jakarta("2026-05-13T10:00:00"), pausedWorkingDays: 2 });
    // Paused Wednesday 13 May; 14 (Ascension) and 15 (cuti bersama) and the weekend do not count: only Monday 18.
    expect(resumeClock(waiting, jakarta("2026-05-18T08:00:00"), holidays).pausedWorkingDays).toBe(3);
  });

  it("does not count a pause that ends the day it began", () => {
    const verifiedAt = jakarta("2026-07-06T09:00:00");
    const waiting = clock({ status: "WAITING_FOR_REPORTER", verifiedAt, clockPausedAt: jakarta("2026-07-08T09:00:00") });
    expect(resumeClock(waiting, jakarta("2026-07-08T16:00:00"), holidays).pausedWorkingDays).toBe(0);
  });

  it("resumes and closes when a waiting case is resolved", () => {
    const waiting = clock({ status: "WAITING_FOR_REPORTER", verifiedAt: jakarta("2026-07-06T09:00:00"), clockPausedAt: jakarta("2026-07-08T10:00:00") });
    const now = jakarta("2026-07-10T10:00:00");
    expect(planStatusClock(waiting, "RESOLVED", now, holidays)).toMatchObject({ clockPausedAt: null, pausedWorkingDays: 2, closedAt: now });
  });

  it("projects where a paused due date stands if the reporter answered now", () => {
    const verifiedAt = jakarta("2026-07-06T09:00:00");
    const waiting = clock({ status: "WAITING_FOR_REPORTER", verifiedAt, resolutionDueAt: computeResolutionDueAt(verifiedAt, "NORMATIVE", 0, holidays), clockPausedAt: jakarta("2026-07-08T10:00:00") });
    expect(day(projectedDueAt(waiting, jakarta("2026-07-13T09:00:00"), holidays))).toBe("2026-07-16");
  });
});

describe("changing the tier", () => {
  it("recomputes the resolution deadline from verification, keeping paused days", () => {
    const verifiedAt = jakarta("2026-03-25T10:00:00");
    const verified = clock({ status: "IN_PROGRESS", verifiedAt, resolutionDueAt: computeResolutionDueAt(verifiedAt, "NORMATIVE", 0, holidays) });
    expect(day(planTierChange(verified, "LIGHT", holidays).resolutionDueAt)).toBe("2026-03-27");
    expect(day(planTierChange({ ...verified, pausedWorkingDays: 2 }, "LIGHT", holidays).resolutionDueAt)).toBe("2026-03-31");
  });

  it("only records the tier before verification", () => {
    expect(planTierChange(clock({}), "INVESTIGATION", holidays)).toEqual({ deadlineTier: "INVESTIGATION", resolutionDueAt: null });
  });
});

describe("deadline state", () => {
  // Received Tue 17 March 2026, verification due at the end of Fri 27 March.
  const newCase = clock({ receivedAt: jakarta("2026-03-17T10:00:00") });

  it("is on time while the due date is more than one working day away", () => {
    expect(getDeadlineState(newCase, jakarta("2026-03-25T10:00:00"), holidays)).toBe("ON_TIME");
  });

  it("is due soon on the working day before the due date and on the due date", () => {
    expect(getDeadlineState(newCase, jakarta("2026-03-26T10:00:00"), holidays)).toBe("DUE_SOON");
    expect(getDeadlineState(newCase, jakarta("2026-03-27T23:59:00"), holidays)).toBe("DUE_SOON");
  });

  it("counts one working day across a holiday break", () => {
    // On Tue 17 March the next working day is Wed 25 March: a case due then is due soon.
    const dueAfterBreak = { ...newCase, verificationDueAt: endOfJakartaDay("2026-03-25") };
    expect(getDeadlineState(dueAfterBreak, jakarta("2026-03-17T10:00:00"), holidays)).toBe("DUE_SOON");
  });

  it("is overdue once the due day has ended", () => {
    expect(getDeadlineState(newCase, jakarta("2026-03-28T00:00:00"), holidays)).toBe("OVERDUE");
  });

  it("reads the resolution deadline once verified", () => {
    const verified = { ...newCase, status: "IN_PROGRESS" as const, verifiedAt: jakarta("2026-03-25T10:00:00"), resolutionDueAt: endOfJakartaDay("2026-04-01") };
    expect(getDeadlineState(verified, jakarta("2026-03-30T10:00:00"), holidays)).toBe("ON_TIME");
    expect(getDeadlineState(verified, jakarta("2026-04-02T08:00:00"), holidays)).toBe("OVERDUE");
  });

  it("is paused while waiting for the reporter, however late", () => {
    expect(getDeadlineState({ ...newCase, status: "WAITING_FOR_REPORTER" }, jakarta("2026-06-01T10:00:00"), holidays)).toBe("PAUSED");
  });

  it("is closed once resolved, rejected or forwarded", () => {
    for (const status of ["RESOLVED", "REJECTED", "FORWARDED"] as const) {
      expect(getDeadlineState({ ...newCase, status }, jakarta("2026-06-01T10:00:00"), holidays)).toBe("CLOSED");
    }
  });

  it("splits at the end of the next working day", () => {
    const { overdueBefore, dueSoonUntil } = deadlineThresholds(jakarta("2026-03-27T10:00:00"), holidays); // Friday
    expect(overdueBefore).toEqual(jakarta("2026-03-27T10:00:00"));
    expect(dueSoonUntil.toISOString()).toBe(endOfJakartaDay("2026-03-30").toISOString());
  });
});

describe("years without holiday data", () => {
  it("warns when a due date is counted into a year the holiday table does not cover", () => {
    // Verified Tue 22 Dec 2026, 14 working days: into January 2027, whose holidays are unknown.
    const verifiedAt = jakarta("2026-12-22T09:00:00");
    const open = clock({ status: "IN_PROGRESS", receivedAt: jakarta("2026-12-18T09:00:00"), verifiedAt, deadlineTier: "NO_INVESTIGATION", resolutionDueAt: computeResolutionDueAt(verifiedAt, "NO_INVESTIGATION", 0, holidays) });
    expect(findDeadlineYearsWithoutHolidays(open, verifiedAt, { days: holidays, nationalDays: holidays })).toEqual([2027]);
  });

  it("still warns when the year has only regional days: a year counts as entered once it has national ones", () => {
    const verifiedAt = jakarta("2026-12-22T09:00:00");
    const open = clock({ status: "IN_PROGRESS", receivedAt: jakarta("2026-12-18T09:00:00"), verifiedAt, deadlineTier: "NO_INVESTIGATION", resolutionDueAt: computeResolutionDueAt(verifiedAt, "NO_INVESTIGATION", 0, holidays) });
    const withRegionalDay = new Set([...holidays, "2027-01-05"]);
    expect(findDeadlineYearsWithoutHolidays(open, verifiedAt, { days: withRegionalDay, nationalDays: holidays })).toEqual([2027]);
  });

  it("stays silent when the holidays are known", () => {
    expect(findDeadlineYearsWithoutHolidays(clock({}), jakarta("2026-07-01T10:00:00"), { days: holidays, nationalDays: holidays })).toEqual([]);
  });
});
