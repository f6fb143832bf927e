/**
 * Runs the escalation sweep once against the database in DATABASE_URL: marks open cases whose
 * deadline has passed as escalated, with an ESCALATED event each (lib/cases/escalation.ts). For
 * cron, or after restoring a database. Safe while the app runs: the sweep takes an advisory lock.
 *
 *   node --conditions=react-server --import tsx scripts/escalate.ts
 *
 * (The react-server condition lets the server-only data layer load outside Next.js.)
 */
import { escalateOverdueCases } from "@/lib/cases/escalation";
import { db } from "@/lib/db";

async function main(): Promise<number> {
  try {
    const result = await escalateOverdueCases();
    console.log(result.status === "skipped" ? "Another instance is sweeping right now; nothing done." : `Escalated ${result.escalated} overdue case(s).`);
    return 0;
  } catch (error) {
    console.error(`Escalation sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
