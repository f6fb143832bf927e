"use server";

import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";

import { requireStaff } from "@/lib/auth/session";
import type { ReportErrorCode } from "@/lib/reports/error-codes";
import { getPublicBaseUrl } from "@/lib/reports/public-address";
import { describeReceiptAddress, type ReceiptAddress } from "@/lib/reports/receipt-address";
import type { Receipt } from "@/lib/reports/receipt-details";
import { readTextFields, REPORT_TEXT_FIELDS, type FieldErrors, type ReportField } from "@/lib/reports/schemas";

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
    }
  | { status: "refused"; message: CaseRuleCode | "forbidden" | "unexpected"; values: Record<string, string> }
  /** The address and QR code the printed receipt carries, so the visitor knows where to follow it. */
  | { status: "filed"; caseId: string; receipt: Receipt; address: ReceiptAddress };

/**
 * Files a walk-in, phone, SMS, email or letter report for the officer's office (a public POST
 * endpoint like every Server Action: the session and the role are checked again here and in
 * fileIntakeReport).
 */
export async function submitIntakeReport(_previous: IntakeFormState, formData: FormData): Promise<IntakeFormState> {
  const actor = await requireStaff();
  const values = { ...readTextFields(formData, REPORT_TEXT_FIELDS), ...readTextFields(formData, ["channel"] as const) } as Record<string, string>;
  try {
    const result = await fileIntakeReport(actor, { fields: values, channel: values.channel ?? "", locale: await getLocale() });
    if (result.status === "invalid") return { ...result, values };
    revalidatePath("/dasbor");
    return { ...result, address: await describeReceiptAddress(await getPublicBaseUrl(), result.receipt.trackingCode) };
  } catch (error) {
    if (error instanceof CaseActionForbiddenError) return { status: "refused", message: "forbidden", values };
    if (error instanceof CaseRuleError) return { status: "refused", message: error.code, values };
    console.error(`Intake by staff ${actor.id} failed`, describeError(error));
    return { status: "refused", message: "unexpected", values };
  }
}
