import { randomInt } from "node:crypto";
import { performance } from "node:perf_hooks";

import pg from "pg";

import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { hashSecret } from "@/lib/security/secret-hash";
import { DEMO_RECEIPT_KEY } from "@/prisma/demo-staff";

import { applyMigrations, seedDatabase } from "../lib/prisma";
import { printStep } from "../lib/processes";
import { insertCases, insertConversationAndStageEvents, insertRatings } from "./data-cases";
import { createPlan } from "./data-plan";
import { createCalendarSql } from "./data-sql";
import { insertChainedEvents, insertContacts } from "./data-trail";

/**
 * The benchmark's data set: the seed's reference data and demo staff (the bench measures as
 * supervisor.nasional@demo... and petugas.bekasi@demo...), then `caseCount` cases generated in
 * SQL (generate_series, INSERT ... SELECT), laid out in the order they were received, as a real
 * archive's would be. See ./data-plan.ts for how a case is simulated, ./data-cases.ts for what is
 * written, ./data-trail.ts for the audit chain and the encrypted contacts.
 *
 * - Every case carries one shared receipt-key hash, that of DEMO_RECEIPT_KEY (hashed once: a
 *   million argon2id hashes would take hours), so any bench case opens on /lacak with that key.
 * - Messages, audit events and reporter contacts exist for the "detailed" share: cases received in
 *   the last DETAIL_DAYS days and DETAIL_SHARE_OF_OLDER of the older ones (about 10 % of the
 *   cases at 1M). The queue and the statistics read the case rows and the ratings, which every
 *   case has; the export's message columns are filled for the detailed share.
 * - The secondary indexes of the bulk tables (BULK_TABLES, whoever added them) are dropped before
 *   the load and built once after it.
 * - Tables that other code maintains with triggers are filled by them as the cases go in; when a
 *   trigger makes the bulk load slow, disable it in `beforeBulkLoad` and rebuild in `afterBulkLoad`.
 */

/** How many years of filings the archive holds. */
const SPAN_DAYS = 3 * 365;
const DETAIL_DAYS = 30;
const DETAIL_SHARE_OF_OLDER = 0.01;

export type BulkLoadHook = (client: pg.Client) => Promise<void>;
/** Run before the cases are inserted (e.g. disable a per-row trigger). */
export const beforeBulkLoad: BulkLoadHook[] = [];
/** Run after every row is in, before VACUUM ANALYZE (e.g. rebuild a counts or rollup table). */
export const afterBulkLoad: BulkLoadHook[] = [];

// The statistics triggers append a change row per case and two per rating, which the compaction
// drains into the cubes (prisma/raw/020_statistics_rollups.sql): the bulk load leaves them off
// and rebuilds the cubes once from the loaded cases.
const STATISTICS_TRIGGERS = [
  ["Case", "statistics_case_written"],
  ["SatisfactionRating", "statistics_rating_written"],
] as const;
beforeBulkLoad.push(async (client) => {
  for (const [table, trigger] of STATISTICS_TRIGGERS) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER "${trigger}"`);
});
afterBulkLoad.push(async (client) => {
  for (const [table, trigger] of STATISTICS_TRIGGERS) await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER "${trigger}"`);
  await client.query(`SELECT "statistics_rebuild"()`);
});

export type DataPhase = { name: string; seconds: number };

export async function prepareBenchDatabase(url: string, caseCount: number, appSecret: string): Promise<DataPhase[]> {
  const phases: DataPhase[] = [];
  const timed = async <T,>(name: string, run: () => Promise<T>): Promise<T> => {
    printStep(name);
    const started = performance.now();
    const result = await run();
    const seconds = (performance.now() - started) / 1000;
    phases.push({ name, seconds });
    console.log(`  (${seconds.toFixed(1)} s)`);
    return result;
  };
  await timed("migrations", () => applyMigrations(url));
  await timed("seed: reference data and demo staff", () => seedDatabase(url, { appSecret, args: ["--cases=0"] }));
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await generateBenchCases(client, { caseCount, now: new Date(), timed });
    await timed("VACUUM ANALYZE", () => client.query("VACUUM ANALYZE"));
  } finally {
    await client.end();
  }
  return phases;
}

type Timed = <T>(name: string, run: () => Promise<T>) => Promise<T>;

/**
 * Generates `caseCount` cases as of `now` into a database that has the seed's reference data and
 * staff. APP_SECRET must be set (the audit chain's key and the contacts' encryption derive from it).
 */
export async function generateBenchCases(client: pg.Client, options: { caseCount: number; now: Date; timed?: Timed }): Promise<void> {
  const timed: Timed = options.timed ?? ((_name, run) => run());
  const { now, caseCount } = options;
  const day = (offsetDays: number) => toJakartaDateKey(new Date(now.getTime() + offsetDays * 24 * 60 * 60 * 1000));
  await client.query("SET work_mem = '128MB'");
  await client.query("SET maintenance_work_mem = '512MB'");
  await client.query(createCalendarSql(day(-SPAN_DAYS - 7), day(2 * 365)));
  await timed(`plan ${caseCount} cases (SQL)`, () =>
    createPlan(client, { caseCount, now, spanDays: SPAN_DAYS, detailDays: DETAIL_DAYS, detailShareOfOlder: DETAIL_SHARE_OF_OLDER }),
  );
  const receiptSecretHash = await hashSecret(DEMO_RECEIPT_KEY);
  for (const hook of beforeBulkLoad) await hook(client);
  const indexes = (await Promise.all(BULK_TABLES.map((table) => findSecondaryIndexes(client, table)))).flat();
  for (const { name } of indexes) await client.query(`DROP INDEX "${name}"`);
  await timed("insert cases in time order", () => insertCases(client, { receiptSecretHash, trackingCodeOffset: randomInt(2 ** 47), now }));
  await timed("insert ratings", () => insertRatings(client, now));
  await timed("insert messages, stage events", () => insertConversationAndStageEvents(client, now));
  await timed("chain and insert audit events", () => insertChainedEvents(client));
  await timed("encrypt and insert reporter contacts", () => insertContacts(client));
  await timed(`rebuild ${indexes.length} indexes`, async () => {
    for (const { definition } of indexes) await client.query(definition);
  });
  await timed("after the load: statistics cubes rebuilt, triggers back on", async () => {
    for (const hook of afterBulkLoad) await hook(client);
  });
  await client.query(`DROP TABLE IF EXISTS bench_calendar, bench_office_staff, bench_service, bench_story, bench_plan, bench_detail, bench_step, bench_reply, bench_message, bench_event, bench_event_ordered`);
}

/** The tables the bulk load fills, whose secondary indexes are built once at the end. */
const BULK_TABLES = ["Case", "SatisfactionRating", "CaseMessage", "CaseEvent", "ReporterContact"];

/**
 * The table's indexes that no constraint owns, whoever added them: a bulk load drops them and
 * builds each once at the end, sorted, instead of updating it row by row.
 */
async function findSecondaryIndexes(client: pg.Client, table: string): Promise<{ name: string; definition: string }[]> {
  const { rows } = await client.query<{ name: string; definition: string }>(
    `SELECT i.indexname AS name, i.indexdef AS definition FROM pg_indexes i
     WHERE i.schemaname = current_schema() AND i.tablename = $1
       AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = to_regnamespace(current_schema()))`,
    [table],
  );
  return rows;
}
