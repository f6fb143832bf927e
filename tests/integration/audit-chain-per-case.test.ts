import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { checkpointPublicKey } from "@/lib/audit/checkpoint-signing";
import { listPublishedCheckpoints, takeDailyCheckpoint } from "@/lib/audit/checkpoints";
import { computeHeadsDigest, type ChainHead } from "@/lib/audit/heads-root";
import { AUDIT_CHAIN_LOCK } from "@/lib/audit/lock";
import { recordEvent, recordEvents, type AuditEventInput } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db as appDb } from "@/lib/db";

import { NEEDS_SEPARATE_SESSIONS, runsOnEmbeddedDatabase } from "./_setup/database-kind";
import { createFixtureCase, createScopeFixture } from "./cases-fixtures";
import { connectTestDatabase } from "./support/database";

/**
 * The audit trail as one chain per case plus the system chain (lib/audit/chain.ts, version 3):
 * every kind of tampering is still detected, by the links or by a signed checkpoint over every
 * chain's head, and appends to different cases do not wait on each other while appends to the
 * same case stay in order.
 */

const db = connectTestDatabase();
const caseIds: string[] = [];

const note = (caseId: string | null, index: number): AuditEventInput => ({
  caseId,
  actorKind: "SYSTEM",
  action: AUDIT_ACTIONS.INTERNAL_NOTE_ADDED,
  isPublic: false,
  after: { index },
});

const append = (event: AuditEventInput) => appDb.$transaction((tx) => recordEvent(tx, event));

const eventsOf = (caseId: string | null) => db.caseEvent.findMany({ where: { caseId, chainVersion: 3 }, orderBy: { id: "asc" }, select: { id: true, prevHash: true, hash: true } });

const verifyAgainstCheckpoints = async () => verifyAuditChain(db, { checkpoints: await listPublishedCheckpoints(db), publicKey: checkpointPublicKey() });

beforeAll(async () => {
  const fixture = await createScopeFixture("audit-per-case");
  for (let index = 0; index < 3; index += 1) caseIds.push((await createFixtureCase(fixture, { officeId: fixture.offices.a.id })).id);
  const [a, b] = caseIds as [string, string, string];
  for (let index = 0; index < 3; index += 1) await append(note(a, index));
  for (let index = 0; index < 2; index += 1) await append(note(b, index));
  await append(note(null, 0));
});

afterAll(async () => {
  await db.$disconnect();
});

/** Runs `change`, checks, then puts the given rows back exactly as they were. */
async function whileTampered(eventIds: readonly bigint[], change: () => Promise<unknown>, check: () => Promise<void>) {
  const snapshots = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(e)::text AS row FROM "CaseEvent" e WHERE id = ANY(${eventIds}::bigint[])`;
  await change();
  try {
    await check();
  } finally {
    await db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ANY(${eventIds}::bigint[]) OR id < 0`;
    for (const snapshot of snapshots) {
      await db.$executeRaw`
        INSERT INTO "CaseEvent" (id, "caseId", "actorKind", "actorId", action, "isPublic", before, after, "createdAt", "prevHash", hash, "chainVersion", "witnessId", "witnessHash")
        SELECT id, "caseId", "actorKind", "actorId", action, "isPublic", before, after, "createdAt", "prevHash", hash, "chainVersion", "witnessId", "witnessHash"
        FROM json_populate_record(NULL::"CaseEvent", ${snapshot.row}::json)`;
    }
  }
  expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: true });
}

/** Every chain's head up to `sequence`, straight from the table: an independent recomputation of the digest. */
async function headsFromSql(sequence: bigint): Promise<ChainHead[]> {
  const legacy = await db.$queryRaw<{ id: bigint; hash: string }[]>`
    SELECT id, hash FROM "CaseEvent" WHERE "chainVersion" < 3 AND id <= ${sequence} ORDER BY id DESC LIMIT 1`;
  const chains = await db.$queryRaw<{ caseId: string | null; id: bigint; hash: string }[]>`
    SELECT DISTINCT ON ("caseId") "caseId"::text AS "caseId", id, hash FROM "CaseEvent"
    WHERE "chainVersion" = 3 AND id <= ${sequence} ORDER BY "caseId" NULLS FIRST, id DESC`;
  return [
    ...legacy.map((row) => ({ chain: "legacy", id: BigInt(row.id), hash: row.hash })),
    ...chains.map((row) => ({ chain: row.caseId ?? "system", id: BigInt(row.id), hash: row.hash })),
  ];
}

