import type { Page } from "@playwright/test";

import { expect, test, useLocale, type Locale } from "./_setup/fixtures";
import {
  createElevenMegabyteFile,
  createPhotoWithLocation,
  createSmallPdf,
  createTextFileNamedAsPhoto,
  type FilePayload,
} from "./fixtures/evidence-files";
import { closeReportDatabase, countCasesMentioning, isStoredAnywhere, reportDatabase } from "./fixtures/report-database";
import {
  chooseEvidence,
  collectDialogs,
  createMarker,
  daysAgo,
  DENPASAR_OFFICE,
  fillPungliReport,
  messagesFor,
  openCase,
  openReportForm,
  readReceipt,
  sendMessage,
  submitReportForm,
  TEN_YEAR_E_PASSPORT,
  type PungliReport,
} from "./fixtures/report-pages";

/**
 * Each bad input gets its own message, files nothing, stores no stray file, and loses nothing
 * the reporter typed. Every form carries a unique marker, so "nothing was filed" is checked in
 * the database without counting other tests' cases.
 */

test.afterAll(closeReportDatabase);

const locale: Locale = "id";
const text = messagesFor(locale);
const form = text.ReportForm;
const errors = text.ReportErrors;

test.beforeEach(async ({ context, baseURL }) => {
  await useLocale(context, locale, baseURL!);
});

function reportMentioning(marker: string): PungliReport {
  return {
    description: `${marker} Petugas meminta uang tambahan Rp 500.000 agar wawancara paspor dipercepat.`,
    amountDemanded: "1.450.000",
    amountPaid: "0",
  };
}

const errorSummary = (page: Page) => page.getByRole("alert", { name: form.errorSummaryTitle });

/** Everything fillPungliReport typed or chose is still there. */
async function expectReportStillFilled(page: Page, report: PungliReport, options: { isJavaScriptEnabled: boolean }) {
  await expect(page.getByRole("radio", { name: form.kind.pungli.label })).toBeChecked();
  if (options.isJavaScriptEnabled) await expect(page.getByRole("combobox", { name: form.office.label })).toHaveValue(DENPASAR_OFFICE.name);
  else await expect(page.getByLabel(form.office.label)).toHaveValue(DENPASAR_OFFICE.code);
  await expect(page.getByLabel(form.service.label)).toHaveValue(TEN_YEAR_E_PASSPORT.code);
  await expect(page.getByLabel(form.category.label)).toHaveValue("PUNGLI");
  await expect(page.getByLabel(form.incidentDate.label)).toHaveValue(report.incidentDate ?? daysAgo(6));
  await expect(page.getByLabel(form.incidentPlace.label)).toHaveValue("Loket 4, lantai 2");
  await expect(page.getByLabel(form.description.label)).toHaveValue(report.description);
  await expect(page.getByLabel(form.pungli.amountDemanded.label)).toHaveValue(report.amountDemanded);
  await expect(page.getByLabel(form.pungli.amountPaid.label)).toHaveValue(report.amountPaid ?? "");
  await expect(page.getByRole("radio", { name: form.pungli.paymentMethod.CASH })).toBeChecked();
  await expect(
    page.getByRole("group", { name: form.pungli.brokerInvolved.legend }).getByRole("radio", { name: form.pungli.answers.yes, exact: true }),
  ).toBeChecked();
  await expect(
    page.getByRole("group", { name: form.pungli.receiptGiven.legend }).getByRole("radio", { name: form.pungli.answers.no, exact: true }),
  ).toBeChecked();
  await expect(page.getByLabel(form.pungli.accusedDescription.label)).not.toHaveValue("");
}

