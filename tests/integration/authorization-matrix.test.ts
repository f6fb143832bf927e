import { randomBytes } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { getEvidenceStorage } from "@/lib/attachments/evidence-storage";
import { newCaseEvidenceKey } from "@/lib/attachments/storage";
import type { StaffActor } from "@/lib/auth/session";
import type { CaseActionState } from "@/lib/cases/action-state";
import { assignCase } from "@/lib/cases/assignment";
import { getCaseDetail } from "@/lib/cases/case-detail";
import { setDeadlineTier } from "@/lib/cases/deadline-tier";
import { CaseActionForbiddenError, CaseNotFoundError } from "@/lib/cases/errors";
import { escalateCase } from "@/lib/cases/escalation";
import { openEvidenceForStaff } from "@/lib/cases/evidence";
import { revealReporterIdentity } from "@/lib/cases/identity";
import { declareOwnInvolvement, decideInvolvementReport, findPendingInvolvementReports, markStaffInvolved, reportStaffInvolvement, unmarkStaffInvolved } from "@/lib/cases/involvement";
import { linkCase } from "@/lib/cases/links";
import { postCaseMessage } from "@/lib/cases/messages";
import { findQueueCases } from "@/lib/cases/queue";
import { parseQueueFilters } from "@/lib/cases/queue-filters";
import { changeCaseStatus } from "@/lib/cases/status";
import { db } from "@/lib/db";

import { createFixtureCase, createScopeFixture, markInvolvedDirectly, type ScopeFixture, type StaffName } from "./cases-fixtures";

// The session is whoever the test says is signed in; Server Actions and the route handler read it.
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
const evidenceRoute = await import("@/app/api/bukti/[id]/route");

/**
 * WHO MAY DO WHAT, on a case of office A (region 1) and a case of office C (region 2).
 * Each cell is "<outcome on the office A case> <outcome on the office C case>":
 *   ok      allowed            404  not found (outside scope, or involved: existence not revealed)
 *   403     visible, but the role may not do this
 *   listed / hidden            whether the queue finds the case by its tracking code
 * involvedA is an officer of office A marked as involved in both cases. Each case also has a
 * pending report of involvement about a colleague (colleagueA, officerC), which confirm and
 * dismiss decide; listReports is the supervisors' list of pending reports (403 for officers,
 * whatever the case).
 */
const MATRIX = `
  operation          | officerA      | officerB      | involvedA     | supOfficeA    | supRegion1    | supRegion2    | supNational   | admin
  listQueue          | listed hidden | hidden hidden | hidden hidden | listed hidden | listed hidden | hidden listed | listed listed | listed listed
  getCase            | ok 404        | 404 404       | 404 404       | ok 404        | ok 404        | 404 ok        | ok ok         | ok ok
  assign             | ok 404        | 404 404       | 404 404       | ok 404        | ok 404        | 404 ok        | ok ok         | ok ok
  changeStatus       | ok 404        | 404 404       | 404 404       | 403 404       | 403 404       | 404 403       | 403 403       | ok ok
  setTier            | ok 404        | 404 404       | 404 404       | 403 404       | 403 404       | 404 403       | 403 403       | ok ok
  link               | ok 404        | 404 404       | 404 404       | 403 404       | 403 404       | 404 403       | 403 403       | ok ok
  declareInvolvement | ok 404        | 404 404       | 404 404       | 403 404       | 403 404       | 404 403       | 403 403       | ok ok
  reportInvolvement  | ok 404        | 404 404       | 404 404       | 403 404       | 403 404       | 404 403       | 403 403       | ok ok
  markInvolvement    | 403 404       | 404 404       | 404 404       | ok 404        | ok 404        | 404 ok        | ok ok         | ok ok
  unmarkInvolvement  | 403 404       | 404 404       | 404 404       | ok 404        | ok 404        | 404 ok        | ok ok         | ok ok
  confirmReport      | 403 404       | 404 404       | 404 404       | ok 404        | ok 404        | 404 ok        | ok ok         | ok ok
  dismissReport      | 403 404       | 404 404       | 404 404       | ok 404        | ok 404        | 404 ok        | ok ok         | ok ok
  listReports        | 403 403       | 403 403       | 403 403       | listed hidden | listed hidden | hidden listed | listed listed | listed listed
  reply              | ok 404        | 404 404       | 404 404       | 403 404       | 403 404       | 404 403       | 403 403       | ok ok
  note             | ok 404        | 404 404       | 404 404       | 403 404       | 403 404       | 404 403       | 403 403       | ok ok
  escalate         | 403 404       | 404 404       | 404 404       | ok 404        | ok 404        | 404 ok        | ok ok         | ok ok
  revealIdentity   | 403 404       | 404 404       | 404 404       | ok 404        | ok 404        | 404 ok        | ok ok         | ok ok
  downloadEvidence | ok 404        | 404 404       | 404 404       | ok 404        | ok 404        | 404 ok        | ok ok         | ok ok
`;

