import { describe, expect, it } from "vitest";

import { checkEnvironment } from "@/lib/env";
import { autoCloseDueAt, isAutoCloseDue } from "@/lib/rules/auto-close-rule";

/** Asked on Monday 5 October 2026, 10:00 in Jakarta; Wednesday 7 October is a day off here. */
const ASKED_AT = new Date("2026-10-05T03:00:00Z");
const HOLIDAYS = new Set(["2026-10-07"]);

describe("auto-close", () => {
  it("falls due at the end of the 10th working day after the day of asking, weekends and the office's holidays not counted", () => {
    expect(autoCloseDueAt(ASKED_AT, 10, HOLIDAYS)).toEqual(new Date("2026-10-20T16:59:59.999Z"));
    expect(autoCloseDueAt(ASKED_AT, 10, new Set())).toEqual(new Date("2026-10-19T16:59:59.999Z"));
  });

  it("closes after that instant, never at or before it", () => {
    expect(isAutoCloseDue(ASKED_AT, new Date("2026-10-20T16:59:59.999Z"), 10, HOLIDAYS)).toBe(false);
    expect(isAutoCloseDue(ASKED_AT, new Date("2026-10-20T17:00:00.000Z"), 10, HOLIDAYS)).toBe(true);
  });

  it("counts a shorter configured period the same way", () => {
    // Friday 9 October 2026: the 2nd working day is Tuesday 13 October.
    expect(autoCloseDueAt(new Date("2026-10-09T09:00:00Z"), 2, new Set())).toEqual(new Date("2026-10-13T16:59:59.999Z"));
  });
});

describe("AUTO_CLOSE_WORKING_DAYS", () => {
  const VALID = { NODE_ENV: "production", DATABASE_URL: "postgresql://lapor:pw@db.internal:5432/lapor", APP_SECRET: "a-long-random-secret-of-at-least-32-characters", TRUST_PROXY: "false", PUBLIC_BASE_URL: "https://lapor.imigrasi.go.id" };

  it("is 10 working days by default (the SP4N-LAPOR! rule) and can be set", () => {
    const byDefault = checkEnvironment(VALID);
    expect(byDefault.ok && byDefault.environment.AUTO_CLOSE_WORKING_DAYS).toBe(10);
    const set = checkEnvironment({ ...VALID, AUTO_CLOSE_WORKING_DAYS: "15" });
    expect(set.ok && set.environment.AUTO_CLOSE_WORKING_DAYS).toBe(15);
  });

  it.each(["0", "-3", "2.5", "ten", "121"])("refuses %j with the reason", (given) => {
    const checked = checkEnvironment({ ...VALID, AUTO_CLOSE_WORKING_DAYS: given });
    expect(checked.ok).toBe(false);
    expect(checked.ok ? [] : checked.problems).toEqual([expect.stringContaining("AUTO_CLOSE_WORKING_DAYS: must be a whole number from 1 to 120")]);
  });
});
