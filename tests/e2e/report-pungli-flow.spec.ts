import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

import type { Browser, Page } from "@playwright/test";

import { expect, expectNoAccessibilityViolations, test, useLocale, type Locale } from "./_setup/fixtures";
import { createPhotoWithLocation, createSmallPdf, PHOTO_LOCATION, readGpsPosition } from "./fixtures/evidence-files";
import { closeReportDatabase, countCasesMentioning, readStoredFile, reportDatabase } from "./fixtures/report-database";
import { expectNoAccessibilityViolationsWithoutJavaScript } from "./fixtures/static-accessibility";
import {
  createMarker,
  expectNoHorizontalOverflow,
  fillPungliReport,
  messagesFor,
  openCase,
  openReportForm,
  readReceipt,
  sendMessage,
  TEN_YEAR_E_PASSPORT,
} from "./fixtures/report-pages";

/**
 * The whole path of a frightened reporter: an anonymous pungli report with a phone photo that
 * gives away where it was taken, the receipt, then the case opened on /lacak and a message to
 * the office. Run twice: with JavaScript on a 360 px phone in Indonesian, and without
 * JavaScript on a desktop in English.
 */

test.afterAll(closeReportDatabase);

type FlowOptions = { locale: Locale; isJavaScriptEnabled: boolean };