const ACTOR_COLUMNS: Record<string, StaffName> = {
  officerA: "officerA",
  officerB: "officerB",
  involvedA: "involvedOfficerA",
  supOfficeA: "supervisorOfficeA",
  supRegion1: "supervisorRegion1",
  supRegion2: "supervisorRegion2",
  supNational: "supervisorNational",
  admin: "admin",
};

type Outcome = "ok" | "404" | "403" | "listed" | "hidden";
type Cell = { operation: string; column: string; onA: Outcome; onC: Outcome };

function parseMatrix(text: string): Cell[] {
  const [header, ...rows] = text.trim().split("\n").map((line) => line.split("|").map((cell) => cell.trim()));
  const columns = header!.slice(1);
  return rows.flatMap(([operation, ...cells]) =>
    cells.map((cell, index) => {
      const [onA, onC] = cell.split(/\s+/) as [Outcome, Outcome];
      return { operation: operation!, column: columns[index]!, onA, onC };
    }),
  );
}

/**
 * A fresh case of one office, for one cell: identified reporter, one evidence file, involvedA
 * marked, a second case to link to, a pending report of involvement about the colleague.
 */
type Target = { caseId: string; version: number; trackingCode: string; attachmentId: string; linkTargetCode: string; colleagueId: string; reportId: string };

let fixture: ScopeFixture;

async function createTarget(office: "a" | "c"): Promise<Target> {
  const { offices, staff } = fixture;
  const officeId = offices[office].id;
  const created = await createFixtureCase(fixture, { officeId, contact: { name: "Pelapor Rahasia", email: "pelapor@example.test" } });
  const linkTarget = await createFixtureCase(fixture, { officeId });
  await markInvolvedDirectly(created.id, staff.involvedOfficerA.id, staff.admin.id);
  const storageKey = newCaseEvidenceKey(created.id);
  await getEvidenceStorage().put(storageKey, Buffer.from("%PDF-1.4 bukti"));
  const attachment = await db.attachment.create({
    data: { caseId: created.id, fileName: "kuitansi.pdf", mediaType: "application/pdf", sizeBytes: 14, sha256: randomBytes(32).toString("hex"), storageKey, uploadedBy: "REPORTER" },
    select: { id: true },
  });
  const colleagueId = office === "a" ? staff.colleagueA.id : staff.officerC.id;
  const report = await db.involvementReport.create({
    data: { caseId: created.id, staffUserId: colleagueId, reportedById: office === "a" ? staff.officerA.id : staff.admin.id, reason: "Disebut sebagai petugas loket" },
    select: { id: true },
  });
  return {
    caseId: created.id,
    version: created.version,
    trackingCode: created.trackingCode,
    attachmentId: attachment.id,
    linkTargetCode: linkTarget.trackingCode,
    colleagueId,
    reportId: report.id,
  };
}

