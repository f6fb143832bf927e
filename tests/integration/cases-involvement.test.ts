import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import type { CaseActionState } from "@/lib/cases/action-state";
import { assignCase } from "@/lib/cases/assignment";
import { getCaseDetail } from "@/lib/cases/case-detail";
import { CaseConflictError, CaseNotFoundError, CaseRuleError } from "@/lib/cases/errors";
import {
  declareOwnInvolvement,
  decideInvolvementReport,
  findPendingInvolvementReports,
  markStaffInvolved,
  reportStaffInvolvement,
  unmarkStaffInvolved,
} from "@/lib/cases/involvement";
import { postCaseMessage } from "@/lib/cases/messages";
import { findQueueCases } from "@/lib/cases/queue";
import { parseQueueFilters } from "@/lib/cases/queue-filters";
import { db } from "@/lib/db";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";

/**
 * Conflict of interest (lib/cases/involvement.ts): officers step aside themselves or report a
 * colleague; supervisors in scope and admins mark, unmark and decide reports; a report stays
 * hidden from the person reported; no case loses its last officer or supervisor.
 *
 * One fixture for the whole file, so the only national supervisor and admin who can see every
 * case are this fixture's: the "last worker" counts below depend on it.
 */

const session = vi.hoisted(() => ({ current: null as StaffActor | null }));
vi.mock("@/lib/auth/session", async () => {
  const { redirect } = await import("next/navigation");
  return {
    getCurrentStaff: async () => session.current,
    requireStaff: async () => {
      if (!session.current) redirect("/masuk");
      return session.current;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("@/lib/cases/actions");

let fixture: ScopeFixture;

beforeAll(async () => {
  fixture = await createScopeFixture("involvement");
});

afterAll(async () => {
  session.current = null;
  await db.$disconnect();
});

const IDLE: CaseActionState = { status: "idle" };

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

async function caseOfOfficeA() {
  return createFixtureCase(fixture, { officeId: fixture.offices.a.id });
}

async function canOpen(actor: StaffActor, caseId: string): Promise<boolean> {
  try {
    await getCaseDetail(actor, caseId);
    return true;
  } catch (error) {
    if (error instanceof CaseNotFoundError) return false;
    throw error;
  }
}

async function eventsOf(caseId: string, action: string) {
  return db.caseEvent.findMany({ where: { caseId, action }, orderBy: { id: "asc" }, select: { actorId: true, isPublic: true, before: true, after: true } });
}

function ruleCodeOf(promise: Promise<unknown>) {
  return promise.then(
    () => "ok",
    (error: unknown) => (error instanceof CaseRuleError ? error.code : String(error)),
  );
}

describe("an officer declaring themselves involved", () => {
  it("loses the case at once, is unassigned, and the declaration is on the timeline", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await assignCase(staff.officerA, { caseId: created.id, version: 1, assigneeId: staff.officerA.id });

    await declareOwnInvolvement(staff.officerA, { caseId: created.id, reason: "Pelapor adalah sepupu saya" });

    expect(await canOpen(staff.officerA, created.id)).toBe(false);
    const queue = await findQueueCases(staff.officerA, parseQueueFilters({ status: "all", q: created.trackingCode }));
    expect(queue.cases).toEqual([]);
    expect(await db.case.findUniqueOrThrow({ where: { id: created.id }, select: { assigneeId: true, version: true } })).toEqual({ assigneeId: null, version: 3 });
    expect(await eventsOf(created.id, "INVOLVEMENT_SELF_DECLARED")).toEqual([
      { actorId: staff.officerA.id, isPublic: false, before: null, after: { staffUserId: staff.officerA.id, staffName: staff.officerA.name, reason: "Pelapor adalah sepupu saya", unassigned: true } },
    ]);
    const timeline = (await getCaseDetail(staff.colleagueA, created.id)).events.map((event) => event.action);
    expect(timeline).toContain("INVOLVEMENT_SELF_DECLARED");
  });

  it("is sent to the queue with a confirmation by the Server Action", async () => {
    const created = await caseOfOfficeA();
    session.current = fixture.staff.colleagueA;
    const result = actions.declareInvolvementAction(IDLE, form({ caseId: created.id, reason: "Saya petugas loket yang diadukan" }));
    await expect(result).rejects.toMatchObject({ digest: expect.stringContaining("/dasbor?notice=involvement-declared") });
    expect(await canOpen(fixture.staff.colleagueA, created.id)).toBe(false);
  });

  it("keeps what was typed and writes nothing when the reason is too short", async () => {
    const created = await caseOfOfficeA();
    session.current = fixture.staff.officerA;
    const result = await actions.declareInvolvementAction(IDLE, form({ caseId: created.id, reason: "kerabat" }));
    expect(result).toMatchObject({ status: "error", message: "invalid", fieldErrors: { reason: ["tooShort"] }, values: { caseId: created.id, reason: "kerabat" } });
    expect(await db.caseInvolvement.count({ where: { caseId: created.id } })).toBe(0);
    expect(await db.caseEvent.count({ where: { caseId: created.id } })).toBe(0);
  });
});

describe("an officer reporting a colleague", () => {
  it("hides nothing until a supervisor in scope confirms it, then hides the case from the colleague", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await reportStaffInvolvement(staff.officerA, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Ia yang meminta uang di loket 2" });

    expect(await canOpen(staff.colleagueA, created.id)).toBe(true);
    expect(await db.caseInvolvement.count({ where: { caseId: created.id } })).toBe(0);
    expect(await db.case.findUniqueOrThrow({ where: { id: created.id }, select: { version: true } })).toEqual({ version: 1 });

    const supervisorView = await getCaseDetail(staff.supervisorOfficeA, created.id);
    expect(supervisorView.pendingInvolvementReports).toMatchObject([
      { staffUserId: staff.colleagueA.id, staffName: staff.colleagueA.name, reportedByName: staff.officerA.name, reason: "Ia yang meminta uang di loket 2", isStaffInvolved: false },
    ]);
    const listed = await findPendingInvolvementReports(staff.supervisorRegion1, { take: 1000 });
    const report = listed.reports.find((entry) => entry.caseId === created.id);
    expect(report).toMatchObject({ trackingCode: created.trackingCode, staffName: staff.colleagueA.name, reportedByName: staff.officerA.name });

    await decideInvolvementReport(staff.supervisorOfficeA, { caseId: created.id, reportId: report!.id, decision: "CONFIRM", note: "Jadwal jaga menunjukkan ia di loket 2" });

    expect(await canOpen(staff.colleagueA, created.id)).toBe(false);
    expect(await db.caseInvolvement.findFirst({ where: { caseId: created.id }, select: { staffUserId: true, markedById: true, reason: true } })).toEqual({
      staffUserId: staff.colleagueA.id,
      markedById: staff.supervisorOfficeA.id,
      reason: "Jadwal jaga menunjukkan ia di loket 2",
    });
    expect(await db.involvementReport.findUniqueOrThrow({ where: { id: report!.id }, select: { status: true, decidedById: true, decisionNote: true } })).toEqual({
      status: "CONFIRMED",
      decidedById: staff.supervisorOfficeA.id,
      decisionNote: "Jadwal jaga menunjukkan ia di loket 2",
    });
    expect((await eventsOf(created.id, "INVOLVEMENT_REPORTED")).map((event) => event.actorId)).toEqual([staff.officerA.id]);
    expect(await eventsOf(created.id, "INVOLVEMENT_REPORT_CONFIRMED")).toEqual([
      {
        actorId: staff.supervisorOfficeA.id,
        isPublic: false,
        before: null,
        after: { reportId: report!.id, staffUserId: staff.colleagueA.id, staffName: staff.colleagueA.name, note: "Jadwal jaga menunjukkan ia di loket 2" },
      },
    ]);
    expect((await findPendingInvolvementReports(staff.supervisorRegion1, { take: 1000 })).reports.some((entry) => entry.id === report!.id)).toBe(false);
  });

  it("is dismissed with a note: access stays, the reporter sees the outcome, and it cannot be decided twice", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await reportStaffInvolvement(staff.officerA, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Ia yang meminta uang di loket 2" });
    const [report] = (await getCaseDetail(staff.admin, created.id)).pendingInvolvementReports;

    await decideInvolvementReport(staff.admin, { caseId: created.id, reportId: report!.id, decision: "DISMISS", note: "Ia cuti pada hari kejadian" });

    expect(await canOpen(staff.colleagueA, created.id)).toBe(true);
    const reporterView = await getCaseDetail(staff.officerA, created.id);
    expect(reporterView.ownInvolvementReports).toMatchObject([{ staffName: staff.colleagueA.name, status: "DISMISSED" }]);
    expect(reporterView.events.map((event) => event.action)).toEqual(["INVOLVEMENT_REPORTED", "INVOLVEMENT_REPORT_DISMISSED"]);
    expect((await eventsOf(created.id, "INVOLVEMENT_REPORT_DISMISSED"))[0]).toMatchObject({ actorId: staff.admin.id, after: { note: "Ia cuti pada hari kejadian" } });
    expect(await ruleCodeOf(decideInvolvementReport(staff.supervisorOfficeA, { caseId: created.id, reportId: report!.id, decision: "CONFIRM", note: "Saya rasa tetap terlibat" }))).toBe(
      "involvementReportDecided",
    );
  });

  it("refuses reporting oneself, the same person twice, someone already involved or someone who cannot see the case", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    const report = (staffUserId: string) => reportStaffInvolvement(staff.officerA, { caseId: created.id, staffUserId, reason: "Disebut dalam laporan warga" });
    expect(await ruleCodeOf(report(staff.officerA.id))).toBe("involvedStaffNotEligible");
    expect(await ruleCodeOf(report(staff.officerB.id))).toBe("involvedStaffNotEligible");
    expect(await ruleCodeOf(report(staff.colleagueA.id))).toBe("ok");
    expect(await ruleCodeOf(report(staff.colleagueA.id))).toBe("alreadyReported");
    await markStaffInvolved(staff.supervisorOfficeA, { caseId: created.id, staffUserId: staff.involvedOfficerA.id, reason: "Disebut dalam laporan warga" });
    expect(await ruleCodeOf(report(staff.involvedOfficerA.id))).toBe("alreadyInvolved");
    expect(await db.involvementReport.count({ where: { caseId: created.id } })).toBe(1);
  });
});

describe("what the person reported sees", () => {
  it("nothing of the report: not on the page, not in the timeline, not in a conflict message", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await postCaseMessage(staff.officerA, { caseId: created.id, version: 1, kind: "INTERNAL_NOTE", body: "Cek jadwal jaga loket 2.", isSigned: false });
    await reportStaffInvolvement(staff.officerA, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Rahasia: terlihat menerima amplop" });

    for (const bystander of [staff.colleagueA, staff.involvedOfficerA]) {
      const view = await getCaseDetail(bystander, created.id);
      expect(view.events.map((event) => event.action)).toEqual(["INTERNAL_NOTE_ADDED"]);
      expect(view.pendingInvolvementReports).toEqual([]);
      expect(view.ownInvolvementReports).toEqual([]);
      expect(JSON.stringify(view)).not.toContain("Rahasia");
    }

    // A save on the version before the note: the conflict names the last change, never the report.
    session.current = staff.colleagueA;
    const answer = await actions.postCaseMessageAction(IDLE, form({ caseId: created.id, version: 1, kind: "INTERNAL_NOTE", body: "Catatan saya." }));
    expect(answer).toMatchObject({ status: "conflict", fresh: { lastChange: { action: "INTERNAL_NOTE_ADDED", actorName: staff.officerA.name } } });
  });

  it("once confirmed and later unmarked, the confirmation and the unmarking, but never the report or its reporter", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await reportStaffInvolvement(staff.officerA, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Rahasia: terlihat menerima amplop" });
    const [report] = (await getCaseDetail(staff.supervisorRegion1, created.id)).pendingInvolvementReports;
    await decideInvolvementReport(staff.supervisorRegion1, { caseId: created.id, reportId: report!.id, decision: "CONFIRM", note: "Dikonfirmasi oleh kepala seksi" });
    await unmarkStaffInvolved(staff.supervisorRegion1, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Pemeriksaan internal membersihkan namanya" });

    const view = await getCaseDetail(staff.colleagueA, created.id);
    expect(view.events.map((event) => [event.action, event.actorName])).toEqual([
      ["INVOLVEMENT_REPORT_CONFIRMED", staff.supervisorRegion1.name],
      ["INVOLVEMENT_UNMARKED", staff.supervisorRegion1.name],
    ]);
    expect(JSON.stringify(view)).not.toContain("Rahasia");
    expect(JSON.stringify(view.events)).not.toContain(staff.officerA.id);
  });

  it("a supervisor reported is not shown the report and cannot decide it; another supervisor can", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await reportStaffInvolvement(staff.officerA, { caseId: created.id, staffUserId: staff.supervisorOfficeA.id, reason: "Kepala kantor menerima setoran calo" });
    const [report] = (await getCaseDetail(staff.supervisorRegion1, created.id)).pendingInvolvementReports;

    const ownView = await getCaseDetail(staff.supervisorOfficeA, created.id);
    expect(ownView.pendingInvolvementReports).toEqual([]);
    expect(ownView.events).toEqual([]);
    expect((await findPendingInvolvementReports(staff.supervisorOfficeA, { take: 1000 })).reports.some((entry) => entry.id === report!.id)).toBe(false);
    expect(await ruleCodeOf(decideInvolvementReport(staff.supervisorOfficeA, { caseId: created.id, reportId: report!.id, decision: "DISMISS", note: "Tidak benar sama sekali" }))).toBe(
      "involvementReportNotFound",
    );

    await decideInvolvementReport(staff.supervisorRegion1, { caseId: created.id, reportId: report!.id, decision: "CONFIRM", note: "Ada bukti transfer" });
    expect(await canOpen(staff.supervisorOfficeA, created.id)).toBe(false);
  });
});

describe("supervisors and admins marking and unmarking", () => {
  it("unmarking restores access and is audited with its reason", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await markStaffInvolved(staff.supervisorRegion1, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Disebut sebagai petugas loket" });
    expect(await canOpen(staff.colleagueA, created.id)).toBe(false);

    await unmarkStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Salah orang: petugas loket lain" });

    expect(await canOpen(staff.colleagueA, created.id)).toBe(true);
    const [event] = await eventsOf(created.id, "INVOLVEMENT_UNMARKED");
    expect(event).toMatchObject({
      actorId: staff.admin.id,
      before: { reason: "Disebut sebagai petugas loket", markedById: staff.supervisorRegion1.id },
      after: { staffUserId: staff.colleagueA.id, staffName: staff.colleagueA.name, reason: "Salah orang: petugas loket lain" },
    });
    expect(await ruleCodeOf(unmarkStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Sekali lagi dicabut" }))).toBe("notInvolved");
  });

  it("may mark a supervisor, and a supervisor marking themselves is sent to the queue", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await markStaffInvolved(staff.supervisorNational, { caseId: created.id, staffUserId: staff.supervisorOfficeA.id, reason: "Kepala kantor diadukan" });
    expect(await canOpen(staff.supervisorOfficeA, created.id)).toBe(false);

    session.current = staff.supervisorRegion1;
    const result = actions.markInvolvementAction(IDLE, form({ caseId: created.id, staffUserId: staff.supervisorRegion1.id, reason: "Pelapor adalah ipar saya" }));
    await expect(result).rejects.toMatchObject({ digest: expect.stringContaining("/dasbor?notice=involvement-declared") });
    expect(await canOpen(staff.supervisorRegion1, created.id)).toBe(false);
  });

  it("leaves the case reassignable by a supervisor once its assignee is marked", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await assignCase(staff.officerA, { caseId: created.id, version: 1, assigneeId: staff.colleagueA.id });
    await markStaffInvolved(staff.supervisorOfficeA, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Petugas yang diadukan" });

    const detail = await getCaseDetail(staff.supervisorOfficeA, created.id);
    expect(detail.assignee).toBeNull();
    expect(detail.assignableStaff.map((person) => person.id)).not.toContain(staff.colleagueA.id);
    expect(await ruleCodeOf(assignCase(staff.supervisorOfficeA, { caseId: created.id, version: detail.version, assigneeId: staff.colleagueA.id }))).toBe("assigneeNotEligible");
    await assignCase(staff.supervisorOfficeA, { caseId: created.id, version: detail.version, assigneeId: staff.officerA.id });
    expect(await db.case.findUniqueOrThrow({ where: { id: created.id }, select: { assigneeId: true } })).toEqual({ assigneeId: staff.officerA.id });
  });

  it("makes an assignment read before a mark fail as a conflict, instead of giving the case to the person marked", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await markStaffInvolved(staff.supervisorOfficeA, { caseId: created.id, staffUserId: staff.colleagueA.id, reason: "Petugas yang diadukan" });
    await expect(assignCase(staff.officerA, { caseId: created.id, version: 1, assigneeId: staff.colleagueA.id })).rejects.toBeInstanceOf(CaseConflictError);
  });
});

describe("a case never left without an officer or supervisor who can open it", () => {
  // Office B's case: officerB, supervisorRegion1 and supervisorNational can open it (the admin does not count).
  async function caseOfOfficeB() {
    return createFixtureCase(fixture, { officeId: fixture.offices.b.id });
  }

  it("refuses to mark, confirm or self-declare the last one, and writes nothing", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeB();
    await markStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.supervisorRegion1.id, reason: "Kerabat pelapor" });
    await markStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.supervisorNational.id, reason: "Kerabat pelapor" });
    await reportStaffInvolvement(staff.admin, { caseId: created.id, staffUserId: staff.officerB.id, reason: "Petugas yang diadukan" });
    const [report] = (await getCaseDetail(staff.admin, created.id)).pendingInvolvementReports;
    const eventsBefore = await db.caseEvent.count({ where: { caseId: created.id } });

    expect(await ruleCodeOf(markStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.officerB.id, reason: "Petugas yang diadukan" }))).toBe("lastCaseWorker");
    expect(await ruleCodeOf(declareOwnInvolvement(staff.officerB, { caseId: created.id, reason: "Saya yang diadukan" }))).toBe("lastCaseWorker");
    expect(await ruleCodeOf(decideInvolvementReport(staff.admin, { caseId: created.id, reportId: report!.id, decision: "CONFIRM", note: "Terbukti" }))).toBe("lastCaseWorker");

    session.current = staff.admin;
    expect(await actions.markInvolvementAction(IDLE, form({ caseId: created.id, staffUserId: staff.officerB.id, reason: "Petugas yang diadukan" }))).toMatchObject({
      status: "error",
      message: "lastCaseWorker",
      values: { staffUserId: staff.officerB.id, reason: "Petugas yang diadukan" },
    });
    expect(await canOpen(staff.officerB, created.id)).toBe(true);
    expect(await db.involvementReport.findUniqueOrThrow({ where: { id: report!.id }, select: { status: true } })).toEqual({ status: "PENDING" });
    expect(await db.caseEvent.count({ where: { caseId: created.id } })).toBe(eventsBefore);
  });

  it("still lets an admin be marked when one officer is left: admins are not counted, so marking them takes no one away", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeB();
    await markStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.supervisorRegion1.id, reason: "Kerabat pelapor" });
    await markStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.supervisorNational.id, reason: "Kerabat pelapor" });
    await markStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.admin.id, reason: "Admin kerabat pelapor" });
    expect(await canOpen(staff.admin, created.id)).toBe(false);
    expect(await canOpen(staff.officerB, created.id)).toBe(true);
  });

  it("lets only one of two simultaneous marks take the last two away", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeB();
    await markStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.supervisorRegion1.id, reason: "Kerabat pelapor" });

    const outcomes = await Promise.all([
      ruleCodeOf(markStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.officerB.id, reason: "Petugas yang diadukan" })),
      ruleCodeOf(markStaffInvolved(staff.admin, { caseId: created.id, staffUserId: staff.supervisorNational.id, reason: "Kerabat pelapor" })),
    ]);
    expect(outcomes.sort()).toEqual(["lastCaseWorker", "ok"]);
    const stillOpen = await Promise.all([staff.officerB, staff.supervisorRegion1, staff.supervisorNational].map((person) => canOpen(person, created.id)));
    expect(stillOpen.filter(Boolean)).toHaveLength(1);
  });

  it("lets only one of two simultaneous decisions on a report through", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeB();
    await reportStaffInvolvement(staff.admin, { caseId: created.id, staffUserId: staff.supervisorRegion1.id, reason: "Kerabat pelapor" });
    const [report] = (await getCaseDetail(staff.supervisorNational, created.id)).pendingInvolvementReports;

    const outcomes = await Promise.all([
      ruleCodeOf(decideInvolvementReport(staff.supervisorNational, { caseId: created.id, reportId: report!.id, decision: "CONFIRM", note: "Terbukti kerabat" })),
      ruleCodeOf(decideInvolvementReport(staff.admin, { caseId: created.id, reportId: report!.id, decision: "DISMISS", note: "Bukan kerabat" })),
    ]);
    expect(outcomes.sort()).toEqual(["involvementReportDecided", "ok"]);
    const decisions = await db.caseEvent.count({ where: { caseId: created.id, action: { in: ["INVOLVEMENT_REPORT_CONFIRMED", "INVOLVEMENT_REPORT_DISMISSED"] } } });
    expect(decisions).toBe(1);
  });
});

