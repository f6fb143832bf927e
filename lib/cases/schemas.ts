import { z } from "@/lib/zod";

import { CASE_STATUSES, FORWARD_TARGETS } from "./workflow";

/**
 * The case page's forms. One schema per form; every field arrives as a string (FormData), and
 * every problem is a code the page translates (CaseErrors.fields). Safe to import in the browser.
 */

export const CASE_TEXT_LIMITS = {
  messageMax: 5000,
  reasonMin: 10,
  reasonMax: 2000,
  identityReasonMin: 15,
  identityReasonMax: 500,
  involvementReasonMin: 10,
  involvementReasonMax: 500,
  escalationNoteMin: 5,
  escalationNoteMax: 500,
} as const;

export const DEADLINE_TIERS = ["LIGHT", "NORMATIVE", "NO_INVESTIGATION", "INVESTIGATION"] as const;
export const LINK_KINDS = ["DUPLICATE", "RELATED"] as const;
export const STAFF_MESSAGE_KINDS = ["PUBLIC_REPLY", "INTERNAL_NOTE"] as const;

export type CaseFieldErrorCode = "required" | "tooShort" | "tooLong" | "invalidChoice" | "chooseMessageKind" | "confirmPublicReply";

function cleanText(value: unknown): string {
  return typeof value === "string" ? value.replace(/\u0000/g, "").trim() : "";
}

const text = (options: { min?: number; max: number }) =>
  z.unknown().transform((value, context) => {
    const cleaned = cleanText(value);
    const code: CaseFieldErrorCode | null =
      cleaned === "" ? "required" : cleaned.length < (options.min ?? 1) ? "tooShort" : cleaned.length > options.max ? "tooLong" : null;
    if (code) {
      context.addIssue({ code: "custom", message: code });
      return z.NEVER;
    }
    return cleaned;
  });

const optionalText = (max: number) =>
  z.unknown().transform((value, context) => {
    const cleaned = cleanText(value);
    if (cleaned.length > max) {
      context.addIssue({ code: "custom", message: "tooLong" });
      return z.NEVER;
    }
    return cleaned || null;
  });

const choice = <const Values extends readonly [string, ...string[]]>(values: Values) =>
  z.unknown().transform((value, context): Values[number] => {
    const cleaned = cleanText(value);
    if (cleaned === "") context.addIssue({ code: "custom", message: "required" });
    else if (!values.includes(cleaned)) context.addIssue({ code: "custom", message: "invalidChoice" });
    else return cleaned as Values[number];
    return z.NEVER;
  });

const checkbox = z.unknown().transform((value) => value === "on" || value === "true");

const uuid = z.unknown().transform((value, context) => {
  const cleaned = cleanText(value);
  if (!z.uuid().safeParse(cleaned).success) {
    context.addIssue({ code: "custom", message: cleaned === "" ? "required" : "invalidChoice" });
    return z.NEVER;
  }
  return cleaned.toLowerCase();
});

/** Which case, and which version of it the form showed (optimistic locking). */
const caseRef = {
  caseId: uuid,
  version: z.unknown().transform((value, context) => {
    const number = Number(cleanText(value));
    if (!Number.isInteger(number) || number < 1) {
      context.addIssue({ code: "custom", message: "invalidChoice" });
      return z.NEVER;
    }
    return number;
  }),
};

export const assignSchema = z.object({
  ...caseRef,
  // "" leaves the case unassigned.
  assigneeId: z.unknown().transform((value, context) => {
    const cleaned = cleanText(value);
    if (cleaned === "") return null;
    if (!z.uuid().safeParse(cleaned).success) {
      context.addIssue({ code: "custom", message: "invalidChoice" });
      return z.NEVER;
    }
    return cleaned.toLowerCase();
  }),
});

