import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import type { FilingAttempt } from "./report-filing-client";

/**
 * What scripts/crash-test.ts checks once the crashes are over. Reads the database with plain SQL
 * and the storage folder directly, so it trusts none of the code under test; only the
 * housekeeping it must run (as the app would, a day later) and the audit chain check come from
 * the app's own modules.
 */

export type CrashRunRecord = { serverKills: number; postgresStops: number };

type CaseRow = { id: string; trackingCode: string; description: string; filedEvents: number; hasIdempotencyRecord: boolean };
type AttachmentRow = { caseId: string; sha256: string; storageKey: string };

/** The state before housekeeping: the idempotency records are swept by it, the orphans too. */
export type CrashEvidence = { cases: CaseRow[]; attachments: AttachmentRow[]; orphansBeforeHousekeeping: number; stagedBeforeHousekeeping: number };

const MARKER = /\[crash-[0-9a-f]{8}\]/;

function listFiles(root: string, folder: string): string[] {
  const start = path.join(root, folder);
  if (!fs.existsSync(start)) return [];
  return fs
    .readdirSync(start, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"));
}

function hashStoredFile(storageDir: string, storageKey: string): string | null {
  try {
    return createHash("sha256").update(fs.readFileSync(path.join(storageDir, ...storageKey.split("/")))).digest("hex");
  } catch {
    return null;
  }
}

async function withClient<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function collectCrashEvidence(options: { databaseUrl: string; storageDir: string }): Promise<CrashEvidence> {
  return withClient(options.databaseUrl, async (client) => {
    const cases = await client.query<CaseRow>(`
      SELECT c."id", c."trackingCode", c."description",
        (SELECT count(*)::int FROM "CaseEvent" e WHERE e."caseId" = c."id" AND e."action" = 'CASE_FILED') AS "filedEvents",
        EXISTS (SELECT 1 FROM "IdempotencyKey" k WHERE k."scope" = 'report' AND k."result"->>'caseId' = c."id"::text) AS "hasIdempotencyRecord"
      FROM "Case" c WHERE c."description" LIKE '[crash-%'`);
    const attachments = await client.query<AttachmentRow>(`SELECT "caseId", "sha256", "storageKey" FROM "Attachment"`);
    const named = new Set(attachments.rows.map((row) => row.storageKey));
    return {
      cases: cases.rows,
      attachments: attachments.rows,
      orphansBeforeHousekeeping: listFiles(options.storageDir, "cases").filter((key) => !named.has(key)).length,
      stagedBeforeHousekeeping: listFiles(options.storageDir, "staging").length,
    };
  });
}

/** Runs the app's housekeeping as it would run a day later, when every staged file has expired. */
async function runHousekeepingADayLater(options: { databaseUrl: string; storageDir: string; appSecret: string }): Promise<void> {
  process.env.DATABASE_URL = options.databaseUrl;
  process.env.STORAGE_DIR = options.storageDir;
  process.env.APP_SECRET = options.appSecret;
  const { runReportsHousekeeping } = await import("@/lib/reports/housekeeping");
  await runReportsHousekeeping(new Date(Date.now() + 26 * 60 * 60 * 1000));
}

async function verifyAuditTrail(): Promise<{ ok: boolean; checked: number }> {
  const { db, disconnectDatabases } = await import("@/lib/db");
  const { verifyAuditChain } = await import("@/lib/audit/verify");
  try {
    const verdict = await verifyAuditChain(db);
    return { ok: verdict.ok, checked: verdict.checked };
  } finally {
    await disconnectDatabases();
  }
}

const sorted = (values: readonly string[]) => [...values].sort();
const sameHashes = (a: readonly string[], b: readonly string[]) => JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));

