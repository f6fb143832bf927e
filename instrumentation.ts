/**
 * Runs once when a Next.js server instance starts, in the Node.js runtime only and never while
 * `next build` loads the app to prerender it. Validates the environment first, so a server with
 * a missing or wrong setting (in production, an unset TRUST_PROXY) refuses to start instead of
 * failing on its first request; then hands each request's TCP peer address to the app
 * (lib/rate-limit/peer-address.ts). Then, unless JOB_WORKERS=off, starts this instance's
 * background job workers (lib/jobs/workers.ts): every periodic task and every queued job of
 * lib/jobs/registry.ts (exports, escalation sweep, statistics compaction and pre-warm, public
 * figures' refresh, audit seal and checkpoint, contact retention, housekeeping). pg-boss runs
 * each job on one instance only, so they are safe to leave on everywhere.
 *
 * First of all it validates the whole environment (lib/env.ts): an instance that cannot serve
 * stops here with the reason, before it answers a single request.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { requireValidEnvironment } = await import("./lib/startup");
  requireValidEnvironment();
  const { installPeerAddressHeader } = await import("./lib/rate-limit/peer-address");
  installPeerAddressHeader();
  const { resolveJobWorkers } = await import("./lib/env");
  const workers = resolveJobWorkers(process.env);
  for (const note of workers.notes) console.warn(`background jobs: ${note}`);
  if (workers.enabled) {
    const { startJobWorkersInBackground } = await import("./lib/jobs/workers");
    startJobWorkersInBackground();
  }
}
