import { toSameSitePath } from "@/i18n/return-path";

/**
 * Where to go after signing in: only a path inside the dashboard of this site, anything else
 * (another site, the public pages, the sign-in page itself) falls back to the dashboard.
 */
export const DASHBOARD_PATH = "/dasbor";

export function toDashboardReturnPath(candidate: unknown): string {
  const path = toSameSitePath(candidate);
  const pathname = path.split(/[?#]/, 1)[0];
  return pathname === DASHBOARD_PATH || pathname?.startsWith(`${DASHBOARD_PATH}/`) ? path : DASHBOARD_PATH;
}
