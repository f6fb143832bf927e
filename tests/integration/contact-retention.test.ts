import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { verifyAuditChain } from "@/lib/audit/verify";
import { revealReporterIdentity } from "@/lib/cases/identity";
import { decryptContact } from "@/lib/contacts/encryption";
import { reencryptStoredContacts } from "@/lib/contacts/reencrypt";
import { eraseExpiredContacts } from "@/lib/contacts/retention";
import { db } from "@/lib/db";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";

const DAY_MS = 24 * 60 * 60 * 1000;
const now = new Date("2027-06-01T03:00:00Z");
const retentionDays = 365;
const contact = { name: "Pelapor Lama", email: "lama@example.test", phone: "0812000111" };

let fixture: ScopeFixture;

beforeAll(async () => {
  fixture = await createScopeFixture("retention");
});

afterAll(async () => {
  await db.$disconnect();
});

async function closedCase(closedAgoMs: number, status: "RESOLVED" | "REJECTED" | "FORWARDED" = "RESOLVED") {
  const closedAt = new Date(now.getTime() - closedAgoMs);
  return createFixtureCase(fixture, {
    officeId: fixture.offices.a.id,
    contact,
    status,
    receivedAt: new Date(closedAt.getTime() - 30 * DAY_MS),
    closedAt,
  });
}

async function contactOf(caseId: string) {
  return db.reporterContact.findUnique({ where: { caseId }, select: { name: true, email: true, phone: true } });
}

describe("erasing the contact data of long-closed cases", () => {
  it("erases exactly the contacts of cases closed at least the retention period ago, and keeps the cases", async () => {
    const justDue = await closedCase(retentionDays * DAY_MS);
    const longAgo = await closedCase((retentionDays + 200) * DAY_MS, "REJECTED");
    const notYet = await closedCase(retentionDays * DAY_MS - 60_000, "FORWARDED");
    const stillOpen = await createFixtureCase(fixture, { officeId: fixture.offices.a.id, contact, status: "IN_PROGRESS", receivedAt: new Date(now.getTime() - 900 * DAY_MS) });

    expect(await eraseExpiredContacts({ now, retentionDays })).toEqual({ status: "done", erased: 2 });

    expect(await contactOf(justDue.id)).toBeNull();
    expect(await contactOf(longAgo.id)).toBeNull();
    expect(decryptContact((await contactOf(notYet.id))!, notYet.id)).toEqual(contact);
    expect(decryptContact((await contactOf(stillOpen.id))!, stillOpen.id)).toEqual(contact);
    // The case stays, as it was, for the statistics.
    expect(await db.case.findUniqueOrThrow({ where: { id: justDue.id }, select: { status: true, reporterMode: true } })).toEqual({ status: "RESOLVED", reporterMode: "IDENTIFIED" });
  });

  it("writes the erasure into the case's timeline and the audit trail, once", async () => {
    const due = await closedCase((retentionDays + 1) * DAY_MS);
    await eraseExpiredContacts({ now, retentionDays });
    expect(await eraseExpiredContacts({ now, retentionDays })).toEqual({ status: "done", erased: 0 });
    const events = await db.caseEvent.findMany({ where: { caseId: due.id, action: AUDIT_ACTIONS.CONTACT_ERASED }, select: { actorKind: true, isPublic: true, after: true } });
    expect(events).toEqual([{ actorKind: "SYSTEM", isPublic: false, after: { reason: "retention", retentionDays, closedAt: new Date(now.getTime() - (retentionDays + 1) * DAY_MS).toISOString() } }]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });

  it("tells a supervisor who opens the identity afterwards that it was erased, not that the reporter was anonymous", async () => {
    const due = await closedCase((retentionDays + 2) * DAY_MS);
    await eraseExpiredContacts({ now, retentionDays });
    await expect(revealReporterIdentity(fixture.staff.supervisorOfficeA, { caseId: due.id, reason: "Klarifikasi kronologi kejadian" })).rejects.toMatchObject({ code: "identityErased" });
  });

  it("follows the configured period", async () => {
    const closed = await closedCase(40 * DAY_MS);
    expect(await contactOf(closed.id)).not.toBeNull();
    await eraseExpiredContacts({ now, retentionDays: 30 });
    expect(await contactOf(closed.id)).toBeNull();
  });
});

describe("bringing stored contacts under the current key", () => {
  it("encrypts the plaintext rows an upgrade left, and re-encrypts older key versions after a rotation", async () => {
    const legacy = await createFixtureCase(fixture, { officeId: fixture.offices.b.id });
    await db.reporterContact.create({ data: { caseId: legacy.id, name: "plain:Budi Lama", email: null, phone: "plain:0813" } });
    const current = await createFixtureCase(fixture, { officeId: fixture.offices.b.id, contact });

    const first = await reencryptStoredContacts(db, { keyVersion: 1 });
    expect(first.rewritten).toBe(1);
    const encrypted = (await contactOf(legacy.id))!;
    expect(encrypted.name).toMatch(/^ck1\./);
    expect(encrypted.phone).toMatch(/^ck1\./);
    expect(decryptContact(encrypted, legacy.id)).toEqual({ name: "Budi Lama", email: null, phone: "0813" });
    expect((await reencryptStoredContacts(db, { keyVersion: 1 })).rewritten).toBe(0);

    const rotated = await reencryptStoredContacts(db, { keyVersion: 2 });
    expect(rotated.rewritten).toBe(rotated.checked);
    expect((await contactOf(current.id))!.name).toMatch(/^ck2\./);
    expect(decryptContact((await contactOf(current.id))!, current.id)).toEqual(contact);
  });

  it("skips a contact that does not decrypt and still encrypts the others", async () => {
    const broken = await createFixtureCase(fixture, { officeId: fixture.offices.b.id });
    await db.reporterContact.create({ data: { caseId: broken.id, name: "ck1.not-a-sealed-box", email: null, phone: null } });
    const legacy = await createFixtureCase(fixture, { officeId: fixture.offices.b.id });
    await db.reporterContact.create({ data: { caseId: legacy.id, name: "plain:Sari", email: null, phone: null } });

    const result = await reencryptStoredContacts(db, { keyVersion: 3 });

    expect(result.unreadable).toBe(1);
    expect((await contactOf(broken.id))!.name).toBe("ck1.not-a-sealed-box");
    expect(decryptContact((await contactOf(legacy.id))!, legacy.id)).toEqual({ name: "Sari", email: null, phone: null });
  });
});

describe("erasing anonymous reporters' notice-only emails", () => {
  it("deletes the address 30 days after the case closes, and not before", async () => {
    const { eraseExpiredNoticeEmails } = await import("@/lib/contacts/retention");
    const { encryptContactValue } = await import("@/lib/contacts/encryption");
    const closedDaysAgo = async (days: number) => {
      const closedAt = new Date(now.getTime() - days * DAY_MS);
      const created = await createFixtureCase(fixture, { officeId: fixture.offices.c.id, status: "RESOLVED", receivedAt: new Date(closedAt.getTime() - 10 * DAY_MS), closedAt });
      await db.reporterNoticeEmail.create({ data: { caseId: created.id, email: encryptContactValue("kabar@example.test", created.id, "notice-email") } });
      return created;
    };
    const due = await closedDaysAgo(31);
    const recent = await closedDaysAgo(10);
    await eraseExpiredNoticeEmails({ now });
    expect((await db.reporterNoticeEmail.findUniqueOrThrow({ where: { caseId: due.id } })).email).toBeNull();
    expect((await db.reporterNoticeEmail.findUniqueOrThrow({ where: { caseId: recent.id } })).email).toMatch(/^ck1\./);
  });
});
