/**
 * Runs once when a Next.js server instance starts, in the Node.js runtime only and never while
 * `next build` loads the app to prerender it. Validates the environment first, so a server with
 * a missing or wrong setting (in production, an unset TRUST_PROXY) refuses to start instead of
 * failing on its first request; then hands each request's TCP peer address to the app
 * (lib/rate-limit/peer-address.ts). Starts the periodic jobs of this instance:
 * - the escalation sweep of overdue cases (lib/cases/escalation-timer.ts), unless ESCALATION_SWEEP=off;
 * - the export worker and its housekeeping (lib/exports/timer.ts), unless EXPORT_WORKER=off;
 * - the pre-warm of the supervisors' statistics (lib/statistics/snapshot-timer.ts), unless STATISTICS_PREWARM=off.
 * All coordinate with the other instances through PostgreSQL, so they are safe to leave on everywhere.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { getEnvironment } = await import("./lib/env");
  try {
    getEnvironment();
  } catch (error) {
    // Next only logs an error thrown here and keeps serving (every request then fails): stop instead.
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  const { installPeerAddressHeader } = await import("./lib/rate-limit/peer-address");
  installPeerAddressHeader();
  if (process.env.ESCALATION_SWEEP !== "off") {
    const { startEscalationTimer } = await import("./lib/cases/escalation-timer");
    startEscalationTimer();
  }
  if (process.env.EXPORT_WORKER !== "off") {
    const { startExportTimer } = await import("./lib/exports/timer");
    startExportTimer();
  }
  if (process.env.STATISTICS_PREWARM !== "off") {
    const { startStatisticsPrewarmTimer } = await import("./lib/statistics/snapshot-timer");
    startStatisticsPrewarmTimer();
  }
}
