"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { requireAdmin } from "@/lib/admin/guard";
import type { StaffActor } from "@/lib/auth/session";
import { describeError } from "@/lib/logging";

import { addHoliday, deleteHoliday, updateHoliday } from "./changes";
import { HOLIDAY_CSV_LIMITS } from "./csv-import";
import { applyHolidayImport, previewHolidayImport, type HolidayImportPreview } from "./import";
import { HOLIDAYS_PATH, type HolidayFormState, type HolidayImportState } from "./action-state";
import { addHolidaySchema, deleteHolidaySchema, holidayYearSchema, updateHolidaySchema } from "./schemas";

/**
 * The Server Actions of /dasbor/admin/hari-libur. Each is a public POST endpoint: it re-reads the
 * session (requireAdmin: signed out -> /masuk, not an admin -> 404), validates the form with zod,
 * and calls a data function that checks the role again. Refusals come back as message codes with
 * everything the admin typed; a success goes back to the year's page saying how many open cases'
 * deadlines moved.
 */

const HOLIDAY_FIELDS = ["date", "nameId", "nameEn", "kind", "place", "source", "id", "version"] as const;

function readValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of HOLIDAY_FIELDS) {
    const value = formData.get(field);
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

function toFieldErrors(error: z.ZodError): HolidayFormState["fieldErrors"] {
  const fieldErrors: NonNullable<HolidayFormState["fieldErrors"]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "") as keyof typeof fieldErrors;
    if (!fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return fieldErrors;
}

/** The year's page with a note of what happened. */
function yearPage(input: { year: string; place?: string; done: string; movedCases: number }): string {
  const search = new URLSearchParams({ tahun: input.year, selesai: input.done, kasus: String(input.movedCases) });
  if (input.place && input.place !== "national") search.set("tempat", input.place);
  return `${HOLIDAYS_PATH}?${search.toString()}`;
}

/** An expected refusal as the form's code; anything else is logged and answered as "unexpected". */
function refusalOf(error: unknown, context: string): HolidayFormState["error"] {
  if (error instanceof AdminConflictError) return "conflict";
  // requireAdmin passed, so a missing holiday was deleted meanwhile.
  if (error instanceof AdminNotFoundError) return "gone";
  if (error instanceof AdminRuleError) return error.code as HolidayFormState["error"];
  console.error(`Holiday ${context} failed`, describeError(error));
  return "unexpected";
}

export async function submitAddHoliday(previous: HolidayFormState, formData: FormData): Promise<HolidayFormState> {
  const actor = await requireAdmin();
  const values = readValues(formData);
  const parsed = addHolidaySchema.safeParse(values);
  if (!parsed.success) return { error: "invalid", fieldErrors: toFieldErrors(parsed.error), values };
  let movedCases: number;
  try {
    ({ movedCases } = await addHoliday(actor, parsed.data));
  } catch (error) {
    return { error: refusalOf(error, "add"), values };
  }
  revalidatePath(HOLIDAYS_PATH);
  redirect(yearPage({ year: parsed.data.date.slice(0, 4), place: parsed.data.place, done: "added", movedCases }));
}

export async function submitUpdateHoliday(previous: HolidayFormState, formData: FormData): Promise<HolidayFormState> {
  const actor = await requireAdmin();
  const values = readValues(formData);
  const parsed = updateHolidaySchema.safeParse(values);
  if (!parsed.success) return { error: "invalid", fieldErrors: toFieldErrors(parsed.error), values };
  let movedCases: number;
  try {
    ({ movedCases } = await updateHoliday(actor, parsed.data));
  } catch (error) {
    return { error: refusalOf(error, "update"), values };
  }
  revalidatePath(HOLIDAYS_PATH);
  redirect(yearPage({ year: parsed.data.date.slice(0, 4), place: values.place, done: "updated", movedCases }));
}

export async function submitDeleteHoliday(previous: HolidayFormState, formData: FormData): Promise<HolidayFormState> {
  const actor = await requireAdmin();
  const values = readValues(formData);
  const parsed = deleteHolidaySchema.safeParse(values);
  if (!parsed.success) return { error: "invalid", values };
  let movedCases: number;
  try {
    ({ movedCases } = await deleteHoliday(actor, parsed.data));
  } catch (error) {
    return { error: refusalOf(error, "delete"), values };
  }
  revalidatePath(HOLIDAYS_PATH);
  redirect(yearPage({ year: (values.date ?? "").slice(0, 4) || String(new Date().getFullYear()), place: values.place, done: "deleted", movedCases }));
}

function toPreviewState({ content, ...preview }: Extract<HolidayImportPreview, { ok: true }>): NonNullable<HolidayImportState["preview"]> {
  return { ...preview, encodedContent: Buffer.from(content, "utf8").toString("base64") };
}

/**
 * The import form: `intent=preview` with the uploaded file, then `intent=apply` with the previewed
 * content and its hashes. One action for both steps, so the form always shows the latest answer.
 */
export async function submitHolidayImport(previous: HolidayImportState, formData: FormData): Promise<HolidayImportState> {
  const actor = await requireAdmin();
  return formData.get("intent") === "apply" ? applyImport(actor, formData) : previewImport(actor, formData);
}

async function previewImport(actor: StaffActor, formData: FormData): Promise<HolidayImportState> {
  const year = holidayYearSchema.safeParse(formData.get("year"));
  if (!year.success) return { error: "invalid" };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "fileMissing" };
  if (file.size > HOLIDAY_CSV_LIMITS.bytes) return { error: "fileTooLarge" };
  try {
    const preview = await previewHolidayImport(actor, { year: year.data, content: await file.text() });
    return preview.ok ? { preview: toPreviewState(preview) } : { error: "fileHasErrors", csvErrors: preview.errors };
  } catch (error) {
    return { error: refusalOf(error, "import preview") as HolidayImportState["error"] };
  }
}

async function applyImport(actor: StaffActor, formData: FormData): Promise<HolidayImportState> {
  const year = holidayYearSchema.safeParse(formData.get("year"));
  const encodedContent = formData.get("encodedContent");
  const content = typeof encodedContent === "string" ? Buffer.from(encodedContent, "base64").toString("utf8") : null;
  const contentHash = formData.get("contentHash");
  const stateFingerprint = formData.get("stateFingerprint");
  if (!year.success || typeof content !== "string" || typeof contentHash !== "string" || typeof stateFingerprint !== "string") return { error: "invalid" };
  let movedCases: number;
  try {
    ({ movedCases } = await applyHolidayImport(actor, { year: year.data, content, contentHash, stateFingerprint }));
  } catch (error) {
    const refusal = refusalOf(error, "import") as HolidayImportState["error"];
    if (refusal !== "importPreviewStale") return { error: refusal };
    // Show what the file would do now, so the admin decides again on a true preview.
    const fresh = await previewHolidayImport(actor, { year: year.data, content });
    return fresh.ok ? { error: refusal, preview: toPreviewState(fresh) } : { error: "fileHasErrors", csvErrors: fresh.errors };
  }
  revalidatePath(HOLIDAYS_PATH);
  redirect(yearPage({ year: String(year.data), done: "imported", movedCases }));
}