/** A refused file: its message next to the evidence field, the summary blocks sending, nothing filed or kept. */
async function expectFileRefused(page: Page, options: { marker: string; file: FilePayload; message: string; isJavaScriptEnabled: boolean }) {
  const evidenceField = page.getByLabel(form.evidence.label);
  if (options.isJavaScriptEnabled) {
    await expect(page.getByRole("listitem").filter({ hasText: options.file.name }).getByText(options.message)).toBeVisible();
    await submitReportForm(page, locale);
    await expect(errorSummary(page).getByRole("link", { name: errors.removeFailedFiles })).toBeVisible();
  } else {
    await submitReportForm(page, locale);
    await expect(errorSummary(page).getByRole("link", { name: options.message })).toBeVisible();
    await expect(page.locator("#evidence-error")).toContainText(options.message);
  }
  await expect(errorSummary(page)).toBeFocused();
  await expect(evidenceField).toHaveAttribute("aria-invalid", "true");
  expect(await countCasesMentioning(options.marker)).toBe(0);
  expect(await isStoredAnywhere(options.file.buffer), "a refused file must not be kept anywhere").toBe(false);
}

test.describe("with JavaScript", () => {
  test("an empty report lists every missing answer in a summary that links to its field, and marks each field", async ({ page }) => {
    const marker = createMarker("empty");
    await openReportForm(page, locale, { isJavaScriptEnabled: true });
    // The only thing typed is an optional field, so the form is empty where it counts.
    await page.getByLabel(form.incidentPlace.label).fill(marker);
    await submitReportForm(page, locale);

    const summary = errorSummary(page);
    await expect(summary).toBeFocused();
    const expected = [
      { message: errors.requiredField.kind, controlId: "kind-COMPLAINT" },
      { message: errors.requiredField.officeCode, controlId: "officeCode" },
      { message: errors.requiredField.categoryCode, controlId: "categoryCode" },
      { message: errors.requiredField.incidentDate, controlId: "incidentDate" },
      { message: errors.requiredField.description, controlId: "description" },
    ];
    await expect(summary.getByRole("link")).toHaveText(expected.map((item) => item.message));
    for (const { message, controlId } of expected) {
      await expect(summary.getByRole("link", { name: message })).toHaveAttribute("href", `#${controlId}`);
      await expect(page.locator(`#${controlId.split("-")[0]}-error`)).toContainText(message);
    }
    for (const field of [form.category.label, form.incidentDate.label, form.description.label]) {
      const control = page.getByLabel(field);
      await expect(control).toHaveAttribute("aria-invalid", "true");
      await expect(control).toHaveAttribute("aria-describedby", /-error/);
    }

    // A summary link takes the keyboard to the field.
    await summary.getByRole("link", { name: errors.requiredField.description }).click();
    await expect(page.getByLabel(form.description.label)).toBeFocused();

    await expect(page.getByLabel(form.incidentPlace.label)).toHaveValue(marker);
    expect(await countCasesMentioning(marker)).toBe(0);
  });

  test("a description over 5,000 characters is caught before sending, next to the field, and nothing typed is lost", async ({ page }) => {
    const marker = createMarker("too-long");
    const report = { ...reportMentioning(marker), description: `${marker} ${"Petugas meminta uang. ".repeat(240)}` };
    expect(report.description.length).toBeGreaterThan(5000);
    await openReportForm(page, locale, { isJavaScriptEnabled: true });
    await fillPungliReport(page, locale, report, { isJavaScriptEnabled: true });
    await submitReportForm(page, locale);

    const tooLong = "Terlalu panjang. Paling banyak 5.000 karakter.";
    await expect(errorSummary(page).getByRole("link", { name: tooLong })).toBeVisible();
    await expect(page.locator("#description-error")).toContainText(tooLong);
    await expect(page.getByText(/kelebihan \d+ karakter/)).toBeVisible();
    await expectReportStillFilled(page, report, { isJavaScriptEnabled: true });
    expect(await countCasesMentioning(marker)).toBe(0);
  });

  test("a script typed into the report and into a message is shown as text and never runs", async ({ page, consoleErrors }) => {
    const dialogs = collectDialogs(page);
    const marker = createMarker("script");
    const script = "<script>alert(1)</script>";
    const report = { ...reportMentioning(marker), description: `${marker} ${script} petugas meminta uang tambahan di loket.` };
    await openReportForm(page, locale, { isJavaScriptEnabled: true });
    await fillPungliReport(page, locale, { ...report, accusedDescription: `${script}<img src=x onerror=alert(2)>` }, { isJavaScriptEnabled: true });
    await submitReportForm(page, locale);
    const credentials = await readReceipt(page, locale);

    const stored = await reportDatabase().case.findUniqueOrThrow({
      where: { trackingCode: credentials.trackingCode },
      select: { description: true, accusedDescription: true },
    });
    expect(stored.description).toBe(report.description);
    expect(stored.accusedDescription).toBe(`${script}<img src=x onerror=alert(2)>`);

    await openCase(page, locale, credentials);
    const message = `${script}<img src=x onerror=alert(3)> Tolong ditindaklanjuti.`;
    await sendMessage(page, locale, message);
    await expect(page.getByTestId("reporter-message").filter({ hasText: message })).toHaveText(new RegExp(escapeRegExp(message)));
    await page.reload();
    await expect(page.getByText(message)).toBeVisible();
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
  });

  test("a text file renamed to .jpg is refused from its content, on its own line, and blocks sending until removed", async ({ page }) => {
    const marker = createMarker("renamed");
    const file = createTextFileNamedAsPhoto();
    const report = reportMentioning(marker);
    await openReportForm(page, locale, { isJavaScriptEnabled: true });
    await fillPungliReport(page, locale, { ...report, evidence: [file] }, { isJavaScriptEnabled: true });
    await expectFileRefused(page, { marker, file, message: errors.fileTypeNotAllowed, isJavaScriptEnabled: true });
    await expectReportStillFilled(page, report, { isJavaScriptEnabled: true });
  });

  test("an 11 MB file is refused in the browser without being sent", async ({ page }) => {
    const marker = createMarker("too-large");
    const file = createElevenMegabyteFile();
    const report = reportMentioning(marker);
    const uploads: string[] = [];
    page.on("request", (request) => {
      if (request.url().includes("/api/laporan/bukti")) uploads.push(request.url());
    });
    await openReportForm(page, locale, { isJavaScriptEnabled: true });
    await fillPungliReport(page, locale, { ...report, evidence: [file] }, { isJavaScriptEnabled: true });
    await expectFileRefused(page, { marker, file, message: "File ini lebih besar dari 10 MB. Kecilkan ukurannya atau pilih file lain.", isJavaScriptEnabled: true });
    expect(uploads).toEqual([]);
    await expectReportStillFilled(page, report, { isJavaScriptEnabled: true });
  });

  test("six files at once are refused together, and none of them is uploaded", async ({ page }) => {
    const marker = createMarker("six-files");
    const files = Array.from({ length: 6 }, (_, index) => createSmallPdf(`bukti-${index + 1}.pdf`));
    const report = reportMentioning(marker);
    await openReportForm(page, locale, { isJavaScriptEnabled: true });
    await fillPungliReport(page, locale, report, { isJavaScriptEnabled: true });
    await chooseEvidence(page, locale, files, { isJavaScriptEnabled: true });

    const tooMany = "Paling banyak 5 file. Tidak ada file baru yang ditambahkan; pilih lebih sedikit file.";
    await expect(page.locator("#evidence-error")).toContainText(tooMany);
    await expect(page.getByText(text.EvidencePicker.ready)).toHaveCount(0);
    await expect(page.getByText("Masih bisa menambah 5 dari 5 file.")).toBeVisible();
    for (const file of files) expect(await isStoredAnywhere(file.buffer)).toBe(false);
    expect(await countCasesMentioning(marker)).toBe(0);
    await expectReportStillFilled(page, report, { isJavaScriptEnabled: true });
  });

  test("when the connection drops while sending, the form says so and keeps everything typed", async ({ page }) => {
    const marker = createMarker("offline");
    const report = reportMentioning(marker);
    await openReportForm(page, locale, { isJavaScriptEnabled: true });
    await fillPungliReport(page, locale, report, { isJavaScriptEnabled: true });
    // The form's Server Action is a POST to the page itself.
    await page.route("**/lapor", (route) => (route.request().method() === "POST" ? route.abort("internetdisconnected") : route.continue()));
    await submitReportForm(page, locale);

    await expect(errorSummary(page)).toContainText(errors.submitFailed);
    await expect(errorSummary(page)).toBeFocused();
    await expect(page.getByRole("button", { name: form.send.button })).toBeEnabled();
    await expectReportStillFilled(page, report, { isJavaScriptEnabled: true });
    expect(await countCasesMentioning(marker)).toBe(0);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  /**
   * The server counts every complete filing attempt against the hourly filing limit (5 per
   * client by default), and every test here comes from the same address. The file tests leave
   * the date out, so the server still judges the files but the attempt does not count.
   */
  const WITHOUT_DATE = { incidentDate: "" };

  test("an empty report is answered by the server with the same summary and field errors", async ({ page }) => {
    const marker = createMarker("empty-nojs");
    await openReportForm(page, locale, { isJavaScriptEnabled: false });
    await page.getByLabel(form.incidentPlace.label).fill(marker);
    await submitReportForm(page, locale);

    const summary = errorSummary(page);
    await expect(summary.getByRole("link", { name: errors.requiredField.officeCode })).toHaveAttribute("href", "#officeCode");
    await expect(summary.getByRole("link", { name: errors.requiredField.description })).toHaveAttribute("href", "#description");
    await expect(page.getByLabel(form.office.label)).toHaveAttribute("aria-invalid", "true");
    await expect(page.getByLabel(form.incidentPlace.label)).toHaveValue(marker);
    expect(await countCasesMentioning(marker)).toBe(0);
  });

  test("a description over 5,000 characters is refused by the server; everything typed and the photo already sent are kept", async ({
    page,
  }) => {
    const marker = createMarker("too-long-nojs");
    const photo = await createPhotoWithLocation("foto-calo.jpg");
    const report = { ...reportMentioning(marker), description: `${marker} ${"Petugas meminta uang. ".repeat(240)}` };
    await openReportForm(page, locale, { isJavaScriptEnabled: false });
    await fillPungliReport(page, locale, { ...report, evidence: [photo] }, { isJavaScriptEnabled: false });
    await submitReportForm(page, locale);

    const tooLong = "Terlalu panjang. Paling banyak 5.000 karakter.";
    await expect(errorSummary(page).getByRole("link", { name: tooLong })).toHaveAttribute("href", "#description");
    await expect(page.locator("#description-error")).toContainText(tooLong);
    await expectReportStillFilled(page, report, { isJavaScriptEnabled: false });
    // The photo was accepted and is offered again, so it need not be chosen a second time.
    await expect(page.getByRole("checkbox", { name: new RegExp(photo.name) })).toBeChecked();
    expect(await countCasesMentioning(marker)).toBe(0);
  });

  test("a text file renamed to .jpg is refused by the server from its content", async ({ page }) => {
    const marker = createMarker("renamed-nojs");
    const file = createTextFileNamedAsPhoto();
    const report = { ...reportMentioning(marker), ...WITHOUT_DATE };
    await openReportForm(page, locale, { isJavaScriptEnabled: false });
    await fillPungliReport(page, locale, { ...report, evidence: [file] }, { isJavaScriptEnabled: false });
    await expectFileRefused(page, { marker, file, message: errors.fileTypeNotAllowed, isJavaScriptEnabled: false });
    await expectReportStillFilled(page, report, { isJavaScriptEnabled: false });
  });

  test("six files in one post are refused together by the server", async ({ page }) => {
    const marker = createMarker("six-files-nojs");
    const files = Array.from({ length: 6 }, (_, index) => createSmallPdf(`bukti-${index + 1}.pdf`));
    const report = { ...reportMentioning(marker), ...WITHOUT_DATE };
    await openReportForm(page, locale, { isJavaScriptEnabled: false });
    await fillPungliReport(page, locale, { ...report, evidence: files }, { isJavaScriptEnabled: false });
    await submitReportForm(page, locale);

    const tooMany = "Paling banyak 5 file. Tidak ada file baru yang ditambahkan; pilih lebih sedikit file.";
    await expect(errorSummary(page).getByRole("link", { name: tooMany })).toHaveAttribute("href", "#evidence");
    for (const file of files) expect(await isStoredAnywhere(file.buffer)).toBe(false);
    expect(await countCasesMentioning(marker)).toBe(0);
    await expectReportStillFilled(page, report, { isJavaScriptEnabled: false });
  });
});

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
