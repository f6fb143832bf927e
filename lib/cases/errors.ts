/**
 * The errors the case data functions throw for outcomes a user can cause. Server Actions turn
 * them into translated messages; pages turn CaseNotFoundError into a 404. Anything else is
 * unexpected and is logged.
 */

/** The case (or evidence) does not exist, or the actor may not see it: both answer the same, so scope is never revealed. */
export class CaseNotFoundError extends Error {
  constructor() {
    super("Case not found");
    this.name = "CaseNotFoundError";
  }
}

/** The actor can see the case but their role may not do this with it (a supervisor editing content). */
export class CaseActionForbiddenError extends Error {
  constructor(readonly permission: string) {
    super(`Not allowed: ${permission}`);
    this.name = "CaseActionForbiddenError";
  }
}

/** Someone saved the case since the actor loaded it (optimistic locking on Case.version). */
export class CaseConflictError extends Error {
  constructor(readonly currentVersion: number | null) {
    super("The case was changed by someone else");
    this.name = "CaseConflictError";
  }
}

/** Codes of expected refusals other than the three above, each translated in CaseErrors. */
export const CASE_RULE_CODES = [
  "transitionNotAllowed",
  "assigneeNotEligible",
  "linkTargetNotFound",
  "linkToItself",
  "alreadyLinked",
  "involvedStaffNotEligible",
  "alreadyInvolved",
  "notInvolved",
  "alreadyReported",
  "involvementReportNotFound",
  "involvementReportDecided",
  "lastCaseWorker",
  "noOfficeForIntake",
  "caseClosed",
  "alreadyEscalated",
  "noIdentity",
  "identityErased",
  "reasonRequired",
  "evidenceMissing",
  "objectionReviewByAnother",
] as const;

export type CaseRuleCode = (typeof CASE_RULE_CODES)[number];

/** The request breaks a case rule (a move the workflow does not allow, an ineligible assignee...). */
export class CaseRuleError extends Error {
  constructor(readonly code: CaseRuleCode) {
    super(`Case rule: ${code}`);
    this.name = "CaseRuleError";
  }
}
