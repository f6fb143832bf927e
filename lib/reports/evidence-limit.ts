import "server-only";

import { getCurrentStaff } from "@/lib/auth/session";
import { hasCasePermission } from "@/lib/cases/permissions";

/**
 * Whether an evidence upload comes from a signed-in officer who takes reports in at the desk.
 * The per-client upload limit is there for anonymous visitors; every desk of an office (and the
 * public in its waiting room) may share one outgoing address, so a busy desk scanning letters
 * would otherwise be refused after a few visitors. Officers are accountable by their account, and
 * the processing slots still bound what any upload costs.
 */
export async function isDeskStaffUpload(): Promise<boolean> {
  const staff = await getCurrentStaff();
  return staff !== null && hasCasePermission(staff, "intake");
}
