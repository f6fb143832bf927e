import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { checkpointPublicKey } from "@/lib/audit/checkpoint-signing";
import { listPublishedCheckpoints, takeDailyCheckpoint } from "@/lib/audit/checkpoints";
import { AUDIT_CHAIN_LOCK } from "@/lib/audit/lock";
import { recordEvent, recordEvents, type AuditEventInput } from "@/lib/audit/record";
import { computeSealDigest, CUT_WAIT_LIMIT_MS, cutAuditTrail, ForgedSealError, sealAuditTrail } from "@/lib/audit/seal";
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

/** The newest event of a chain, as the next append sees it. */
const lastOf = async (caseId: string | null) => (await eventsOf(caseId)).at(-1)!;

describe("seals, witnesses and checkpoints", () => {
  let firstSeal: { id: bigint; through: bigint };

  it("a seal digests the head of every chain changed since the last one, as anyone can recompute it from the table", async () => {
    const sealed = await sealAuditTrail(db);
    if (sealed.status !== "sealed") throw new Error(`not sealed: ${JSON.stringify(sealed)}`);
    const { from, through } = sealed.statement;
    const heads = await db.$queryRaw<{ caseId: string | null; id: bigint; hash: string }[]>`
      SELECT DISTINCT ON ("caseId") "caseId"::text AS "caseId", id, hash FROM "CaseEvent"
      WHERE "chainVersion" = 3 AND id > ${BigInt(from)} AND id <= ${BigInt(through)} ORDER BY "caseId" NULLS FIRST, id DESC`;
    expect(heads.length).toBeGreaterThanOrEqual(3);
    expect(sealed.statement.heads).toBe(computeSealDigest(BigInt(from), BigInt(through), heads.map((head) => ({ chain: head.caseId ?? "system", id: BigInt(head.id), hash: head.hash }))));
    firstSeal = { id: sealed.id, through: BigInt(through) };
    // Every later append names it as its witness, inside its MAC.
    const next = await append(note(caseIds[1]!, 10));
    expect(await db.caseEvent.findUniqueOrThrow({ where: { id: next.id }, select: { witnessId: true, witnessHash: true } })).toEqual({ witnessId: sealed.id, witnessHash: sealed.hash });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, sealsChecked: 1 });
  });

  it("catch the newest event of a case deleted after the seal, without any checkpoint", async () => {
    const last = await lastOf(caseIds[0]!);
    expect(last.id).toBeLessThanOrEqual(firstSeal.through);
    await whileTampered(
      [last.id],
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${last.id}`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: firstSeal.id, reason: "sealMismatch" }),
    );
  });

  it("catch a whole case's chain removed after the seal", async () => {
    const events = await eventsOf(caseIds[2]!);
    expect(events.length).toBeGreaterThan(0);
    await whileTampered(
      events.map((event) => event.id),
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE "caseId" = ${caseIds[2]!}::uuid`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: firstSeal.id, reason: "sealMismatch" }),
    );
  });

  it("catch the seal deleted as well, at the first event appended after it", async () => {
    const last = await lastOf(caseIds[0]!);
    const witnessing = await lastOf(caseIds[1]!);
    await whileTampered(
      [last.id, firstSeal.id],
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id IN (${last.id}, ${firstSeal.id})`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: witnessing.id, reason: "witnessMismatch" }),
    );
  });

  it("catch a seal whose statement was edited", async () => {
    await whileTampered(
      [firstSeal.id],
      () => db.$executeRaw`UPDATE "CaseEvent" SET after = jsonb_set(after, '{events}', '1') WHERE id = ${firstSeal.id}`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: firstSeal.id, reason: "hashMismatch" }),
    );
  });

  it("leave a window: the newest events since the last seal can be deleted until the next seal covers them", async () => {
    const unsealed = await append(note(caseIds[0]!, 30));
    await whileTampered(
      [unsealed.id],
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${unsealed.id}`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: true }),
    );
    const sealed = await sealAuditTrail(db);
    expect(sealed).toMatchObject({ status: "sealed" });
    await whileTampered(
      [unsealed.id],
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${unsealed.id}`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false, reason: "sealMismatch" }),
    );
  });

  it("are signed by the daily checkpoint, which a changed checkpoint or a removed seal fails", async () => {
    const taken = await takeDailyCheckpoint(db, new Date("2026-12-01T05:00:00Z"));
    if (taken.status !== "taken") throw new Error(`no checkpoint: ${JSON.stringify(taken)}`);
    const seal = await lastOf(null);
    expect(taken.checkpoint).toMatchObject({ version: 3, sequence: seal.id.toString(), headHash: seal.hash });
    expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: true, checkpointsChecked: 1 });
    await db.$executeRaw`UPDATE "AuditCheckpoint" SET sequence = sequence - 1 WHERE day = '2026-12-01'`;
    try {
      expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: false, reason: "checkpointSignatureInvalid", checkpointDay: "2026-12-01" });
    } finally {
      await db.$executeRaw`UPDATE "AuditCheckpoint" SET sequence = sequence + 1 WHERE day = '2026-12-01'`;
    }
    // The system chain's tail, seal included, removed: consistent inside the database, not with the checkpoint.
    await whileTampered(
      [seal.id],
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${seal.id}`,
      async () => {
        expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: false, reason: "checkpointMismatch", checkpointDay: "2026-12-01" });
        expect(await verifyAuditChain(db, { checkpoints: await listPublishedCheckpoints(db), publicKey: checkpointPublicKey(), mode: "incremental" })).toMatchObject({
          ok: false,
          reason: "checkpointMismatch",
        });
      },
    );
  });

  it("are verified incrementally after the newest checkpoint, which still catches a deleted tail", async () => {
    await append(note(caseIds[1]!, 40));
    await append(note(null, 40));
    const sealed = await sealAuditTrail(db);
    if (sealed.status !== "sealed") throw new Error("not sealed");
    const options = { checkpoints: await listPublishedCheckpoints(db), publicKey: checkpointPublicKey() };
    const full = await verifyAuditChain(db, options);
    const incremental = await verifyAuditChain(db, { ...options, mode: "incremental" });
    expect(full).toMatchObject({ ok: true, mode: "full" });
    // The checkpoint's seal, the two appends and the new seal.
    expect(incremental).toMatchObject({ ok: true, mode: "incremental", checked: 4, sealsChecked: 1 });
    expect(incremental.checked).toBeLessThan(full.checked);
    const last = await lastOf(caseIds[1]!);
    await whileTampered(
      [last.id],
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${last.id}`,
      async () => expect(await verifyAuditChain(db, { ...options, mode: "incremental" })).toMatchObject({ ok: false, brokenAtId: sealed.id, reason: "sealMismatch" }),
    );
    const system = await lastOf(null);
    await whileTampered(
      [system.id],
      () => db.$executeRaw`UPDATE "CaseEvent" SET "isPublic" = true WHERE id = ${system.id}`,
      async () => expect(await verifyAuditChain(db, { ...options, mode: "incremental" })).toMatchObject({ ok: false, brokenAtId: system.id, reason: "hashMismatch" }),
    );
  });
});

describe("a seal's own statement", () => {
  it("is believed only with its MAC: an edited checkpoint seal fails the incremental check, an edited newest seal stops sealing", async () => {
    const options = { checkpoints: await listPublishedCheckpoints(db), publicKey: checkpointPublicKey() };
    const signed = options.checkpoints.filter((checkpoint) => checkpoint.version === 3).at(-1)!;
    const signedSealId = BigInt(signed.sequence);
    const newest = await lastOf(null);
    expect(newest.id).toBeGreaterThan(signedSealId);
    // Claiming the signed seal already covers everything up to the newest seal would skip it all.
    await whileTampered(
      [signedSealId],
      () => db.$executeRaw`UPDATE "CaseEvent" SET after = jsonb_set(after, '{through}', to_jsonb(${(newest.id - 1n).toString()}::text)) WHERE id = ${signedSealId}`,
      async () => expect(await verifyAuditChain(db, { ...options, mode: "incremental" })).toMatchObject({ ok: false, reason: "checkpointMismatch" }),
    );
    // A newest seal claiming a range far ahead would make every later seal cover nothing.
    await append(note(caseIds[1]!, 50));
    await whileTampered(
      [newest.id],
      () => db.$executeRaw`UPDATE "CaseEvent" SET after = jsonb_set(after, '{through}', '"9999999999999999999"') WHERE id = ${newest.id}`,
      async () => {
        await expect(sealAuditTrail(db)).rejects.toThrow(ForgedSealError);
        expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: newest.id, reason: "hashMismatch" });
      },
    );
    expect(await sealAuditTrail(db)).toMatchObject({ status: "sealed" });
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
    expect(await verifyAuditChain(db, { checkpoints: await listPublishedCheckpoints(db), publicKey: checkpointPublicKey(), mode: "incremental" })).toMatchObject({ ok: true });
  });

  it.skipIf(runsOnEmbeddedDatabase)(`of many filings in parallel transactions neither deadlock nor wait on one another, with a seal taken meanwhile ${NEEDS_SEPARATE_SESSIONS}`, async () => {
    const fixture = await createScopeFixture("audit-parallel");
    const cases = await Promise.all(Array.from({ length: 5 }, () => createFixtureCase(fixture, { officeId: fixture.offices.a.id })));
    const witness = await lastOf(null);
    // Each transaction appends, then waits until all of them have appended: they can only all get
    // there if none waits for another's lock (a lock timeout fails the test instead of hanging it).
    let arrived = 0;
    let openAll!: () => void;
    const allAppended = new Promise<void>((resolve) => (openAll = resolve));
    const filings = cases.map((filed, index) =>
      appDb.$transaction(
        async (tx) => {
          await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '20s'`);
          const event = await recordEvent(tx, { ...note(filed.id, 200 + index), action: AUDIT_ACTIONS.CASE_FILED });
          arrived += 1;
          if (arrived === cases.length) openAll();
          await allAppended;
          return event;
        },
        { maxWait: 60_000, timeout: 120_000 },
      ),
    );
    await allAppended;
    // A seal started now waits for them (its cut), and they do not wait for it.
    const seal = sealAuditTrail(db);
    const events = await Promise.all(filings);
    expect(await seal).toMatchObject({ status: "sealed" });
    const stored = await db.caseEvent.findMany({ where: { id: { in: events.map((event) => event.id) } }, select: { witnessId: true, prevHash: true } });
    expect(stored).toHaveLength(cases.length);
    for (const row of stored) expect(row).toEqual({ witnessId: witness.id, prevHash: null });
    expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: true });
  });
});