async function fileTrackAndAnswer(page: Page, browser: Browser, consoleErrors: string[], { locale, isJavaScriptEnabled }: FlowOptions) {
  const text = messagesFor(locale);
  const checkAccessibility = () =>
    isJavaScriptEnabled ? expectNoAccessibilityViolations(page) : expectNoAccessibilityViolationsWithoutJavaScript(page, browser);
  const marker = createMarker("pungli-flow");
  const photo = await createPhotoWithLocation();
  expect(await readGpsPosition(photo.buffer), "the photo sent must carry a GPS position").toMatchObject({
    latitude: expect.closeTo(PHOTO_LOCATION.latitude, 3),
    longitude: expect.closeTo(PHOTO_LOCATION.longitude, 3),
  });

  await openReportForm(page, locale, { isJavaScriptEnabled });
  await expect(page.getByRole("heading", { level: 1, name: text.ReportPage.title })).toBeVisible();
  await expectNoHorizontalOverflow(page);

  await fillPungliReport(
    page,
    locale,
    {
      description: `${marker} Petugas di loket 4 meminta uang tambahan supaya paspor saya cepat selesai, katanya uang rokok.`,
      amountDemanded: "1.500.000",
      amountPaid: "1500000",
      evidence: [photo],
    },
    { isJavaScriptEnabled },
  );

  if (isJavaScriptEnabled) {
    // The official fee and the difference show while typing, in Indonesian number format.
    await expect(page.getByText(/Tarif resmi: Rp\s950\.000/)).toBeVisible();
    await expect(page.getByText(/Selisih: Rp\s550\.000 di atas tarif resmi\./)).toBeVisible();
    await expect(page.getByText(text.EvidencePicker.ready)).toBeVisible();
    await expectNoHorizontalOverflow(page);
  }

  // An impatient double tap files one case.
  const submitButton = page.getByRole("button", { name: text.ReportForm.send.button });
  if (isJavaScriptEnabled) await submitButton.dblclick();
  else await submitButton.click();
  const credentials = await readReceipt(page, locale);
  expect(await countCasesMentioning(marker)).toBe(1);
  await expect(page.getByText(text.Receipt.warning)).toBeVisible();
  expect(page.url()).not.toContain(credentials.secretKey.slice(0, 5));
  await checkAccessibility();
  await expectNoHorizontalOverflow(page);

  // The PDF comes from a plain POST form: the key never enters a URL.
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: text.Receipt.downloadPdf }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(new RegExp(`${credentials.trackingCode}\\.pdf$`));
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe("%PDF-");

  if (isJavaScriptEnabled) {
    // Printing shows the receipt alone.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("button", { name: text.Receipt.print })).toBeHidden();
    await expect(page.getByTestId("secret-key")).toBeVisible();
    await page.emulateMedia({ media: "screen" });
  }

  // What was stored: the case, and the photo without its location.
  const filed = await reportDatabase().case.findUniqueOrThrow({
    where: { trackingCode: credentials.trackingCode },
    select: {
      id: true,
      kind: true,
      reporterMode: true,
      description: true,
      amountDemandedRupiah: true,
      amountPaidRupiah: true,
      officialFeeRupiah: true,
      feeDifferenceRupiah: true,
      reporterContact: { select: { caseId: true } },
      attachments: { select: { fileName: true, sha256: true, storageKey: true, mediaType: true } },
    },
  });
  expect(filed).toMatchObject({
    kind: "PUNGLI",
    reporterMode: "ANONYMOUS",
    reporterContact: null,
    amountDemandedRupiah: 1_500_000,
    amountPaidRupiah: 1_500_000,
    officialFeeRupiah: TEN_YEAR_E_PASSPORT.feeRupiah,
    feeDifferenceRupiah: 550_000,
  });
  expect(filed.description).toContain(marker);
  expect(filed.attachments).toHaveLength(1);
  const attachment = filed.attachments[0]!;
  expect(attachment.mediaType).toBe("image/jpeg");
  const stored = await readStoredFile(attachment.storageKey);
  expect(await readGpsPosition(stored), "the stored photo must not say where it was taken").toBeNull();
  expect(createHash("sha256").update(stored).digest("hex")).toBe(attachment.sha256);
  // The receipt lists the hash of what was stored, not of what was sent.
  await expect(page.getByText(attachment.sha256)).toBeVisible();

  // Following the case up.
  await openCase(page, locale, credentials);
  await expect(page.getByTestId("case-status")).toHaveText(text.TrackedCase.status.labels.NEW);
  await expect(page.getByText(text.TrackedCase.status.explanations.NEW)).toBeVisible();
  await expect(page.getByText(text.TrackedCase.status.deadline.verification)).toBeVisible();
  await expect(page.getByTestId("case-deadline")).not.toBeEmpty();
  await expect(page.getByText(/hari kerja lagi|working days? left|Hari ini hari terakhir|Today is the last day/)).toBeVisible();
  await expect(page.getByText(attachment.sha256)).toBeVisible();
  await checkAccessibility();
  await expectNoHorizontalOverflow(page);

  const message = `${marker} Saya ingat nama petugasnya tertulis di papan nama: Budi.`;
  const letter = createSmallPdf("surat-keterangan.pdf");
  await sendMessage(page, locale, message, [letter], { isJavaScriptEnabled });
  const letterHash = createHash("sha256").update(letter.buffer).digest("hex");
  await expect(page.getByTestId("reporter-message").filter({ hasText: message })).toContainText(letterHash);
  const messages = await reportDatabase().caseMessage.findMany({
    where: { caseId: filed.id },
    select: { kind: true, body: true, attachments: { select: { fileName: true, sha256: true } } },
  });
  expect(messages).toEqual([{ kind: "REPORTER_MESSAGE", body: message, attachments: [{ fileName: "surat-keterangan.pdf", sha256: letterHash }] }]);

  expect(consoleErrors).toEqual([]);
}

test.describe("with JavaScript, on a 360 px phone, in Indonesian", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test.beforeEach(async ({ context, baseURL }) => {
    await useLocale(context, "id", baseURL!);
  });

  test("an anonymous pungli report with a GPS-tagged photo is filed, tracked and answered; the stored photo has no GPS", async ({
    page,
    browser,
    consoleErrors,
  }) => {
    await fileTrackAndAnswer(page, browser, consoleErrors, { locale: "id", isJavaScriptEnabled: true });
  });
});

test.describe("without JavaScript, in English", () => {
  test.use({ javaScriptEnabled: false });

  test.beforeEach(async ({ context, baseURL }) => {
    await useLocale(context, "en", baseURL!);
  });

  test("the same report is filed, tracked and answered with plain form posts", async ({ page, browser, consoleErrors }) => {
    await fileTrackAndAnswer(page, browser, consoleErrors, { locale: "en", isJavaScriptEnabled: false });
  });
});
