import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { StaffActor } from "@/lib/auth/session";

import { checkProperty, describeEntries, type FormEntry, FUZZ_TEST_TIMEOUT_MS, fuzzedFormEntries, toFormData } from "../fixtures/fuzz";
import type { createNextRequestStandIn } from "../fixtures/next-request";
import { ensureReportReferenceData, TEST_OFFICE, TEST_SERVICE } from "../fixtures/reports";
import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";
import { connectTestDatabase } from "./support/database";
import { countRows, diffRowCounts } from "./support/row-counts";

/**
 * The Server Actions (public POST endpoints, whatever the forms send) under generated hostile
 * FormData, against the real test database. For every input: the action answers (or redirects /
 * 404s the way Next expects), never with "unexpected" (the answer to a failure of the app's
 * own code, a 5xx in all but name), and when it refuses, every table has the same number of
 * rows as before (no partial write).
 */

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

const nextRequest = vi.hoisted(() => ({ standIn: undefined as unknown as ReturnType<typeof createNextRequestStandIn> }));
vi.mock("next/headers", async () => {
  const { createNextRequestStandIn: create } = await import("../fixtures/next-request");
  nextRequest.standIn = create();
  return nextRequest.standIn.headersModule;
});
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: vi.fn() }));
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidatePath: vi.fn() }));
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

const { submitReport } = await import("@/lib/reports/actions");
const trackingActions = await import("@/lib/reports/tracking-actions");
const objectionActions = await import("@/lib/objections/actions");
const caseActions = await import("@/lib/cases/actions");
const categoryActions = await import("@/lib/categories/actions");
const officeActions = await import("@/lib/offices/actions");
const serviceActions = await import("@/lib/services/actions");
const templateActions = await import("@/lib/reply-templates/actions");
const holidayActions = await import("@/lib/holidays/actions");
const staffActions = await import("@/lib/staff/actions");
const volumeActions = await import("@/lib/volumes/actions");

const db = connectTestDatabase();
let fixture: ScopeFixture;
let caseRef: { id: string; trackingCode: string; version: number };

beforeAll(async () => {
  await ensureReportReferenceData(db);
  fixture = await createScopeFixture("fuzz-actions");
  caseRef = await createFixtureCase(fixture, { officeId: fixture.offices.a.id });
});

afterAll(async () => {
  session.current = null;
  await db.$disconnect();
});

let clientNumber = 0;
function asNewClient(): void {
  clientNumber += 1;
  nextRequest.standIn.useClientAddress(`203.0.${Math.floor(clientNumber / 250) % 250}.${clientNumber % 250}`);
  nextRequest.standIn.cookieJar.clear();
}

/** What an action did: answered with a state, or ended the way Next ends a request (redirect, 404). */
type Outcome = { kind: "answered"; state: unknown } | { kind: "redirected" } | { kind: "notFound" };

async function runAction(action: (previous: never, formData: FormData) => Promise<unknown>, formData: FormData): Promise<Outcome> {
  try {
    return { kind: "answered", state: await action({ status: "idle" } as never, formData) };
  } catch (error) {
    const digest = String((error as { digest?: unknown }).digest ?? "");
    if (digest.startsWith("NEXT_REDIRECT")) return { kind: "redirected" };
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return { kind: "notFound" };
    throw error;
  }
}

/** Whether an answered state is a refusal (nothing should have been written). */
function isRefusal(state: unknown): boolean {
  const status = (state as { status?: string; error?: string }).status;
  if (status === undefined) return (state as { error?: string }).error !== undefined;
  return status === "invalid" || status === "error" || status === "conflict";
}

/** Every message an answered state carries: none may say the app itself failed. */
function messagesOf(state: unknown): string[] {
  const { message, error, formErrors } = state as { message?: string; error?: string; formErrors?: string[] };
  return [message, error, ...(formErrors ?? [])].filter((text): text is string => typeof text === "string");
}

type ActionCase = { name: string; action: (previous: never, formData: FormData) => Promise<unknown>; fields: Record<string, readonly string[]> };

