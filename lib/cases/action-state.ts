import type { CaseStatus } from "@/lib/generated/prisma/enums";

import type { CaseRuleCode } from "./errors";
import type { CaseFieldErrorCode } from "./schemas";

/**
 * What a case page Server Action answers to its form (useActionState). Codes only: the page
 * translates them. Safe to import in the browser.
 */

export type CaseFormName =
  | "assign"
  | "status"
  | "tier"
  | "link"
  | "declareInvolvement"
  | "reportInvolvement"
  | "markInvolvement"
  | "unmarkInvolvement"
  | "decideInvolvement"
  | "message"
  | "escalation"
  | "identity";

export type CaseActionMessage = CaseRuleCode | "invalid" | "conflict" | "notFound" | "forbidden" | "unexpected";

/** The case as it stands after someone else's save, for the conflict message. */
export type FreshCaseState = {
  version: number;
  status: CaseStatus;
  assigneeName: string | null;
  lastChange: { action: string; actorName: string | null; at: string } | null;
};

export type CaseActionState =
  | { status: "idle" }
  | {
      status: "success";
      form: CaseFormName;
      identity?: { name: string; email: string | null; phone: string | null };
      /** The actor marked themselves and can no longer open the case. */
      hasLeftCase?: boolean;
      /** What a message form saved: the confirmation says whether the reporter will read it. */
      messageKind?: "PUBLIC_REPLY" | "INTERNAL_NOTE";
    }
  | {
      status: "error" | "conflict";
      form: CaseFormName;
      message: CaseActionMessage;
      fieldErrors: Partial<Record<string, CaseFieldErrorCode[]>>;
      /** What the actor submitted, so the form refills it and nothing typed is lost. */
      values: Record<string, string>;
      fresh: FreshCaseState | null;
    };

export const IDLE_CASE_ACTION_STATE: CaseActionState = { status: "idle" };