describe("a chain per case", () => {
  it("links each event to the previous event of its own case, the first to none", async () => {
    for (const caseId of caseIds.slice(0, 2)) {
      const events = await eventsOf(caseId);
      expect(events[0]!.prevHash).toBeNull();
      for (let index = 1; index < events.length; index += 1) expect(events[index]!.prevHash).toBe(events[index - 1]!.hash);
    }
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, chains: 3 });
  });

  it("continues each case's chain from a batch, in the order given", async () => {
    const [a, , c] = caseIds as [string, string, string];
    const lastOfA = (await eventsOf(a)).at(-1)!;
    await appDb.$transaction((tx) => recordEvents(tx, [note(a, 10), note(c, 0), note(a, 11), note(null, 1)]));
    const events = await eventsOf(a);
    expect(events.at(-2)!.prevHash).toBe(lastOfA.hash);
    expect(events.at(-1)!.prevHash).toBe(events.at(-2)!.hash);
    expect((await eventsOf(c))[0]!.prevHash).toBeNull();
    expect(await verifyAuditChain(db, { batchSize: 2 })).toEqual(await verifyAuditChain(db));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, chains: 4 });
  });
});

describe("tampering with a per-case chain", () => {
  it("reports an edited event at that event", async () => {
    const [, middle] = await eventsOf(caseIds[0]!);
    await whileTampered(
      [middle!.id],
      () => db.$executeRaw`UPDATE "CaseEvent" SET after = '{"index": 99}' WHERE id = ${middle!.id}`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: middle!.id, reason: "hashMismatch" }),
    );
  });

  it("reports a deleted event at the next event of the same case", async () => {
    const [, middle, next] = await eventsOf(caseIds[0]!);
    await whileTampered(
      [middle!.id],
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${middle!.id}`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: next!.id, reason: "prevHashMismatch" }),
    );
  });

  it("reports two events of a case put in each other's place", async () => {
    const [first, second] = await eventsOf(caseIds[0]!);
    await whileTampered(
      [first!.id, second!.id],
      async () => {
        await db.$executeRaw`UPDATE "CaseEvent" SET id = -1 WHERE id = ${first!.id}`;
        await db.$executeRaw`UPDATE "CaseEvent" SET id = ${first!.id} WHERE id = ${second!.id}`;
        await db.$executeRaw`UPDATE "CaseEvent" SET id = ${second!.id} WHERE id = -1`;
      },
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: first!.id, reason: "prevHashMismatch" }),
    );
  });

  it("reports an event moved to another case's chain", async () => {
    const last = (await eventsOf(caseIds[1]!)).at(-1);
    await whileTampered(
      [last!.id],
      () => db.$executeRaw`UPDATE "CaseEvent" SET "caseId" = ${caseIds[2]!}::uuid WHERE id = ${last!.id}`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false }),
    );
  });

  it("reports an event relabelled to another chain version", async () => {
    const [first] = await eventsOf(caseIds[1]!);
    for (const version of [2, 4]) {
      await whileTampered(
        [first!.id],
        () => db.$executeRaw`UPDATE "CaseEvent" SET "chainVersion" = ${version} WHERE id = ${first!.id}`,
        async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false }),
      );
    }
  });
});

describe("checkpoints over every chain's head", () => {
  it("sign the digest of the heads as anyone can recompute them from the table", async () => {
    const taken = await takeDailyCheckpoint(db, new Date("2026-12-01T05:00:00Z"));
    if (taken.status !== "taken") throw new Error(`no checkpoint: ${JSON.stringify(taken)}`);
    const sequence = BigInt(taken.checkpoint.sequence);
    expect(sequence).toBe((await db.caseEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true } })).id);
    expect(taken.checkpoint).toMatchObject({ version: 2, headHash: computeHeadsDigest(await headsFromSql(sequence)) });
    expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: true, checkpointsChecked: 1 });
  });

  it("catch the tail of one case's chain cut off after the checkpoint, which the links alone cannot", async () => {
    const last = (await eventsOf(caseIds[0]!)).at(-1)!;
    await whileTampered(
      [last.id],
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${last.id}`,
      async () => {
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
        expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: false, brokenAtId: null, reason: "checkpointMismatch", checkpointDay: "2026-12-01" });
      },
    );
  });

  it("catch a whole case's chain removed after the checkpoint", async () => {
    const events = await eventsOf(caseIds[2]!);
    await whileTampered(
      events.map((event) => event.id),
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE "caseId" = ${caseIds[2]!}::uuid`,
      async () => {
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
        expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: false, reason: "checkpointMismatch", checkpointDay: "2026-12-01" });
      },
    );
  });

  it("stay valid as the chains grow after them", async () => {
    await append(note(caseIds[0]!, 20));
    await append(note(null, 20));
    expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: true, checkpointsChecked: 1 });
  });
});

/** A transaction that appends to `caseId` and stays open until `release` is called. */
function holdAppendOpen(caseId: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let appended!: (id: bigint) => void;
  const appendedId = new Promise<bigint>((resolve) => (appended = resolve));
  const committed = appDb.$transaction(
    async (tx) => {
      const { id } = await recordEvent(tx, note(caseId, 100));
      appended(id);
      await released;
      return id;
    },
    { maxWait: 60_000, timeout: 120_000 },
  );
  return { appendedId, release, committed };
}

/** An append that refuses to wait longer than `lockTimeout` for any lock. */
const appendWithLockTimeout = (event: AuditEventInput, lockTimeout: string) =>
  appDb.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${lockTimeout}'`);
    return recordEvent(tx, event);
  });

