import { describe, expect, it } from "vitest";

import { getObjectionWindow, objectionReviewDueAt } from "@/lib/objections/window";

/** Monday 24 August 2026, 10:00 in Jakarta; Tuesday 25 August is a holiday here. */
const DECIDED_AT = new Date("2026-08-24T03:00:00Z");
const HOLIDAYS = new Set(["2026-08-25"]);
const base = { status: "RESOLVED" as const, decidedAt: DECIDED_AT, hasObjection: false, windowWorkingDays: 10, holidays: HOLIDAYS };

describe("the objection window", () => {
  it("runs through the end of the tenth working day after the decision, holidays and weekends not counted", () => {
    expect(getObjectionWindow({ ...base, now: new Date("2026-09-08T16:59:59.999Z") })).toEqual({
      status: "open",
      closesAt: new Date("2026-09-08T16:59:59.999Z"),
      workingDaysLeft: 0,
    });
    expect(getObjectionWindow({ ...base, now: new Date("2026-09-08T17:00:00Z") })).toEqual({ status: "closed", closedAt: new Date("2026-09-08T16:59:59.999Z") });
    expect(getObjectionWindow({ ...base, holidays: new Set(), now: new Date("2026-09-08T10:00:00Z") })).toMatchObject({ status: "closed" });
  });

  it("counts the working days left from today", () => {
    expect(getObjectionWindow({ ...base, now: new Date("2026-08-24T05:00:00Z") })).toMatchObject({ status: "open", workingDaysLeft: 10 });
  });

  it("applies to resolved and rejected cases only, and once", () => {
    const now = new Date("2026-08-26T03:00:00Z");
    expect(getObjectionWindow({ ...base, status: "REJECTED", now })).toMatchObject({ status: "open" });
    for (const status of ["NEW", "IN_PROGRESS", "WAITING_FOR_REPORTER", "FORWARDED"] as const) {
      expect(getObjectionWindow({ ...base, status, now })).toEqual({ status: "notApplicable" });
    }
    expect(getObjectionWindow({ ...base, hasObjection: true, now })).toEqual({ status: "alreadyObjected" });
  });

  it("gives the review fourteen working days", () => {
    expect(objectionReviewDueAt(new Date("2026-08-24T03:00:00Z"), HOLIDAYS)).toEqual(new Date("2026-09-14T16:59:59.999Z"));
  });
});
