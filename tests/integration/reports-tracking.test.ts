import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { stageEvidence } from "@/lib/attachments/staging";
import { fileReport } from "@/lib/reports/file-report";
import type { Receipt } from "@/lib/reports/receipt-details";
import { addReporterMessage, findTrackedCase, rateTrackedCase, verifyReceipt } from "@/lib/reports/tracking";
import { hashSecret } from "@/lib/security/secret-hash";

import { createPdf } from "../fixtures/evidence-files";
import { ensureReportReferenceData, FILING_NOW, FILING_VERIFICATION_DUE, pungliForm, TEST_OFFICE } from "../fixtures/reports";
import { connectTestDatabase } from "./support/database";

const db = connectTestDatabase();
let staffId: string;

beforeAll(async () => {
  await ensureReportReferenceData(db);
  const office = await db.office.findUniqueOrThrow({ where: { code: TEST_OFFICE } });
  staffId = (
    await db.staffUser.upsert({
      where: { email: "petugas.tracking-test@example.id" },
      create: {
        name: "Petugas Rahasia",
        email: "petugas.tracking-test@example.id",
        passwordHash: await hashSecret(randomUUID()),
        role: "OFFICER",
        scopeLevel: "OFFICE",
        officeId: office.id,
      },
      update: {},
    })
  ).id;
});

afterAll(async () => {
  await db.$disconnect();
});

/** A distinct client per test, so abuse-limit counts of one test never reach another. */
function newClientAddress(): string {
  const bytes = randomUUID().replace(/-/g, "").slice(0, 6);
  return `10.${parseInt(bytes.slice(0, 2), 16)}.${parseInt(bytes.slice(2, 4), 16)}.${parseInt(bytes.slice(4, 6), 16)}`;
}

async function fileCase(overrides: Record<string, string> = {}): Promise<{ receipt: Receipt; caseId: string }> {
  const result = await fileReport({ form: pungliForm(overrides), evidenceTokens: [], locale: "id", now: FILING_NOW });
  if (result.status !== "filed") throw new Error(JSON.stringify(result));
  const { id } = await db.case.findUniqueOrThrow({ where: { trackingCode: result.receipt.trackingCode }, select: { id: true } });
  return { receipt: result.receipt, caseId: id };
}

/** Stands in for the officer work (another issue): sets a case's status and deadlines directly. */
async function setCaseState(caseId: string, data: Parameters<typeof db.case.update>[0]["data"]) {
  await db.case.update({ where: { id: caseId }, data });
}

describe("opening a case with its receipt", () => {
  it("works with the right code and key, however they are typed", async () => {
    const { receipt, caseId } = await fileCase();
    const typedCode = receipt.trackingCode.toLowerCase().replace(/-/g, " ");
    const typedKey = receipt.secretKey.replace(/-/g, "");

    expect(await verifyReceipt({ trackingCode: typedCode, secretKey: typedKey, clientAddress: newClientAddress(), now: FILING_NOW })).toEqual({
      status: "verified",
      caseId,
    });
  });

  it("gives the same answer for a wrong key, an unknown code and a malformed code", async () => {
    const { receipt } = await fileCase();
    const clientAddress = newClientAddress();
    const attempts = [
      { trackingCode: receipt.trackingCode, secretKey: "00000-00000-00000-00000-00000" },
      { trackingCode: "LI-2222-2222", secretKey: receipt.secretKey },
      { trackingCode: "not a code", secretKey: "not a key" },
    ];
    for (const attempt of attempts) {
      expect(await verifyReceipt({ ...attempt, clientAddress, now: FILING_NOW })).toEqual({ status: "rejected", error: "trackingNotFound", retryAfterSeconds: 0 });
    }
  });

  it("stops a client after 10 wrong attempts, even with the right key, while others still get in", async () => {
    const { receipt, caseId } = await fileCase();
    const guesser = newClientAddress();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const result = await verifyReceipt({ trackingCode: "LI-2222-2222", secretKey: `${attempt}`, clientAddress: guesser, now: FILING_NOW });
      expect(result).toMatchObject({ error: "trackingNotFound" });
    }

    const blocked = await verifyReceipt({ ...receipt, clientAddress: guesser, now: FILING_NOW });
    expect(blocked).toMatchObject({ status: "rejected", error: "rateLimited" });
    if (blocked.status === "rejected") expect(blocked.retryAfterSeconds).toBeGreaterThan(0);
    expect(await verifyReceipt({ ...receipt, clientAddress: newClientAddress(), now: FILING_NOW })).toEqual({ status: "verified", caseId });
    // The next hour is a new window.
    expect(await verifyReceipt({ ...receipt, clientAddress: guesser, now: new Date(FILING_NOW.getTime() + 60 * 60 * 1000) })).toEqual({ status: "verified", caseId });
  });

  it("stops guessing one code after 20 wrong keys from any number of clients", async () => {
    const { receipt } = await fileCase();
    for (let attempt = 0; attempt < 20; attempt += 1) {
      await verifyReceipt({ trackingCode: receipt.trackingCode, secretKey: `wrong ${attempt}`, clientAddress: newClientAddress(), now: FILING_NOW });
    }
    expect(await verifyReceipt({ trackingCode: receipt.trackingCode, secretKey: "00000-00000-00000-00000-00000", clientAddress: newClientAddress(), now: FILING_NOW })).toMatchObject({
      status: "rejected",
      error: "rateLimited",
    });
  });

  it("still lets the reporter in with the right key when others have exhausted the code's limit", async () => {
    const { receipt, caseId } = await fileCase();
    for (let attempt = 0; attempt < 25; attempt += 1) {
      await verifyReceipt({ trackingCode: receipt.trackingCode, secretKey: `wrong ${attempt}`, clientAddress: newClientAddress(), now: FILING_NOW });
    }
    expect(await verifyReceipt({ ...receipt, clientAddress: newClientAddress(), now: FILING_NOW })).toEqual({ status: "verified", caseId });
  });
});

