"use server";

import { redirect } from "next/navigation";

import { getClientAddress } from "@/lib/reports/request-context";
import { getCurrentStaff } from "@/lib/auth/session";
import { describeError } from "@/lib/logging";

import { reviewSurveyBurstFlag } from "./bursts";
import { officeDayKey, officeTimeZone } from "./office-day";
import { buildPungliReportPrefill, toSearchString } from "./report-prefill";
import { readSurveyValues, type SurveyField, type SurveyFieldErrors } from "./schemas";
import { findSurveyOffice, submitSurveyAnswers, type SurveyRefusal } from "./submit";

/**
 * The survey forms' Server Actions, for `useProgressiveAction`; plain form posts without
 * JavaScript. Public endpoints: the answers are checked in ./submit.ts, the interviewer's and
 * reviewer's rights in the data functions. Nothing about the visitor is logged.
 */

export type SurveyFormState =
  | { status: "idle" }
  | { status: "invalid"; fieldErrors: SurveyFieldErrors; formError: SurveyRefusal | "unexpected" | null; values: Record<SurveyField, string> };

const OFFICE_CODE = /^[a-z0-9-]{1,80}$/;

function readOfficeCode(formData: FormData): string {
  const value = formData.get("officeCode");
  return typeof value === "string" && OFFICE_CODE.test(value) ? value : "";
}

export async function submitVisitorSurvey(_previous: SurveyFormState, formData: FormData): Promise<SurveyFormState> {
  const values = readSurveyValues(formData);
  const officeCode = readOfficeCode(formData);
  const code = formData.get("invitationCode");
  let target: string;
  try {
    const result = await submitSurveyAnswers({
      officeCode,
      values,
      wayIn: typeof code === "string" && code.trim() !== "" ? { kind: "code", code: code.slice(0, 40) } : { kind: "poster", clientAddress: await getClientAddress() },
    });
    if (result.status === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, formError: null, values };
    if (result.status === "refused") return { status: "invalid", fieldErrors: {}, formError: result.error, values };
    const office = await findSurveyOffice(result.officeCode);
    const dayKey = officeDayKey(new Date(), officeTimeZone(office?.province ?? ""));
    const prefill = result.answers.askedToPay ? toSearchString(buildPungliReportPrefill(result.answers, result.officeCode, dayKey)) : "";
    target = `/survei/${result.officeCode}/terima-kasih${prefill}`;
  } catch (error) {
    console.error("survey answer failed", describeError(error));
    return { status: "invalid", fieldErrors: {}, formError: "unexpected", values };
  }
  redirect(target);
}

export async function submitInterviewSurvey(_previous: SurveyFormState, formData: FormData): Promise<SurveyFormState> {
  const values = readSurveyValues(formData);
  const officeCode = readOfficeCode(formData);
  const actor = await getCurrentStaff();
  if (!actor) return { status: "invalid", fieldErrors: {}, formError: "forbidden", values };
  try {
    const result = await submitSurveyAnswers({ officeCode, values, wayIn: { kind: "interview", actor } });
    if (result.status === "invalid") return { status: "invalid", fieldErrors: result.fieldErrors, formError: null, values };
    if (result.status === "refused") return { status: "invalid", fieldErrors: {}, formError: result.error, values };
  } catch (error) {
    console.error("survey interview failed", describeError(error));
    return { status: "invalid", fieldErrors: {}, formError: "unexpected", values };
  }
  redirect(`/dasbor/survei/wawancara?kantor=${officeCode}&tercatat=1`);
}

export async function reviewBurst(formData: FormData): Promise<void> {
  const actor = await getCurrentStaff();
  const flagId = formData.get("flagId");
  const decision = formData.get("decision");
  const officeCode = readOfficeCode(formData);
  if (!actor) redirect("/masuk");
  let outcome = "notFound";
  if (typeof flagId === "string" && /^[0-9a-f-]{36}$/i.test(flagId) && (decision === "ACCEPTED" || decision === "REJECTED")) {
    outcome = await reviewSurveyBurstFlag(actor, flagId, decision);
  }
  redirect(`/dasbor/survei?${new URLSearchParams({ ...(officeCode ? { kantor: officeCode } : {}), tinjauan: outcome })}`);
}
