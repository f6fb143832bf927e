"use server";

import { revalidatePath } from "next/cache";
import { after } from "next/server";

import { requireStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";
import { describeError } from "@/lib/logging";
import { parseStatisticsFilters } from "@/lib/statistics/filters";

import { requestExportJob } from "./jobs";
import { exportRequestFormSchema } from "./params";
import { runExportWorker } from "./worker";

/**
 * The export form's Server Action: a public POST endpoint, so it reads the session itself,
 * checks `viewStatistics`, validates every field, and leaves scope and limits to
 * requestExportJob. The work starts right after the answer (next/server `after`); the periodic
 * sweep picks the job up if this instance stops first.
 */

export type ExportActionState =
  | { status: "idle" }
  | { status: "queued"; jobId: string }
  | { status: "error"; error: "forbidden" | "invalid" | "invalidPeriod" | "rateLimited" | "unexpected" }
  | { status: "error"; error: "tooManyActive"; count: number };

const FILTER_FIELDS = ["period", "from", "to", "office", "kind", "channel", "category", "service"] as const;

export async function requestExportAction(_previous: ExportActionState, formData: FormData): Promise<ExportActionState> {
  const actor = await requireStaff();
  if (!hasCasePermission(actor, "viewStatistics")) return { status: "error", error: "forbidden" };

  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const form = exportRequestFormSchema.safeParse({ format: field("format"), locale: field("locale"), separator: field("separator"), includeFreeText: field("includeFreeText") });
  if (!form.success) return { status: "error", error: "invalid" };
  const now = new Date();
  const filters = parseStatisticsFilters(Object.fromEntries(FILTER_FIELDS.map((name) => [name, field(name)])), now);
  if (!filters.ok) return { status: "error", error: "invalidPeriod" };

  try {
    const result = await requestExportJob(actor, { ...form.data, filters: filters.filters }, { now });
    if (result.status === "refused") return result.error === "tooManyActive" ? { status: "error", error: "tooManyActive", count: result.count } : { status: "error", error: result.error };
    after(() => runExportWorker());
    revalidatePath("/dasbor/statistik");
    return { status: "queued", jobId: result.jobId };
  } catch (error) {
    console.error("export request failed", describeError(error));
    return { status: "error", error: "unexpected" };
  }
}
