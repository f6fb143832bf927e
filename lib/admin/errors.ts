/**
 * The errors administration data functions throw for outcomes a user can cause. Server Actions
 * turn them into translated messages (AdminErrors in messages/admin); pages turn
 * AdminNotFoundError into a 404.
 */

/** The actor may not administer this, or the record does not exist: both answer 404, so administration is not revealed. */
export class AdminNotFoundError extends Error {
  constructor() {
    super("Not found");
    this.name = "AdminNotFoundError";
  }
}

/** Someone saved the record since the actor loaded it (optimistic locking on its version column). */
export class AdminConflictError extends Error {
  constructor() {
    super("The record was changed by someone else");
    this.name = "AdminConflictError";
  }
}

/** An expected refusal with a translated reason (AdminErrors.<code>). */
export class AdminRuleError extends Error {
  constructor(readonly code: string) {
    super(`Refused: ${code}`);
    this.name = "AdminRuleError";
  }
}
