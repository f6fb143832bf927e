/**
 * The audit trail's verification at N cases, beside a plain sequential scan of the audit table in
 * the same run (the least any full check must read): the full walk (`npm run audit:verify`), the
 * daily checkpoint when it has to walk everything (the first one after the upgrade) and when it
 * is incremental (a day of activity later), the incremental walk alone, and one minute seal.
 * Each is run once (a full walk at 1M cases takes minutes) and printed, never asserted.
 *
 * Runs inside `npm run bench` on its database (it writes seals, checkpoints and a day of events),
 * or alone on a copy:
 *   node --conditions=react-server --import tsx scripts/bench/audit-verify.ts --database=URL
 */
import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { checkpointPublicKey } from "@/lib/audit/checkpoint-signing";
import { listPublishedCheckpoints, takeDailyCheckpoint } from "@/lib/audit/checkpoints";
import { recordEvents, type AuditEventInput } from "@/lib/audit/record";
import { sealAuditTrail } from "@/lib/audit/seal";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db, disconnectDatabases } from "@/lib/db";

import { printTable } from "./report";

const DAY_MS = 24 * 60 * 60 * 1000;

async function timed<T>(work: () => Promise<T>): Promise<{ seconds: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { seconds: (performance.now() - started) / 1000, result };
}

const describe = (value: unknown) => JSON.stringify(value, (_key, entry: unknown) => (typeof entry === "bigint" ? entry.toString() : entry))?.slice(0, 90) ?? "";

/** A day of activity: one event on about one case in a thousand (at least 200), in batches as the app's transactions would. */
async function appendADay(caseCount: number): Promise<number> {
  const count = Math.max(200, Math.round(caseCount / 1000));
  const ids = await db.$queryRaw<{ id: string }[]>`SELECT "id"::text AS "id" FROM "Case" TABLESAMPLE SYSTEM (1) LIMIT ${count}`;
  const caseIds = ids.length > 0 ? ids.map((row) => row.id) : (await db.case.findMany({ take: count, select: { id: true } })).map((row) => row.id);
  for (let start = 0; start < caseIds.length; start += 50) {
    const events: AuditEventInput[] = caseIds.slice(start, start + 50).map((caseId) => ({
      caseId,
      actorKind: "SYSTEM",
      action: AUDIT_ACTIONS.INTERNAL_NOTE_ADDED,
      isPublic: false,
      after: { bench: randomInt(1_000_000) },
    }));
    await db.$transaction((tx) => recordEvents(tx, events));
  }
  return caseIds.length;
}

export async function runAuditVerifyBenchmark(caseCount: number): Promise<void> {
  const rows: string[][] = [];
  const publicKey = checkpointPublicKey();
  try {
    const scan = await timed(() => db.$queryRaw<{ events: bigint; bytes: bigint }[]>`
      SELECT count(*) AS "events", sum(octet_length("hash") + coalesce(octet_length("after"::text), 0)) AS "bytes" FROM "CaseEvent"`);
    const events = Number(scan.result[0]?.events ?? 0);
    rows.push(["baseline: sequential scan of the audit table (SQL)", scan.seconds.toFixed(2), "1.00x", `${events} events`]);
    const ratio = (seconds: number) => `${(seconds / scan.seconds).toFixed(1)}x`;

    const full = await timed(async () => verifyAuditChain(db, { checkpoints: await listPublishedCheckpoints(db), publicKey, mode: "full" }));
    rows.push(["audit:verify, full walk", full.seconds.toFixed(2), ratio(full.seconds), describe(full.result)]);

    // Days after any the bench's other modules may have taken.
    const firstDay = new Date(Date.now() + 2 * DAY_MS);
    const first = await timed(() => takeDailyCheckpoint(db, firstDay));
    rows.push(["daily checkpoint (first after the upgrade, or after the background-jobs module's)", first.seconds.toFixed(2), ratio(first.seconds), describe(first.result)]);

    const appended = await appendADay(caseCount);
    const seal = await timed(() => sealAuditTrail(db));
    rows.push([`seal of a day of activity (${appended} events in ${appended} cases)`, seal.seconds.toFixed(2), ratio(seal.seconds), describe(seal.result.status)]);
    const incremental = await timed(async () => verifyAuditChain(db, { checkpoints: await listPublishedCheckpoints(db), publicKey, mode: "incremental" }));
    rows.push(["audit:verify --incremental (since the newest checkpoint)", incremental.seconds.toFixed(2), ratio(incremental.seconds), describe(incremental.result)]);

    await appendADay(caseCount);
    const next = await timed(() => takeDailyCheckpoint(db, new Date(firstDay.getTime() + DAY_MS)));
    rows.push(["daily checkpoint, a day of activity later (incremental)", next.seconds.toFixed(2), ratio(next.seconds), describe(next.result.status)]);
  } finally {
    await disconnectDatabases();
  }
  console.log(`\nAudit trail verification at ${caseCount} cases, beside a sequential scan of the audit table in the same run (each once)`);
  printTable(["measurement", "seconds", "vs scan", "result"], rows);
}

async function main(): Promise<void> {
  const url = process.argv.slice(2).find((arg) => arg.startsWith("--database="))?.slice("--database=".length);
  if (!url) throw new Error("--database=URL is required (a copy: the run writes seals, checkpoints and events to it)");
  Object.assign(process.env, { DATABASE_URL: url });
  delete process.env.DATABASE_READ_URL;
  await runAuditVerifyBenchmark(await db.case.count());
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) await main();