describe("concurrent appends", () => {
  it.skipIf(runsOnEmbeddedDatabase)(`to two different cases do not wait on each other ${NEEDS_SEPARATE_SESSIONS}`, async () => {
    const [a, b] = caseIds as [string, string];
    const held = holdAppendOpen(a);
    await held.appendedId;
    // While the first is open, the second commits; under one global lock it would time out.
    const other = await appendWithLockTimeout(note(b, 100), "5s");
    held.release();
    const first = await held.committed;
    expect(other.id).toBeGreaterThan(first);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it.skipIf(runsOnEmbeddedDatabase)(`to the same case wait for each other and stay in order ${NEEDS_SEPARATE_SESSIONS}`, async () => {
    const [a] = caseIds as [string];
    const held = holdAppendOpen(a);
    await held.appendedId;
    await expect(appendWithLockTimeout(note(a, 101), "200ms")).rejects.toThrow(/lock timeout|55P03/i);
    held.release();
    const first = await held.committed;
    const second = await appendWithLockTimeout(note(a, 102), "5s");
    const events = await eventsOf(a);
    expect(events.at(-2)).toMatchObject({ id: first });
    expect(events.at(-1)).toMatchObject({ id: second.id, prevHash: events.at(-2)!.hash });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it.skipIf(runsOnEmbeddedDatabase)(`are never left below a checkpoint's sequence uncommitted ${NEEDS_SEPARATE_SESSIONS}`, async () => {
    const [a, b] = caseIds as [string, string];
    // An append to case a takes its id and stays open; a later one to case b commits with a higher id.
    const held = holdAppendOpen(a);
    const heldId = await held.appendedId;
    const later = await append(note(b, 103));
    expect(later.id).toBeGreaterThan(heldId);
    const checkpoint = takeDailyCheckpoint(db, new Date("2026-12-02T05:00:00Z"));
    // The cut waits for the open append (it asks for the lock exclusively) rather than sign without it.
    for (;;) {
      const [waiting] = await db.$queryRaw<{ count: bigint }[]>`
        SELECT count(*) AS count FROM pg_locks
        WHERE locktype = 'advisory' AND NOT granted AND mode = 'ExclusiveLock' AND objsubid = 1 AND objid = ${Number(AUDIT_CHAIN_LOCK & 0xffffffffn)}::oid`;
      if (Number(waiting!.count) > 0) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    held.release();
    await held.committed;
    const taken = await checkpoint;
    expect(taken).toMatchObject({ status: "taken" });
    if (taken.status === "taken") expect(BigInt(taken.checkpoint.sequence)).toBeGreaterThanOrEqual(later.id);
    expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: true, checkpointsChecked: 2 });
  });
});