describe("no mark reaches wider than the marker's own oversight", () => {
  it("refuses an office supervisor marking a regional or national supervisor or an admin, and leaves them out of the picker", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    for (const target of [staff.supervisorRegion1, staff.supervisorNational, staff.admin]) {
      await expect(markStaffInvolved(staff.supervisorOfficeA, { caseId: created.id, staffUserId: target.id, reason: "Atasan terlapor" })).rejects.toMatchObject({
        code: "involvedStaffNotEligible",
      });
      expect(await canOpen(target, created.id)).toBe(true);
    }
    const detail = await getCaseDetail(staff.supervisorOfficeA, created.id);
    const candidateIds = detail.involvementCandidates.map((candidate) => candidate.id);
    expect(candidateIds).toContain(staff.officerA.id);
    expect(candidateIds).not.toContain(staff.supervisorNational.id);
    expect(candidateIds).not.toContain(staff.admin.id);
  });

  it("lets a regional supervisor mark an office supervisor but not a national one, and a national one never an admin", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await markStaffInvolved(staff.supervisorRegion1, { caseId: created.id, staffUserId: staff.supervisorOfficeA.id, reason: "Kepala kantor terlapor" });
    expect(await canOpen(staff.supervisorOfficeA, created.id)).toBe(false);
    await expect(markStaffInvolved(staff.supervisorRegion1, { caseId: created.id, staffUserId: staff.supervisorNational.id, reason: "x" })).rejects.toMatchObject({
      code: "involvedStaffNotEligible",
    });
    await expect(markStaffInvolved(staff.supervisorNational, { caseId: created.id, staffUserId: staff.admin.id, reason: "x" })).rejects.toMatchObject({
      code: "involvedStaffNotEligible",
    });
  });

  it("refuses to confirm a report about someone beyond the decider's reach, and leaves it pending for those above", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    await reportStaffInvolvement(staff.officerA, { caseId: created.id, staffUserId: staff.supervisorRegion1.id, reason: "Kanwil ikut meminta uang" });
    const report = await db.involvementReport.findFirstOrThrow({ where: { caseId: created.id }, select: { id: true } });
    await expect(
      decideInvolvementReport(staff.supervisorOfficeA, { caseId: created.id, reportId: report.id, decision: "CONFIRM", note: "Benar" }),
    ).rejects.toMatchObject({ code: "involvedStaffNotEligible" });
    expect((await db.involvementReport.findUniqueOrThrow({ where: { id: report.id } })).status).toBe("PENDING");
    await decideInvolvementReport(staff.supervisorNational, { caseId: created.id, reportId: report.id, decision: "CONFIRM", note: "Benar" });
    expect(await canOpen(staff.supervisorRegion1, created.id)).toBe(false);
  });

  it("refuses to confirm a report about a colleague who can no longer see the case", async () => {
    const { staff } = fixture;
    const created = await caseOfOfficeA();
    const colleague = await db.staffUser.create({
      data: { name: `Pindah ${fixture.suffix}`, email: `pindah.${fixture.suffix}@test.invalid`, role: "OFFICER", scopeLevel: "OFFICE", officeId: fixture.offices.a.id },
      select: { id: true },
    });
    await reportStaffInvolvement(staff.officerA, { caseId: created.id, staffUserId: colleague.id, reason: "Disebut pelapor" });
    await db.staffUser.update({ where: { id: colleague.id }, data: { officeId: fixture.offices.c.id } });
    const report = await db.involvementReport.findFirstOrThrow({ where: { caseId: created.id }, select: { id: true } });
    await expect(
      decideInvolvementReport(staff.supervisorRegion1, { caseId: created.id, reportId: report.id, decision: "CONFIRM", note: "Benar" }),
    ).rejects.toMatchObject({ code: "involvedStaffNotEligible" });
    expect(await db.caseInvolvement.count({ where: { caseId: created.id, staffUserId: colleague.id } })).toBe(0);
  });
});