describe("what the reporter sees", () => {
  it("shows public replies and events only, names only signed replies, and never the contact", async () => {
    const { caseId } = await fileCase({ reporterMode: "IDENTIFIED", reporterName: "Rahmat Hidayat", reporterEmail: "rahmat@example.id" });
    await db.caseMessage.createMany({
      data: [
        { caseId, kind: "PUBLIC_REPLY", body: "Laporan Anda sedang kami periksa.", authorId: staffId, isSigned: false, createdAt: new Date(FILING_NOW.getTime() + 1000) },
        { caseId, kind: "INTERNAL_NOTE", body: "Catatan internal: cek CCTV loket 3.", authorId: staffId, createdAt: new Date(FILING_NOW.getTime() + 2000) },
        { caseId, kind: "PUBLIC_REPLY", body: "Petugas yang bersangkutan telah diperiksa.", authorId: staffId, isSigned: true, createdAt: new Date(FILING_NOW.getTime() + 3000) },
      ],
    });

    const tracked = await findTrackedCase(caseId, "en");

    expect(tracked).toMatchObject({
      status: "NEW",
      kind: "PUNGLI",
      categoryName: "Illegal levy (pungli)",
      serviceName: expect.stringContaining("Ordinary electronic passport"),
      filedAt: FILING_NOW.toISOString(),
      deadline: { kind: "verification", dueAt: FILING_VERIFICATION_DUE },
      isClockPaused: false,
      canRate: false,
      canPostMessage: true,
      rating: null,
    });
    expect(tracked!.messages.map((message) => [message.from, message.body, message.authorName])).toEqual([
      ["office", "Laporan Anda sedang kami periksa.", null],
      ["office", "Petugas yang bersangkutan telah diperiksa.", "Petugas Rahasia"],
    ]);
    expect(tracked!.timeline).toEqual([{ action: "CASE_FILED", createdAt: FILING_NOW.toISOString(), statusBefore: null, statusAfter: "NEW", workingDays: null, round: null }]);
    const shown = JSON.stringify(tracked);
    expect(shown).not.toMatch(/Rahmat|rahmat@example|Catatan internal/);
  });
});

