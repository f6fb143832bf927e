/**
 * Runs once when a Next.js server instance starts, in the Node.js runtime only and never while
 * `next build` loads the app to prerender it. Validates the environment first, so a server with
 * a missing or wrong setting (in production, an unset TRUST_PROXY) refuses to start instead of
 * failing on its first request; then hands each request's TCP peer address to the app
 * (lib/rate-limit/peer-address.ts). Starts the periodic jobs of this instance:
 * - the escalation sweep of overdue cases (lib/cases/escalation-timer.ts), unless ESCALATION_SWEEP=off;
 * - the export worker and its housekeeping (lib/exports/timer.ts), unless EXPORT_WORKER=off;
 * - the pre-warm of the supervisors' statistics (lib/statistics/snapshot-timer.ts), unless STATISTICS_PREWARM=off;
 * - the compaction of the statistics rollups (lib/statistics/rollups.ts), always: the triggers
 *   append delta rows, and unfolded deltas only make the figures slower, never wrong;
 * - the audit chain's re-keying after the upgrade and its daily signed checkpoint
 *   (lib/audit/checkpoint-timer.ts), unless AUDIT_CHECKPOINTS=off;
 * - the encryption of stored reporter contacts under the current key and their erasure after the
 *   retention period (lib/contacts/retention-timer.ts), unless CONTACT_RETENTION=off.
 * All coordinate with the other instances through PostgreSQL, so they are safe to leave on everywhere.
 *
 * First of all it validates the whole environment (lib/env.ts): an instance that cannot serve
 * stops here with the reason, before it answers a single request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { requireValidEnvironment } = await import("./lib/startup");
  const environment = requireValidEnvironment();
  const { installPeerAddressHeader } = await import("./lib/rate-limit/peer-address");
  installPeerAddressHeader();
  if (environment.ESCALATION_SWEEP === "on") {
    const { startEscalationTimer } = await import("./lib/cases/escalation-timer");
    startEscalationTimer();
  }
  if (environment.EXPORT_WORKER === "on") {
    const { startExportTimer } = await import("./lib/exports/timer");
    startExportTimer();
  }
  const { startStatisticsCompactionTimer } = await import("./lib/statistics/rollups");
  startStatisticsCompactionTimer();
  if (environment.STATISTICS_PREWARM === "on") {
    const { startStatisticsPrewarmTimer } = await import("./lib/statistics/snapshot-timer");
    startStatisticsPrewarmTimer();
  }
  if (environment.AUDIT_CHECKPOINTS === "on") {
    const { startAuditCheckpointTimer } = await import("./lib/audit/checkpoint-timer");
    startAuditCheckpointTimer();
  }
  if (environment.CONTACT_RETENTION === "on") {
    const { startContactRetentionTimer } = await import("./lib/contacts/retention-timer");
    startContactRetentionTimer();
  }
}