/** Each operation through the data layer. Returns "ok", or the outcome the queue shows. */
const DATA_LAYER: Record<string, (actor: StaffActor, target: Target) => Promise<Outcome | void>> = {
  listQueue: async (actor, target) => {
    const page = await findQueueCases(actor, parseQueueFilters({ status: "all", q: target.trackingCode }));
    return page.cases.some((row) => row.id === target.caseId) ? "listed" : "hidden";
  },
  getCase: async (actor, target) => {
    await getCaseDetail(actor, target.caseId);
  },
  assign: (actor, target) => assignCase(actor, { caseId: target.caseId, version: target.version, assigneeId: target.colleagueId }),
  changeStatus: (actor, target) => changeCaseStatus(actor, { caseId: target.caseId, version: target.version, to: "VERIFIED" }),
  setTier: (actor, target) => setDeadlineTier(actor, { caseId: target.caseId, version: target.version, tier: "INVESTIGATION" }),
  link: (actor, target) => linkCase(actor, { caseId: target.caseId, version: target.version, targetTrackingCode: target.linkTargetCode, kind: "RELATED" }),
  declareInvolvement: (actor, target) => declareOwnInvolvement(actor, { caseId: target.caseId, reason: "Pelapor adalah kerabat saya" }),
  reportInvolvement: async (actor, target) => {
    // Not the colleague of the pending report: reporting the same person twice is refused for its reporter.
    await reportStaffInvolvement(actor, { caseId: target.caseId, staffUserId: fixture.staff.supervisorNational.id, reason: "Namanya disebut dalam laporan" });
  },
  markInvolvement: (actor, target) => markStaffInvolved(actor, { caseId: target.caseId, staffUserId: target.colleagueId, reason: "Namanya disebut dalam laporan" }),
  unmarkInvolvement: (actor, target) => unmarkStaffInvolved(actor, { caseId: target.caseId, staffUserId: fixture.staff.involvedOfficerA.id, reason: "Ternyata bukan petugas yang dimaksud" }),
  confirmReport: (actor, target) => decideInvolvementReport(actor, { caseId: target.caseId, reportId: target.reportId, decision: "CONFIRM", note: "Terbukti bertugas di loket itu" }),
  dismissReport: (actor, target) => decideInvolvementReport(actor, { caseId: target.caseId, reportId: target.reportId, decision: "DISMISS", note: "Tidak bertugas pada hari itu" }),
  listReports: async (actor, target) => {
    const { reports } = await findPendingInvolvementReports(actor, { take: 10_000 });
    return reports.some((report) => report.id === target.reportId) ? "listed" : "hidden";
  },
  reply: async (actor, target) => {
    await postCaseMessage(actor, { caseId: target.caseId, version: target.version, kind: "PUBLIC_REPLY", body: "Terima kasih, laporan Anda kami periksa.", isSigned: false });
  },
  note: async (actor, target) => {
    await postCaseMessage(actor, { caseId: target.caseId, version: target.version, kind: "INTERNAL_NOTE", body: "Cek rekaman CCTV loket 3.", isSigned: false });
  },
  escalate: (actor, target) => escalateCase(actor, { caseId: target.caseId, note: "Perlu perhatian pimpinan" }),
  revealIdentity: async (actor, target) => {
    await revealReporterIdentity(actor, { caseId: target.caseId, reason: "Perlu menghubungi pelapor untuk klarifikasi" });
  },
  downloadEvidence: async (actor, target) => {
    await openEvidenceForStaff(actor, target.attachmentId);
  },
};

async function outcomeOf(run: () => Promise<Outcome | void>): Promise<Outcome | string> {
  try {
    return (await run()) ?? "ok";
  } catch (error) {
    if (error instanceof CaseNotFoundError) return "404";
    if (error instanceof CaseActionForbiddenError) return "403";
    return `unexpected ${String(error)}`;
  }
}

function form(fields: Record<string, string | number>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, String(value));
  return data;
}

const IDLE: CaseActionState = { status: "idle" };

/** The same operations through their Server Actions (and the route handler), as a browser would call them. */
const ACTION_LAYER: Record<string, (target: Target) => Promise<CaseActionState | Response>> = {
  assign: (target) => actions.assignCaseAction(IDLE, form({ caseId: target.caseId, version: target.version, assigneeId: target.colleagueId })),
  changeStatus: (target) => actions.changeCaseStatusAction(IDLE, form({ caseId: target.caseId, version: target.version, to: "VERIFIED" })),
  setTier: (target) => actions.setDeadlineTierAction(IDLE, form({ caseId: target.caseId, version: target.version, tier: "LIGHT" })),
  link: (target) => actions.linkCaseAction(IDLE, form({ caseId: target.caseId, version: target.version, targetTrackingCode: target.linkTargetCode, kind: "DUPLICATE" })),
  declareInvolvement: (target) => actions.declareInvolvementAction(IDLE, form({ caseId: target.caseId, reason: "Pelapor adalah kerabat saya" })),
  reportInvolvement: (target) =>
    actions.reportInvolvementAction(IDLE, form({ caseId: target.caseId, staffUserId: fixture.staff.supervisorNational.id, reason: "Namanya disebut dalam laporan" })),
  markInvolvement: (target) => actions.markInvolvementAction(IDLE, form({ caseId: target.caseId, staffUserId: target.colleagueId, reason: "Namanya disebut dalam laporan" })),
  unmarkInvolvement: (target) =>
    actions.unmarkInvolvementAction(IDLE, form({ caseId: target.caseId, staffUserId: fixture.staff.involvedOfficerA.id, reason: "Ternyata bukan petugas yang dimaksud" })),
  confirmReport: (target) =>
    actions.decideInvolvementReportAction(IDLE, form({ caseId: target.caseId, reportId: target.reportId, decision: "CONFIRM", note: "Terbukti bertugas di loket itu" })),
  dismissReport: (target) =>
    actions.decideInvolvementReportAction(IDLE, form({ caseId: target.caseId, reportId: target.reportId, decision: "DISMISS", note: "Tidak bertugas pada hari itu" })),
  reply: (target) => actions.postCaseMessageAction(IDLE, form({ caseId: target.caseId, version: target.version, kind: "PUBLIC_REPLY", body: "Laporan Anda kami terima.", isPublicConfirmed: "on" })),
  note: (target) => actions.postCaseMessageAction(IDLE, form({ caseId: target.caseId, version: target.version, kind: "INTERNAL_NOTE", body: "Catatan internal." })),
  escalate: (target) => actions.escalateCaseAction(IDLE, form({ caseId: target.caseId, note: "Perlu perhatian pimpinan" })),
  revealIdentity: (target) => actions.revealIdentityAction(IDLE, form({ caseId: target.caseId, reason: "Perlu menghubungi pelapor untuk klarifikasi" })),
  downloadEvidence: (target) => evidenceRoute.GET(new Request(`http://localhost/api/bukti/${target.attachmentId}`), { params: Promise.resolve({ id: target.attachmentId }) }),
};

