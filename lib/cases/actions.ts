"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";

import { requireStaff, type StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";

import { caseAccessWhere } from "./access";
import type { CaseActionMessage, CaseActionState, CaseFormName, FreshCaseState } from "./action-state";
import { assignCase } from "./assignment";
import { setDeadlineTier } from "./deadline-tier";
import { CaseActionForbiddenError, CaseConflictError, CaseNotFoundError, CaseRuleError } from "./errors";
import { escalateCase } from "./escalation";
import { revealReporterIdentity } from "./identity";
import { declareOwnInvolvement, decideInvolvementReport, INVOLVEMENT_REPORT_ACTIONS, markStaffInvolved, reportStaffInvolvement, unmarkStaffInvolved } from "./involvement";
import { linkCase } from "./links";
import { postCaseMessage } from "./messages";
import {
  assignSchema,
  CASE_FORM_FIELDS,
  deadlineTierSchema,
  declareInvolvementSchema,
  escalationSchema,
  identitySchema,
  involvementDecisionSchema,
  involvementSchema,
  linkSchema,
  messageSchema,
  statusChangeSchema,
  type CaseFieldErrorCode,
} from "./schemas";
import { changeCaseStatus } from "./status";
import { describeError } from "@/lib/logging";

/**
 * The case page's Server Actions. Each is a public POST endpoint: it reads the session itself
 * (requireStaff sends a signed-out caller to /masuk), validates with zod, and calls a data
 * function that checks scope and role again. Expected refusals come back as codes for the form;
 * a conflict comes back with the fresh state and everything the actor typed.
 */

type Schema = z.ZodType<unknown>;

function readValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

function toFieldErrors(error: z.ZodError): Partial<Record<string, CaseFieldErrorCode[]>> {
  const fieldErrors: Partial<Record<string, CaseFieldErrorCode[]>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form");
    const codes = (fieldErrors[field] ??= []);
    const code = issue.message as CaseFieldErrorCode;
    if (!codes.includes(code)) codes.push(code);
  }
  return fieldErrors;
}

async function loadFreshState(actor: StaffActor, caseId: string): Promise<FreshCaseState | null> {
  const found = await db.case.findFirst({
    where: { AND: [caseAccessWhere(actor), { id: caseId }] },
    select: {
      version: true,
      status: true,
      assignee: { select: { name: true } },
      // Never a report of involvement: the person reported may be the one reading this.
      events: { where: { action: { notIn: [...INVOLVEMENT_REPORT_ACTIONS] } }, orderBy: { id: "desc" }, take: 1, select: { action: true, createdAt: true, actor: { select: { name: true } } } },
    },
  });
  if (!found) return null;
  const last = found.events[0];
  return {
    version: found.version,
    status: found.status,
    assigneeName: found.assignee?.name ?? null,
    lastChange: last ? { action: last.action, actorName: last.actor?.name ?? null, at: last.createdAt.toISOString() } : null,
  };
}

function revalidateCase(caseId: string): void {
  revalidatePath(`/dasbor/kasus/${caseId}`);
  revalidatePath("/dasbor");
}

async function runCaseAction<Data extends { caseId: string }>(
  form: CaseFormName,
  formData: FormData,
  schema: z.ZodType<Data>,
  run: (actor: StaffActor, data: Data) => Promise<Extract<CaseActionState, { status: "success" }> | void>,
): Promise<CaseActionState> {
  const actor = await requireStaff();
  const values = readValues(formData, CASE_FORM_FIELDS[form]);
  const parsed = (schema as Schema).safeParse(values) as z.ZodSafeParseResult<Data>;
  const failure = (status: "error" | "conflict", message: CaseActionMessage, fresh: FreshCaseState | null = null) =>
    ({ status, form, message, fieldErrors: {}, values, fresh }) as const;
  if (!parsed.success) return { status: "error", form, message: "invalid", fieldErrors: toFieldErrors(parsed.error), values, fresh: null };

  try {
    const result = await run(actor, parsed.data);
    revalidateCase(parsed.data.caseId);
    return result ?? { status: "success", form };
  } catch (error) {
    if (error instanceof CaseConflictError) {
      // The page re-renders with the fresh case; the form keeps what was typed.
      revalidateCase(parsed.data.caseId);
      return failure("conflict", "conflict", await loadFreshState(actor, parsed.data.caseId));
    }
    if (error instanceof CaseNotFoundError) return failure("error", "notFound");
    if (error instanceof CaseActionForbiddenError) return failure("error", "forbidden");
    if (error instanceof CaseRuleError) return failure("error", error.code);
    console.error(`Case action "${form}" failed for staff ${actor.id} on case ${parsed.data.caseId}`, describeError(error));
    return failure("error", "unexpected");
  }
}

export async function assignCaseAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("assign", formData, assignSchema, async (actor, data) => assignCase(actor, data));
}

export async function changeCaseStatusAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("status", formData, statusChangeSchema, async (actor, data) => changeCaseStatus(actor, data));
}

export async function setDeadlineTierAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("tier", formData, deadlineTierSchema, async (actor, data) => setDeadlineTier(actor, data));
}

export async function linkCaseAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("link", formData, linkSchema, async (actor, data) => linkCase(actor, data));
}

/** Where someone who has just stepped aside from a case lands: the queue, with a confirmation (they can no longer open the case). */
const LEFT_CASE_PATH = "/dasbor?notice=involvement-declared";

export async function declareInvolvementAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const state = await runCaseAction("declareInvolvement", formData, declareInvolvementSchema, async (actor, data) => declareOwnInvolvement(actor, data));
  if (state.status === "success") redirect(LEFT_CASE_PATH);
  return state;
}

export async function reportInvolvementAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("reportInvolvement", formData, involvementSchema, async (actor, data) => reportStaffInvolvement(actor, data));
}

export async function markInvolvementAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  const state = await runCaseAction("markInvolvement", formData, involvementSchema, async (actor, data) => {
    await markStaffInvolved(actor, data);
    return { status: "success", form: "markInvolvement", hasLeftCase: data.staffUserId === actor.id };
  });
  if (state.status === "success" && state.hasLeftCase) redirect(LEFT_CASE_PATH);
  return state;
}

export async function unmarkInvolvementAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("unmarkInvolvement", formData, involvementSchema, async (actor, data) => unmarkStaffInvolved(actor, data));
}

export async function decideInvolvementReportAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("decideInvolvement", formData, involvementDecisionSchema, async (actor, data) => decideInvolvementReport(actor, data));
}

export async function postCaseMessageAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("message", formData, messageSchema, async (actor, data) => {
    await postCaseMessage(actor, data);
    return { status: "success", form: "message", messageKind: data.kind };
  });
}

export async function escalateCaseAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("escalation", formData, escalationSchema, async (actor, data) => escalateCase(actor, data));
}

export async function revealIdentityAction(_previous: CaseActionState, formData: FormData): Promise<CaseActionState> {
  return runCaseAction("identity", formData, identitySchema, async (actor, data) => {
    const identity = await revealReporterIdentity(actor, data);
    return { status: "success", form: "identity", identity };
  });
}
