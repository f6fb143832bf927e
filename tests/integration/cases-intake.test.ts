import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import exifr from "exifr";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import { CaseActionForbiddenError, CaseRuleError } from "@/lib/cases/errors";
import { fileIntakeReport } from "@/lib/cases/intake";
import { decryptContactValue } from "@/lib/contacts/encryption";
import { db } from "@/lib/db";
import { toJakartaDateKey } from "@/lib/deadlines/working-days";
import { verifySecret } from "@/lib/security/secret-hash";

import { createJpegWithGps, createTextFile, toBlob } from "../fixtures/evidence-files";
import { storageRoot } from "../fixtures/reports";
import { createScopeFixture, type ScopeFixture, type StaffName } from "./cases-fixtures";

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
// One stand-in for the request (two mocks of a module race): the printed receipt's address comes
// from its Host header when PUBLIC_BASE_URL is unset.
vi.mock("next/headers", async () => {
  const { createNextRequestStandIn } = await import("../fixtures/next-request");
  const request = createNextRequestStandIn().headersModule;
  return {
    ...request,
    headers: async () => {
      const headers = new Headers(await request.headers());
      headers.set("host", "posko.example.go.id");
      return headers;
    },
  };
});
vi.mock("next-intl/server", () => ({ getLocale: async () => "id" }));

const { submitIntakeReport } = await import("@/lib/cases/intake-actions");

let fixture: ScopeFixture;

function pungliForm(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: "PUNGLI",
    officeCode: fixture.offices.c.code, // ignored: intake files for the officer's own office
    serviceCode: fixture.service.code,
    categoryCode: fixture.category.code,
    incidentDate: toJakartaDateKey(new Date()),
    incidentPlace: "Loket 4",
    description: "Petugas loket meminta uang tambahan Rp 1.000.000 agar paspor cepat jadi.",
    amountDemanded: "1.350.000",
    amountPaid: "",
    paymentMethod: "CASH",
    brokerInvolved: "no",
    receiptGiven: "no",
    accusedDescription: "Laki-laki, seragam biru",
    reporterMode: "IDENTIFIED",
    reporterName: "Budi Santoso",
    reporterPhone: "0812 3456 7890",
    idempotencyKey: randomUUID(),
    ...overrides,
  };
}