async function actionOutcomeOf(run: () => Promise<CaseActionState | Response>): Promise<Outcome | string> {
  try {
    const result = await run();
    if (result instanceof Response) return result.status === 200 ? "ok" : result.status === 404 ? "404" : `status ${result.status}`;
    if (result.status === "success") return "ok";
    if (result.status === "error" && result.message === "notFound") return "404";
    if (result.status === "error" && result.message === "forbidden") return "403";
    return `unexpected ${JSON.stringify(result)}`;
  } catch (error) {
    // Stepping aside succeeds by sending the actor to the queue: they can no longer open the case.
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest.includes("NEXT_REDIRECT") && digest.includes("/dasbor?notice=involvement-declared")) return "ok";
    return `threw ${String(error)}`;
  }
}

beforeAll(async () => {
  fixture = await createScopeFixture("matrix");
});

afterAll(async () => {
  session.current = null;
  await db.$disconnect();
});

describe("authorization matrix: data layer", () => {
  it.each(parseMatrix(MATRIX))("$operation by $column: $onA on office A, $onC on office C", async ({ operation, column, onA, onC }) => {
    const actor = fixture.staff[ACTOR_COLUMNS[column]!];
    const run = DATA_LAYER[operation]!;
    const [targetA, targetC] = [await createTarget("a"), await createTarget("c")];
    expect(await outcomeOf(() => run(actor, targetA))).toBe(onA);
    expect(await outcomeOf(() => run(actor, targetC))).toBe(onC);
  });
});

describe("authorization matrix: Server Actions and the evidence route", () => {
  const cells = parseMatrix(MATRIX).filter((cell) => cell.operation in ACTION_LAYER);
  it.each(cells)("$operation by $column: $onA on office A, $onC on office C", async ({ operation, column, onA, onC }) => {
    session.current = fixture.staff[ACTOR_COLUMNS[column]!];
    const run = ACTION_LAYER[operation]!;
    const [targetA, targetC] = [await createTarget("a"), await createTarget("c")];
    expect(await actionOutcomeOf(() => run(targetA))).toBe(onA);
    expect(await actionOutcomeOf(() => run(targetC))).toBe(onC);
  });
});

describe("signed out", () => {
  it.each(Object.keys(ACTION_LAYER).filter((operation) => operation !== "downloadEvidence"))("the %s action sends the caller to /masuk and changes nothing", async (operation) => {
    session.current = null;
    const target = await createTarget("a");
    const eventsBefore = await db.caseEvent.count({ where: { caseId: target.caseId } });
    const result = ACTION_LAYER[operation]!(target);
    await expect(result).rejects.toMatchObject({ digest: expect.stringContaining("NEXT_REDIRECT") });
    await expect(result).rejects.toMatchObject({ digest: expect.stringContaining("/masuk") });
    expect(await db.case.findUniqueOrThrow({ where: { id: target.caseId }, select: { version: true } })).toEqual({ version: target.version });
    expect(await db.caseEvent.count({ where: { caseId: target.caseId } })).toBe(eventsBefore);
  });

  it("the evidence route answers 401 with no file", async () => {
    session.current = null;
    const target = await createTarget("a");
    const response = await ACTION_LAYER.downloadEvidence!(target);
    expect(response).toBeInstanceOf(Response);
    expect((response as Response).status).toBe(401);
    expect(await (response as Response).text()).toBe("");
  });
});

