import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import exifr from "exifr";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { POST as downloadReceiptPdf } from "@/app/(public)/lapor/tanda-terima/pdf/route";
import { POST as downloadReceiptText } from "@/app/(public)/lapor/tanda-terima/teks/route";
import { getURLFromRedirectError } from "next/dist/client/components/redirect";
import { isRedirectError } from "next/dist/client/components/redirect-error";
import { submitReport, type SubmitReportState } from "@/lib/reports/actions";
import { buildReceipt } from "@/lib/reports/receipt-details";
import { closeReceipt, openTrackingFromReceipt } from "@/lib/reports/receipt-actions";
import { RECEIPT_COOKIE_NAME } from "@/lib/reports/receipt-cookie";
import { readKeptReceipt } from "@/lib/reports/receipt-session";
import { getTrackedCase } from "@/lib/reports/tracking";
import { closeTrackedCase, openTrackedCase, postReporterMessage, rateCase } from "@/lib/reports/tracking-actions";
import { TRACKING_COOKIE_NAME } from "@/lib/reports/tracking-cookie";

import { createJpegWithGps, createOversizedFile, createPdf, createTextFile, toBlob } from "../fixtures/evidence-files";
import { occupyEvidenceProcessing } from "../fixtures/evidence-processing";
import type { createNextRequestStandIn } from "../fixtures/next-request";
import { ensureReportReferenceData, listStoredFiles, storageRoot, TEST_OFFICE, TEST_SERVICE } from "../fixtures/reports";
import { connectTestDatabase } from "./support/database";

/**
 * The Server Actions and the receipt PDF route as the browser reaches them, with Next's request
 * APIs stood in for (tests/fixtures/next-request.ts). They run at the real current time.
 */

const nextRequest = vi.hoisted(() => ({ standIn: undefined as unknown as ReturnType<typeof createNextRequestStandIn> }));
vi.mock("next/headers", async () => {
  const { createNextRequestStandIn: create } = await import("../fixtures/next-request");
  nextRequest.standIn = create();
  return nextRequest.standIn.headersModule;
});
vi.mock("next/server", () => ({ after: vi.fn() }));
vi.mock("next/cache", () => ({ refresh: vi.fn(), revalidatePath: vi.fn() }));

const db = connectTestDatabase();
const idle: SubmitReportState = { status: "idle" };

beforeAll(async () => {
  await ensureReportReferenceData(db);
});

afterAll(async () => {
  await db.$disconnect();
});

let clientNumber = 0;
beforeEach(() => {
  clientNumber += 1;
  nextRequest.standIn.useClientAddress(`198.19.${Math.floor(clientNumber / 250)}.${clientNumber % 250}`);
  nextRequest.standIn.cookieJar.clear();
});

