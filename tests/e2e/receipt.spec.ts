import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";

import type { Page } from "@playwright/test";
import jsQR from "jsqr";
import sharp from "sharp";

import { expect, test, useLocale, type Locale } from "./_setup/fixtures";
import { closeReportDatabase } from "./fixtures/report-database";
import { createMarker, daysAgo, expectNoHorizontalOverflow, fillPungliReport, messagesFor, openReportForm, readReceipt, submitReportForm } from "./fixtures/report-pages";
import { signIn } from "./fixtures/staff-sign-in";

/**
 * The receipt never loses the key through the page's own controls (issue 12, item 1): filing
 * lands on /lapor/tanda-terima (post/redirect/get), which survives a language switch and Back,
 * opens the case on /lacak without the key typed again, and ends only when the reporter closes
 * it. Every receipt carries the site's address and a QR code to the tracking page with the code
 * filled in, never the key (item 3). The reporter reads what they reported on the receipt and on
 * /lacak (item 5). With and without JavaScript, at 360 px, starting in each language.
 */

test.afterAll(closeReportDatabase);

/** What the receipt's QR code says, read from the page as a camera would see it. */
async function decodeReceiptQrCode(page: Page): Promise<string | null> {
  const png = await page.getByTestId("receipt-qr").screenshot();
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height)?.data ?? null;
}

/** Goes back in the browser's history until the report form's address (at most a few steps). */
async function goBackToReportForm(page: Page) {
  for (let step = 0; step < 4 && new URL(page.url()).pathname !== "/lapor"; step += 1) await page.goBack();
  expect(new URL(page.url()).pathname).toBe("/lapor");
}

/** Screenshots for a person to look at, when SCREENSHOT_DIR is set. */
async function screenshotFor(page: Page, name: string) {
  if (process.env.SCREENSHOT_DIR) await page.screenshot({ path: path.join(process.env.SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

type WalkOptions = { locale: Locale; other: Locale; isJavaScriptEnabled: boolean; baseURL: string };

async function walkTheReceipt(page: Page, { locale, other, isJavaScriptEnabled, baseURL }: WalkOptions) {
  const text = messagesFor(locale);
  const otherText = messagesFor(other);
  const origin = new URL(baseURL).origin;
  const marker = createMarker("receipt");
  const description = `${marker} Petugas di loket 4 meminta uang tambahan supaya paspor saya cepat selesai.`;

  await openReportForm(page, locale, { isJavaScriptEnabled });
  await fillPungliReport(page, locale, { description, amountDemanded: "1.500.000", amountPaid: "0", evidence: [] }, { isJavaScriptEnabled });
  await submitReportForm(page, locale);
  const credentials = await readReceipt(page, locale);
  const keyGroups = credentials.secretKey.split("-");

  // The receipt's own page: nothing in its address.
  const receiptUrl = new URL(page.url());
  expect(receiptUrl.pathname).toBe("/lapor/tanda-terima");
  expect(receiptUrl.search).toBe("");

  // What was reported, for the holder of the key.
  await expect(page.getByTestId("reported-description")).toHaveText(description);
  await expect(page.getByTestId("reported-content")).toContainText(/(Rp|IDR)\s?1[.,]500[.,]000/);

  // Where to go: the site's address and a QR code to the tracking page with the code, never the key.
  await expect(page.getByTestId("site-address")).toHaveText(origin);
  const qrPayload = await decodeReceiptQrCode(page);
  expect(qrPayload).toBe(`${origin}/lacak?kode=${credentials.trackingCode}`);
  for (const group of keyGroups) expect(qrPayload).not.toContain(group);
  await expectNoHorizontalOverflow(page);
  await screenshotFor(page, `receipt-${locale}-${isJavaScriptEnabled ? "js" : "nojs"}`);

  // The language changes, the receipt stays.
  await page.getByRole("button", { name: text.LocaleSwitcher.names[other] }).click();
  await expect(page.getByRole("heading", { level: 1, name: otherText.Receipt.title })).toBeVisible();
  expect(await readReceipt(page, other)).toEqual(credentials);
  await expect(page.getByTestId("reported-description")).toHaveText(description);
  await screenshotFor(page, `receipt-${other}-${isJavaScriptEnabled ? "js" : "nojs"}`);

  // Back to the form: the receipt is one tap away, with the same key.
  await goBackToReportForm(page);
  await expect(page.getByTestId("receipt-reminder")).toContainText(credentials.trackingCode);
  await page.getByRole("link", { name: otherText.Receipt.reminderLink }).click();
  expect(await readReceipt(page, other)).toEqual(credentials);

  // The key as a text file to keep on the device.
  const textDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: otherText.Receipt.downloadText }).click();
  const textFile = await readFile(await (await textDownload).path(), "utf8");
  for (const expected of [credentials.trackingCode, credentials.secretKey, origin, `${origin}/lacak?kode=${credentials.trackingCode}`]) expect(textFile).toContain(expected);

  // The PDF, in the language now chosen.
  const pdfDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: otherText.Receipt.downloadPdf }).click();
  const pdf = await pdfDownload;
  expect(pdf.suggestedFilename()).toBe(`${other === "en" ? "receipt" : "tanda-terima"}-${credentials.trackingCode}.pdf`);
  expect((await readFile(await pdf.path())).subarray(0, 5).toString()).toBe("%PDF-");
  if (process.env.SCREENSHOT_DIR) await pdf.saveAs(path.join(process.env.SCREENSHOT_DIR, `receipt-${other}-${isJavaScriptEnabled ? "js" : "nojs"}.pdf`));

  // "Open the tracking page" opens the case: no key typed.
  await page.getByRole("button", { name: otherText.Receipt.trackLink }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(credentials.trackingCode);
  await expect(page.getByTestId("case-status")).toHaveText(otherText.TrackedCase.status.labels.NEW);
  await expect(page.getByTestId("reported-description")).toHaveText(description);
  await expectNoHorizontalOverflow(page);

  // Closing the receipt: the key is no longer shown on this device, Back included.
  await page.goto("/lapor/tanda-terima");
  await page.getByRole("button", { name: otherText.Receipt.closeButton }).click();
  await expect(page.getByRole("heading", { level: 1, name: otherText.Receipt.closedTitle })).toBeVisible();
  await expect(page.getByTestId("secret-key")).toHaveCount(0);
  await page.goBack();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByTestId("secret-key")).toHaveCount(0);
  await page.goto("/lapor");
  await expect(page.getByTestId("receipt-reminder")).toHaveCount(0);

  // The tracking session ended with it; the QR code's link brings the code, the key is typed.
  await page.goto(new URL(qrPayload!).pathname + new URL(qrPayload!).search);
  const form = otherText.TrackPage.form;
  await expect(page.getByLabel(form.trackingCode.label)).toHaveValue(credentials.trackingCode);
  await expect(page.getByLabel(form.secretKey.label)).toHaveValue("");
}

