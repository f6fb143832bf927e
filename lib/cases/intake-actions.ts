"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";

import { toStagedEvidence, type StagedEvidence } from "@/lib/attachments/evidence-token";
import { readStagedEvidenceTokens } from "@/lib/attachments/staging";
import { requireStaff } from "@/lib/auth/session";
import type { ReportErrorCode } from "@/lib/reports/error-codes";
import { getPublicBaseUrl } from "@/lib/reports/public-address";
import { describeReceiptAddress, type ReceiptAddress } from "@/lib/reports/receipt-address";
import { acceptFormEvidence, readEvidenceTokens } from "@/lib/reports/form-evidence";
import type { Receipt } from "@/lib/reports/receipt-details";
import { getClientAddress } from "@/lib/reports/request-context";
import { readTextFields, REPORT_TEXT_FIELDS, type FieldErrors, type ReportField } from "@/lib/reports/schemas";

import { assertCasePermission } from "./access";
import { CaseActionForbiddenError, CaseRuleError, type CaseRuleCode } from "./errors";
import { fileIntakeReport } from "./intake";
import { describeError } from "@/lib/logging";

export type IntakeFormState =
  | { status: "idle" }
  | {
      status: "invalid";
      fieldErrors: FieldErrors<ReportField | "channel">;
      formErrors: ReportErrorCode[];
      /** Everything typed, to refill the form. */
      values: Record<string, string>;
      /** Evidence accepted so far, with its tokens, so it need not be chosen again. */
      stagedEvidence: StagedEvidence[];
    }
  | { status: "refused"; message: CaseRuleCode | "forbidden" | "unexpected"; values: Record<string, string>; stagedEvidence: StagedEvidence[] }
  /** The address and QR code the printed receipt carries, so the visitor knows where to follow it. */
  | { status: "filed"; caseId: string; receipt: Receipt; address: ReceiptAddress };

/**
 * Files a walk-in, phone, SMS, email or letter report for the officer's office (a public POST
 * endpoint like every Server Action: the session and the role are checked again here and in
 * fileIntakeReport). Evidence arrives as tokens of files the page uploaded already (through
 * the online upload endpoint) or, without JavaScript, as files in the post: both are taken
 * exactly as the online form takes them.
 */
export async function submitIntakeReport(_previous: IntakeFormState, formData: FormData): Promise<IntakeFormState> {
  const actor = await requireStaff();
  const now = new Date();
  const values = { ...readTextFields(formData, REPORT_TEXT_FIELDS), ...readTextFields(formData, ["channel"] as const) } as Record<string, string>;
  let stagedEvidence: StagedEvidence[] = [];
  try {
    stagedEvidence = readStagedEvidenceTokens(readEvidenceTokens(formData), now).valid.map(toStagedEvidence);
    // No files are staged for someone who may not take reports in.
    assertCasePermission(actor, "intake");
    // Checked above: an officer taking reports in, not limited by the office's shared address.
    const evidence = await acceptFormEvidence(formData, { clientAddress: await getClientAddress(), now, countAgainstClientLimit: false });
    stagedEvidence = evidence.staged;
    const result = await fileIntakeReport(actor, { fields: values, channel: values.channel ?? "", locale: await getLocale(), evidence }, { now });
    if (result.status === "invalid") return { ...result, values, stagedEvidence };
    revalidatePath("/dasbor");
    return { ...result, address: await describeReceiptAddress(await getPublicBaseUrl(), result.receipt.trackingCode) };
  } catch (error) {
    if (error instanceof CaseActionForbiddenError) return { status: "refused", message: "forbidden", values, stagedEvidence };
    if (error instanceof CaseRuleError) return { status: "refused", message: error.code, values, stagedEvidence };
    console.error(`Intake by staff ${actor.id} failed`, describeError(error));
    return { status: "refused", message: "unexpected", values, stagedEvidence };
  }
}
