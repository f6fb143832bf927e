import { createHash, randomUUID } from "node:crypto";
import { readFileSync, unlinkSync, utimesSync } from "node:fs";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { createEvidenceTransfer, readStagedEvidenceTokens, stageEvidence } from "@/lib/attachments/staging";
import { computeChainLinkHash } from "@/lib/audit/chain";
import { decryptContact } from "@/lib/contacts/encryption";
import { deriveAppKey } from "@/lib/env";
import { fileReport, findFiledReport } from "@/lib/reports/file-report";
import { runReportsHousekeeping } from "@/lib/reports/housekeeping";
import { generateTrackingCode } from "@/lib/reports/receipt";
import { buildReceipt } from "@/lib/reports/receipt-details";
import { sweepIdempotencyKeys } from "@/lib/idempotency/store";
import { verifySecret } from "@/lib/security/secret-hash";

import { createJpegWithGps, createPdf } from "../fixtures/evidence-files";
import {
  ensureReportReferenceData,
  FILING_NOW,
  FILING_VERIFICATION_DUE,
  listStoredFiles,
  OTHER_OFFICE,
  OTHER_SERVICE,
  pungliForm,
  storageRoot,
  TEST_SERVICE_FEE,
  whileInactive,
} from "../fixtures/reports";
import { connectTestDatabase } from "./support/database";

vi.mock("@/lib/reports/receipt-details", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/reports/receipt-details")>();
  return { ...original, buildReceipt: vi.fn(original.buildReceipt) };
});

vi.mock("@/lib/reports/receipt", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/reports/receipt")>();
  return { ...original, generateTrackingCode: vi.fn(original.generateTrackingCode) };
});

const db = connectTestDatabase();

beforeAll(async () => {
  await ensureReportReferenceData(db);
});

afterAll(async () => {
  await db.$disconnect();
});

async function stage(bytes: Buffer, fileName: string, now: Date = FILING_NOW) {
  const result = await stageEvidence({ bytes, fileName }, { now });
  if (!result.ok) throw new Error(`staging refused ${fileName}: ${result.error}`);
  return result.evidence;
}

function stagingKeyOf(token: string): string {
  return JSON.parse(Buffer.from(token.split(".")[0] ?? "", "base64url").toString()).k;
}

function isStaged(token: string): boolean {
  return listStoredFiles("staging").includes(stagingKeyOf(token).replace("staging/", ""));
}

async function caseCountWith(description: string) {
  return db.case.count({ where: { description } });
}