test.describe("with JavaScript, on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  for (const [locale, other] of [
    ["id", "en"],
    ["en", "id"],
  ] as const) {
    test(`starting in ${locale}: the receipt survives the language switch and Back, opens the case, carries the address and QR code, and closes`, async ({
      page,
      context,
      baseURL,
      consoleErrors,
    }) => {
      test.setTimeout(240_000);
      await useLocale(context, locale, baseURL!);
      await walkTheReceipt(page, { locale, other, isJavaScriptEnabled: true, baseURL: baseURL! });
      expect(consoleErrors).toEqual([]);
    });
  }
});

test.describe("without JavaScript, on a 360 px phone", () => {
  test.use({ viewport: { width: 360, height: 740 }, javaScriptEnabled: false });

  for (const [locale, other] of [
    ["en", "id"],
    ["id", "en"],
  ] as const) {
    test(`starting in ${locale}: the same walk with plain form posts`, async ({ page, context, baseURL }) => {
      test.setTimeout(240_000);
      await useLocale(context, locale, baseURL!);
      await walkTheReceipt(page, { locale, other, isJavaScriptEnabled: false, baseURL: baseURL! });
    });
  }
});

/** The desk form's description label: worded for the officer (messages/cases, CaseIntake.reportFormWording). */
function deskDescriptionLabel(): string {
  const cases = JSON.parse(readFileSync(path.join(process.cwd(), "messages", "cases", "id.json"), "utf8")) as { CaseIntake: { reportFormWording: { description: { label: string } } } };
  return cases.CaseIntake.reportFormWording.description.label;
}

test.describe("the complaint desk's receipt", () => {
  test.use({ viewport: { width: 360, height: 740 } });

  test("a walk-in report's printed receipt carries the site's address and a QR code with the code, never the key", async ({ page, context, baseURL }) => {
    test.setTimeout(240_000);
    await useLocale(context, "id", baseURL!);
    const form = messagesFor("id").ReportForm;
    const origin = new URL(baseURL!).origin;
    await signIn(page, "petugas.bekasi@demo.lapor-imigrasi.id");
    await expect(page).toHaveURL(/\/dasbor/, { timeout: 30_000 });
    await page.goto("/dasbor/kasus/baru");
    await page.getByRole("radio", { name: form.kind.complaint.label }).check();
    await page.getByLabel(form.category.label).selectOption({ index: 1 });
    await page.getByLabel(form.incidentDate.label).fill(daysAgo(2));
    // The desk's form is worded for the officer who fills it in.
    await page.getByLabel(deskDescriptionLabel()).fill(`${createMarker("desk")} Pengunjung menunggu empat jam tanpa nomor antrean yang jelas di loket paspor.`);
    await page.getByRole("button", { name: "Simpan laporan" }).click();
    const credentials = await readReceipt(page, "id");

    await expect(page.getByTestId("site-address")).toHaveText(origin);
    const qrPayload = await decodeReceiptQrCode(page);
    expect(qrPayload).toBe(`${origin}/lacak?kode=${credentials.trackingCode}`);
    for (const group of credentials.secretKey.split("-")) expect(qrPayload).not.toContain(group);
    // The printout is the receipt with where to go: the QR code stays on paper.
    await page.emulateMedia({ media: "print" });
    await expect(page.getByTestId("receipt-qr")).toBeVisible();
    await expect(page.getByTestId("site-address")).toBeVisible();
    await page.emulateMedia({ media: "screen" });
    await screenshotFor(page, "receipt-desk-id");
  });
});
