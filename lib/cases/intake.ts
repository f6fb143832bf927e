import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import type { ReportErrorCode } from "@/lib/reports/error-codes";
import { fileReport } from "@/lib/reports/file-report";
import type { FormEvidence } from "@/lib/reports/form-evidence";
import type { Receipt } from "@/lib/reports/receipt-details";
import { parseReportForm, type FieldErrors, type ReportField } from "@/lib/reports/schemas";

import { assertCasePermission } from "./access";
import { CaseRuleError } from "./errors";

/**
 * Walk-in, phone, SMS, email and letter reports: an officer at the complaint desk files the case
 * for the visitor with the online form's fields and rules (lib/reports/schemas.ts), the office
 * fixed to the officer's own, and hands over the receipt (code and key) so the visitor can
 * follow the case online. The case records the channel and who took it in (intakeById).
 *
 * The filing itself is the online one (lib/reports/file-report.ts): the same transaction,
 * idempotency (a double click shows the same receipt), deadlines and audit event. So is the
 * evidence: a letter or a paper receipt brought to the desk is photographed or scanned and goes
 * through the online upload pipeline (lib/reports/form-evidence.ts, lib/attachments/staging.ts:
 * the same limits, EXIF removal, processing slots and storage); this takes the staged result.
 */

export const INTAKE_CHANNELS = ["WALK_IN", "PHONE", "SMS", "EMAIL", "LETTER"] as const satisfies readonly Channel[];
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

const NO_EVIDENCE: FormEvidence = { staged: [], fieldErrors: [], formErrors: [] };

export type IntakeResult =
  | { status: "filed"; caseId: string; receipt: Receipt }
  | { status: "invalid"; fieldErrors: FieldErrors<ReportField | "channel">; formErrors: ReportErrorCode[] };

export async function fileIntakeReport(
  actor: StaffActor,
  input: { fields: Record<string, string | undefined>; channel: string; locale: Locale; evidence?: FormEvidence },
  options: { now?: Date } = {},
): Promise<IntakeResult> {
  const now = options.now ?? new Date();
  assertCasePermission(actor, "intake");
  if (actor.officeId == null) throw new CaseRuleError("noOfficeForIntake");
  const office = await db.office.findUnique({ where: { id: actor.officeId }, select: { code: true, isActive: true } });
  if (!office?.isActive) throw new CaseRuleError("noOfficeForIntake");

  // Whatever office the form carried, the case belongs to the officer's own.
  const parsed = parseReportForm({ ...input.fields, officeCode: office.code }, { now });
  const channel = (INTAKE_CHANNELS as readonly string[]).includes(input.channel) ? (input.channel as IntakeChannel) : null;
  const evidence = input.evidence ?? NO_EVIDENCE;
  if (!parsed.success || !channel || evidence.fieldErrors.length > 0 || evidence.formErrors.length > 0) {
    const fieldErrors: FieldErrors<ReportField | "channel"> = parsed.success ? {} : { ...parsed.fieldErrors };
    if (!channel) fieldErrors.channel = [input.channel ? "invalidChoice" : "required"];
    if (evidence.fieldErrors.length > 0) fieldErrors.evidence = evidence.fieldErrors;
    const formErrors: ReportErrorCode[] = [...evidence.formErrors, ...(fieldErrors.idempotencyKey ? (["formOutdated"] as const) : [])];
    delete fieldErrors.idempotencyKey;
    return { status: "invalid", fieldErrors, formErrors };
  }
  const result = await fileReport({
    form: parsed.data,
    evidenceTokens: evidence.staged.map((file) => file.token),
    locale: input.locale,
    now,
    intake: { channel, staffId: actor.id },
  });
  return result.status === "filed" ? { status: "filed", caseId: result.caseId, receipt: result.receipt } : result;
}
