import "server-only";

import { db } from "@/lib/db";
import { readTrackingSession } from "@/lib/reports/tracking-session";

import { findOpenRetaliationCheck, type OpenRetaliationCheck } from "./retaliation-check";
import { listRetaliationReportsOf, type TrackedRetaliationReport } from "./retaliation-report";

/** `wasAsked`: a round has come (answered or not), so the section stays where the answer is shown. */
export type TrackedRetaliation = { openCheck: OpenRetaliationCheck | null; wasAsked: boolean; reports: TrackedRetaliationReport[] };

/** For /lacak: the retaliation question open on the tracked case, and the reports filed from it. Null without a session. */
export async function getTrackedRetaliation(): Promise<TrackedRetaliation | null> {
  const session = await readTrackingSession();
  if (!session) return null;
  const [openCheck, checks, reports] = await Promise.all([
    findOpenRetaliationCheck(db, session.caseId),
    db.retaliationCheck.count({ where: { caseId: session.caseId } }),
    listRetaliationReportsOf(session.caseId),
  ]);
  return { openCheck, wasAsked: checks > 0, reports };
}
