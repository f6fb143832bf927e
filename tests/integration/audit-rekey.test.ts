import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { computeEventHash } from "@/lib/audit/chain";
import { recordEvent } from "@/lib/audit/record";
import { rekeyLegacyAuditChain } from "@/lib/audit/rekey";
import { verifyAuditChain } from "@/lib/audit/verify";

import { connectTestDatabase } from "./support/database";

const db = connectTestDatabase();
let unkeyedHead = "";
let firstId = 0n;

/** A trail as the migration leaves it: rows hashed without the key (chain version 1). */
beforeAll(async () => {
  let prevHash: string | null = null;
  const rows = [];
  for (let index = 0; index < 4; index += 1) {
    const content = {
      caseId: null,
      actorKind: "SYSTEM" as const,
      actorId: null,
      action: AUDIT_ACTIONS.HOLIDAYS_CHANGED,
      isPublic: false,
      before: null,
      after: { index },
      createdAt: new Date(Date.UTC(2026, 10, 1 + index)),
    };
    const hash = computeEventHash(prevHash, content);
    rows.push({ ...content, before: undefined, prevHash, hash, chainVersion: 1 });
    prevHash = hash;
  }
  await db.caseEvent.createMany({ data: rows });
  unkeyedHead = prevHash!;
  firstId = (await db.caseEvent.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } })).id;
  // The new code already appends events to the per-case chains (here the system chain) before
  // the first start has re-keyed the old ones: they are keyed from the start and left alone.
  await db.$transaction((tx) => recordEvent(tx, { caseId: null, actorKind: "SYSTEM", action: AUDIT_ACTIONS.HOLIDAYS_CHANGED, isPublic: false, after: { index: 4 } }));
});

afterAll(async () => {
  await db.$disconnect();
});

describe("re-keying the chain after the upgrade", () => {
  it("is needed: the verifier refuses rows still hashed without the key", async () => {
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: firstId, reason: "unkeyed" });
  });

  it("changes nothing when the unkeyed chain is already broken, so a rewrite is not laundered", async () => {
    const tampered = firstId + 1n;
    await db.$executeRaw`UPDATE "CaseEvent" SET after = '{"index": 99}' WHERE id = ${tampered}`;
    try {
      expect(await rekeyLegacyAuditChain(db)).toEqual({ status: "chainBroken", brokenAtId: tampered });
      expect(await db.caseEvent.count({ where: { chainVersion: 1 } })).toBe(4);
    } finally {
      await db.$executeRaw`UPDATE "CaseEvent" SET after = '{"index": 1}' WHERE id = ${tampered}`;
    }
  });

  it("re-keys every legacy row, keeps the replaced unkeyed head on record, and leaves chains that verify", async () => {
    const appendedSince = await db.caseEvent.findFirstOrThrow({ where: { chainVersion: 3 }, select: { id: true, hash: true, prevHash: true } });
    expect(await rekeyLegacyAuditChain(db)).toEqual({ status: "rekeyed", rewritten: 4, unkeyedHeadHash: unkeyedHead });
    expect(await db.caseEvent.count({ where: { chainVersion: 1 } })).toBe(0);
    expect(await db.caseEvent.findUniqueOrThrow({ where: { id: appendedSince.id }, select: { id: true, hash: true, prevHash: true } })).toEqual(appendedSince);
    const record = await db.caseEvent.findFirstOrThrow({ where: { action: AUDIT_ACTIONS.AUDIT_CHAIN_REKEYED } });
    expect(record.after).toEqual({ rewritten: 4, unkeyedHeadHash: unkeyedHead });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, checked: 6 });
  });

  it("does nothing once the chain is keyed", async () => {
    expect(await rekeyLegacyAuditChain(db)).toEqual({ status: "nothingToDo" });
  });

  it("refuses rows marked unkeyed after the upgrade, so a rewrite without the key is not laundered", async () => {
    // Someone who can write to the database but has no APP_SECRET edits an event of the keyed
    // chain, then recomputes it and every later row with the plain formula as "version 1".
    const rows = await db.caseEvent.findMany({ orderBy: { id: "asc" } });
    const editedIndex = 2;
    let prevHash = rows[editedIndex - 1]!.hash;
    for (const row of rows.slice(editedIndex)) {
      const after = row.id === rows[editedIndex]!.id ? { index: 42 } : row.after;
      const content = {
        caseId: row.caseId,
        actorKind: row.actorKind,
        actorId: row.actorId,
        action: row.action,
        isPublic: row.isPublic,
        before: row.before,
        after,
        createdAt: row.createdAt,
      };
      const hash = computeEventHash(prevHash, content);
      await db.caseEvent.update({ where: { id: row.id }, data: { after: after ?? undefined, prevHash, hash, chainVersion: 1 } });
      prevHash = hash;
    }

    expect(await rekeyLegacyAuditChain(db)).toEqual({ status: "chainBroken", brokenAtId: rows[editedIndex]!.id });
    expect(await db.caseEvent.count({ where: { chainVersion: 1 } })).toBe(rows.length - editedIndex);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, brokenAtId: rows[editedIndex]!.id });
  });
});