describe("filing a report", () => {
  it("creates one case with its evidence, event and receipt, and no contact for an anonymous reporter", async () => {
    const form = pungliForm({ reporterName: "Budi Santoso", reporterEmail: "budi@example.id", reporterPhone: "0812 3456 7890" });
    const photo = await stage(await createJpegWithGps(), "IMG_0001.JPG");
    const pdf = await stage(createPdf(), "kuitansi.pdf");

    const result = await fileReport({ form, evidenceTokens: [photo.token, pdf.token], locale: "en", now: FILING_NOW });

    if (result.status !== "filed") throw new Error(`expected a filing, got ${JSON.stringify(result)}`);
    const { receipt } = result;
    expect(receipt).toMatchObject({
      trackingCode: expect.stringMatching(/^LI-[2-9A-HJKMNP-TV-Z]{4}-[2-9A-HJKMNP-TV-Z]{4}$/),
      secretKey: expect.stringMatching(/^\d{5}(-\d{5}){4}$/),
      filedAt: FILING_NOW.toISOString(),
      locale: "en",
      kind: "PUNGLI",
      serviceName: expect.stringContaining("Ordinary electronic passport"),
      categoryCode: "PUNGLI",
      verificationDueAt: FILING_VERIFICATION_DUE,
    });
    expect(receipt.evidence.map((file) => file.fileName).sort()).toEqual(["IMG_0001.jpg", "kuitansi.pdf"]);

    const stored = await db.case.findUniqueOrThrow({
      where: { trackingCode: receipt.trackingCode },
      omit: { receiptSecretHash: false },
      include: { reporterContact: true, attachments: true, events: true },
    });
    expect(stored).toMatchObject({
      channel: "ONLINE",
      status: "NEW",
      locale: "en",
      reporterMode: "ANONYMOUS",
      reporterContact: null,
      description: form.description,
      amountDemandedRupiah: 1_500_000,
      amountPaidRupiah: 1_000_000,
      officialFeeRupiah: TEST_SERVICE_FEE,
      feeDifferenceRupiah: 1_500_000 - TEST_SERVICE_FEE,
    });
    expect(JSON.stringify(stored, (_key, value) => (typeof value === "bigint" ? String(value) : value))).not.toMatch(/Budi|budi@example|0812/);
    expect(stored.receiptSecretHash).toMatch(/^\$argon2id\$/);
    expect(stored.receiptSecretHash).not.toContain(receipt.secretKey);
    expect(await verifySecret(stored.receiptSecretHash, receipt.secretKey)).toBe(true);

    expect(stored.attachments).toHaveLength(2);
    for (const attachment of stored.attachments) {
      expect(attachment.storageKey.startsWith(`cases/${stored.id}/`)).toBe(true);
      const bytes = readFileSync(path.join(storageRoot(), ...attachment.storageKey.split("/")));
      expect(createHash("sha256").update(bytes).digest("hex")).toBe(attachment.sha256);
      expect(attachment.sizeBytes).toBe(bytes.byteLength);
      expect(attachment.uploadedBy).toBe("REPORTER");
    }
    expect(listStoredFiles(`cases/${stored.id}`)).toHaveLength(2);
    expect(isStaged(photo.token) || isStaged(pdf.token)).toBe(false);

    expect(stored.events).toHaveLength(1);
    const [event] = stored.events;
    expect(event).toMatchObject({ action: "CASE_FILED", isPublic: true, actorKind: "REPORTER", after: { status: "NEW", channel: "ONLINE", kind: "PUNGLI" } });
    // The first event of the case's own chain (lib/audit/chain.ts, version 3): it links to nothing.
    expect(event!.prevHash).toBeNull();
    expect(event!.chainVersion).toBe(3);
    const { caseId, actorKind, actorId, action, isPublic, before, after, createdAt } = event!;
    expect(event!.hash).toBe(computeChainLinkHash(deriveAppKey("audit-chain"), null, { caseId, actorKind, actorId, action, isPublic, before, after, createdAt }));
  });

  it("stores the contact of an identified reporter apart from the case, encrypted", async () => {
    const form = pungliForm({ reporterMode: "IDENTIFIED", reporterName: "Siti Aminah", reporterEmail: "siti@example.id", reporterPhone: "" });

    const result = await fileReport({ form, evidenceTokens: [], locale: "id", now: FILING_NOW });

    if (result.status !== "filed") throw new Error(JSON.stringify(result));
    const stored = await db.case.findUniqueOrThrow({ where: { trackingCode: result.receipt.trackingCode }, include: { reporterContact: true } });
    expect(stored.reporterMode).toBe("IDENTIFIED");
    expect(stored.reporterContact).toMatchObject({ name: expect.stringMatching(/^ck1\./), email: expect.stringMatching(/^ck1\./), phone: null });
    expect(JSON.stringify(stored.reporterContact)).not.toMatch(/Siti|Aminah|siti@example/);
    expect(decryptContact(stored.reporterContact!, stored.id)).toEqual({ name: "Siti Aminah", email: "siti@example.id", phone: null });
  });

  it("records a complaint without pungli details or fee difference", async () => {
    const form = pungliForm({ kind: "COMPLAINT", categoryCode: "SLOW_SERVICE", serviceCode: "" });

    const result = await fileReport({ form, evidenceTokens: [], locale: "id", now: FILING_NOW });

    if (result.status !== "filed") throw new Error(JSON.stringify(result));
    expect(result.receipt.serviceName).toBeNull();
    const stored = await db.case.findUniqueOrThrow({ where: { trackingCode: result.receipt.trackingCode } });
    expect(stored).toMatchObject({ kind: "COMPLAINT", serviceId: null, amountDemandedRupiah: null, officialFeeRupiah: null, feeDifferenceRupiah: null, paymentMethod: null });
  });

  it("refuses an unknown or inactive office, service or category and writes nothing", async () => {
    const form = pungliForm({ officeCode: OTHER_OFFICE, serviceCode: OTHER_SERVICE, categoryCode: "NO_SUCH_CATEGORY" });
    const casesBefore = await db.case.count();

    await whileInactive(db, { office: OTHER_OFFICE, service: OTHER_SERVICE }, async () => {
      expect(await fileReport({ form, evidenceTokens: [], locale: "id", now: FILING_NOW })).toEqual({
        status: "invalid",
        fieldErrors: { officeCode: ["officeUnknown"], serviceCode: ["serviceUnknown"], categoryCode: ["categoryUnknown"] },
        formErrors: [],
      });
    });
    expect(await db.case.count()).toBe(casesBefore);
  });

  it("retries with a new tracking code when the first one is taken", async () => {
    const first = await fileReport({ form: pungliForm(), evidenceTokens: [], locale: "id", now: FILING_NOW });
    if (first.status !== "filed") throw new Error(JSON.stringify(first));
    vi.mocked(generateTrackingCode).mockReturnValueOnce(first.receipt.trackingCode);
    const photo = await stage(await createJpegWithGps(), "foto.jpg");

    const second = await fileReport({ form: pungliForm(), evidenceTokens: [photo.token], locale: "id", now: FILING_NOW });

    if (second.status !== "filed") throw new Error(JSON.stringify(second));
    expect(second.receipt.trackingCode).not.toBe(first.receipt.trackingCode);
    expect(second.receipt.evidence).toHaveLength(1);
    const stored = await db.case.findUniqueOrThrow({ where: { trackingCode: second.receipt.trackingCode }, include: { attachments: true } });
    expect(listStoredFiles(`cases/${stored.id}`)).toEqual([stored.attachments[0]!.storageKey.split("/").at(-1)]);
  });
});