beforeAll(async () => {
  fixture = await createScopeFixture("intake");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("walk-in, phone and letter intake", () => {
  it("files the case for the officer's own office with the channel, the intake officer and a usable receipt", async () => {
    const officer = fixture.staff.officerA;
    const result = await fileIntakeReport(officer, { fields: pungliForm(), channel: "WALK_IN", locale: "id" });
    expect(result.status).toBe("filed");
    if (result.status !== "filed") return;

    const created = await db.case.findUniqueOrThrow({
      where: { id: result.caseId },
      select: { officeId: true, channel: true, intakeById: true, status: true, feeDifferenceRupiah: true, receiptSecretHash: true, trackingCode: true, reporterContact: { select: { name: true } } },
    });
    expect(created).toMatchObject({ officeId: fixture.offices.a.id, channel: "WALK_IN", intakeById: officer.id, status: "NEW", feeDifferenceRupiah: 1_000_000 });
    // Stored encrypted, like an online report's.
    expect(created.reporterContact?.name).toMatch(/^ck\d+\./);
    expect(decryptContactValue(created.reporterContact!.name, result.caseId, "name")).toBe("Budi Santoso");
    expect(result.receipt.trackingCode).toBe(created.trackingCode);
    expect(await verifySecret(created.receiptSecretHash, result.receipt.secretKey)).toBe(true);

    const event = await db.caseEvent.findFirstOrThrow({ where: { caseId: result.caseId, action: "CASE_FILED" }, select: { actorKind: true, actorId: true, after: true } });
    expect(event).toEqual({ actorKind: "STAFF", actorId: officer.id, after: { status: "NEW", channel: "WALK_IN", kind: "PUNGLI" } });
  });

  it("applies the online form's rules, field by field", async () => {
    const result = await fileIntakeReport(fixture.staff.officerA, { fields: pungliForm({ description: "terlalu pendek", amountDemanded: "banyak" }), channel: "FAX", locale: "id" });
    expect(result).toMatchObject({ status: "invalid", fieldErrors: { description: ["tooShort"], amountDemanded: ["invalidAmount"], channel: ["invalidChoice"] } });
  });

  it("files a doubled submission once", async () => {
    const fields = pungliForm();
    const [first, second] = await Promise.all([
      fileIntakeReport(fixture.staff.officerA, { fields, channel: "PHONE", locale: "id" }),
      fileIntakeReport(fixture.staff.officerA, { fields, channel: "PHONE", locale: "id" }),
    ]);
    // Both answers show the one receipt, so the officer can hand it over whichever arrives.
    expect([first.status, second.status]).toEqual(["filed", "filed"]);
    if (first.status === "filed" && second.status === "filed") expect(second.receipt.trackingCode).toBe(first.receipt.trackingCode);
    expect(await db.case.count({ where: { description: fields.description, channel: "PHONE" } })).toBe(1);
  });

  // Who may take in a report at the desk: officers (and admins with an office) of their own office.
  const INTAKE_MATRIX: [StaffName | "signedOut", "filed" | "forbidden" | "noOffice" | "redirect"][] = [
    ["signedOut", "redirect"],
    ["officerA", "filed"],
    ["officerB", "filed"],
    ["involvedOfficerA", "filed"],
    ["supervisorOfficeA", "forbidden"],
    ["supervisorRegion1", "forbidden"],
    ["supervisorNational", "forbidden"],
    ["admin", "noOffice"],
  ];

  it.each(INTAKE_MATRIX)("intake by %s: %s", async (name, expected) => {
    const actor = name === "signedOut" ? null : fixture.staff[name];
    session.current = actor;
    const form = new FormData();
    for (const [key, value] of Object.entries({ ...pungliForm(), channel: "LETTER" })) form.set(key, value);
    if (expected === "redirect") {
      await expect(submitIntakeReport({ status: "idle" }, form)).rejects.toMatchObject({ digest: expect.stringContaining("/masuk") });
      return;
    }
    const state = await submitIntakeReport({ status: "idle" }, form);
    const outcome = state.status === "filed" ? "filed" : state.status === "refused" ? (state.message === "noOfficeForIntake" ? "noOffice" : state.message) : state.status;
    expect(outcome).toBe(expected);
    if (state.status === "filed") {
      expect(state.address.trackingUrl).toBe(`http://posko.example.go.id/lacak?kode=${state.receipt.trackingCode}`);
      expect((await db.case.findUniqueOrThrow({ where: { id: state.caseId }, select: { officeId: true } })).officeId).toBe(actor!.officeId);
    }
  });

  it("refuses through the data layer too", async () => {
    await expect(fileIntakeReport(fixture.staff.supervisorOfficeA, { fields: pungliForm(), channel: "WALK_IN", locale: "id" })).rejects.toBeInstanceOf(CaseActionForbiddenError);
    await expect(fileIntakeReport(fixture.staff.admin, { fields: pungliForm(), channel: "WALK_IN", locale: "id" })).rejects.toEqual(new CaseRuleError("noOfficeForIntake"));
  });
});

describe("evidence brought to the desk", () => {
  function formWithFiles(fields: Record<string, string>, files: { bytes: Uint8Array; name: string }[]): FormData {
    const formData = new FormData();
    for (const [key, value] of Object.entries(fields)) formData.set(key, value);
    formData.set("channel", "WALK_IN");
    for (const file of files) formData.append("evidence", toBlob(file.bytes), file.name);
    return formData;
  }

  it("attaches a photographed paper receipt, processed as online evidence (no GPS position kept)", async () => {
    session.current = fixture.staff.officerA;
    const photo = await createJpegWithGps();
    const state = await submitIntakeReport({ status: "idle" }, formWithFiles(pungliForm(), [{ bytes: photo, name: "kuitansi.jpg" }]));
    expect(state.status).toBe("filed");
    if (state.status !== "filed") return;
    const attachments = await db.attachment.findMany({ where: { caseId: state.caseId }, select: { fileName: true, mediaType: true, storageKey: true } });
    expect(attachments).toMatchObject([{ fileName: "kuitansi.jpg", mediaType: "image/jpeg" }]);
    const stored = readFileSync(path.join(storageRoot(), ...attachments[0]!.storageKey.split("/")));
    expect(await exifr.gps(stored)).toBeUndefined();
  });

  it("refuses a file that is not what it claims, keeps everything typed, and files nothing", async () => {
    session.current = fixture.staff.officerA;
    const fields = pungliForm({ description: "Surat pelapor tentang pungli di loket 4 dengan kuitansi palsu terlampir." });
    const before = await db.case.count();
    const state = await submitIntakeReport({ status: "idle" }, formWithFiles(fields, [{ bytes: createTextFile(), name: "kuitansi.jpg" }]));
    expect(state).toMatchObject({ status: "invalid", fieldErrors: { evidence: ["fileTypeNotAllowed"] }, values: { description: fields.description }, stagedEvidence: [] });
    expect(await db.case.count()).toBe(before);
  });

  it("keeps a file accepted before a refusal, so it need not be chosen again", async () => {
    session.current = fixture.staff.officerA;
    const state = await submitIntakeReport({ status: "idle" }, formWithFiles(pungliForm({ description: "pendek" }), [{ bytes: await createJpegWithGps(), name: "surat.jpg" }]));
    expect(state.status).toBe("invalid");
    if (state.status !== "invalid") return;
    expect(state.stagedEvidence).toHaveLength(1);
    const retry = new FormData();
    for (const [key, value] of Object.entries(pungliForm())) retry.set(key, value);
    retry.set("channel", "WALK_IN");
    retry.append("evidenceToken", state.stagedEvidence[0]!.token);
    const filed = await submitIntakeReport(state, retry);
    expect(filed.status).toBe("filed");
    if (filed.status !== "filed") return;
    expect(await db.attachment.count({ where: { caseId: filed.caseId } })).toBe(1);
  });

  it("is not refused when the office's shared address has used up the public upload limit", async () => {
    session.current = fixture.staff.officerA;
    const { getClientAddress } = await import("@/lib/reports/request-context");
    const { checkRateLimit, refundRateLimit } = await import("@/lib/rate-limit/limits");
    const address = await getClientAddress();
    let used = 0;
    try {
      while ((await checkRateLimit("evidenceUpload", address)).allowed) used += 1;
      used += 1;
      const state = await submitIntakeReport({ status: "idle" }, formWithFiles(pungliForm(), [{ bytes: await createJpegWithGps(), name: "surat.jpg" }]));
      expect(state.status).toBe("filed");
      if (state.status !== "filed") return;
      expect(await db.attachment.count({ where: { caseId: state.caseId } })).toBe(1);
    } finally {
      for (let index = 0; index < used; index += 1) await refundRateLimit("evidenceUpload", address);
    }
  });

  it("stages no file for staff who may not take reports in", async () => {
    session.current = fixture.staff.supervisorOfficeA;
    const state = await submitIntakeReport({ status: "idle" }, formWithFiles(pungliForm(), [{ bytes: await createJpegWithGps(), name: "kuitansi.jpg" }]));
    expect(state).toMatchObject({ status: "refused", message: "forbidden", stagedEvidence: [] });
  });
});
