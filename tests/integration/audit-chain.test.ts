import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { computeChainLinkHash, computeEventHash, witnessFromRow, type ChainWitness } from "@/lib/audit/chain";
import { checkpointPublicKey } from "@/lib/audit/checkpoint-signing";
import { buildCheckpointsDocument, listPublishedCheckpoints, takeDailyCheckpoint } from "@/lib/audit/checkpoints";
import { recordEvent } from "@/lib/audit/record";
import { computeSealDigest, parseSealStatement, SEAL_ACTION, sealAuditTrail } from "@/lib/audit/seal";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db as appDb } from "@/lib/db";
import { deriveAppKey } from "@/lib/env";

import { connectTestDatabase } from "./support/database";

const db = connectTestDatabase();
const run = promisify(execFile);
const eventIds: bigint[] = [];

beforeAll(async () => {
  const actor = await db.staffUser.create({
    data: { name: "Auditor Uji", email: `audit-${randomUUID()}@uji.lapor-imigrasi.id`, passwordHash: "-", role: "ADMIN", scopeLevel: "NATIONAL" },
  });
  for (let index = 0; index < 5; index += 1) {
    const { id } = await appDb.$transaction((tx) =>
      recordEvent(tx, {
        caseId: null,
        actorKind: "STAFF",
        actorId: actor.id,
        action: AUDIT_ACTIONS.STAFF_SIGNED_IN,
        isPublic: false,
        before: index % 2 === 0 ? null : { attempt: index, nested: { z: 1, a: [1, "two"] } },
        after: { method: "password", index },
      }),
    );
    eventIds.push(id);
  }
});

afterAll(async () => {
  await db.$disconnect();
});

/** Runs `change`, then puts the table back as it was, so later test files find an intact chain. */
async function whileTampered(eventId: bigint, change: () => Promise<unknown>, check: () => Promise<void>) {
  const [snapshot] = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(e)::text AS row FROM "CaseEvent" e WHERE id = ${eventId}`;
  await change();
  try {
    await check();
  } finally {
    await db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${eventId}`;
    await db.$executeRaw`
      INSERT INTO "CaseEvent" (id, "caseId", "actorKind", "actorId", action, "isPublic", before, after, "createdAt", "prevHash", hash, "chainVersion", "witnessId", "witnessHash")
      SELECT id, "caseId", "actorKind", "actorId", action, "isPublic", before, after, "createdAt", "prevHash", hash, "chainVersion", "witnessId", "witnessHash"
      FROM json_populate_record(NULL::"CaseEvent", ${snapshot!.row}::json)`;
  }
}

const chainedContentSelect = { id: true, caseId: true, actorKind: true, actorId: true, action: true, isPublic: true, before: true, after: true, createdAt: true } as const;

/**
 * What someone with write access to the database can do: change one old event and recompute the
 * hash of it and of every event after it with `hashOf`, so that every link is consistent again.
 * With `reseal` (someone who also holds the key) they recompute the seals' digests and every
 * witness too. The rows are put back afterwards. (This file's trail is the system chain alone.)
 */