describe("what the allowed calls leave behind", () => {
  it("serves evidence as an attachment with safe headers and records the download", async () => {
    session.current = fixture.staff.officerA;
    const target = await createTarget("a");
    const response = (await ACTION_LAYER.downloadEvidence!(target)) as Response;
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="kuitansi.pdf"; filename*=UTF-8''kuitansi.pdf`);
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; sandbox");
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(Buffer.from(await response.arrayBuffer()).toString()).toBe("%PDF-1.4 bukti");
    const event = await db.caseEvent.findFirst({ where: { caseId: target.caseId, action: "EVIDENCE_DOWNLOADED" }, select: { actorId: true } });
    expect(event?.actorId).toBe(fixture.staff.officerA.id);
  });

  it("records every identity opening with its reason, and gives no identity to officers in any DTO", async () => {
    const target = await createTarget("a");
    const identity = await revealReporterIdentity(fixture.staff.supervisorOfficeA, { caseId: target.caseId, reason: "Klarifikasi kronologi kejadian" });
    expect(identity).toEqual({ name: "Pelapor Rahasia", email: "pelapor@example.test", phone: null });
    const event = await db.caseEvent.findFirst({ where: { caseId: target.caseId, action: "IDENTITY_VIEWED" }, select: { actorId: true, after: true } });
    expect(event).toEqual({ actorId: fixture.staff.supervisorOfficeA.id, after: { reason: "Klarifikasi kronologi kejadian" } });

    const detail = await getCaseDetail(fixture.staff.officerA, target.caseId);
    expect(JSON.stringify(detail)).not.toContain("Pelapor Rahasia");
    expect(JSON.stringify(detail)).not.toContain("pelapor@example.test");
    expect(JSON.stringify(detail)).not.toContain("Klarifikasi kronologi");
  });

  it("refuses an identity opening without a real reason", async () => {
    session.current = fixture.staff.supervisorNational;
    const target = await createTarget("a");
    const result = await actions.revealIdentityAction(IDLE, form({ caseId: target.caseId, reason: "lihat" }));
    expect(result).toMatchObject({ status: "error", message: "invalid", fieldErrors: { reason: ["tooShort"] } });
    expect(await db.caseEvent.count({ where: { caseId: target.caseId, action: "IDENTITY_VIEWED" } })).toBe(0);
  });

  it("hides a case from a staff user once they are marked as involved", async () => {
    const target = await createTarget("a");
    await markStaffInvolved(fixture.staff.supervisorOfficeA, { caseId: target.caseId, staffUserId: fixture.staff.colleagueA.id, reason: "Disebut sebagai petugas loket" });
    await expect(getCaseDetail(fixture.staff.colleagueA, target.caseId)).rejects.toBeInstanceOf(CaseNotFoundError);
    const page = await findQueueCases(fixture.staff.colleagueA, parseQueueFilters({ status: "all", q: target.trackingCode }));
    expect(page.cases).toEqual([]);
    const event = await db.caseEvent.findFirst({ where: { caseId: target.caseId, action: "INVOLVEMENT_MARKED" }, select: { after: true } });
    expect(event?.after).toMatchObject({ staffUserId: fixture.staff.colleagueA.id, reason: "Disebut sebagai petugas loket" });
  });

  it("links only to a case in the actor's scope, answering like an unknown code otherwise", async () => {
    const target = await createTarget("a");
    const foreign = await createFixtureCase(fixture, { officeId: fixture.offices.c.id });
    session.current = fixture.staff.officerA;
    const result = await actions.linkCaseAction(IDLE, form({ caseId: target.caseId, version: target.version, targetTrackingCode: foreign.trackingCode, kind: "DUPLICATE" }));
    expect(result).toMatchObject({ status: "error", message: "linkTargetNotFound" });
  });

  it("assigns only to an officer of the case's office", async () => {
    const target = await createTarget("a");
    session.current = fixture.staff.supervisorRegion1;
    const result = await actions.assignCaseAction(IDLE, form({ caseId: target.caseId, version: target.version, assigneeId: fixture.staff.officerB.id }));
    expect(result).toMatchObject({ status: "error", message: "assigneeNotEligible" });
  });
});
