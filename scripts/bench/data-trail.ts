import type pg from "pg";

import { computeChainLinkHash, PER_CASE_CHAIN_VERSION, type ChainWitness } from "@/lib/audit/chain";
import { SYSTEM_CHAIN_LABEL, type ChainHead } from "@/lib/audit/heads-root";
import { AUDIT_CHAIN_LOCK } from "@/lib/audit/lock";
import { computeSealDigest, parseSealStatement, SEAL_ACTION, type SealStatement } from "@/lib/audit/seal";
import { encryptContact } from "@/lib/contacts/encryption";
import { deriveAppKey } from "@/lib/env";
import type { Locale } from "@/lib/generated/prisma/enums";

import { demoTexts } from "./data-texts";

/**
 * The parts of the bench data that only the app's own code can make: the audit chains (each event's
 * keyed hash covers the one before it in its case's chain, or in the system chain for events of no
 * case, and the newest seal before it as its witness: lib/audit/chain.ts, version 3; a seal after
 * every batch, as the app's minute seals would be: lib/audit/seal.ts) and the reporters' encrypted
 * contacts (lib/contacts/encryption.ts). Both are computed here in batches and written with one
 * INSERT ... SELECT FROM unnest(...) a batch, never a row at a time.
 */

const BATCH = 5_000;

type StagedEvent = {
  seq: string;
  case_id: string | null;
  actor_kind: string;
  actor_id: string | null;
  action: string;
  is_public: boolean;
  before: string | null;
  after: string | null;
  created_ms: string;
};

/**
 * Chains the staged events (`bench_event`) in time order after the newest events already stored,
 * with a seal after each batch. It appends as the app does, in one transaction holding
 * AUDIT_CHAIN_LOCK exclusively (app appends hold it shared until they commit): no append of the
 * app runs meanwhile, so the system chain's head and the newest seal it reads cannot move, and the
 * ids it reserves from the sequence are the next ones in the trail.
 */
