import type pg from "pg";

import { computeChainLinkHash, PER_CASE_CHAIN_VERSION } from "@/lib/audit/chain";
import { encryptContact } from "@/lib/contacts/encryption";
import { deriveAppKey } from "@/lib/env";
import type { Locale } from "@/lib/generated/prisma/enums";

import { demoTexts } from "./data-texts";

/**
 * The parts of the bench data that only the app's own code can make: the audit chains (each event's
 * keyed hash covers the one before it in its case's chain, or in the system chain for events of no
 * case: lib/audit/chain.ts, version 3) and the reporters' encrypted contacts
 * (lib/contacts/encryption.ts). Both are computed here in batches and written with one
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

/** Chains the staged events (`bench_event`) in time order after the newest event already stored. */
export async function insertChainedEvents(client: pg.Client): Promise<number> {
  await client.query(`
    DROP TABLE IF EXISTS bench_event_ordered;
    CREATE UNLOGGED TABLE bench_event_ordered AS
    SELECT row_number() OVER (ORDER BY created_at, CASE action WHEN 'CASE_FILED' THEN 0 WHEN 'ASSIGNED' THEN 1 ELSE 2 END, case_id) AS seq, e.*
    FROM bench_event e;
    CREATE UNIQUE INDEX ON bench_event_ordered (seq);`);
  const key = deriveAppKey("audit-chain");
  // The bench's cases are new, so their chains start here; the system chain goes on from its head.
  const systemHead = (
    await client.query<{ hash: string }>(`SELECT "hash" FROM "CaseEvent" WHERE "caseId" IS NULL AND "chainVersion" = $1 ORDER BY "id" DESC LIMIT 1`, [PER_CASE_CHAIN_VERSION])
  ).rows[0]?.hash ?? null;
  const headOfChain = new Map<string | null, string | null>([[null, systemHead]]);
  let inserted = 0;
  for (let from = 1; ; from += BATCH) {
    const { rows } = await client.query<StagedEvent>(
      `SELECT seq, case_id, actor_kind, actor_id, action, is_public, before::text AS before, after::text AS after,
              (extract(epoch FROM created_at) * 1000)::bigint AS created_ms
       FROM bench_event_ordered WHERE seq >= $1 AND seq < $2 ORDER BY seq`,
      [from, from + BATCH],
    );
    if (rows.length === 0) break;
    const hashes: string[] = [];
    const prevHashes: (string | null)[] = [];
    for (const row of rows) {
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
      const hash = computeChainLinkHash(key, prevHash, content);
      prevHashes.push(prevHash);
      hashes.push(hash);
      headOfChain.set(row.case_id, hash);
    }
    await client.query(
      `INSERT INTO "CaseEvent" ("caseId", "actorKind", "actorId", "action", "isPublic", "before", "after", "createdAt", "prevHash", "hash", "chainVersion")
       SELECT e.case_id, e.actor_kind::"ActorKind", e.actor_id, e.action, e.is_public, e.before, e.after, e.created_at, chain.prev_hash, chain.hash, ${PER_CASE_CHAIN_VERSION}
       FROM unnest($1::bigint[], $2::text[], $3::text[]) WITH ORDINALITY AS chain(seq, prev_hash, hash, position)
       JOIN bench_event_ordered e ON e.seq = chain.seq
       ORDER BY chain.position`,
      [rows.map((row) => row.seq), prevHashes, hashes],
    );
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