describe("a submission sent twice", () => {
  it("creates one case and gives the same receipt, key included, to the retry", async () => {
    const form = pungliForm({ description: `Dikirim dua kali ${randomUUID()} karena koneksi lambat.` });
    const photo = await stage(await createJpegWithGps(), "foto.jpg");

    const first = await fileReport({ form, evidenceTokens: [photo.token], locale: "id", now: FILING_NOW });
    const retry = await fileReport({ form, evidenceTokens: [photo.token], locale: "id", now: new Date(FILING_NOW.getTime() + 5_000) });

    expect(first.status).toBe("filed");
    expect(retry).toEqual(first);
    expect(await caseCountWith(form.description)).toBe(1);
    expect(await findFiledReport(form.idempotencyKey, FILING_NOW)).toEqual(first);
  });

  it("creates one case when both arrive at the same moment", async () => {
    const form = pungliForm({ description: `Klik ganda ${randomUUID()} pada tombol kirim laporan.` });

    const [one, two] = await Promise.all([
      fileReport({ form, evidenceTokens: [], locale: "id", now: FILING_NOW }),
      fileReport({ form, evidenceTokens: [], locale: "id", now: FILING_NOW }),
    ]);

    expect(one.status).toBe("filed");
    expect(two).toEqual(one);
    expect(await caseCountWith(form.description)).toBe(1);
  });

  it("no longer reveals the key an hour after the filing, and the sweep deletes the sealed key", async () => {
    const form = pungliForm();
    const first = await fileReport({ form, evidenceTokens: [], locale: "id", now: FILING_NOW });
    expect(first.status).toBe("filed");
    const anHourLater = new Date(FILING_NOW.getTime() + 60 * 60 * 1000 + 1);

    expect(await findFiledReport(form.idempotencyKey, anHourLater)).toEqual({ status: "invalid", fieldErrors: {}, formErrors: ["alreadyFiled"] });
    expect(await fileReport({ form, evidenceTokens: [], locale: "id", now: anHourLater })).toEqual({ status: "invalid", fieldErrors: {}, formErrors: ["alreadyFiled"] });

    const filedThen = { where: { scope: "report", createdAt: FILING_NOW }, select: { result: true } } as const;
    expect((await db.idempotencyKey.findMany(filedThen)).some((row) => JSON.stringify(row.result).includes('"sealed"'))).toBe(true);
    await sweepIdempotencyKeys(anHourLater);
    const rows = await db.idempotencyKey.findMany(filedThen);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.result).not.toHaveProperty("sealed");
    expect(await caseCountWith(form.description)).toBeGreaterThan(0);
  });
});