export const statusChangeSchema = z
  .object({
    ...caseRef,
    to: choice(CASE_STATUSES),
    rejectionReason: optionalText(CASE_TEXT_LIMITS.reasonMax),
    forwardTarget: z.unknown().transform((value, context) => {
      const cleaned = cleanText(value);
      if (cleaned === "") return null;
      if (!(FORWARD_TARGETS as readonly string[]).includes(cleaned)) {
        context.addIssue({ code: "custom", message: "invalidChoice" });
        return z.NEVER;
      }
      return cleaned as (typeof FORWARD_TARGETS)[number];
    }),
    forwardNote: optionalText(CASE_TEXT_LIMITS.reasonMax),
    replyToReporter: optionalText(CASE_TEXT_LIMITS.messageMax),
    isReplySigned: checkbox,
  })
  .superRefine((data, context) => {
    const tooShort = (value: string | null) => value !== null && value.length < CASE_TEXT_LIMITS.reasonMin;
    if (data.to === "REJECTED" && (data.rejectionReason === null || tooShort(data.rejectionReason))) {
      context.addIssue({ code: "custom", path: ["rejectionReason"], message: data.rejectionReason === null ? "required" : "tooShort" });
    }
    if (data.to === "FORWARDED" && data.forwardTarget === null) context.addIssue({ code: "custom", path: ["forwardTarget"], message: "required" });
    if (data.to === "FORWARDED" && (data.forwardNote === null || tooShort(data.forwardNote))) {
      context.addIssue({ code: "custom", path: ["forwardNote"], message: data.forwardNote === null ? "required" : "tooShort" });
    }
  });

export const deadlineTierSchema = z.object({ ...caseRef, tier: choice(DEADLINE_TIERS) });

export const linkSchema = z.object({ ...caseRef, targetTrackingCode: text({ max: 64 }), kind: choice(LINK_KINDS) });

/*
 * Involvement forms carry no version: they do not edit what the actor saw of the case, and the
 * data functions lock the case row instead (lib/cases/involvement.ts).
 */
const involvementReason = text({ min: CASE_TEXT_LIMITS.involvementReasonMin, max: CASE_TEXT_LIMITS.involvementReasonMax });

/** Report a colleague, mark someone, or unmark them: who, and why. */
export const involvementSchema = z.object({ caseId: uuid, staffUserId: uuid, reason: involvementReason });

export const declareInvolvementSchema = z.object({ caseId: uuid, reason: involvementReason });

export const INVOLVEMENT_DECISIONS = ["CONFIRM", "DISMISS"] as const;

export const involvementDecisionSchema = z.object({ caseId: uuid, reportId: uuid, decision: choice(INVOLVEMENT_DECISIONS), note: involvementReason });

/**
 * A reply reaches the reporter and cannot be taken back, so the form has no default kind: the
 * actor chooses every time, and confirms a reply (checked here, so it holds without JavaScript).
 */
export const messageSchema = z
  .object({
    ...caseRef,
    kind: z.unknown().transform((value, context): (typeof STAFF_MESSAGE_KINDS)[number] => {
      const cleaned = cleanText(value);
      if ((STAFF_MESSAGE_KINDS as readonly string[]).includes(cleaned)) return cleaned as (typeof STAFF_MESSAGE_KINDS)[number];
      context.addIssue({ code: "custom", message: cleaned === "" ? "chooseMessageKind" : "invalidChoice" });
      return z.NEVER;
    }),
    body: text({ max: CASE_TEXT_LIMITS.messageMax }),
    isSigned: checkbox,
    isPublicConfirmed: checkbox,
  })
  .superRefine((data, context) => {
    if (data.kind === "PUBLIC_REPLY" && !data.isPublicConfirmed) context.addIssue({ code: "custom", path: ["isPublicConfirmed"], message: "confirmPublicReply" });
  });

export const escalationSchema = z.object({
  caseId: uuid,
  note: text({ min: CASE_TEXT_LIMITS.escalationNoteMin, max: CASE_TEXT_LIMITS.escalationNoteMax }),
});

export const identitySchema = z.object({
  caseId: uuid,
  reason: text({ min: CASE_TEXT_LIMITS.identityReasonMin, max: CASE_TEXT_LIMITS.identityReasonMax }),
});

/** The fields each form posts, in the order they appear: what is read from FormData and refilled after an error. */
export const CASE_FORM_FIELDS = {
  assign: ["caseId", "version", "assigneeId"],
  status: ["caseId", "version", "to", "rejectionReason", "forwardTarget", "forwardNote", "replyToReporter", "isReplySigned"],
  tier: ["caseId", "version", "tier"],
  link: ["caseId", "version", "targetTrackingCode", "kind"],
  declareInvolvement: ["caseId", "reason"],
  reportInvolvement: ["caseId", "staffUserId", "reason"],
  markInvolvement: ["caseId", "staffUserId", "reason"],
  unmarkInvolvement: ["caseId", "staffUserId", "reason"],
  decideInvolvement: ["caseId", "reportId", "decision", "note"],
  message: ["caseId", "version", "kind", "body", "isSigned", "isPublicConfirmed"],
  escalation: ["caseId", "note"],
  identity: ["caseId", "reason"],
} as const;