export async function verifyAfterCrashes(options: {
  databaseUrl: string;
  storageDir: string;
  appSecret: string;
  attempts: FilingAttempt[];
  record: CrashRunRecord;
  evidence: CrashEvidence;
}): Promise<{ failures: string[] }> {
  const { storageDir, attempts, record, evidence } = options;
  const failures: string[] = [];
  const fail = (text: string) => failures.push(text);

  await runHousekeepingADayLater(options);

  const attemptByMarker = new Map(attempts.map((attempt) => [attempt.marker, attempt]));
  const casesByMarker = new Map<string, CaseRow[]>();
  for (const row of evidence.cases) {
    const marker = MARKER.exec(row.description)?.[0] ?? "";
    casesByMarker.set(marker, [...(casesByMarker.get(marker) ?? []), row]);
  }
  const attachmentsByCase = new Map<string, AttachmentRow[]>();
  for (const row of evidence.attachments) attachmentsByCase.set(row.caseId, [...(attachmentsByCase.get(row.caseId) ?? []), row]);

  // Every receipt: its case, with exactly the files it acknowledged, stored intact.
  const receipts = attempts.filter((attempt) => attempt.outcome === "receipt");
  let receiptFilesChecked = 0;
  for (const attempt of receipts) {
    const found = casesByMarker.get(attempt.marker) ?? [];
    const filed = found.find((row) => row.trackingCode === attempt.trackingCode);
    if (!filed) {
      fail(`receipt ${attempt.trackingCode} (${attempt.marker}) has no case`);
      continue;
    }
    const sent = attempt.files.map((file) => file.sha256);
    if (!sameHashes(attempt.receiptHashes ?? [], sent)) fail(`receipt ${attempt.trackingCode} lists other files than were sent`);
    const stored = (attachmentsByCase.get(filed.id) ?? []).map((row) => row.sha256);
    if (!sameHashes(stored, attempt.receiptHashes ?? [])) fail(`case ${attempt.trackingCode} holds other files than its receipt lists`);
    receiptFilesChecked += stored.length;
  }

  // Every case the run filed, receipt seen or not: one per submission, and whole.
  let wholeCases = 0;
  let storedFilesChecked = 0;
  for (const [marker, rows] of casesByMarker) {
    const attempt = attemptByMarker.get(marker);
    if (!attempt) fail(`case(s) ${rows.map((row) => row.trackingCode).join(", ")} belong to no submission`);
    if (rows.length > 1) fail(`submission ${marker} was filed ${rows.length} times`);
    for (const row of rows) {
      const attachments = attachmentsByCase.get(row.id) ?? [];
      const problems: string[] = [];
      if (row.filedEvents !== 1) problems.push(`${row.filedEvents} CASE_FILED events`);
      if (!row.hasIdempotencyRecord) problems.push("no idempotency record");
      if (attempt && !sameHashes(attachments.map((file) => file.sha256), attempt.files.map((file) => file.sha256))) {
        problems.push(`${attachments.length} of ${attempt.files.length} files`);
      }
      for (const file of attachments) {
        storedFilesChecked += 1;
        if (hashStoredFile(storageDir, file.storageKey) !== file.sha256) problems.push(`file ${file.storageKey} missing or changed`);
      }
      if (problems.length > 0) fail(`case ${row.trackingCode} is half-written: ${problems.join("; ")}`);
      else wholeCases += 1;
    }
  }

  // Storage: every file in a case folder is named by an attachment; nothing left in staging.
  const named = new Set(evidence.attachments.map((row) => row.storageKey));
  const orphans = listFiles(storageDir, "cases").filter((key) => !named.has(key));
  if (orphans.length > 0) fail(`${orphans.length} evidence file(s) no attachment names remain after housekeeping: ${orphans.slice(0, 5).join(", ")}`);
  const staged = listFiles(storageDir, "staging");
  if (staged.length > 0) fail(`${staged.length} staged file(s) remain after housekeeping`);

  const audit = await verifyAuditTrail();
  if (!audit.ok) fail("the audit trail's hash chain is broken");

  const withoutReceipt = attempts.filter((attempt) => attempt.outcome !== "receipt");
  const filedWithoutReceipt = withoutReceipt.filter((attempt) => casesByMarker.has(attempt.marker)).length;
  console.log(`
Crash run: ${record.serverKills} SIGKILL(s) of next start, ${record.postgresStops} immediate PostgreSQL stop(s).
Submissions: ${attempts.length}: ${receipts.length} got a receipt, ${attempts.filter((attempt) => attempt.outcome === "refused").length} got an answer without one, ${attempts.filter((attempt) => attempt.outcome === "failed").length} got no answer.
Verified:
  ${receipts.length} receipts each have their case, with exactly the ${receiptFilesChecked} files they acknowledged (SHA-256)
  ${wholeCases} of ${evidence.cases.length} filed cases whole (files, CASE_FILED event, idempotency record); ${filedWithoutReceipt} of them were filed although their answer was lost
  ${storedFilesChecked} stored evidence files match their recorded SHA-256
  ${evidence.orphansBeforeHousekeeping} orphaned evidence file(s) and ${evidence.stagedBeforeHousekeeping} staged file(s) before housekeeping; after it ${orphans.length} and ${staged.length}
  audit chain: ${audit.ok ? "intact" : "BROKEN"}, ${audit.checked} events checked`);
  if (failures.length > 0) {
    console.error(`\nCRASH TEST FAILED (${failures.length} problem(s)):`);
    for (const failure of failures.slice(0, 30)) console.error(`  - ${failure}`);
  } else {
    console.log("\nCrash test passed.");
  }
  return { failures };
}
