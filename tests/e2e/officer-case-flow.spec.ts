import { readFileSync } from "node:fs";
import path from "node:path";

import type { Browser, Page } from "@playwright/test";

import type caseMessages from "@/messages/cases/id.json";
import { INITIAL_REPLY_TEMPLATES } from "@/prisma/seed/reply-templates";

import { expect, expectNoAccessibilityViolations, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";
import {
  createMarker,
  daysAgo,
  expectNoHorizontalOverflow,
  messagesFor,
  openCase,
  readReceipt,
  sendMessage,
  submitReportForm,
  TEN_YEAR_E_PASSPORT,
  type Credentials,
} from "./fixtures/report-pages";

/**
 * A case from both sides: a citizen files a pungli report on /lapor; the officer of that office
 * signs in on /masuk, finds it by its code, verifies it, replies, asks for more information; the
 * citizen answers on /lacak (the deadline clock resumes); the officer resolves it and the citizen
 * rates the handling. In Indonesian, with JavaScript.
 */

const OFFICER = { email: "petugas.bekasi@demo.lapor-imigrasi.id", password: "Demo-Lapor-2026", name: "Agus Setiawan" };
const BEKASI = { name: "Kantor Imigrasi Kelas I Non TPI Bekasi", search: "bekasi" };
const form = messagesFor("id").ReportForm;
// The case screens' texts, from the file the app reads.
const caseTexts = JSON.parse(readFileSync(path.resolve("messages", "cases", "id.json"), "utf8")) as typeof caseMessages;
const actions = caseTexts.CaseActions;
const labels = caseTexts.CaseLabels;

test.afterAll(closeReportDatabase);

async function fileReportAsCitizen(page: Page, description: string): Promise<Credentials> {
  await page.goto("/lapor");
  await page.getByRole("radio", { name: form.kind.pungli.label }).check();
  const office = page.getByRole("combobox", { name: form.office.label });
  await office.fill(BEKASI.search);
  await page.getByRole("option", { name: new RegExp(BEKASI.name) }).click();
  await page.getByLabel(form.service.label).selectOption(TEN_YEAR_E_PASSPORT.code);
  await page.getByLabel(form.incidentDate.label).fill(daysAgo(2));
  await page.getByLabel(form.incidentPlace.label).fill("Loket 2");
  await page.getByLabel(form.description.label).fill(description);
  await page.getByLabel(form.pungli.amountDemanded.label).fill("2.000.000");
  await page.getByRole("radio", { name: form.pungli.paymentMethod.CASH }).check();
  await page.getByRole("group", { name: form.pungli.brokerInvolved.legend }).getByRole("radio", { name: form.pungli.answers.no, exact: true }).check();
  await page.getByRole("group", { name: form.pungli.receiptGiven.legend }).getByRole("radio", { name: form.pungli.answers.no, exact: true }).check();
  await submitReportForm(page, "id");
  return readReceipt(page, "id");
}

async function signInAsOfficer(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext();
  await useLocale(context, "id", baseURL);
  const page = await context.newPage();
  await page.goto("/masuk");
  await page.getByLabel("Email kantor").fill(OFFICER.email);
  await page.getByLabel("Kata sandi").fill(OFFICER.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  return page;
}

/** Chooses the next status on the case page and saves it, with an optional message to the reporter. */
async function changeStatus(page: Page, status: keyof typeof labels.status, replyToReporter?: string) {
  const panel = page.getByRole("region", { name: actions.status.title });
  await panel.getByRole("radio", { name: labels.status[status], exact: true }).check();
  if (replyToReporter) await panel.getByLabel(actions.status.reply).fill(replyToReporter);
  await panel.getByRole("button", { name: actions.status.submit }).click();
  // Saved once the page shows the case in its new status: that status is no longer offered as a move.
  await expect(page.getByRole("radio", { name: labels.status[status], exact: true })).toHaveCount(0);
  await expect(page.getByRole("main").getByRole("alert")).toHaveCount(0);
}

/** Writes a public reply or an internal note and waits until the conversation shows it. */
async function postMessage(page: Page, kind: "publicReply" | "internalNote", body: string, options: { isSigned?: boolean } = {}) {
  const messageForm = page.locator("form").filter({ has: page.getByLabel(actions.message.body, { exact: true }) });
  await messageForm.getByRole("radio", { name: actions.message[kind] }).check();
  await messageForm.getByLabel(actions.message.body, { exact: true }).fill(body);
  if (options.isSigned) await messageForm.getByLabel(actions.message.isSigned).check();
  if (kind === "publicReply") await messageForm.getByLabel(actions.message.confirmPublic).check();
  await messageForm.getByRole("button", { name: kind === "publicReply" ? actions.message.submitPublic : actions.message.submitInternal }).click();
  await expect(page.getByRole("listitem").filter({ hasText: body })).toBeVisible();
  await expect(messageForm.getByLabel(actions.message.body, { exact: true })).toHaveValue("");
}

test("a pungli report goes from the citizen to the officer and back until it is rated", async ({ page: citizen, browser, baseURL, consoleErrors }) => {
  test.slow();
  await useLocale(citizen.context(), "id", baseURL!);
  const marker = createMarker("officer-flow");
  const credentials = await fileReportAsCitizen(citizen, `${marker} Petugas loket 2 meminta Rp 2.000.000 agar paspor saya selesai hari ini juga.`);

  // The officer of the office finds the case by its code, typed the way people type it.
  const officer = await signInAsOfficer(browser, baseURL!);
  await expectNoAccessibilityViolations(officer);
  await officer.getByRole("searchbox", { name: caseTexts.CaseQueue.filters.search }).fill(credentials.trackingCode.toLowerCase().replace(/-/g, " "));
  await officer.getByRole("button", { name: caseTexts.CaseQueue.filters.apply }).first().click();
  await expect(officer).toHaveURL(/[?&]q=/);
  const caseLink = officer.getByRole("table").getByRole("link", { name: credentials.trackingCode });
  await expect(caseLink).toHaveCount(1);
  await expectNoAccessibilityViolations(officer);
  await caseLink.click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(`Kasus ${credentials.trackingCode}`);
  await expect(officer.getByText(marker)).toBeVisible();
  await expectNoAccessibilityViolations(officer);

  // Verify, then reply to the reporter with a signed message.
  await changeStatus(officer, "VERIFIED");
  await postMessage(officer, "publicReply", "Laporan Anda sudah kami verifikasi. Kami sedang memeriksa rekaman CCTV loket 2.", { isSigned: true });

  // An internal note stays inside the office.
  await postMessage(officer, "internalNote", `${marker} catatan internal: cek jadwal jaga loket 2.`);

  // Ask for more information: the clock pauses.
  await changeStatus(officer, "WAITING_FOR_REPORTER", "Mohon sebutkan jam kejadian dan ciri petugas yang meminta uang.");
  await expect(officer.getByText(labels.deadlineState.PAUSED).first()).toBeVisible();
  await expectNoAccessibilityViolations(officer);

  // The citizen reads the reply (never the note) and answers: the case moves on by itself.
  await openCase(citizen, "id", credentials);
  await expect(citizen.getByText("Kami sedang memeriksa rekaman CCTV loket 2.")).toBeVisible();
  await expect(citizen.getByText(OFFICER.name).first()).toBeVisible();
  await expect(citizen.getByText("Mohon sebutkan jam kejadian dan ciri petugas yang meminta uang.")).toBeVisible();
  await expect(citizen.getByText("catatan internal")).toHaveCount(0);
  await sendMessage(citizen, "id", "Sekitar jam 10 pagi, petugas laki-laki berkacamata di loket 2.");

  await officer.reload();
  await expect(officer.getByText("Sekitar jam 10 pagi, petugas laki-laki berkacamata di loket 2.")).toBeVisible();
  await expect(officer.getByRole("region", { name: actions.status.title }).getByRole("radio", { name: labels.status.WAITING_FOR_REPORTER })).toHaveCount(1);
  const row = await reportDatabase().case.findUniqueOrThrow({ where: { trackingCode: credentials.trackingCode }, select: { status: true, clockPausedAt: true, channel: true } });
  expect(row).toEqual({ status: "IN_PROGRESS", clockPausedAt: null, channel: "ONLINE" });

  // Resolve, with the template's words to the reporter.
  // The seed's national "Laporan selesai" template.
  await changeStatus(officer, "RESOLVED", INITIAL_REPLY_TEMPLATES[2].bodyId);
  await expect(officer.getByText(actions.status.none)).toBeVisible();
  await expect(officer.getByText(labels.deadlineState.CLOSED).first()).toBeVisible();

  // The citizen rates the handling.
  const rating = messagesFor("id").TrackedCase.rating;
  await citizen.reload();
  const scale = citizen.getByRole("group", { name: rating.legend });
  await scale.getByRole("radio", { name: /^5 – / }).check();
  await citizen.getByRole("button", { name: rating.submit }).click();
  await expect(citizen.getByTestId("rating-thanks")).toContainText("5 dari 5");

  // The audit trail holds every step, by this officer.
  const events = await reportDatabase().caseEvent.findMany({
    where: { case: { trackingCode: credentials.trackingCode } },
    orderBy: { id: "asc" },
    select: { action: true, actorKind: true },
  });
  expect(events.map((event) => `${event.actorKind} ${event.action}`)).toEqual([
    "REPORTER CASE_FILED",
    "STAFF STATUS_CHANGED",
    "STAFF PUBLIC_REPLY_POSTED",
    "STAFF INTERNAL_NOTE_ADDED",
    "STAFF PUBLIC_REPLY_POSTED",
    "STAFF STATUS_CHANGED",
    "REPORTER REPORTER_MESSAGE_POSTED",
    "REPORTER STATUS_CHANGED",
    "STAFF PUBLIC_REPLY_POSTED",
    "STAFF STATUS_CHANGED",
    "REPORTER RATED",
  ]);
  expect(consoleErrors).toEqual([]);
  await officer.context().close();
});

test("the queue and a case page fit a 360 px phone", async ({ browser, baseURL }) => {
  const officer = await signInAsOfficer(browser, baseURL!);
  await officer.setViewportSize({ width: 360, height: 800 });
  await officer.goto("/dasbor");
  await expectNoHorizontalOverflow(officer);
  await expect(officer.getByRole("table")).toBeHidden();
  const firstCase = officer.getByRole("list", { name: /Daftar kasus/ }).getByRole("link").first();
  await firstCase.click();
  await expect(officer.getByRole("heading", { level: 1 })).toContainText("Kasus LI-");
  await expectNoHorizontalOverflow(officer);
  await expectNoAccessibilityViolations(officer);
  await officer.context().close();
});
