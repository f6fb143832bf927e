/**
 * `npm run audit:rekey`: re-keys the audit chain rows written before the chain was keyed
 * (lib/audit/rekey.ts) on the database in DATABASE_URL, with the key derived from APP_SECRET.
 * The app does the same at start; this is for an upgrade checked by hand. Refuses (exit 1) when
 * the unkeyed chain is already broken.
 *
 *   node --conditions=react-server --import tsx scripts/audit-rekey.ts
 */
import { rekeyLegacyAuditChain } from "@/lib/audit/rekey";
import { db } from "@/lib/db";

async function main(): Promise<number> {
  try {
    const result = await rekeyLegacyAuditChain(db);
    if (result.status === "chainBroken") {
      console.error(`Not re-keyed: the chain is broken at event ${result.brokenAtId}. Run npm run audit:verify and investigate first.`);
      return 1;
    }
    console.log(result.status === "nothingToDo" ? "The audit chain is already keyed; nothing done." : `Re-keyed ${result.rewritten} event(s). The unkeyed head was ${result.unkeyedHeadHash ?? "(none)"}.`);
    return 0;
  } catch (error) {
    console.error(`Re-keying failed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
