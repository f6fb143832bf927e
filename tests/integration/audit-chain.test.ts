import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import { promisify } from "node:util";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { computeEventHash } from "@/lib/audit/chain";
import { recordEvent } from "@/lib/audit/record";
import { verifyAuditChain } from "@/lib/audit/verify";
import { db as appDb } from "@/lib/db";

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
      INSERT INTO "CaseEvent" (id, "caseId", "actorKind", "actorId", action, "isPublic", before, after, "createdAt", "prevHash", hash)
      SELECT id, "caseId", "actorKind", "actorId", action, "isPublic", before, after, "createdAt", "prevHash", hash
      FROM json_populate_record(NULL::"CaseEvent", ${snapshot!.row}::json)`;
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

  it("notices an UPDATE that also recomputes the row's own hash, at the row after it", async () => {
    const tampered = eventIds[3]!;
    const { prevHash, ...content } = await db.caseEvent.findUniqueOrThrow({
      where: { id: tampered },
      select: { caseId: true, actorKind: true, actorId: true, action: true, isPublic: true, before: true, after: true, createdAt: true, prevHash: true },
    });
    const forgedAfter = { method: "password", index: 42 };
    const forgedHash = computeEventHash(prevHash, { ...content, after: forgedAfter });
    await whileTampered(
      tampered,
      () => db.$executeRaw`UPDATE "CaseEvent" SET after = ${JSON.stringify(forgedAfter)}::jsonb, hash = ${forgedHash} WHERE id = ${tampered}`,
      async () => {
        expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: eventIds[4], reason: "prevHashMismatch" });
      },
    );
  });
});

describe("npm run audit:verify", () => {
  const command = ["--import", "tsx", "scripts/verify-audit-chain.ts"];

  it("prints the count and exits 0 on an intact chain", async () => {
    const { stdout } = await run(process.execPath, command, { env: { ...process.env } });
    expect(stdout).toMatch(/Audit chain intact: \d+ events checked/);
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
