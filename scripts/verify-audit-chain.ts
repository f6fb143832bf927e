/**
 * `npm run audit:verify [-- --checkpoints saved.json] [--incremental]`: checks the audit trail's keyed hash chains
 * (lib/audit/verify.ts: the legacy chain, the system chain and one per case) on the database in DATABASE_URL, with the key derived from APP_SECRET,
 * and holds it to the signed daily checkpoints: the ones the database itself published and,
 * with --checkpoints, a file saved earlier from /transparansi (or an export). A saved file is what
 * catches a rewrite by someone who could also replace the database's own checkpoints.
 * With --incremental it checks only what came after the newest checkpoint's seal (what the daily
 * checkpoint does; it misses a rewrite of older events, which the default full walk finds).
 * Prints the result; exits 1 when the chain is broken, 2 when it could not be checked.
 */
import { readFileSync } from "node:fs";

import { PrismaPg } from "@prisma/adapter-pg";

import { checkpointPublicKey } from "@/lib/audit/checkpoint-signing";
import { listPublishedCheckpoints, parseCheckpointsDocument } from "@/lib/audit/checkpoints";
import { verifyAuditChain, type AuditChainBreak, type SignedCheckpoint } from "@/lib/audit/verify";
import { deriveAppKey } from "@/lib/env";
import { createPrismaClient } from "@/lib/prisma-client";

const EXPLANATIONS: Record<AuditChainBreak, string> = {
  hashMismatch: "its content no longer matches its keyed hash (the row was changed after it was written)",
  prevHashMismatch: "it does not link to the event before it (an event before it was deleted or inserted)",
  unknownVersion: "it claims a chain version this program does not know (altered, or written by a newer version)",
  unkeyed: "it is still hashed without the key (not re-keyed yet: start the app once or run `npm run audit:rekey`; otherwise a downgrade)",
  checkpointSignatureInvalid: "a checkpoint's signature does not verify with this installation's public key (a forged or altered checkpoint, or another APP_SECRET)",
  checkpointMismatch: "the chains no longer have the heads a signed checkpoint published (an event rewritten, or a chain cut back or removed since that day)",
  sealMismatch:
    "an audit seal no longer matches the chains it sealed (the newest events of a case, or a whole case's chain, were deleted or rewritten after the seal), or the seals' ranges do not follow on",
  witnessMismatch: "the audit seal this event witnessed is gone or was altered (a seal was deleted to hide a deletion)",
};

function readSavedCheckpoints(argv: string[]): { checkpoints: SignedCheckpoint[]; publicKey: string | null } | string {
  const index = argv.indexOf("--checkpoints");
  if (index === -1) return { checkpoints: [], publicKey: null };
  const file = argv[index + 1];
  if (!file) return "--checkpoints needs a file name";
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    return `cannot read ${file}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const parsed = parseCheckpointsDocument(text);
  if (!parsed.ok) return `${file} is not a checkpoints file: ${parsed.problem}`;
  return { checkpoints: parsed.document.checkpoints, publicKey: parsed.document.publicKey };
}

async function main(): Promise<number> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL is not set: point it at the database whose audit trail to check.");
    return 2;
  }
  if (!process.env.APP_SECRET) {
    console.error("APP_SECRET is not set: the chain is keyed with it, so it is needed to check it.");
    return 2;
  }
  const saved = readSavedCheckpoints(process.argv.slice(2));
  if (typeof saved === "string") {
    console.error(saved);
    return 2;
  }
  const publicKey = checkpointPublicKey();
  if (saved.publicKey !== null && saved.publicKey !== publicKey) {
    console.error("The saved checkpoints were signed with another public key than this installation's (another APP_SECRET?): they cannot be checked here.");
    return 1;
  }
  const db = createPrismaClient(new PrismaPg({ connectionString, max: 1 }));
  try {
    const checkpoints = [...(await listPublishedCheckpoints(db)), ...saved.checkpoints];
    const mode = process.argv.includes("--incremental") ? "incremental" : "full";
    const verdict = await verifyAuditChain(db, { key: deriveAppKey("audit-chain"), checkpoints, publicKey, mode });
    if (verdict.ok) {
      const scope = verdict.mode === "incremental" ? ` after event ${verdict.verifiedAfter} (incremental: the newest checkpoint covers the rest)` : "";
      console.log(
        `Audit chain intact: ${verdict.checked} events checked${scope} in ${verdict.chains} chain(s), ${verdict.sealsChecked} seal(s), against ${verdict.checkpointsChecked} signed checkpoint(s).`,
      );
      return 0;
    }
    // A checkpoint's digest names no single event: a chain's tail, or a whole chain, is gone or rewritten.
    const where = verdict.brokenAtId === null ? "" : ` at event ${verdict.brokenAtId}`;
    const day = verdict.checkpointDay ? ` (checkpoint of ${verdict.checkpointDay})` : "";
    console.error(`Audit chain BROKEN${where}${day}: ${EXPLANATIONS[verdict.reason]}. ${verdict.checked} events before it are intact.`);
    return 1;
  } catch (error) {
    console.error(`Could not check the audit chain: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
