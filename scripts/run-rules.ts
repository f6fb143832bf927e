/**
 * Runs the rules that run by themselves once against the database in DATABASE_URL (lib/rules):
 * auto-close of cases left waiting for the reporter, then the retaliation check rounds. The jobs
 * "auto-close" and "retaliation-check" (lib/jobs/registry.ts) run them hourly; this is for an
 * operator after a restore, and for the end-to-end tests. Safe while the app runs.
 *
 *   node --conditions=react-server --import tsx scripts/run-rules.ts
 *
 * (The react-server condition lets the server-only data layer load outside Next.js.)
 */
import { db } from "@/lib/db";
import { runAutoClose } from "@/lib/rules/auto-close";
import { runRetaliationChecks } from "@/lib/rules/retaliation-check";

async function main(): Promise<number> {
  try {
    const { closed } = await runAutoClose();
    const { due } = await runRetaliationChecks();
    console.log(`Auto-closed ${closed} case(s); asked the retaliation question on ${due} case(s).`);
    return 0;
  } catch (error) {
    console.error(`Rules run failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
