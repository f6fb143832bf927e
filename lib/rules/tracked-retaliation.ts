import "server-only";

import { db } from "@/lib/db";
import { readTrackingSession } from "@/lib/reports/tracking-session";

import { findOpenRetaliationCheck, type OpenRetaliationCheck } from "./retaliation-check";
import { listRetaliationReportsOf, type TrackedRetaliationReport } from "./retaliation-report";

export type TrackedRetaliation = { openCheck: OpenRetaliationCheck | null; reports: TrackedRetaliationReport[] };

/** For /lacak: the retaliation question open on the tracked case, and the reports filed from it. Null without a session. */
export async function getTrackedRetaliation(): Promise<TrackedRetaliation | null> {
  const session = await readTrackingSession();
  if (!session) return null;
  const [openCheck, reports] = await Promise.all([findOpenRetaliationCheck(db, session.caseId), listRetaliationReportsOf(session.caseId)]);
  return { openCheck, reports };
}