function todayInJakarta(): string {
  return new Date(Date.now() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

function reportFormData(fields: Record<string, string> = {}, files: { bytes: Buffer; name: string }[] = [], tokens: string[] = []): FormData {
  const formData = new FormData();
  const values: Record<string, string> = {
    kind: "PUNGLI",
    officeCode: TEST_OFFICE,
    serviceCode: TEST_SERVICE,
    categoryCode: "PUNGLI",
    incidentDate: todayInJakarta(),
    incidentPlace: "Loket 2",
    description: "Petugas meminta Rp 500.000 di luar tarif resmi agar paspor cepat jadi.",
    amountDemanded: "Rp 1.150.000",
    amountPaid: "",
    paymentMethod: "TRANSFER",
    brokerInvolved: "unknown",
    receiptGiven: "no",
    accusedDescription: "",
    reporterMode: "ANONYMOUS",
    idempotencyKey: randomUUID(),
    ...fields,
  };
  for (const [name, value] of Object.entries(values)) formData.append(name, value);
  // Next adds its own fields to a progressively enhanced form post; they are not form values.
  formData.append("$ACTION_ID_0123", "");
  for (const file of files) formData.append("evidence", toBlob(file.bytes), file.name);
  // A browser without JavaScript also posts the empty file input.
  if (files.length === 0) formData.append("evidence", new Blob([]), "");
  for (const token of tokens) formData.append("evidenceToken", token);
  return formData;
}

function expectInvalid(state: SubmitReportState) {
  if (state.status !== "invalid") throw new Error(`expected an invalid state, got ${JSON.stringify(state)}`);
  return state;
}

/**
 * A filing answers with a redirect to the receipt page (post/redirect/get), the receipt kept in
 * the receipt cookie and the case's tracking session started: the receipt as that page shows it.
 */
async function expectFiled(answer: Promise<SubmitReportState>) {
  const thrown = await answer.then(
    (state) => {
      throw new Error(`expected a filing, got ${JSON.stringify(state)}`);
    },
    (error: unknown) => error,
  );
  if (!isRedirectError(thrown)) throw thrown;
  expect(getURLFromRedirectError(thrown)).toBe("/lapor/tanda-terima");
  const kept = await readKeptReceipt();
  if (!kept) throw new Error("the filing kept no receipt in the receipt cookie");
  const receipt = await buildReceipt(db, kept.caseId, kept.secretKey);
  if (!receipt) throw new Error(`case ${kept.caseId} of the kept receipt does not exist`);
  return receipt;
}

describe("submitReport without JavaScript", () => {
  it("keeps what was typed and the accepted files when the form is refused, then files with them", async () => {
    const description = `Deskripsi ${randomUUID()} yang cukup panjang untuk diterima oleh formulir.`;
    const first = expectInvalid(
      await submitReport(
        idle,
        reportFormData({ description: "terlalu pendek", reporterName: "Dewi" }, [
          { bytes: await createJpegWithGps(), name: "IMG_0042.JPG" },
          { bytes: createTextFile(), name: "bukan-foto.jpg" },
        ]),
      ),
    );

    expect(first.fieldErrors).toEqual({ description: ["tooShort"], evidence: ["fileTypeNotAllowed"] });
    expect(first.formErrors).toEqual([]);
    expect(first.values).toMatchObject({ description: "terlalu pendek", reporterName: "Dewi", amountDemanded: "Rp 1.150.000" });
    expect(Object.keys(first.values)).not.toContain("$ACTION_ID_0123");
    expect(first.stagedEvidence).toEqual([{ token: expect.any(String), fileName: "IMG_0042.jpg", mediaType: "image/jpeg", sizeBytes: expect.any(Number), sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);

    nextRequest.standIn.cookieJar.set("NEXT_LOCALE", { value: "en" });
    const receipt = await expectFiled(
      submitReport(first, reportFormData({ ...first.values, description }, [], first.stagedEvidence.map((file) => file.token))),
    );

    expect(receipt).toMatchObject({ locale: "en", kind: "PUNGLI", evidence: [{ fileName: "IMG_0042.jpg", sha256: first.stagedEvidence[0]!.sha256 }] });
    const stored = await db.case.findUniqueOrThrow({ where: { trackingCode: receipt.trackingCode }, include: { attachments: true } });
    expect(stored.description).toBe(description);
    const bytes = readFileSync(path.join(storageRoot(), ...stored.attachments[0]!.storageKey.split("/")));
    expect(await exifr.gps(bytes)).toBeUndefined();
  });

  it("keeps what was typed and the PDF when the photo meets a busy server, and names the photo to choose again", async () => {
    const description = `Deskripsi ${randomUUID()} yang cukup panjang untuk diterima oleh formulir.`;
    const occupied = occupyEvidenceProcessing();
    let state: SubmitReportState;
    try {
      state = await submitReport(
        idle,
        reportFormData({ description, reporterName: "Dewi" }, [
          { bytes: await createJpegWithGps(), name: "IMG_0043.JPG" },
          { bytes: createPdf(), name: "kuitansi.pdf" },
        ]),
      );
    } finally {
      await occupied.release();
    }

    const invalid = expectInvalid(state);
    expect(invalid.fieldErrors).toEqual({ evidence: ["serverBusy"] });
    expect(invalid.formErrors).toEqual([]);
    expect(invalid.values).toMatchObject({ description, reporterName: "Dewi", amountDemanded: "Rp 1.150.000" });
    expect(invalid.stagedEvidence.map((file) => file.fileName)).toEqual(["kuitansi.pdf"]);
    expect(await db.case.count({ where: { description } })).toBe(0);
  });

  it("refuses six files without writing any of them", async () => {
    const pdf = createPdf();
    const before = listStoredFiles("staging").length;

    const state = expectInvalid(await submitReport(idle, reportFormData({}, Array.from({ length: 6 }, (_, index) => ({ bytes: pdf, name: `bukti-${index}.pdf` })))));

    expect(state.fieldErrors).toEqual({ evidence: ["tooManyFiles"] });
    expect(state.stagedEvidence).toEqual([]);
    expect(listStoredFiles("staging").length).toBe(before);
  });

  it("counts files accepted earlier against the limit of five", async () => {
    const pdf = createPdf();
    const earlier = expectInvalid(
      await submitReport(idle, reportFormData({ description: "" }, Array.from({ length: 4 }, (_, index) => ({ bytes: pdf, name: `bukti-${index}.pdf` })))),
    );
    expect(earlier.stagedEvidence).toHaveLength(4);

    const state = expectInvalid(
      await submitReport(earlier, reportFormData({}, [{ bytes: pdf, name: "lima.pdf" }, { bytes: pdf, name: "enam.pdf" }], earlier.stagedEvidence.map((file) => file.token))),
    );

    expect(state.fieldErrors).toEqual({ evidence: ["tooManyFiles"] });
    expect(state.stagedEvidence.map((file) => file.token)).toEqual(earlier.stagedEvidence.map((file) => file.token));
  });

  it("refuses a file over 10 MB and writes nothing", async () => {
    const before = listStoredFiles("staging").length;

    const state = expectInvalid(await submitReport(idle, reportFormData({}, [{ bytes: createOversizedFile(), name: "video.jpg" }])));

    expect(state.fieldErrors).toEqual({ evidence: ["fileTooLarge"] });
    expect(listStoredFiles("staging").length).toBe(before);
  });

  it("answers a double click with the same receipt and files one case", async () => {
    const formData = reportFormData({ description: `Klik ganda ${randomUUID()} pada formulir tanpa JavaScript.` });

    const first = await expectFiled(submitReport(idle, formData));
    const second = await expectFiled(submitReport(idle, formData));

    expect(second).toEqual(first);
    expect(await db.case.count({ where: { trackingCode: first.trackingCode } })).toBe(1);
  });

  it("asks the reporter to reload a form without its submission id", async () => {
    const state = expectInvalid(await submitReport(idle, reportFormData({ idempotencyKey: "" })));
    expect(state.fieldErrors).toEqual({});
    expect(state.formErrors).toEqual(["formOutdated"]);
  });

  it("refuses the sixth filing of a client within an hour and keeps the form", async () => {
    for (let filing = 0; filing < 5; filing += 1) await expectFiled(submitReport(idle, reportFormData()));

    const state = expectInvalid(await submitReport(idle, reportFormData({ incidentPlace: "Ruang tunggu" })));

    expect(state.formErrors).toEqual(["rateLimited"]);
    expect(state.values.incidentPlace).toBe("Ruang tunggu");
  });

  it("answers an unexpected failure with a generic code, keeps the form and logs no identity", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    await db.$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION test_fail_marked_case() RETURNS trigger AS $$
      BEGIN RAISE EXCEPTION 'forced failure for a test'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`
      CREATE TRIGGER test_fail_marked_case BEFORE INSERT ON "Case"
      FOR EACH ROW WHEN (NEW."description" LIKE '%FORCE-FAILURE%') EXECUTE FUNCTION test_fail_marked_case()`);
    let state: SubmitReportState;
    let loggedCalls: unknown[][] = [];
    try {
      state = await submitReport(
        idle,
        reportFormData({ description: "FORCE-FAILURE: laporan ini gagal disimpan karena kesalahan sistem.", reporterMode: "IDENTIFIED", reporterName: "Agus Salim", reporterEmail: "agus@example.id" }),
      );
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER test_fail_marked_case ON "Case"`);
      await db.$executeRawUnsafe(`DROP FUNCTION test_fail_marked_case()`);
      loggedCalls = [...errors.mock.calls];
      errors.mockRestore();
    }

    const invalid = expectInvalid(state);
    expect(invalid.formErrors).toEqual(["unexpected"]);
    expect(invalid.values.reporterName).toBe("Agus Salim");
    expect(loggedCalls).toHaveLength(1);
    const logged = JSON.stringify(loggedCalls, (_key, value) => (value instanceof Error ? value.message : value));
    expect(logged).toContain("forced failure");
    expect(logged).not.toMatch(/Agus|agus@example|198\.19\./);
  });
});

describe("tracking actions", () => {
  /** Files a report, then comes back as another browser: without the receipt and tracking cookies filing set. */
  async function fileAndReceipt() {
    const receipt = await expectFiled(submitReport(idle, reportFormData({ description: `Laporan untuk dilacak ${randomUUID()} oleh pelapor.` })));
    nextRequest.standIn.cookieJar.clear();
    return receipt;
  }

  function trackingForm(fields: Record<string, string>) {
    const formData = new FormData();
    for (const [name, value] of Object.entries(fields)) formData.append(name, value);
    return formData;
  }

  it("open a case with the receipt, post a message, and close the session", async () => {
    const receipt = await fileAndReceipt();

    expect(await openTrackedCase({ status: "idle" }, trackingForm({ trackingCode: receipt.trackingCode, secretKey: receipt.secretKey }))).toEqual({ status: "opened" });
    const cookie = nextRequest.standIn.cookieJar.get(TRACKING_COOKIE_NAME);
    expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: "lax", path: "/", maxAge: 1800 });
    expect(cookie?.value).not.toContain(receipt.secretKey);

    const message = trackingForm({ body: "Saya punya bukti tambahan.", idempotencyKey: randomUUID() });
    message.append("evidence", toBlob(createPdf()), "mutasi-rekening.pdf");
    expect(await postReporterMessage({ status: "idle" }, message)).toEqual({ status: "posted" });
    const stored = await db.case.findUniqueOrThrow({ where: { trackingCode: receipt.trackingCode }, include: { messages: { include: { attachments: true } } } });
    expect(stored.messages).toMatchObject([{ body: "Saya punya bukti tambahan.", attachments: [{ fileName: "mutasi-rekening.pdf" }] }]);

    await closeTrackedCase();
    expect(nextRequest.standIn.cookieJar.has(TRACKING_COOKIE_NAME)).toBe(false);
    expect(await postReporterMessage({ status: "idle" }, trackingForm({ body: "Lagi.", idempotencyKey: randomUUID() }))).toMatchObject({
      status: "invalid",
      formErrors: ["trackingSessionExpired"],
    });
  });

  it("end the session on the server when it is closed: a copy of the cookie no longer opens the case", async () => {
    const receipt = await fileAndReceipt();
    await openTrackedCase({ status: "idle" }, trackingForm({ trackingCode: receipt.trackingCode, secretKey: receipt.secretKey }));
    const copied = nextRequest.standIn.cookieJar.get(TRACKING_COOKIE_NAME)!;
    expect(await getTrackedCase("id")).toMatchObject({ trackingCode: receipt.trackingCode });

    await closeTrackedCase();
    nextRequest.standIn.cookieJar.set(TRACKING_COOKIE_NAME, copied);

    expect(await getTrackedCase("id")).toBeNull();
    expect(await postReporterMessage({ status: "idle" }, trackingForm({ body: "Pesan dengan cookie lama.", idempotencyKey: randomUUID() }))).toMatchObject({
      status: "invalid",
      formErrors: ["trackingSessionExpired"],
    });
    expect(await db.caseMessage.count({ where: { case: { trackingCode: receipt.trackingCode } } })).toBe(0);
  });

  it("give one generic answer for a wrong key and never send the key back", async () => {
    const receipt = await fileAndReceipt();

    const state = await openTrackedCase({ status: "idle" }, trackingForm({ trackingCode: receipt.trackingCode, secretKey: "12345-12345-12345-12345-12345" }));

    expect(state).toEqual({ status: "invalid", fieldErrors: {}, formErrors: ["trackingNotFound"], values: { trackingCode: receipt.trackingCode } });
    expect(nextRequest.standIn.cookieJar.has(TRACKING_COOKIE_NAME)).toBe(false);
  });

  it("refuse to act on a forged tracking cookie", async () => {
    const receipt = await fileAndReceipt();
    const { id } = await db.case.findUniqueOrThrow({ where: { trackingCode: receipt.trackingCode }, select: { id: true } });
    await db.case.update({ where: { id }, data: { status: "RESOLVED", closedAt: new Date() } });
    nextRequest.standIn.cookieJar.set(TRACKING_COOKIE_NAME, { value: `${id}.${Math.floor(Date.now() / 1000) + 600}.forged` });

    expect(await rateCase({ status: "idle" }, trackingForm({ score: "1" }))).toMatchObject({ status: "invalid", formErrors: ["trackingSessionExpired"] });
    expect(await db.satisfactionRating.count({ where: { caseId: id } })).toBe(0);
  });

  it("rate a resolved case once", async () => {
    const receipt = await fileAndReceipt();
    await openTrackedCase({ status: "idle" }, trackingForm({ trackingCode: receipt.trackingCode, secretKey: receipt.secretKey }));
    await db.case.update({ where: { trackingCode: receipt.trackingCode }, data: { status: "RESOLVED", closedAt: new Date() } });

    expect(await rateCase({ status: "idle" }, trackingForm({ score: "9" }))).toMatchObject({ status: "invalid", fieldErrors: { score: ["invalidScore"] } });
    expect(await rateCase({ status: "idle" }, trackingForm({ score: "4", comment: "Cepat ditangani." }))).toEqual({ status: "rated" });
    expect(await rateCase({ status: "idle" }, trackingForm({ score: "5" }))).toMatchObject({ status: "invalid", formErrors: ["alreadyRated"] });
  });
});

describe("POST /lapor/tanda-terima/pdf", () => {
  function pdfRequest(fields: Record<string, string>, headers: Record<string, string> = {}) {
    const body = new URLSearchParams(fields);
    return new Request("http://localhost:3000/lapor/tanda-terima/pdf", {
      method: "POST",
      body,
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000", host: "localhost:3000", ...headers },
    });
  }

  it("downloads the receipt as a PDF for the right code and key", async () => {
    const receipt = await expectFiled(submitReport(idle, reportFormData({}, [{ bytes: createPdf(), name: "kuitansi.pdf" }])));

    const response = await downloadReceiptPdf(pdfRequest({ trackingCode: receipt.trackingCode, secretKey: receipt.secretKey, locale: "en" }));

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="receipt-${receipt.trackingCode}.pdf"`);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(Buffer.from(await response.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  it("answers a wrong key like the tracking page, in the requested language", async () => {
    const receipt = await expectFiled(submitReport(idle, reportFormData()));

    const response = await downloadReceiptPdf(pdfRequest({ trackingCode: receipt.trackingCode, secretKey: "00000-00000-00000-00000-00000", locale: "en" }));

    expect(response.status).toBe(404);
    expect(await response.text()).toBe("The tracking code or secret key does not match any report.");
    const asJson = await downloadReceiptPdf(pdfRequest({ trackingCode: "LI-2222-2222", secretKey: receipt.secretKey }, { accept: "application/json" }));
    expect(asJson.status).toBe(404);
    expect(await asJson.json()).toEqual({ error: "trackingNotFound" });
  });
});

describe("the receipt after filing (post/redirect/get)", () => {
  async function expectRedirectTo(answer: Promise<unknown>, url: string) {
    const thrown = await answer.then(
      () => new Error("expected a redirect"),
      (error: unknown) => error,
    );
    if (!isRedirectError(thrown)) throw thrown;
    expect(getURLFromRedirectError(thrown)).toBe(url);
  }

  function emptyPost(url: string) {
    return new Request(`http://localhost:3000${url}`, {
      method: "POST",
      body: new URLSearchParams(),
      headers: { "content-type": "application/x-www-form-urlencoded", origin: "http://localhost:3000", host: "localhost:3000" },
    });
  }

  it("keeps the receipt in a sealed, httpOnly, SameSite=Strict cookie scoped to /lapor and opens the case's tracking session", async () => {
    const receipt = await expectFiled(submitReport(idle, reportFormData({ description: `Laporan dengan tanda terima ${randomUUID()} di halamannya.` })));

    const cookie = nextRequest.standIn.cookieJar.get(RECEIPT_COOKIE_NAME);
    expect(cookie?.options).toMatchObject({ httpOnly: true, sameSite: "strict", path: "/lapor", maxAge: 3600 });
    for (const group of receipt.secretKey.split("-")) expect(cookie?.value).not.toContain(group);
    expect(cookie?.value).not.toContain(receipt.trackingCode);
    const tracked = await getTrackedCase("id");
    expect(tracked).toMatchObject({ trackingCode: receipt.trackingCode, report: { incidentPlace: "Loket 2", pungli: { amountDemandedRupiah: 1_150_000, paymentMethod: "TRANSFER" } } });
  });

  it("opens nothing from an altered receipt cookie", async () => {
    await expectFiled(submitReport(idle, reportFormData()));
    const cookie = nextRequest.standIn.cookieJar.get(RECEIPT_COOKIE_NAME)!;
    const flipped = `${cookie.value.slice(0, 20)}${cookie.value[20] === "A" ? "B" : "A"}${cookie.value.slice(21)}`;
    nextRequest.standIn.cookieJar.set(RECEIPT_COOKIE_NAME, { value: flipped });

    expect(await readKeptReceipt()).toBeNull();
    expect((await downloadReceiptText(emptyPost("/lapor/tanda-terima/teks"))).status).toBe(404);
  });

  it("opens the case on the tracking page again after its session expired, without the key typed", async () => {
    const receipt = await expectFiled(submitReport(idle, reportFormData()));
    // The tracking session is gone from this browser (it lasts 30 minutes, the receipt 60).
    nextRequest.standIn.cookieJar.delete(TRACKING_COOKIE_NAME);
    expect(await getTrackedCase("id")).toBeNull();

    await expectRedirectTo(openTrackingFromReceipt(), "/lacak");

    expect(await getTrackedCase("id")).toMatchObject({ trackingCode: receipt.trackingCode });
  });

  it("closing the case on /lacak also forgets the receipt, so neither the key nor the case opens here again", async () => {
    await expectFiled(submitReport(idle, reportFormData()));
    await closeTrackedCase();

    expect(nextRequest.standIn.cookieJar.get(RECEIPT_COOKIE_NAME)).toMatchObject({ value: "", options: { maxAge: 0, path: "/lapor" } });
    expect(await readKeptReceipt()).toBeNull();
    await expectRedirectTo(openTrackingFromReceipt(), "/lacak");
    expect(await getTrackedCase("id")).toBeNull();
  });

  it("closing the receipt forgets it and ends the tracking session", async () => {
    await expectFiled(submitReport(idle, reportFormData()));

    await expectRedirectTo(closeReceipt(), "/lapor/tanda-terima?ditutup=1");

    expect(nextRequest.standIn.cookieJar.get(RECEIPT_COOKIE_NAME)).toMatchObject({ value: "", options: { maxAge: 0, path: "/lapor" } });
    expect(await readKeptReceipt()).toBeNull();
    expect(await getTrackedCase("id")).toBeNull();
    expect((await downloadReceiptPdf(emptyPost("/lapor/tanda-terima/pdf"))).status).toBe(404);
  });

  it("gives the kept receipt as a PDF and a text file without the key in the request", async () => {
    const receipt = await expectFiled(submitReport(idle, reportFormData()));

    const pdf = await downloadReceiptPdf(emptyPost("/lapor/tanda-terima/pdf"));
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get("content-disposition")).toBe(`attachment; filename="tanda-terima-${receipt.trackingCode}.pdf"`);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString()).toBe("%PDF-");

    const text = await downloadReceiptText(emptyPost("/lapor/tanda-terima/teks"));
    expect(text.status).toBe(200);
    expect(text.headers.get("content-disposition")).toBe(`attachment; filename="kunci-laporan-${receipt.trackingCode}.txt"`);
    expect(text.headers.get("cache-control")).toBe("no-store");
    const body = await text.text();
    expect(body).toContain(`Kode tanda terima: ${receipt.trackingCode}`);
    expect(body).toContain(`Kunci rahasia: ${receipt.secretKey}`);
    expect(body).toContain(`/lacak?kode=${receipt.trackingCode}`);
  });

  it("refuses the text file to another site's form", async () => {
    await expectFiled(submitReport(idle, reportFormData()));
    const request = new Request("http://localhost:3000/lapor/tanda-terima/teks", {
      method: "POST",
      headers: { origin: "https://evil.example", host: "localhost:3000" },
    });
    expect((await downloadReceiptText(request)).status).toBe(403);
  });
});