/** One property over many actions: each generated FormData goes to one of them, as `actor`. */
async function fuzzActions(
  name: Parameters<typeof checkProperty>[0],
  actor: () => StaffActor | null,
  cases: ActionCase[],
  examples: { entry: ActionCase; entries: FormEntry[] }[] = [],
): Promise<void> {
  const input = fc.oneof(...cases.map((entry) => fuzzedFormEntries(entry.fields).map((entries) => ({ entry, entries }))));
  await checkProperty(
    name,
    fc.asyncProperty(input, async ({ entry, entries }: { entry: ActionCase; entries: FormEntry[] }) => {
      asNewClient();
      session.current = actor();
      const context = `${entry.name}: ${describeEntries(entries)}`;
      const rowsBefore = await countRows(db);
      const outcome = await runAction(entry.action, toFormData(entries));
      if (outcome.kind !== "answered") return;
      expect(messagesOf(outcome.state), context).not.toContain("unexpected");
      if (isRefusal(outcome.state)) expect(diffRowCounts(rowsBefore, await countRows(db)), context).toEqual({});
    }),
    { examples: examples.map((example) => [example] as [typeof example]), shrink: false },
  );
}

const UUID = () => [caseRef.id, "0b7c1a56-0d43-4f0e-9d2b-2b1b7a0b8c11"];
const REASON = ["Alasan yang cukup panjang untuk formulir ini."];
const today = () => new Date(Date.now() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe("the public Server Actions", () => {
  it("submitReport answers every form, and a refused one writes nothing", async () => {
    await fuzzActions("actions: report form", () => null, [
      {
        name: "submitReport",
        action: submitReport as ActionCase["action"],
        fields: {
          kind: ["COMPLAINT", "PUNGLI"],
          officeCode: [TEST_OFFICE],
          serviceCode: ["", TEST_SERVICE],
          categoryCode: ["PUNGLI", "SLOW_SERVICE"],
          incidentDate: [today()],
          incidentPlace: ["", "Loket 2"],
          description: ["Petugas meminta uang tambahan di luar tarif resmi agar paspor cepat jadi."],
          amountDemanded: ["Rp 1.500.000"],
          amountPaid: [""],
          paymentMethod: ["CASH", "TRANSFER"],
          brokerInvolved: ["yes", "unknown"],
          receiptGiven: ["no"],
          accusedDescription: [""],
          reporterMode: ["ANONYMOUS", "IDENTIFIED"],
          reporterName: ["Siti Aminah"],
          reporterEmail: ["siti@example.org"],
          reporterPhone: [""],
          idempotencyKey: ["0b7c1a56-0d43-4f0e-9d2b-2b1b7a0b8c11"],
          evidenceToken: ["abc.def"],
          evidence: [""],
        },
      },
    ]);
  });

  it("the tracking page's actions answer every form, and a refused one writes nothing", async () => {
    await fuzzActions("actions: tracking forms", () => null, [
      { name: "openTrackedCase", action: trackingActions.openTrackedCase as ActionCase["action"], fields: { trackingCode: [caseRef.trackingCode], secretKey: ["abcd-efgh-ijkl-mnop"] } },
      { name: "postReporterMessage", action: trackingActions.postReporterMessage as ActionCase["action"], fields: { body: ["Mohon kabar perkembangannya."], idempotencyKey: UUID(), evidenceToken: ["abc.def"] } },
      { name: "rateCase", action: trackingActions.rateCase as ActionCase["action"], fields: { score: ["1", "5"], comment: [""] } },
      { name: "objectToDecision", action: objectionActions.objectToDecision as ActionCase["action"], fields: { reason: ["Keputusan ini keliru karena uang belum kembali."], idempotencyKey: UUID() } },
    ]);
  });
});

describe("the staff side's Server Actions", () => {
  it("the case page's actions answer every form, and a refused one writes nothing", async () => {
    const ref = () => ({ caseId: UUID(), version: [String(caseRef.version), "2147483648", "99999999999"] });
    await fuzzActions("actions: case forms", () => fixture.staff.supervisorOfficeA, [
      { name: "assign", action: caseActions.assignCaseAction as ActionCase["action"], fields: { ...ref(), assigneeId: ["", fixture.staff.officerA.id] } },
      { name: "status", action: caseActions.changeCaseStatusAction as ActionCase["action"], fields: { ...ref(), to: ["VERIFIED", "REJECTED", "FORWARDED"], rejectionReason: REASON, forwardTarget: ["OMBUDSMAN"], forwardNote: REASON, replyToReporter: [""], isReplySigned: ["on"] } },
      { name: "tier", action: caseActions.setDeadlineTierAction as ActionCase["action"], fields: { ...ref(), tier: ["LIGHT", "INVESTIGATION"] } },
      { name: "link", action: caseActions.linkCaseAction as ActionCase["action"], fields: { ...ref(), targetTrackingCode: [caseRef.trackingCode], kind: ["DUPLICATE", "RELATED"] } },
      { name: "declareInvolvement", action: caseActions.declareInvolvementAction as ActionCase["action"], fields: { caseId: UUID(), reason: REASON } },
      { name: "reportInvolvement", action: caseActions.reportInvolvementAction as ActionCase["action"], fields: { caseId: UUID(), staffUserId: [fixture.staff.colleagueA.id], reason: REASON } },
      { name: "markInvolvement", action: caseActions.markInvolvementAction as ActionCase["action"], fields: { caseId: UUID(), staffUserId: [fixture.staff.colleagueA.id], reason: REASON } },
      { name: "unmarkInvolvement", action: caseActions.unmarkInvolvementAction as ActionCase["action"], fields: { caseId: UUID(), staffUserId: [fixture.staff.colleagueA.id], reason: REASON } },
      { name: "decideInvolvement", action: caseActions.decideInvolvementReportAction as ActionCase["action"], fields: { caseId: UUID(), reportId: UUID(), decision: ["CONFIRM", "DISMISS"], note: REASON } },
      { name: "message", action: caseActions.postCaseMessageAction as ActionCase["action"], fields: { ...ref(), kind: ["PUBLIC_REPLY", "INTERNAL_NOTE"], body: ["Terima kasih."], isSigned: ["on"], isPublicConfirmed: ["on"] } },
      { name: "escalation", action: caseActions.escalateCaseAction as ActionCase["action"], fields: { caseId: UUID(), note: REASON } },
      { name: "identity", action: caseActions.revealIdentityAction as ActionCase["action"], fields: { caseId: UUID(), reason: REASON } },
    ]);
  });

  it("the reference data's actions answer every form, and a refused one writes nothing", async () => {
    const id = (value: number) => [String(value), "2147483648"];
    const names = { nameId: ["Nama"], nameEn: ["Name"] };
    await fuzzActions("actions: reference forms", () => fixture.staff.admin, [
      { name: "createCategory", action: categoryActions.createCategoryAction as ActionCase["action"], fields: { code: ["FUZZ_CAT"], problemCode: ["01", "03"], ...names } },
      { name: "updateCategory", action: categoryActions.updateCategoryAction as ActionCase["action"], fields: { categoryId: id(fixture.category.id), version: ["1"], ...names } },
      { name: "retireCategory", action: categoryActions.retireCategoryAction as ActionCase["action"], fields: { categoryId: id(fixture.category.id), version: ["1"] } },
      { name: "createOffice", action: officeActions.createOfficeAction as ActionCase["action"], fields: { code: ["kanim-fuzz"], regionalOfficeId: id(fixture.region1.id), province: ["Bali"], city: ["Denpasar"], name: ["Kanim Fuzz"], officeClass: [""], address: [""], phone: [""], openingHours: [""] } },
      { name: "updateOffice", action: officeActions.updateOfficeAction as ActionCase["action"], fields: { officeId: id(fixture.offices.b.id), version: ["1"], name: ["Kanim B"], officeClass: [""], address: [""], phone: [""], openingHours: [""] } },
      { name: "closeOffice", action: officeActions.closeOfficeAction as ActionCase["action"], fields: { officeId: id(fixture.offices.c.id), version: ["1"] } },
      { name: "createService", action: serviceActions.createServiceAction as ActionCase["action"], fields: { code: ["layanan-fuzz"], ...names, feeUnit: [""], feeRupiah: ["350000", "2147483648"], effectiveFrom: ["2026-01-01"], legalBasis: [""] } },
      { name: "addFee", action: serviceActions.addServiceFeeAction as ActionCase["action"], fields: { serviceId: id(fixture.service.id), version: ["1"], feeRupiah: ["400000"], effectiveFrom: ["2027-01-01", "0001-01-01", "9999-12-31"], legalBasis: [""] } },
      { name: "deleteFee", action: serviceActions.deleteServiceFeeAction as ActionCase["action"], fields: { serviceId: id(fixture.service.id), version: ["1"], feeId: ["1"] } },
      { name: "createTemplate", action: templateActions.createReplyTemplateAction as ActionCase["action"], fields: { officeId: ["", String(fixture.offices.a.id)], titleId: ["Judul"], bodyId: ["Isi"], titleEn: ["Title"], bodyEn: ["Body"] } },
    ]);
  });

  it("the holiday actions answer every form, and a refused one writes nothing", async () => {
    await fuzzActions("actions: holiday forms", () => fixture.staff.admin, [
      { name: "addHoliday", action: holidayActions.submitAddHoliday as ActionCase["action"], fields: { date: ["2026-08-17", "0001-01-01"], nameId: ["Libur"], nameEn: ["Holiday"], kind: ["NATIONAL_HOLIDAY", "REGIONAL_HOLIDAY"], place: ["national", `office:${fixture.offices.a.id}`, "office:2147483648", "province:Uji"], source: [""] } },
      { name: "updateHoliday", action: holidayActions.submitUpdateHoliday as ActionCase["action"], fields: { id: ["1"], version: ["1"], date: ["2026-08-17"], nameId: ["Libur"], nameEn: ["Holiday"], kind: ["NATIONAL_HOLIDAY"], source: [""] } },
      { name: "deleteHoliday", action: holidayActions.submitDeleteHoliday as ActionCase["action"], fields: { id: ["1"], version: ["1"] } },
      { name: "importHolidays", action: holidayActions.submitHolidayImport as ActionCase["action"], fields: { intent: ["preview", "apply"], year: ["2026"], file: ["date,name_id\n"], encodedContent: ["ZGF0ZQ=="], contentHash: ["x"], stateFingerprint: ["y"] } },
    ]);
  });

  it("the service volume actions answer every form, and a refused one writes nothing", async () => {
    await fuzzActions("actions: volume forms", () => fixture.staff.supervisorOfficeA, [
      {
        name: "saveVolumes",
        action: volumeActions.submitOfficeVolumes as ActionCase["action"],
        fields: {
          month: ["2026-10", "2026-13", ""],
          office: [String(fixture.offices.a.id), String(fixture.offices.b.id), "2147483648", "x"],
          [`count-${fixture.service.id}`]: ["12.450", "1.5", "", "99999999999"],
          "count-2147483648": ["5", ""],
        },
      },
      { name: "importVolumes", action: volumeActions.submitVolumeImport as ActionCase["action"], fields: { month: ["2026-10", "bad"], file: ["office_code,service_code,count\n"] } },
    ]);
  });

  it("the staff administration's actions answer every form, and a refused one writes nothing", async () => {
    const scope = { role: ["OFFICER", "ADMIN"], scopeLevel: ["OFFICE", "NATIONAL"], officeId: ["", String(fixture.offices.a.id)], regionalOfficeId: [""] };
    const target = () => ({ staffId: [fixture.staff.officerB.id], version: ["1"] });
    const createStaff: ActionCase = { name: "createStaff", action: staffActions.createStaffAction as ActionCase["action"], fields: { name: ["Budi Santoso"], email: ["budi.fuzz@test.invalid"], ...scope } };
    // Once answered "unexpected": the NUL reached the insert, which PostgreSQL refused.
    const nulInName = [
      { name: "name", value: "Budi\u0000 Santoso" },
      { name: "email", value: `nul.${fixture.suffix}@test.invalid` },
      { name: "role", value: "OFFICER" },
      { name: "scopeLevel", value: "OFFICE" },
      { name: "officeId", value: String(fixture.offices.a.id) },
    ];
    await fuzzActions("actions: staff forms", () => fixture.staff.admin, [
      createStaff,
      { name: "roleScope", action: staffActions.updateRoleScopeAction as ActionCase["action"], fields: { ...target(), ...scope } },
      { name: "deactivate", action: staffActions.deactivateStaffAction as ActionCase["action"], fields: target() },
      { name: "resetTotp", action: staffActions.resetTotpAction as ActionCase["action"], fields: target() },
      { name: "clearLock", action: staffActions.clearSignInLockAction as ActionCase["action"], fields: { staffId: [fixture.staff.officerB.id] } },
    ], [{ entry: createStaff, entries: nulInName }]);
  });
});
