import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";

import type { Browser, Page } from "@playwright/test";

import type caseMessages from "@/messages/cases/id.json";
import { officeOfficerEmail } from "@/prisma/demo-staff";

import { expect, expectNoAccessibilityViolations, test, useLocale, type Locale } from "./_setup/fixtures";
import { createPhotoWithLocation, PHOTO_LOCATION, readGpsPosition } from "./fixtures/evidence-files";
import { closeReportDatabase, readStoredFile, reportDatabase } from "./fixtures/report-database";
import { createMarker, daysAgo, expectNoHorizontalOverflow, messagesFor, readReceipt, TEN_YEAR_E_PASSPORT, waitForUploadsToSettle } from "./fixtures/report-pages";
import { DEMO_PASSWORD } from "./fixtures/staff-sign-in";

/**
 * The complaint desk and the case page from the officer's side (issue 12, items 6 and 7): a
 * walk-in report with a photographed paper receipt as evidence, processed as online evidence;
 * then the message form, where replying to the reporter or writing an internal note is an
 * explicit, confirmed choice every time, with and without JavaScript.
 */

// An office no other spec files cases for, so its officer's queue and cases are this spec's own.
const OFFICE = { code: "kanim-banda-aceh", name: "Kantor Imigrasi Kelas I TPI Banda Aceh" };
const OFFICER = { email: officeOfficerEmail(OFFICE.code) };
// The case screens' texts, from the files the app reads.
const readCaseTexts = (locale: Locale) => JSON.parse(readFileSync(path.resolve("messages", "cases", `${locale}.json`), "utf8")) as typeof caseMessages;
const idCases = readCaseTexts("id");
const caseTexts = { id: idCases, en: readCaseTexts("en") } as const;
const SHOTS = process.env.E2E_SCREENSHOT_DIR ?? path.join("test-results", "officer-desk-screens");

test.describe.configure({ mode: "serial" });
test.afterAll(closeReportDatabase);

let caseId = "";

async function signInAsOfficer(browser: Browser, baseURL: string, locale: Locale, options: { javaScriptEnabled?: boolean; width?: number } = {}): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScriptEnabled ?? true, viewport: { width: options.width ?? 1280, height: 900 } });
  await useLocale(context, locale, baseURL);
  const page = await context.newPage();
  await page.goto("/masuk");
  await page.getByLabel(locale === "id" ? "Email kantor" : "Work email").fill(OFFICER.email);
  await page.getByLabel(locale === "id" ? "Kata sandi" : "Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: locale === "id" ? "Masuk" : "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/, { timeout: 30_000 });
  return page;
}

function messageForm(page: Page, locale: Locale) {
  return page.locator("form").filter({ has: page.getByLabel(caseTexts[locale].CaseActions.message.body, { exact: true }) });
}

