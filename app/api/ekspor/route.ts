import { getCurrentStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";
import { listRecentExportJobs } from "@/lib/exports/jobs";

/**
 * The signed-in user's recent exports with their progress, polled by the export panel while a
 * job runs. 404 for anyone who may not export, so the endpoint says nothing to others.
 */
export async function GET(): Promise<Response> {
  const actor = await getCurrentStaff();
  if (!actor || !hasCasePermission(actor, "viewStatistics")) return Response.json({ error: "notFound" }, { status: 404, headers: { "Cache-Control": "no-store" } });
  const jobs = await listRecentExportJobs(actor);
  return Response.json({ jobs }, { headers: { "Cache-Control": "no-store" } });
}
