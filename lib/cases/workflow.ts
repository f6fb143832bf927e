import type { CaseStatus, ForwardTarget } from "@/lib/generated/prisma/enums";

/**
 * The case workflow: which status may follow which, and what each move needs. The one place
 * these rules live; pure, so the browser (to offer only allowed moves) and the server (to
 * enforce them) read the same table.
 */

export const CASE_STATUSES = ["NEW", "VERIFIED", "IN_PROGRESS", "WAITING_FOR_REPORTER", "RESOLVED", "REJECTED", "FORWARDED"] as const satisfies readonly CaseStatus[];

/** Statuses in which the office is done with the case. */
export const CLOSED_STATUSES = ["RESOLVED", "REJECTED", "FORWARDED"] as const satisfies readonly CaseStatus[];

/** Statuses in which the office still owes the reporter something. */
export const OPEN_STATUSES = ["NEW", "VERIFIED", "IN_PROGRESS", "WAITING_FOR_REPORTER"] as const satisfies readonly CaseStatus[];

/** Open statuses whose deadline clock runs (waiting for the reporter pauses it). */
export const CLOCK_RUNNING_STATUSES = ["NEW", "VERIFIED", "IN_PROGRESS"] as const satisfies readonly CaseStatus[];

export const FORWARD_TARGETS = ["REGIONAL_OFFICE", "INSPECTORATE_GENERAL", "SABER_PUNGLI", "OMBUDSMAN"] as const satisfies readonly ForwardTarget[];

/**
 * Allowed moves. A new report is first verified (or rejected, or forwarded straight to the body
 * that handles it); only a verified case can wait for the reporter, because the pause shifts the
 * resolution deadline, which exists only from verification on. Staff cannot reopen a closed
 * case; the reporter can, once, by objecting to a resolution or rejection within the window of
 * lib/objections (the case returns to IN_PROGRESS, escalated, outside this table).
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  NEW: ["VERIFIED", "REJECTED", "FORWARDED"],
  VERIFIED: ["IN_PROGRESS", "WAITING_FOR_REPORTER", "RESOLVED", "REJECTED", "FORWARDED"],
  IN_PROGRESS: ["WAITING_FOR_REPORTER", "RESOLVED", "REJECTED", "FORWARDED"],
  WAITING_FOR_REPORTER: ["IN_PROGRESS", "RESOLVED", "REJECTED", "FORWARDED"],
  RESOLVED: [],
  REJECTED: [],
  FORWARDED: [],
};

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return CASE_TRANSITIONS[from].includes(to);
}

export function isClosedStatus(status: CaseStatus): boolean {
  return (CLOSED_STATUSES as readonly CaseStatus[]).includes(status);
}

/** What a move to `to` must carry: a rejection needs the reason the reporter reads; a forward its target and note. */
export function transitionRequirements(to: CaseStatus): { needsReason: boolean; needsForwardTarget: boolean } {
  return { needsReason: to === "REJECTED", needsForwardTarget: to === "FORWARDED" };
}