test("a walk-in report is recorded with a photographed paper receipt, processed as online evidence", async ({ browser, baseURL }) => {
  test.slow();
  const intake = idCases.CaseIntake;
  const wording = intake.reportFormWording;
  const form = messagesFor("id").ReportForm;
  const page = await signInAsOfficer(browser, baseURL!, "id");
  // An officer is not offered the admin pages, and no menu item promises pages that do not exist.
  await expect(page.getByRole("navigation", { name: "Menu petugas" }).getByRole("link", { name: "Admin" })).toHaveCount(0);
  await expect(page.getByText(/segera hadir|coming soon/i)).toHaveCount(0);

  await page.goto("/dasbor/kasus/baru");
  // Worded for the officer, not the visitor.
  await expect(page.getByText(wording.identity.legend)).toBeVisible();
  await expect(page.getByLabel(wording.service.label)).toBeVisible();

  const marker = createMarker("desk-evidence");
  await page.getByLabel(intake.channel).selectOption("WALK_IN");
  await page.getByRole("radio", { name: form.kind.pungli.label }).check();
  await page.getByLabel(wording.service.label).selectOption(TEN_YEAR_E_PASSPORT.code);
  await page.getByLabel(form.incidentDate.label).fill(daysAgo(1));
  await page.getByLabel(form.incidentPlace.label).fill("Loket 4");
  await page.getByLabel(wording.description.label).fill(`${marker} Pelapor dimintai Rp 500.000 di loket 4 dan diberi kuitansi tulisan tangan, yang ia bawa ke posko.`);
  await page.getByLabel(form.pungli.amountDemanded.label).fill("500.000");
  await page.getByRole("radio", { name: form.pungli.paymentMethod.CASH }).check();
  await page.getByRole("group", { name: form.pungli.brokerInvolved.legend }).getByRole("radio", { name: form.pungli.answers.no, exact: true }).check();
  await page.getByRole("group", { name: wording.pungli.receiptGiven.legend }).getByRole("radio", { name: form.pungli.answers.yes, exact: true }).check();

  const photo = await createPhotoWithLocation("kuitansi-kertas.jpg");
  expect(await readGpsPosition(photo.buffer)).toMatchObject({ latitude: expect.closeTo(PHOTO_LOCATION.latitude, 3) });
  await page.getByLabel(intake.evidence.label).setInputFiles([photo]);
  await waitForUploadsToSettle(page, "id");
  await expect(page.getByText("kuitansi-kertas.jpg")).toBeVisible();
  await page.getByRole("button", { name: intake.submit }).click();
  await readReceipt(page, "id");

  const filed = await reportDatabase().case.findFirstOrThrow({
    where: { description: { contains: marker } },
    select: { id: true, channel: true, intakeById: true, office: { select: { code: true } }, attachments: { select: { fileName: true, sha256: true, storageKey: true, mediaType: true } } },
  });
  caseId = filed.id;
  expect(filed).toMatchObject({ channel: "WALK_IN", office: { code: OFFICE.code } });
  expect(filed.intakeById).not.toBeNull();
  expect(filed.attachments).toHaveLength(1);
  const attachment = filed.attachments[0]!;
  expect(attachment.mediaType).toBe("image/jpeg");
  const stored = await readStoredFile(attachment.storageKey);
  expect(await readGpsPosition(stored), "the stored photo must not say where it was taken").toBeNull();
  expect(createHash("sha256").update(stored).digest("hex")).toBe(attachment.sha256);

  // The case page lists the evidence for the officers who handle the case.
  await page.getByRole("link", { name: intake.open }).click();
  await expect(page).toHaveURL(new RegExp(`/dasbor/kasus/${caseId}$`));
  await expect(page.getByRole("link", { name: /kuitansi-kertas/ })).toBeVisible();
});

test("walk-in evidence is taken without JavaScript too", async ({ browser, baseURL }) => {
  test.slow();
  const intake = idCases.CaseIntake;
  const wording = intake.reportFormWording;
  const form = messagesFor("id").ReportForm;
  const page = await signInAsOfficer(browser, baseURL!, "id", { javaScriptEnabled: false });
  await page.goto("/dasbor/kasus/baru");
  const marker = createMarker("desk-nojs");
  await page.getByLabel(intake.channel).selectOption("LETTER");
  await page.getByRole("radio", { name: form.kind.complaint.label }).check();
  await page.getByLabel(form.category.label).selectOption("SLOW_SERVICE");
  await page.getByLabel(form.incidentDate.label).fill(daysAgo(3));
  await page.getByLabel(form.incidentPlace.label).fill("Ruang tunggu");
  await page.getByLabel(wording.description.label).fill(`${marker} Surat pelapor: antrean paspor tidak dipanggil sesuai nomor selama tiga jam.`);
  await page.getByLabel(intake.evidence.label).setInputFiles([await createPhotoWithLocation("surat-pelapor.jpg")]);
  await page.getByRole("button", { name: intake.submit }).click();
  await readReceipt(page, "id");
  const filed = await reportDatabase().case.findFirstOrThrow({ where: { description: { contains: marker } }, select: { channel: true, attachments: { select: { storageKey: true } } } });
  expect(filed.channel).toBe("LETTER");
  expect(filed.attachments).toHaveLength(1);
  expect(await readGpsPosition(await readStoredFile(filed.attachments[0]!.storageKey))).toBeNull();
});

