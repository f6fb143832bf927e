/**
 * `npm run audit:verify`: checks the audit trail's hash chain (lib/audit/verify.ts) on the
 * database in DATABASE_URL. Prints the result; exits 1 when the chain is broken, 2 when it could
 * not be checked.
 */
import { PrismaPg } from "@prisma/adapter-pg";

import { verifyAuditChain } from "@/lib/audit/verify";
import { createPrismaClient } from "@/lib/prisma-client";

async function main(): Promise<number> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL is not set: point it at the database whose audit trail to check.");
    return 2;
  }
  const db = createPrismaClient(new PrismaPg({ connectionString, max: 1 }));
  try {
    const verdict = await verifyAuditChain(db);
    if (verdict.ok) {
      console.log(`Audit chain intact: ${verdict.checked} events checked. Last hash: ${verdict.lastHash ?? "(no events)"}`);
      return 0;
    }
    const explanation =
      verdict.reason === "hashMismatch"
        ? "its content no longer matches its hash (the row was changed after it was written)"
        : "it does not link to the event before it (an event before it was deleted or inserted)";
    console.error(`Audit chain BROKEN at event ${verdict.brokenAtId}: ${explanation}. ${verdict.checked} events before it are intact.`);
    return 1;
  } catch (error) {
    console.error(`Could not check the audit chain: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