describe("a filing that fails", () => {
  it("with an invalid token among valid ones leaves no case and keeps the valid files staged", async () => {
    const form = pungliForm({ description: `Token rusak ${randomUUID()} di antara token yang sah.` });
    const photo = await stage(await createJpegWithGps(), "foto.jpg");
    const [payload] = photo.token.split(".");
    const forged = `${payload}.${"A".repeat(43)}`;
    const eventsBefore = await db.caseEvent.count();

    const result = await fileReport({ form, evidenceTokens: [photo.token, forged], locale: "id", now: FILING_NOW });

    expect(result).toEqual({ status: "invalid", fieldErrors: { evidence: ["evidenceExpired"] }, formErrors: [] });
    expect(await caseCountWith(form.description)).toBe(0);
    expect(await db.caseEvent.count()).toBe(eventsBefore);
    expect(isStaged(photo.token)).toBe(true);
  });

  it("because a staged file vanished moves the files it had moved back and leaves no case", async () => {
    const form = pungliForm({ description: `Berkas hilang ${randomUUID()} di tengah pengajuan laporan.` });
    const first = await stage(await createJpegWithGps(), "satu.jpg");
    const second = await stage(createPdf(), "dua.pdf");
    unlinkSync(path.join(storageRoot(), ...stagingKeyOf(second.token).split("/")));
    const casesBefore = await db.case.count();
    const attachmentsBefore = await db.attachment.count();
    const caseFilesBefore = new Set(listStoredFiles("cases"));

    const result = await fileReport({ form, evidenceTokens: [first.token, second.token], locale: "id", now: FILING_NOW });

    expect(result).toEqual({ status: "invalid", fieldErrors: { evidence: ["evidenceExpired"] }, formErrors: [] });
    expect(await db.case.count()).toBe(casesBefore);
    expect(await db.attachment.count()).toBe(attachmentsBefore);
    expect(isStaged(first.token)).toBe(true);
    expect(listStoredFiles("cases").filter((file) => !caseFilesBefore.has(file))).toEqual([]);
  });

  it("on a database error after the files moved leaves no case, no event, no file in the case folder; the files can be filed again", async () => {
    const marker = `FORCE-FAILURE ${randomUUID()}`;
    const form = pungliForm({ description: `Kesalahan basis data yang dipaksa: ${marker}.` });
    const photo = await stage(await createJpegWithGps(), "foto.jpg");
    const pdf = await stage(createPdf(), "surat.pdf");
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_marked_filing() RETURNS trigger AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM "Case" WHERE "id" = NEW."caseId" AND "description" LIKE '%FORCE-FAILURE%') THEN
          RAISE EXCEPTION 'forced failure for a test';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER test_fail_marked_filing BEFORE INSERT ON "CaseEvent"
      FOR EACH ROW EXECUTE FUNCTION test_fail_marked_filing()`);
    const eventsBefore = await db.caseEvent.count();
    const attachmentsBefore = await db.attachment.count();
    const idempotencyBefore = await db.idempotencyKey.count();
    const caseFilesBefore = new Set(listStoredFiles("cases"));

    try {
      await expect(fileReport({ form, evidenceTokens: [photo.token, pdf.token], locale: "id", now: FILING_NOW })).rejects.toThrow(/forced failure/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_marked_filing ON "CaseEvent"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_marked_filing()`);
    }

    expect(await caseCountWith(form.description)).toBe(0);
    expect(await db.caseEvent.count()).toBe(eventsBefore);
    expect(await db.attachment.count()).toBe(attachmentsBefore);
    expect(await db.idempotencyKey.count()).toBe(idempotencyBefore);
    expect(isStaged(photo.token) && isStaged(pdf.token)).toBe(true);
    expect(listStoredFiles("cases").filter((file) => !caseFilesBefore.has(file))).toEqual([]);

    const again = await fileReport({ form, evidenceTokens: [photo.token, pdf.token], locale: "id", now: FILING_NOW });
    expect(again.status).toBe("filed");
    expect(await caseCountWith(form.description)).toBe(1);
  });
});