test("a reply to the reporter and an internal note are chosen and confirmed every time", async ({ browser, baseURL }) => {
  test.slow();
  const actions = idCases.CaseActions;
  const page = await signInAsOfficer(browser, baseURL!, "id");
  await page.goto(`/dasbor/kasus/${caseId}`);
  const messages = messageForm(page, "id");
  const body = messages.getByLabel(actions.message.body, { exact: true });

  // Nothing is chosen at first.
  await expect(messages.getByRole("radio", { name: actions.message.publicReply })).not.toBeChecked();
  await expect(messages.getByRole("radio", { name: actions.message.internalNote })).not.toBeChecked();
  await expect(messages.getByLabel(actions.message.confirmPublic)).toBeHidden();

  // Sent without a choice: refused, with the text kept.
  const note = `Catatan ${createMarker("note")}: cek rekaman CCTV loket 4.`;
  await body.fill(note);
  await messages.getByRole("button", { name: actions.message.submitChoose }).click();
  await expect(messages.getByText(idCases.CaseErrors.fields.chooseMessageKind)).toBeVisible();
  await expect(body).toHaveValue(note);

  // A reply must be confirmed.
  await messages.getByRole("radio", { name: actions.message.publicReply }).check();
  await expect(messages.getByLabel(actions.message.confirmPublic)).toBeVisible();
  const reply = `Balasan ${createMarker("reply")}: laporan Anda sedang kami periksa.`;
  await body.fill(reply);
  await messages.getByRole("button", { name: actions.message.submitPublic }).click();
  await expect(messages.getByText(idCases.CaseErrors.fields.confirmPublicReply)).toBeVisible();
  await expect(body).toHaveValue(reply);
  await expect(page.getByRole("listitem").filter({ hasText: reply })).toHaveCount(0);
  await messages.getByLabel(actions.message.confirmPublic).check();
  await messages.getByRole("button", { name: actions.message.submitPublic }).click();
  await expect(page.getByText(actions.success.messagePublic)).toBeVisible();
  const sentReply = page.getByRole("listitem").filter({ hasText: reply });
  await expect(sentReply).toContainText(idCases.CasePage.conversation.publicReply);
  await expect(sentReply).toContainText(idCases.CasePage.conversation.publicHint);

  // Not remembered after sending.
  await expect(messages.getByRole("radio", { name: actions.message.publicReply })).not.toBeChecked();
  await expect(body).toHaveValue("");

  // A note needs no confirmation, and looks like a note in the conversation.
  await messages.getByRole("radio", { name: actions.message.internalNote }).check();
  await expect(messages.getByLabel(actions.message.confirmPublic)).toBeHidden();
  await body.fill(note);
  await messages.getByRole("button", { name: actions.message.submitInternal }).click();
  await expect(page.getByText(actions.success.messageInternal)).toBeVisible();
  const sentNote = page.getByRole("listitem").filter({ hasText: note });
  await expect(sentNote).toContainText(idCases.CasePage.conversation.internalNote);
  await expect(sentNote).toContainText(idCases.CasePage.conversation.internalHint);
  await expect(messages.getByRole("radio", { name: actions.message.internalNote })).not.toBeChecked();

  const stored = await reportDatabase().caseMessage.findMany({ where: { caseId, body: { in: [note, reply] } }, select: { kind: true, body: true } });
  expect(stored.sort((a, b) => a.kind.localeCompare(b.kind))).toEqual([
    { kind: "INTERNAL_NOTE", body: note },
    { kind: "PUBLIC_REPLY", body: reply },
  ]);
  await expectNoAccessibilityViolations(page);
});

