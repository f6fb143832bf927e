import { describe, expect, it } from "vitest";

import { CASE_STATUSES, canTransition, isClosedStatus, transitionRequirements } from "@/lib/cases/workflow";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

// The whole table, written out: a row per current status, the statuses it may move to.
const EXPECTED: Record<CaseStatus, CaseStatus[]> = {
  NEW: ["VERIFIED", "REJECTED", "FORWARDED"],
  VERIFIED: ["IN_PROGRESS", "WAITING_FOR_REPORTER", "RESOLVED", "REJECTED", "FORWARDED"],
  IN_PROGRESS: ["WAITING_FOR_REPORTER", "RESOLVED", "REJECTED", "FORWARDED"],
  WAITING_FOR_REPORTER: ["IN_PROGRESS", "RESOLVED", "REJECTED", "FORWARDED"],
  RESOLVED: [],
  REJECTED: [],
  FORWARDED: [],
};

describe("case status transitions", () => {
  for (const from of CASE_STATUSES) {
    for (const to of CASE_STATUSES) {
      const allowed = EXPECTED[from].includes(to);
      it(`${from} -> ${to} is ${allowed ? "allowed" : "refused"}`, () => {
        expect(canTransition(from, to)).toBe(allowed);
      });
    }
  }

  it("never lets a new report skip verification into work or a pause", () => {
    expect(canTransition("NEW", "IN_PROGRESS")).toBe(false);
    expect(canTransition("NEW", "WAITING_FOR_REPORTER")).toBe(false);
    expect(canTransition("NEW", "RESOLVED")).toBe(false);
  });

  it("closes a case when it is resolved, rejected or forwarded", () => {
    expect(CASE_STATUSES.filter(isClosedStatus)).toEqual(["RESOLVED", "REJECTED", "FORWARDED"]);
  });

  it("asks a reason for a rejection and a target for a forward", () => {
    expect(transitionRequirements("REJECTED")).toEqual({ needsReason: true, needsForwardTarget: false });
    expect(transitionRequirements("FORWARDED")).toEqual({ needsReason: false, needsForwardTarget: true });
    expect(transitionRequirements("RESOLVED")).toEqual({ needsReason: false, needsForwardTarget: false });
  });
});