async function whileRewritten(
  eventId: bigint,
  rewrite: {
    after: Record<string, unknown>;
    hashOf: (prevHash: string | null, content: Parameters<typeof computeEventHash>[1], witness: ChainWitness | null) => string;
    chainVersion?: number;
    reseal?: boolean;
  },
  check: () => Promise<void>,
) {
  const rows = await db.caseEvent.findMany({
    where: { id: { gte: eventId } },
    orderBy: { id: "asc" },
    select: { ...chainedContentSelect, prevHash: true, hash: true, chainVersion: true, witnessId: true, witnessHash: true },
  });
  let prevHash = rows[0]!.prevHash;
  const newHashOf = new Map<bigint, string>();
  for (const row of rows) {
    const { id, chainVersion, caseId, actorKind, actorId, action, isPublic, before, createdAt } = row;
    const content = { caseId, actorKind, actorId, action, isPublic, before, after: row.after, createdAt };
    let after = id === eventId ? rewrite.after : content.after;
    let witness = witnessFromRow(row);
    if (rewrite.reseal && witness) witness = { id: witness.id, hash: newHashOf.get(witness.id) ?? witness.hash };
    const seal = rewrite.reseal && action === SEAL_ACTION ? parseSealStatement(after) : null;
    if (seal) {
      const heads = await db.$queryRaw<{ id: bigint; hash: string }[]>`
        SELECT id, hash FROM "CaseEvent" WHERE id > ${BigInt(seal.from)} AND id <= ${BigInt(seal.through)} AND "chainVersion" = 3 ORDER BY id DESC LIMIT 1`;
      after = { ...seal, heads: computeSealDigest(BigInt(seal.from), BigInt(seal.through), heads.map((head) => ({ chain: "system", id: BigInt(head.id), hash: head.hash }))) };
    }
    const hash = rewrite.hashOf(prevHash, { ...content, after }, witness);
    newHashOf.set(id, hash);
    await db.$executeRaw`UPDATE "CaseEvent" SET after = ${after === null ? null : JSON.stringify(after)}::jsonb, "prevHash" = ${prevHash}, hash = ${hash},
      "chainVersion" = ${rewrite.chainVersion ?? chainVersion}, "witnessHash" = ${witness?.hash ?? null} WHERE id = ${id}`;
    prevHash = hash;
  }
  try {
    await check();
  } finally {
    for (const row of rows) {
      await db.$executeRaw`UPDATE "CaseEvent" SET after = ${row.after === null ? null : JSON.stringify(row.after)}::jsonb, "prevHash" = ${row.prevHash}, hash = ${row.hash},
        "chainVersion" = ${row.chainVersion}, "witnessHash" = ${row.witnessHash} WHERE id = ${row.id}`;
    }
  }
}