test("without JavaScript, an unconfirmed reply is refused on the server and a confirmed one is sent", async ({ browser, baseURL }) => {
  test.slow();
  const actions = idCases.CaseActions;
  const page = await signInAsOfficer(browser, baseURL!, "id", { javaScriptEnabled: false });
  await page.goto(`/dasbor/kasus/${caseId}`);
  const messages = messageForm(page, "id");
  const reply = `Balasan ${createMarker("nojs-reply")}: mohon kirim foto kuitansi yang lain.`;
  await messages.getByRole("radio", { name: actions.message.publicReply }).check();
  await messages.getByLabel(actions.message.body, { exact: true }).fill(reply);
  await messages.getByRole("button", { name: actions.message.submitPublic }).click();
  const answered = messageForm(page, "id");
  await expect(answered.getByText(idCases.CaseErrors.fields.confirmPublicReply)).toBeVisible();
  await expect(answered.getByLabel(actions.message.body, { exact: true })).toHaveValue(reply);
  expect(await reportDatabase().caseMessage.count({ where: { caseId, body: reply } })).toBe(0);
  await answered.getByLabel(actions.message.confirmPublic).check();
  await answered.getByRole("button", { name: actions.message.submitPublic }).click();
  await expect(page.getByRole("listitem").filter({ hasText: reply })).toBeVisible();
  expect(await reportDatabase().caseMessage.findFirst({ where: { caseId, body: reply }, select: { kind: true } })).toEqual({ kind: "PUBLIC_REPLY" });
});

test("after handling it myself, the assignment select shows me, so saving keeps me", async ({ browser, baseURL }) => {
  const actions = idCases.CaseActions;
  const page = await signInAsOfficer(browser, baseURL!, "id");
  await page.goto(`/dasbor/kasus/${caseId}`);
  const panel = page.getByRole("region", { name: actions.assign.title });
  await panel.getByRole("button", { name: actions.assign.assignToMe }).click();
  await expect(panel.getByText(actions.success.assign)).toBeVisible();
  const select = panel.getByLabel(actions.assign.assignee);
  const me = await reportDatabase().staffUser.findUniqueOrThrow({ where: { email: OFFICER.email }, select: { id: true } });
  await expect(select).toHaveValue(me.id);
  await panel.getByRole("button", { name: actions.assign.submit }).click();
  await expect(panel.getByText(actions.success.assign)).toBeVisible();
  expect(await reportDatabase().case.findUniqueOrThrow({ where: { id: caseId }, select: { assigneeId: true } })).toEqual({ assigneeId: me.id });
});

test("the message form and the intake form, at 360 px and on a desktop, in both languages", async ({ browser, baseURL }) => {
  test.slow();
  await mkdir(SHOTS, { recursive: true });
  for (const locale of ["id", "en"] as const) {
    for (const width of [360, 1280]) {
      const page = await signInAsOfficer(browser, baseURL!, locale, { width });
      await page.goto(`/dasbor/kasus/${caseId}`);
      const messages = messageForm(page, locale);
      await messages.getByRole("radio", { name: caseTexts[locale].CaseActions.message.publicReply }).check();
      await expectNoHorizontalOverflow(page);
      await messages.screenshot({ path: path.join(SHOTS, `message-form-${locale}-${width}.png`) });
      await messages.getByRole("radio", { name: caseTexts[locale].CaseActions.message.internalNote }).check();
      await messages.screenshot({ path: path.join(SHOTS, `message-form-note-${locale}-${width}.png`) });
      await page.getByRole("heading", { name: caseTexts[locale].CasePage.conversation.title }).locator("..").screenshot({ path: path.join(SHOTS, `conversation-${locale}-${width}.png`) });
      await page.goto("/dasbor/kasus/baru");
      await expectNoHorizontalOverflow(page);
      await page.screenshot({ path: path.join(SHOTS, `intake-${locale}-${width}.png`), fullPage: true });
      await page.emulateMedia({ media: "print" });
      await expect(page.getByRole("navigation", { name: locale === "id" ? "Menu petugas" : "Staff menu" })).toBeHidden();
      await page.screenshot({ path: path.join(SHOTS, `intake-print-${locale}-${width}.png`), fullPage: true });
      await page.context().close();
    }
  }
});
