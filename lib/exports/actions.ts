"use server";

import { revalidatePath } from "next/cache";

import { requireStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";
import { describeError } from "@/lib/logging";
import { parseStatisticsFilters } from "@/lib/statistics/filters";

import { requestExportJob } from "./jobs";
import { exportFormChoicesSchema, exportRequestFormSchema, type ExportFormChoices } from "./params";

/**
 * The export form's Server Action: a public POST endpoint, so it reads the session itself,
 * checks `viewStatistics`, validates every field, and leaves scope and limits to
 * requestExportJob. The request's transaction enqueues the "export-file" job (lib/jobs), which
 * an instance running workers picks up within seconds.
 */

/**
 * Every answer carries the choices the form sent (`choices`) and a number (`answer`) that grows
 * with each answer: the form is re-created with those choices, so neither an error nor a success
 * resets what the supervisor picked.
 */
type Answered = { choices: ExportFormChoices; answer: number };
export type ExportActionState =
  | { status: "idle" }
  | ({ status: "queued"; jobId: string } & Answered)
  | ({ status: "error"; error: "forbidden" | "invalid" | "invalidPeriod" | "rateLimited" | "unexpected" } & Answered)
  | ({ status: "error"; error: "tooManyActive"; count: number } & Answered);

const FILTER_FIELDS = ["period", "from", "to", "office", "kind", "channel", "category", "service"] as const;

export async function requestExportAction(previous: ExportActionState, formData: FormData): Promise<ExportActionState> {
  const field = (name: string) => {
    const value = formData.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const sent = { format: field("format"), locale: field("locale"), separator: field("separator"), includeFreeText: field("includeFreeText") };
  // `previous` comes from the client like any argument of a public endpoint: trust only a small integer.
  const previousAnswer = (previous as { answer?: unknown } | null)?.answer;
  const answer = typeof previousAnswer === "number" && Number.isSafeInteger(previousAnswer) && previousAnswer >= 0 ? previousAnswer + 1 : 1;
  const answered: Answered = { choices: exportFormChoicesSchema.parse(sent), answer };

  const actor = await requireStaff();
  if (!hasCasePermission(actor, "viewStatistics")) return { status: "error", error: "forbidden", ...answered };

  const form = exportRequestFormSchema.safeParse(sent);
  if (!form.success) return { status: "error", error: "invalid", ...answered };
  const now = new Date();
  const filters = parseStatisticsFilters(Object.fromEntries(FILTER_FIELDS.map((name) => [name, field(name)])), now);
  if (!filters.ok) return { status: "error", error: "invalidPeriod", ...answered };

  try {
    const result = await requestExportJob(actor, { ...form.data, filters: filters.filters }, { now });
    if (result.status === "refused") {
      return result.error === "tooManyActive" ? { status: "error", error: "tooManyActive", count: result.count, ...answered } : { status: "error", error: result.error, ...answered };
    }
    revalidatePath("/dasbor/statistik");
    return { status: "queued", jobId: result.jobId, ...answered };
  } catch (error) {
    console.error("export request failed", describeError(error));
    return { status: "error", error: "unexpected", ...answered };
  }
}
