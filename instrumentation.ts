/**
 * Runs once when a Next.js server instance starts. Starts the periodic escalation sweep of
 * overdue cases (lib/cases/escalation-timer.ts) in the Node.js runtime only, and never while
 * `next build` loads the app to prerender it.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  if (process.env.ESCALATION_SWEEP === "off") return;
  const { startEscalationTimer } = await import("./lib/cases/escalation-timer");
  startEscalationTimer();
}