describe("a filing whose process died before its transaction committed", () => {
  /**
   * The state a killed server leaves: the transfer moved the staged files into the new case's
   * folder, then the transaction rolled back (here: the attachment row names no committed case)
   * and no `undo` ran. Returns the keys the files were moved to.
   */
  async function leaveMovedFilesBehind(): Promise<string[]> {
    const staged = await stage(createPdf(), "yatim.pdf");
    const caseId = randomUUID();
    const before = new Set(listStoredFiles(`cases/${caseId}`));
    await expect(
      db.$transaction((tx) =>
        createEvidenceTransfer().attachToCase(tx, readStagedEvidenceTokens([staged.token], FILING_NOW).valid, { caseId, now: FILING_NOW }),
      ),
    ).rejects.toThrow();
    return listStoredFiles(`cases/${caseId}`)
      .filter((file) => !before.has(file))
      .map((file) => `cases/${caseId}/${file}`);
  }

  function ageStoredFile(storageKey: string, hours: number): void {
    const then = new Date(Date.now() - hours * 60 * 60 * 1000);
    utimesSync(path.join(storageRoot(), ...storageKey.split("/")), then, then);
  }

  const isStored = (storageKey: string) => listStoredFiles(storageKey.split("/").slice(0, 2).join("/")).includes(storageKey.split("/")[2]!);

  it("leaves files in a case folder that no attachment names, and housekeeping deletes them once no filing can still be attaching them", async () => {
    const form = pungliForm({ description: `Berkas yatim ${randomUUID()} setelah server mati.` });
    const filedEvidence = await stage(createPdf(), "tersimpan.pdf");
    const filed = await fileReport({ form, evidenceTokens: [filedEvidence.token], locale: "id", now: FILING_NOW });
    if (filed.status !== "filed") throw new Error("the control filing failed");
    const [attachment] = await db.attachment.findMany({ where: { caseId: filed.caseId }, select: { storageKey: true } });
    const orphans = await leaveMovedFilesBehind();
    const youngOrphans = await leaveMovedFilesBehind();
    expect(orphans).toHaveLength(1);
    // Uploaded 26 hours ago: past its token's lifetime and the hour to spare.
    for (const key of [...orphans, attachment!.storageKey]) ageStoredFile(key, 26);

    await runReportsHousekeeping(new Date());

    expect(orphans.filter(isStored)).toEqual([]);
    expect(isStored(attachment!.storageKey)).toBe(true);
    // A file uploaded recently may belong to a filing still running: it stays.
    expect(youngOrphans.filter(isStored)).toEqual(youngOrphans);
  });
});

describe("a filing whose commit outcome the app could not see", () => {
  it("keeps the files of a committed case when the database fails right after the commit, and a retry gets the receipt with them", async () => {
    const form = pungliForm({ description: `Basis data putus setelah commit ${randomUUID()}.` });
    const pdf = await stage(createPdf(), "bukti.pdf");
    vi.mocked(buildReceipt).mockRejectedValueOnce(new Error("Connection terminated unexpectedly"));

    await expect(fileReport({ form, evidenceTokens: [pdf.token], locale: "id", now: FILING_NOW })).rejects.toThrow(/Connection terminated/);

    const filed = await db.case.findFirstOrThrow({ where: { description: form.description }, select: { attachments: { select: { storageKey: true } } } });
    expect(filed.attachments).toHaveLength(1);
    const bytes = readFileSync(path.join(storageRoot(), ...filed.attachments[0]!.storageKey.split("/")));
    expect(createHash("sha256").update(bytes).digest("hex")).toBe(pdf.sha256);
    expect(await findFiledReport(form.idempotencyKey, FILING_NOW)).toMatchObject({ status: "filed", receipt: { evidence: [{ sha256: pdf.sha256 }] } });
  });

  it("puts the files back in staging when the COMMIT itself failed and the case does not exist", async () => {
    const form = pungliForm({ description: `FAIL-AT-COMMIT ${randomUUID()} saat commit.` });
    const pdf = await stage(createPdf(), "bukti.pdf");
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_at_commit() RETURNS trigger AS $$
      BEGIN
        IF NEW."description" LIKE '%FAIL-AT-COMMIT%' THEN RAISE EXCEPTION 'forced failure at commit'; END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE CONSTRAINT TRIGGER test_fail_at_commit AFTER INSERT ON "Case"
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_fail_at_commit()`);
    const caseFilesBefore = new Set(listStoredFiles("cases"));

    try {
      await expect(fileReport({ form, evidenceTokens: [pdf.token], locale: "id", now: FILING_NOW })).rejects.toThrow(/forced failure at commit/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_at_commit ON "Case"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_at_commit()`);
    }

    expect(await caseCountWith(form.description)).toBe(0);
    expect(isStaged(pdf.token)).toBe(true);
    expect(listStoredFiles("cases").filter((file) => !caseFilesBefore.has(file))).toEqual([]);
  });
});