export async function insertChainedEvents(client: pg.Client): Promise<number> {
  await client.query(`
    DROP TABLE IF EXISTS bench_event_ordered;
    CREATE UNLOGGED TABLE bench_event_ordered AS
    SELECT row_number() OVER (ORDER BY created_at, CASE action WHEN 'CASE_FILED' THEN 0 WHEN 'ASSIGNED' THEN 1 ELSE 2 END, case_id) AS seq, e.*
    FROM bench_event e;
    CREATE UNIQUE INDEX ON bench_event_ordered (seq);`);
  await client.query("BEGIN");
  try {
    const inserted = await chainInsideLock(client);
    await client.query("COMMIT");
    return inserted;
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
}

async function chainInsideLock(client: pg.Client): Promise<number> {
  await client.query(`SELECT pg_advisory_xact_lock($1)`, [AUDIT_CHAIN_LOCK.toString()]);
  const key = deriveAppKey("audit-chain");
  // The bench's cases are new, so their chains start here; the system chain goes on from its head.
  const systemHead = (
    await client.query<{ hash: string }>(`SELECT "hash" FROM "CaseEvent" WHERE "caseId" IS NULL AND "chainVersion" = $1 ORDER BY "id" DESC LIMIT 1`, [PER_CASE_CHAIN_VERSION])
  ).rows[0]?.hash ?? null;
  const newestSeal = (
    await client.query<{ id: string; hash: string; after: unknown; created_ms: string }>(
      `SELECT "id", "hash", "after", (extract(epoch FROM "createdAt") * 1000)::bigint AS created_ms FROM "CaseEvent" WHERE "action" = $1 ORDER BY "createdAt" DESC, "id" DESC LIMIT 1`,
      [SEAL_ACTION],
    )
  ).rows[0];
  const checkpointSequence = (await client.query<{ sequence: string | null }>(`SELECT max("sequence") AS "sequence" FROM "AuditCheckpoint"`)).rows[0]?.sequence ?? null;
  let witness: ChainWitness | null = newestSeal ? { id: BigInt(newestSeal.id), hash: newestSeal.hash } : null;
  let sealThrough = newestSeal ? BigInt(parseSealStatement(newestSeal.after)!.through) : BigInt(checkpointSequence ?? 0);
  let sealCreatedMs = newestSeal ? Number(newestSeal.created_ms) : 0;
  const headOfChain = new Map<string | null, string | null>([[null, systemHead]]);
  // The heads of the current seal's range: events stored since the newest seal, before this run.
  let rangeHeads = new Map<string, ChainHead>();
  let rangeEvents = 0;
  for (const row of (
    await client.query<{ id: string; case_id: string | null; hash: string }>(
      `SELECT "id", "caseId"::text AS case_id, "hash" FROM "CaseEvent" WHERE "id" > $1 AND "chainVersion" = $2 ORDER BY "id"`,
      [sealThrough.toString(), PER_CASE_CHAIN_VERSION],
    )
  ).rows) {
    const chain = row.case_id ?? SYSTEM_CHAIN_LABEL;
    rangeHeads.set(chain, { chain, id: BigInt(row.id), hash: row.hash });
    rangeEvents += 1;
  }
  let inserted = 0;
  for (let from = 1; ; from += BATCH) {
    const { rows } = await client.query<StagedEvent>(
      `SELECT seq, case_id, actor_kind, actor_id, action, is_public, before::text AS before, after::text AS after,
              (extract(epoch FROM created_at) * 1000)::bigint AS created_ms
       FROM bench_event_ordered WHERE seq >= $1 AND seq < $2 ORDER BY seq`,
      [from, from + BATCH],
    );
    if (rows.length === 0) break;
    // Reserve the batch's ids and its seal's: no other append can take ids while the lock is held.
    const firstId = BigInt((await client.query<{ id: string }>(`SELECT nextval(pg_get_serial_sequence('"CaseEvent"', 'id')) AS id`)).rows[0]!.id);
    const sealId = firstId + BigInt(rows.length);
    await client.query(`SELECT setval(pg_get_serial_sequence('"CaseEvent"', 'id'), $1)`, [sealId.toString()]);
    const ids: string[] = [];
    const hashes: string[] = [];
    const prevHashes: (string | null)[] = [];
    rows.forEach((row, index) => {
      const id = firstId + BigInt(index);
      const content = {
        caseId: row.case_id,
        actorKind: row.actor_kind,
        actorId: row.actor_id,
        action: row.action,
        isPublic: row.is_public,
        before: row.before === null ? null : (JSON.parse(row.before) as unknown),
        after: row.after === null ? null : (JSON.parse(row.after) as unknown),
        createdAt: new Date(Number(row.created_ms)),
      };
      const prevHash = headOfChain.get(row.case_id) ?? null;
      const hash = computeChainLinkHash(key, prevHash, content, witness);
      ids.push(id.toString());
      prevHashes.push(prevHash);
      hashes.push(hash);
      headOfChain.set(row.case_id, hash);
      const chain = row.case_id ?? SYSTEM_CHAIN_LABEL;
      rangeHeads.set(chain, { chain, id, hash });
      rangeEvents += 1;
    });
    await client.query(
      `INSERT INTO "CaseEvent" ("id", "caseId", "actorKind", "actorId", "action", "isPublic", "before", "after", "createdAt", "prevHash", "hash", "chainVersion", "witnessId", "witnessHash")
       SELECT chain.id, e.case_id, e.actor_kind::"ActorKind", e.actor_id, e.action, e.is_public, e.before, e.after, e.created_at, chain.prev_hash, chain.hash, ${PER_CASE_CHAIN_VERSION}, $5::bigint, $6::text
       FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[]) AS chain(seq, id, prev_hash, hash)
       JOIN bench_event_ordered e ON e.seq = chain.seq
       ORDER BY chain.id`,
      [rows.map((row) => row.seq), ids, prevHashes, hashes, witness?.id.toString() ?? null, witness?.hash ?? null],
    );
    // The seal of everything up to the batch's last event, as the app's minute seal would write it.
    const through = sealId - 1n;
    const statement: SealStatement = { from: sealThrough.toString(), through: through.toString(), events: rangeEvents, chains: rangeHeads.size, heads: computeSealDigest(sealThrough, through, rangeHeads.values()) };
    sealCreatedMs = Math.max(Number(rows[rows.length - 1]!.created_ms), sealCreatedMs + 1);
    const sealContent = { caseId: null, actorKind: "SYSTEM", actorId: null, action: SEAL_ACTION, isPublic: false, before: null, after: statement, createdAt: new Date(sealCreatedMs) };
    const sealPrevHash = headOfChain.get(null) ?? null;
    const sealHash = computeChainLinkHash(key, sealPrevHash, sealContent, witness);
    await client.query(
      `INSERT INTO "CaseEvent" ("id", "caseId", "actorKind", "actorId", "action", "isPublic", "before", "after", "createdAt", "prevHash", "hash", "chainVersion", "witnessId", "witnessHash")
       VALUES ($1, NULL, 'SYSTEM', NULL, $2, false, NULL, $3::jsonb, $4::timestamp, $5, $6, ${PER_CASE_CHAIN_VERSION}, $7::bigint, $8::text)`,
      // An ISO string cast to timestamp keeps its UTC wall time whatever the session's time zone.
      [sealId.toString(), SEAL_ACTION, JSON.stringify(statement), sealContent.createdAt.toISOString(), sealPrevHash, sealHash, witness?.id.toString() ?? null, witness?.hash ?? null],
    );
    headOfChain.set(null, sealHash);
    witness = { id: sealId, hash: sealHash };
    sealThrough = through;
    rangeHeads = new Map([[SYSTEM_CHAIN_LABEL, { chain: SYSTEM_CHAIN_LABEL, id: sealId, hash: sealHash }]]);
    rangeEvents = 1;
    inserted += rows.length;
  }
  return inserted;
}

/** Encrypted contacts for the identified reporters among the detailed cases. */
export async function insertContacts(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ id: string; locale: Locale; r_person: number; r_email: number; r_phone: number; received_at: Date }>(
    `SELECT id, locale, r_person, r_email, r_phone, received_at FROM bench_detail WHERE NOT is_anonymous ORDER BY received_at`,
  );
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH).map((row) => {
      const people = demoTexts(row.locale).people;
      const person = people[Math.floor(row.r_person * people.length)]!;
      const sealed = encryptContact({ name: person.name, email: row.r_email < 0.7 ? person.email : null, phone: row.r_phone < 0.5 ? person.phone : null }, row.id);
      return { id: row.id, ...sealed };
    });
    await client.query(
      `INSERT INTO "ReporterContact" ("caseId", "name", "email", "phone", "createdAt")
       SELECT contact.id, contact.name, contact.email, contact.phone, p.received_at
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS contact(id, name, email, phone)
       JOIN bench_detail p ON p.id = contact.id`,
      [batch.map((row) => row.id), batch.map((row) => row.name), batch.map((row) => row.email), batch.map((row) => row.phone)],
    );
  }
  return rows.length;
}