describe("a message from the reporter", () => {
  it("is added with its evidence, and resumes a paused clock, moving the deadline by the days paused", async () => {
    const { caseId } = await fileCase();
    // Paused on the day of filing, Monday 24 August; the resolution deadline was Friday 4 September.
    await setCaseState(caseId, {
      status: "WAITING_FOR_REPORTER",
      verifiedAt: new Date("2026-08-24T04:00:00Z"),
      resolutionDueAt: new Date("2026-09-04T16:59:59.999Z"),
      clockPausedAt: new Date("2026-08-24T05:00:00Z"),
    });
    const before = await db.case.findUniqueOrThrow({ where: { id: caseId } });
    // Monday 31 August: Tuesday 25 was a holiday, so Wednesday to Friday and Monday were paused.
    const now = new Date("2026-08-31T03:00:00Z");
    const staged = await stageEvidence({ bytes: createPdf(), fileName: "bukti-transfer.pdf" }, { now });
    if (!staged.ok) throw new Error(staged.error);

    const result = await addReporterMessage({ caseId, body: "Ini bukti transfernya.", evidenceTokens: [staged.evidence.token], idempotencyKey: randomUUID(), now });

    expect(result).toEqual({ status: "done" });
    const after = await db.case.findUniqueOrThrow({ where: { id: caseId }, include: { messages: { include: { attachments: true } } } });
    expect(after).toMatchObject({
      status: "IN_PROGRESS",
      clockPausedAt: null,
      pausedWorkingDays: 4,
      // Four working days after Friday 4 September: Monday 7 to Thursday 10.
      resolutionDueAt: new Date("2026-09-10T16:59:59.999Z"),
      version: before.version + 1,
    });
    expect(after.messages).toHaveLength(1);
    expect(after.messages[0]).toMatchObject({ kind: "REPORTER_MESSAGE", body: "Ini bukti transfernya.", authorId: null });
    expect(after.messages[0]!.attachments).toMatchObject([{ fileName: "bukti-transfer.pdf", uploadedBy: "REPORTER", sha256: staged.evidence.sha256 }]);

    const tracked = await findTrackedCase(caseId, "id");
    expect(tracked!.timeline.map((event) => [event.action, event.statusBefore, event.statusAfter])).toEqual([
      ["CASE_FILED", null, "NEW"],
      ["REPORTER_MESSAGE_POSTED", null, null],
      ["STATUS_CHANGED", "WAITING_FOR_REPORTER", "IN_PROGRESS"],
    ]);
    expect(tracked!.deadline).toEqual({ kind: "resolution", dueAt: "2026-09-10T16:59:59.999Z" });
    expect(tracked!.evidence.map((file) => file.fileName)).toEqual(["bukti-transfer.pdf"]);
    expect(tracked!.messages[0]).toMatchObject({ from: "reporter", evidence: [{ fileName: "bukti-transfer.pdf" }] });
  });

  it("leaves a case in progress as it is", async () => {
    const { caseId } = await fileCase();
    await setCaseState(caseId, { status: "IN_PROGRESS", resolutionDueAt: new Date("2026-09-04T16:59:59.999Z") });

    await addReporterMessage({ caseId, body: "Tambahan informasi.", evidenceTokens: [], idempotencyKey: randomUUID(), now: FILING_NOW });

    expect(await db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({ status: "IN_PROGRESS", version: 1, resolutionDueAt: new Date("2026-09-04T16:59:59.999Z") });
  });

  it("is added once when sent twice", async () => {
    const { caseId } = await fileCase();
    const idempotencyKey = randomUUID();

    await addReporterMessage({ caseId, body: "Pesan yang terkirim dua kali.", evidenceTokens: [], idempotencyKey, now: FILING_NOW });
    await addReporterMessage({ caseId, body: "Pesan yang terkirim dua kali.", evidenceTokens: [], idempotencyKey, now: FILING_NOW });

    expect(await db.caseMessage.count({ where: { caseId } })).toBe(1);
  });

  it("is refused once the case is closed", async () => {
    const { caseId } = await fileCase();
    await setCaseState(caseId, { status: "RESOLVED", closedAt: FILING_NOW });

    expect(await addReporterMessage({ caseId, body: "Masih belum selesai.", evidenceTokens: [], idempotencyKey: randomUUID(), now: FILING_NOW })).toEqual({
      status: "invalid",
      fieldErrors: {},
      formErrors: ["caseClosed"],
    });
    expect(await db.caseMessage.count({ where: { caseId } })).toBe(0);
  });
});

describe("rating", () => {
  it("is possible only once the case is resolved or rejected", async () => {
    const { caseId } = await fileCase();

    expect(await rateTrackedCase({ caseId, score: 5, comment: null, now: FILING_NOW })).toEqual({ status: "invalid", fieldErrors: {}, formErrors: ["cannotRateYet"] });
    expect(await db.satisfactionRating.count({ where: { caseId } })).toBe(0);
  });

  it("is recorded once, with a public event, and a second rating is refused", async () => {
    const { caseId } = await fileCase();
    await setCaseState(caseId, { status: "REJECTED", closedAt: FILING_NOW, rejectionReason: "Bukan kewenangan kantor ini." });

    expect(await rateTrackedCase({ caseId, score: 2, comment: "Alasan penolakan jelas.", now: FILING_NOW })).toEqual({ status: "done" });
    expect(await rateTrackedCase({ caseId, score: 5, comment: null, now: FILING_NOW })).toEqual({ status: "invalid", fieldErrors: {}, formErrors: ["alreadyRated"] });

    const tracked = await findTrackedCase(caseId, "id");
    expect(tracked).toMatchObject({ rating: { score: 2, comment: "Alasan penolakan jelas." }, canRate: false, canPostMessage: false, deadline: null });
    expect(tracked!.timeline.at(-1)).toMatchObject({ action: "RATED" });
  });

  it("lets only one of two simultaneous ratings through", async () => {
    const { caseId } = await fileCase();
    await setCaseState(caseId, { status: "RESOLVED", closedAt: FILING_NOW });

    const results = await Promise.all([
      rateTrackedCase({ caseId, score: 4, comment: null, now: FILING_NOW }),
      rateTrackedCase({ caseId, score: 1, comment: null, now: FILING_NOW }),
    ]);

    expect(results.map((result) => result.status).sort()).toEqual(["done", "invalid"]);
    expect(results.find((result) => result.status === "invalid")).toMatchObject({ formErrors: ["alreadyRated"] });
    expect(await db.satisfactionRating.count({ where: { caseId } })).toBe(1);
    expect(await db.caseEvent.count({ where: { caseId, action: "RATED" } })).toBe(1);
  });
});