describe("verifying the audit chain", () => {
  it("finds the chain intact after appends through recordEvent", async () => {
    const verdict = await verifyAuditChain(db);
    expect(verdict).toMatchObject({ ok: true });
    expect(verdict.checked).toBeGreaterThanOrEqual(eventIds.length);
  });

  it("gives the same verdict whatever the batch size", async () => {
    expect(await verifyAuditChain(db, { batchSize: 2 })).toEqual(await verifyAuditChain(db));
  });

  it("reports exactly the row a manual UPDATE changed", async () => {
    const tampered = eventIds[2]!;
    await whileTampered(
      tampered,
      () => db.$executeRaw`UPDATE "CaseEvent" SET after = '{"method": "password", "index": 99}' WHERE id = ${tampered}`,
      async () => {
        expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: tampered, reason: "hashMismatch" });
      },
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("notices a deleted row at the row after the gap", async () => {
    const deleted = eventIds[1]!;
    await whileTampered(
      deleted,
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${deleted}`,
      async () => {
        expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: eventIds[2], reason: "prevHashMismatch" });
      },
    );
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("notices an UPDATE that also recomputes the row's own hash with the key, at the row after it in its chain", async () => {
    const tampered = eventIds[3]!;
    const { prevHash, ...content } = await db.caseEvent.findUniqueOrThrow({
      where: { id: tampered },
      select: { caseId: true, actorKind: true, actorId: true, action: true, isPublic: true, before: true, after: true, createdAt: true, prevHash: true },
    });
    const forgedAfter = { method: "password", index: 42 };
    const forgedHash = computeChainLinkHash(deriveAppKey("audit-chain"), prevHash, { ...content, after: forgedAfter });
    await whileTampered(
      tampered,
      () => db.$executeRaw`UPDATE "CaseEvent" SET after = ${JSON.stringify(forgedAfter)}::jsonb, hash = ${forgedHash} WHERE id = ${tampered}`,
      async () => {
        expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: eventIds[4], reason: "prevHashMismatch" });
      },
    );
  });
});

describe("a rewrite by someone who can write to the database but lacks APP_SECRET", () => {
  it("is reported at the rewritten event, though every later hash was recomputed with the unkeyed formula", async () => {
    const rewritten = eventIds[1]!;
    await whileRewritten(rewritten, { after: { method: "password", index: 1, forged: true }, hashOf: computeEventHash }, async () => {
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: rewritten, reason: "hashMismatch" });
    });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("is reported when it also marks the rows as unkeyed (a downgrade to chain version 1)", async () => {
    const rewritten = eventIds[1]!;
    await whileRewritten(rewritten, { after: { method: "password", index: 1, forged: true }, hashOf: computeEventHash, chainVersion: 1 }, async () => {
      expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: rewritten, reason: "unkeyed" });
    });
  });
});

describe("signed daily checkpoints", () => {
  const firstDay = new Date("2026-12-01T05:00:00Z");

  it("signs a seal of every chain's head once a day, whoever asks again", async () => {
    const head = await db.caseEvent.findFirstOrThrow({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
    const taken = await takeDailyCheckpoint(db, firstDay);
    if (taken.status !== "taken") throw new Error(`no checkpoint: ${JSON.stringify(taken)}`);
    const seal = await db.caseEvent.findUniqueOrThrow({ where: { id: BigInt(taken.checkpoint.sequence) }, select: { action: true, caseId: true, hash: true, after: true } });
    // The checkpoint signs the seal just taken; the seal digests the heads (this file's trail is the system chain alone) as anyone can recompute them.
    expect(taken.checkpoint).toMatchObject({ day: "2026-12-01", headHash: seal.hash, version: 3 });
    expect(seal).toMatchObject({ action: SEAL_ACTION, caseId: null });
    expect(parseSealStatement(seal.after)).toMatchObject({ from: "0", through: head.id.toString(), events: 5, chains: 1, heads: computeSealDigest(0n, head.id, [{ chain: "system", id: head.id, hash: head.hash }]) });
    expect(await takeDailyCheckpoint(db, new Date("2026-12-01T16:59:00Z"))).toEqual({ status: "exists" });
    expect(await listPublishedCheckpoints(db)).toHaveLength(1);
  });

  it("holds the chain to them: a checkpoint edited in the database fails its signature", async () => {
    const [original] = await listPublishedCheckpoints(db);
    await db.$executeRaw`UPDATE "AuditCheckpoint" SET "headHash" = ${"0".repeat(64)} WHERE day = '2026-12-01'`;
    try {
      expect(await verifyAuditChain(db, { checkpoints: await listPublishedCheckpoints(db), publicKey: checkpointPublicKey() })).toMatchObject({
        ok: false,
        reason: "checkpointSignatureInvalid",
        checkpointDay: "2026-12-01",
      });
    } finally {
      await db.$executeRaw`UPDATE "AuditCheckpoint" SET "headHash" = ${original!.headHash} WHERE day = '2026-12-01'`;
    }
    expect(await verifyAuditChain(db, { checkpoints: await listPublishedCheckpoints(db), publicKey: checkpointPublicKey() })).toMatchObject({ ok: true, checkpointsChecked: 1 });
  });

  it("notices the newest events deleted back before a published head", async () => {
    const extra = await appDb.$transaction((tx) => recordEvent(tx, { caseId: null, actorKind: "SYSTEM", action: AUDIT_ACTIONS.STAFF_SIGNED_OUT, isPublic: false }));
    const published = await takeDailyCheckpoint(db, new Date("2026-12-02T05:00:00Z"));
    expect(published).toMatchObject({ status: "taken" });
    const checkpoints = await listPublishedCheckpoints(db);
    // The event alone: the seal after it links to it.
    await whileTampered(
      extra.id,
      () => db.$executeRaw`DELETE FROM "CaseEvent" WHERE id = ${extra.id}`,
      async () => expect(await verifyAuditChain(db)).toMatchObject({ ok: false, reason: "prevHashMismatch" }),
    );
    // The whole tail from it, seal included: consistent inside the database, but not with the signed checkpoint.
    const tail = await db.$queryRaw<{ row: string }[]>`SELECT row_to_json(e)::text AS row FROM "CaseEvent" e WHERE id >= ${extra.id}`;
    await db.$executeRaw`DELETE FROM "CaseEvent" WHERE id >= ${extra.id}`;
    try {
      expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
      expect(await verifyAuditChain(db, { checkpoints, publicKey: checkpointPublicKey() })).toMatchObject({ ok: false, reason: "checkpointMismatch", checkpointDay: "2026-12-02" });
      expect(await verifyAuditChain(db, { checkpoints, publicKey: checkpointPublicKey(), mode: "incremental" })).toMatchObject({ ok: false, reason: "checkpointMismatch", checkpointDay: "2026-12-02" });
    } finally {
      for (const { row } of tail) {
        await db.$executeRaw`
          INSERT INTO "CaseEvent" (id, "caseId", "actorKind", "actorId", action, "isPublic", before, after, "createdAt", "prevHash", hash, "chainVersion", "witnessId", "witnessHash")
          SELECT id, "caseId", "actorKind", "actorId", action, "isPublic", before, after, "createdAt", "prevHash", hash, "chainVersion", "witnessId", "witnessHash"
          FROM json_populate_record(NULL::"CaseEvent", ${row}::json)`;
      }
    }
    expect(await verifyAuditChain(db, { checkpoints, publicKey: checkpointPublicKey() })).toMatchObject({ ok: true });
  });
});

describe("npm run audit:verify", () => {
  const command = ["--import", "tsx", "scripts/verify-audit-chain.ts"];

  it("prints the count and exits 0 on an intact chain with a recent seal", async () => {
    await sealAuditTrail(db);
    const { stdout } = await run(process.execPath, command, { env: { ...process.env } });
    expect(stdout).toMatch(/Audit chain intact: \d+ events checked/);
  });

  it("exits 3 when the newest seal is older than allowed (sealing stopped, or the newest seals were deleted)", async () => {
    await sealAuditTrail(db);
    // Any seal is older than a thousandth of a minute by the time the command has started.
    const failure = await run(process.execPath, [...command, "--max-seal-age=0.001"], { env: { ...process.env } }).then(
      () => null,
      (error: { code?: number; stdout?: string; stderr?: string }) => error,
    );
    expect(failure?.code).toBe(3);
    expect(failure?.stdout).toMatch(/Audit chain intact/);
    expect(failure?.stderr).toMatch(/Audit chain STALE: the newest audit seal \(event \d+\) is \d+ minute\(s\) old, more than the 0\.001 allowed/);
  });

  it("detects a rewrite of a published day against a saved checkpoints file, even with the key and the database's own checkpoints gone", async () => {
    await takeDailyCheckpoint(db, new Date("2026-12-03T05:00:00Z"));
    const saved = path.join(mkdtempSync(path.join(tmpdir(), "audit-checkpoints-")), "checkpoints.json");
    writeFileSync(saved, JSON.stringify(await buildCheckpointsDocument(db)));
    const published = await db.auditCheckpoint.findMany();
    const rewritten = eventIds[2]!;
    const key = deriveAppKey("audit-chain");
    await db.auditCheckpoint.deleteMany();
    try {
      const rewrite = { after: { method: "password", index: 2, forged: true }, hashOf: (prevHash: string | null, content: Parameters<typeof computeEventHash>[1], witness: ChainWitness | null) => computeChainLinkHash(key, prevHash, content, witness), reseal: true };
      await whileRewritten(rewritten, rewrite, async () => {
        // Keyed and consistent again: only the saved file can tell.
        expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
        const failure = await run(process.execPath, [...command, "--checkpoints", saved], { env: { ...process.env } }).then(
          () => null,
          (error: { code?: number; stderr?: string }) => error,
        );
        expect(failure?.code).toBe(1);
        expect(failure?.stderr).toMatch(/BROKEN( at event \d+)? \(checkpoint of 2026-12-0\d\)/);
      });
    } finally {
      await db.auditCheckpoint.createMany({ data: published });
    }
    await sealAuditTrail(db);
    const { stdout } = await run(process.execPath, [...command, "--checkpoints", saved], { env: { ...process.env } });
    expect(stdout).toMatch(/Audit chain intact: \d+ events checked in \d+ chain\(s\), \d+ seal\(s\), against [1-9]\d* signed checkpoint/);
  });

  it("names the broken event and exits 1", async () => {
    const tampered = eventIds[4]!;
    await whileTampered(
      tampered,
      () => db.$executeRaw`UPDATE "CaseEvent" SET "isPublic" = true WHERE id = ${tampered}`,
      async () => {
        const failure = await run(process.execPath, command, { env: { ...process.env } }).then(
          () => null,
          (error: { code?: number; stderr?: string }) => error,
        );
        expect(failure?.code).toBe(1);
        expect(failure?.stderr).toContain(`BROKEN at event ${tampered}`);
      },
    );
  });
});