describe("sealing when idle and the cut's lock", () => {
  it("seals also when nothing but the newest seal was appended since, so the newest seal is always covered by a later one", async () => {
    const first = await sealAuditTrail(db);
    if (first.status !== "sealed") throw new Error(`not sealed: ${JSON.stringify(first)}`);
    const idle = await sealAuditTrail(db);
    if (idle.status !== "sealed") throw new Error(`not sealed when idle: ${JSON.stringify(idle)}`);
    expect(idle.statement).toMatchObject({ from: first.statement.through, events: 1, chains: 1 });
    expect(BigInt(idle.statement.through)).toBeGreaterThanOrEqual(first.id);
    const [link] = await db.$queryRaw<{ prevHash: string }[]>`SELECT "prevHash" FROM "CaseEvent" WHERE id = ${idle.id}`;
    expect(link!.prevHash).toBe(first.hash);
    expect(await verifyAgainstCheckpoints()).toMatchObject({ ok: true });
  });

  it.skipIf(runsOnEmbeddedDatabase)(`never makes appends queue behind it while an append is in flight, and gives way after a bounded wait ${NEEDS_SEPARATE_SESSIONS}`, async () => {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding!: () => void;
    const isHolding = new Promise<void>((resolve) => (holding = resolve));
    const inFlight = appDb.$transaction(
      async (tx) => {
        await recordEvent(tx, note(caseIds[2]!, 300));
        holding();
        await released;
      },
      { maxWait: 60_000, timeout: 120_000 },
    );
    await isHolding;
    try {
      // While the cut tries, an append's shared lock is granted at once every time: a queued
      // exclusive request would refuse these tries (Postgres grants in order).
      let isDone = false;
      const trying = cutAuditTrail(db, { tryAttempts: 8, waitLimitMs: 0 }).finally(() => (isDone = true));
      let probes = 0;
      while (!isDone) {
        const [probe] = await db.$queryRaw<{ granted: boolean }[]>`SELECT pg_try_advisory_xact_lock_shared(${AUDIT_CHAIN_LOCK}) AS "granted"`;
        expect(probe!.granted).toBe(true);
        probes += 1;
      }
      expect(await trying).toEqual({ status: "busy" });
      expect(probes).toBeGreaterThan(0);
      // An append to another case goes through meanwhile.
      await append(note(caseIds[1]!, 301));
      // With its one bounded wait (lock_timeout CUT_WAIT_LIMIT_MS), it still gives way rather than hold appends back.
      expect(CUT_WAIT_LIMIT_MS).toBeLessThanOrEqual(100);
      expect(await cutAuditTrail(db, { tryAttempts: 2 })).toEqual({ status: "busy" });
      expect(await sealAuditTrail(db)).toEqual({ status: "busy" });
    } finally {
      release();
      await inFlight;
    }
    const [newest] = await db.$queryRaw<{ id: bigint }[]>`SELECT max(id) AS id FROM "CaseEvent"`;
    expect(await cutAuditTrail(db)).toEqual({ status: "cut", through: BigInt(newest!.id) });
  });
});
