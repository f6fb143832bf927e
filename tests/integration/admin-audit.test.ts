import { beforeAll, describe, expect, it } from "vitest";

import { AdminNotFoundError } from "@/lib/admin/errors";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { findAuditEvents, parseAuditFilters } from "@/lib/audit/trail";
import { reportStaffInvolvement } from "@/lib/cases/involvement";
import { db } from "@/lib/db";

import { createFixtureCase, createScopeFixture, markInvolvedDirectly, STAFF_NAMES, type ScopeFixture } from "./cases-fixtures";

let fixture: ScopeFixture;
let hiddenCaseId: string;
let visibleCaseId: string;

beforeAll(async () => {
  fixture = await createScopeFixture("audit-trail");
  const { staff } = fixture;
  hiddenCaseId = (await createFixtureCase(fixture, { officeId: fixture.offices.a.id })).id;
  visibleCaseId = (await createFixtureCase(fixture, { officeId: fixture.offices.a.id })).id;
  await markInvolvedDirectly(hiddenCaseId, staff.admin.id, staff.supervisorNational.id);
  await db.$transaction(async (tx) => {
    for (const caseId of [hiddenCaseId, visibleCaseId]) {
      await recordEvent(tx, { caseId, actorKind: "STAFF", actorId: staff.officerA.id, action: AUDIT_ACTIONS.INTERNAL_NOTE_ADDED, isPublic: false, after: { marker: fixture.suffix } });
    }
    await recordEvent(tx, { caseId: null, actorKind: "STAFF", actorId: staff.supervisorRegion1.id, action: AUDIT_ACTIONS.STAFF_SIGNED_IN, isPublic: false, after: { marker: fixture.suffix } });
  });
});

describe("the audit trail page's data", () => {
  it.each(STAFF_NAMES.filter((name) => name !== "admin"))("is not found for %s", async (name) => {
    await expect(findAuditEvents(fixture.staff[name], {})).rejects.toBeInstanceOf(AdminNotFoundError);
  });

  it("lists account events and the events of cases the admin may see, newest first", async () => {
    const page = await findAuditEvents(fixture.staff.admin, parseAuditFilters({ actor: fixture.suffix }));
    const ours = page.entries.filter((entry) => JSON.stringify(entry.after).includes(fixture.suffix));
    expect(ours.map((entry) => entry.action)).toEqual([AUDIT_ACTIONS.STAFF_SIGNED_IN, AUDIT_ACTIONS.INTERNAL_NOTE_ADDED]);
    expect(ours[1]!.caseId).toBe(visibleCaseId);
    expect(Number(ours[0]!.id)).toBeGreaterThan(Number(ours[1]!.id));
  });

  it("hides the events of a case the admin is marked as involved in", async () => {
    const page = await findAuditEvents(fixture.staff.admin, parseAuditFilters({ subject: "case", actor: fixture.suffix }));
    expect(page.entries.some((entry) => entry.caseId === hiddenCaseId)).toBe(false);
    expect(page.entries.some((entry) => entry.caseId === visibleCaseId)).toBe(true);
  });

  it("filters by action and by events that concern no case", async () => {
    const page = await findAuditEvents(fixture.staff.admin, parseAuditFilters({ subject: "other", action: "STAFF_SIGNED_IN", actor: fixture.suffix }));
    expect(page.entries.length).toBeGreaterThan(0);
    expect(page.entries.every((entry) => entry.caseId === null && entry.action === "STAFF_SIGNED_IN")).toBe(true);
  });

  it("pages by keyset: the next page starts below the last id shown", async () => {
    const first = await findAuditEvents(fixture.staff.admin, parseAuditFilters({}));
    const lastShown = first.entries.at(-1)!.id;
    const next = await findAuditEvents(fixture.staff.admin, parseAuditFilters({ before: lastShown }));
    expect(next.entries.every((entry) => BigInt(entry.id) < BigInt(lastShown))).toBe(true);
  });

  it("never shows an admin the report of their own involvement, which another admin sees", async () => {
    const { staff } = fixture;
    const otherAdmin = await db.staffUser.create({
      data: { name: `Admin lain ${fixture.suffix}`, email: `admin-lain.${fixture.suffix}@test.invalid`, role: "ADMIN", scopeLevel: "NATIONAL" },
      select: { id: true, name: true, email: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true },
    });
    await reportStaffInvolvement(staff.officerA, { caseId: visibleCaseId, staffUserId: staff.admin.id, reason: `Admin kerabat pelapor ${fixture.suffix}` });
    const filters = parseAuditFilters({ action: "INVOLVEMENT_REPORTED" });
    const reportedIn = (entries: { after: unknown }[]) => entries.some((entry) => JSON.stringify(entry.after).includes(fixture.suffix));
    expect(reportedIn((await findAuditEvents(staff.admin, filters)).entries)).toBe(false);
    expect(reportedIn((await findAuditEvents(otherAdmin, filters)).entries)).toBe(true);
  });

  it("ignores filters it does not know instead of failing", () => {
    expect(parseAuditFilters({ action: "DROP TABLE", subject: "x", before: "9999999999999999999", actor: "a".repeat(500) })).toEqual({
      action: undefined,
      subject: undefined,
      before: undefined,
      actor: undefined,
    });
  });
});
