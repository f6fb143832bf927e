"use server";

import { revalidatePath } from "next/cache";
import { notFound, redirect } from "next/navigation";

import { requireStaff } from "@/lib/auth/session";
import { describeError } from "@/lib/logging";

import { VOLUMES_PATH, type VolumeFormState, type VolumeImportState } from "./action-state";
import { parseCount, parseMonthKey, VOLUME_CSV_LIMITS } from "./csv";
import { canManageVolumes } from "./access";
import { importVolumeCsv, saveOfficeVolumes, VolumeAccessError } from "./volumes";

/**
 * The Server Actions of /dasbor/volume. Each is a public POST endpoint: it re-reads the session
 * (officers and strangers get a 404), validates the form, and calls a data function that checks
 * the role and the office's scope again. A refused form comes back with everything typed.
 */

/** A positive id that fits PostgreSQL's integer column (a larger one would fail the query, not be "not found"). */
function isDatabaseId(value: number): boolean {
  return Number.isSafeInteger(value) && value > 0 && value <= 2_147_483_647;
}

async function requireVolumeManager() {
  const actor = await requireStaff();
  if (!canManageVolumes(actor)) notFound();
  return actor;
}

function donePage(input: { month: string; office?: number; done: string; rows: number }): string {
  const search = new URLSearchParams({ bulan: input.month, selesai: input.done, baris: String(input.rows) });
  if (input.office !== undefined) search.set("kantor", String(input.office));
  return `${VOLUMES_PATH}?${search.toString()}`;
}

export async function submitOfficeVolumes(previous: VolumeFormState, formData: FormData): Promise<VolumeFormState> {
  const actor = await requireVolumeManager();
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === "string" && (key === "month" || key === "office" || key.startsWith("count-"))) values[key] = value;
  const month = parseMonthKey(values.month);
  if (!month) return { error: "monthInvalid", values };
  const officeId = Number(values.office);
  if (!isDatabaseId(officeId)) return { error: "officeUnknown", values };

  const counts: { serviceId: number; count: number }[] = [];
  const fieldErrors: NonNullable<VolumeFormState["fieldErrors"]> = {};
  for (const [key, typed] of Object.entries(values)) {
    if (!key.startsWith("count-") || typed.trim() === "") continue;
    const serviceId = Number(key.slice("count-".length));
    if (!isDatabaseId(serviceId)) return { error: "invalid", values };
    const count = parseCount(typed);
    if (count === null) fieldErrors[String(serviceId)] = "countInvalid";
    else if (count > VOLUME_CSV_LIMITS.count) fieldErrors[String(serviceId)] = "countTooLarge";
    else counts.push({ serviceId, count });
  }
  if (Object.keys(fieldErrors).length > 0) return { error: "countsInvalid", fieldErrors, values };
  if (counts.length === 0) return { error: "nothingEntered", values };

  let written: number;
  try {
    ({ written } = await saveOfficeVolumes(actor, { officeId, month, counts }));
  } catch (error) {
    if (error instanceof VolumeAccessError) return { error: "officeUnknown", values };
    console.error("Saving service volumes failed", describeError(error));
    return { error: "unexpected", values };
  }
  revalidatePath(VOLUMES_PATH);
  redirect(donePage({ month, office: officeId, done: "saved", rows: written }));
}

export async function submitVolumeImport(previous: VolumeImportState, formData: FormData): Promise<VolumeImportState> {
  const actor = await requireVolumeManager();
  const typedMonth = formData.get("month");
  const month = parseMonthKey(typedMonth);
  if (!month) return { error: "monthInvalid", month: typeof typedMonth === "string" ? typedMonth : undefined };
  const file = formData.get("file");
  if (!(file instanceof File) || file.size === 0) return { error: "fileMissing", month };
  if (file.size > VOLUME_CSV_LIMITS.bytes) return { error: "fileTooLarge", month };
  let result: Awaited<ReturnType<typeof importVolumeCsv>>;
  try {
    result = await importVolumeCsv(actor, { month, content: await file.text() });
  } catch (error) {
    console.error("Importing service volumes failed", describeError(error));
    return { error: "unexpected", month };
  }
  if (!result.ok) return { error: "fileHasErrors", csvErrors: result.errors, month };
  revalidatePath(VOLUMES_PATH);
  redirect(donePage({ month, done: "imported", rows: result.written }));
}
