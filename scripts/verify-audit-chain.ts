/**
 * `npm run audit:verify [-- --checkpoints saved.json] [--incremental]`: checks the audit trail's keyed hash chains
 * (lib/audit/verify.ts: the legacy chain, the system chain and one per case) on the database in DATABASE_URL, with the key derived from APP_SECRET,
 * and holds it to the signed daily checkpoints: the ones the database itself published and,
 * with --checkpoints, a file saved earlier from /transparansi (or an export). A saved file is what
 * catches a rewrite by someone who could also replace the database's own checkpoints.
 * With --incremental it checks only what came after the newest checkpoint's seal (what the daily
 * checkpoint does; it misses a rewrite of older events, which the default full walk finds).
 * It also checks that the newest audit seal is recent (lib/audit/seal.ts: every running instance
 * seals once a minute, also when idle): older than --max-seal-age=<minutes> (default
 * SEAL_STALE_AFTER_MINUTES) means sealing stopped, or the newest seals were deleted together with
 * the events after them, which no hash can show. On a copy whose app is not running (a backup),
 * pass the age it may have.
 * Prints the result; exits 1 when the chain is broken, 2 when it could not be checked, 3 when it
 * is intact but the newest seal is too old (or missing while per-case events exist).
 */
import { readFileSync } from "node:fs";

import { PrismaPg } from "@prisma/adapter-pg";

import { checkpointPublicKey } from "@/lib/audit/checkpoint-signing";
import { listPublishedCheckpoints, parseCheckpointsDocument } from "@/lib/audit/checkpoints";
import { readNewestSeal, SEAL_STALE_AFTER_MINUTES } from "@/lib/audit/seal";
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
  const maxSealAge = process.argv.find((arg) => arg.startsWith("--max-seal-age="))?.slice("--max-seal-age=".length);
  const maxSealAgeMinutes = maxSealAge === undefined ? SEAL_STALE_AFTER_MINUTES : Number(maxSealAge);
  if (!Number.isFinite(maxSealAgeMinutes) || maxSealAgeMinutes <= 0) {
    console.error(`--max-seal-age must be a number of minutes above 0, got "${maxSealAge}"`);
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
      return checkNewestSeal(await readNewestSeal(db), maxSealAgeMinutes, new Date());
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

/** 0 when the newest seal is recent enough (or there is nothing to seal), else 3 with the reason. */
function checkNewestSeal(newest: Awaited<ReturnType<typeof readNewestSeal>>, maxAgeMinutes: number, now: Date): number {
  const fix =
    "Either sealing stopped (no instance runs its audit job: AUDIT_CHECKPOINTS, or the app is down; on a backup pass --max-seal-age=<minutes>), " +
    "or the newest seals were deleted, and with them possibly the events after them, which no hash can show.";
  if (newest.seal === null) {
    if (newest.unsealed === 0) return 0;
    console.error(`Audit chain NOT SEALED: ${newest.unsealed} event(s) of the per-case chains and no audit seal. ${fix}`);
    return 3;
  }
  const ageMinutes = (now.getTime() - newest.seal.createdAt.getTime()) / 60_000;
  if (ageMinutes <= maxAgeMinutes) return 0;
  console.error(`Audit chain STALE: the newest audit seal (event ${newest.seal.id}) is ${Math.floor(ageMinutes)} minute(s) old, more than the ${maxAgeMinutes} allowed. ${fix}`);
  return 3;
}

process.exitCode = await main();
