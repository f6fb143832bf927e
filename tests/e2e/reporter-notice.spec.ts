import { randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { readFileSync } from "node:fs";
import path from "node:path";

import { simpleParser, type ParsedMail } from "mailparser";

import type caseMessages from "@/messages/cases/id.json";
import type notificationMessages from "@/messages/notifications/id.json";

import { expect, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";
import { createMarker, daysAgo, messagesFor, readReceipt, submitReportForm, TEN_YEAR_E_PASSPORT } from "./fixtures/report-pages";
import { signIn } from "./fixtures/staff-sign-in";

/**
 * Issue 13, "How it will be checked": a citizen files a report with their name and email on
 * /lapor (in English), the office's officer replies in the dashboard (in Indonesian), and the
 * notice arrives at the reporter's address in the report's language. It says only that there is
 * news on report LI-… and links to /lacak?kode=…: never the report's text, never the secret key.
 * The officer's header counts the new case as unread until it is read.
 *
 * Mails are read where the server puts them: scripts/test-e2e.ts runs it without SMTP_URL, so
 * each mail is written as an .eml file into MAIL_CAPTURE_DIR (the `npm start` default, too), by
 * the pg-boss "notification-mail" job on the server (JOB_WORKERS is on by default).
 */

const MAIL_DIR = path.resolve(process.env.MAIL_CAPTURE_DIR ?? ".data/mail");
const caseTexts = JSON.parse(readFileSync(path.resolve("messages", "cases", "id.json"), "utf8")) as typeof caseMessages;
const noticeTexts = (JSON.parse(readFileSync(path.resolve("messages", "notifications", "id.json"), "utf8")) as typeof notificationMessages).Notifications;
const actions = caseTexts.CaseActions;
// An office no other spec files into, so the new officer's unread count is this test's alone.
const MATARAM = { code: "kanim-mataram", name: "Kantor Imigrasi Kelas I TPI Mataram", search: "mataram" };

test.afterAll(closeReportDatabase);

/** Every captured mail addressed to `address`, parsed. */
async function mailsTo(address: string): Promise<ParsedMail[]> {
  const files = (await readdir(MAIL_DIR).catch(() => [] as string[])).filter((file) => file.endsWith(".eml"));
  const parsed = await Promise.all(files.map(async (file) => simpleParser(await readFile(path.join(MAIL_DIR, file)))));
  const recipients = (mail: ParsedMail) => [mail.to ?? []].flat().flatMap((to) => to.value.map((entry) => entry.address?.toLowerCase()));
  return parsed.filter((mail) => recipients(mail).includes(address.toLowerCase()));
}

/** A fresh officer of the office (the seed's password), so no seeded case's reminder lands in their list. */
async function createOfficer(email: string, officeCode: string) {
  const db = reportDatabase();
  const [{ passwordHash }, office] = await Promise.all([
    db.staffUser.findUniqueOrThrow({ where: { email: "admin@demo.lapor-imigrasi.id" }, select: { passwordHash: true } }),
    db.office.findUniqueOrThrow({ where: { code: officeCode }, select: { id: true } }),
  ]);
  await db.staffUser.create({ data: { email, name: "Baiq Nurul", passwordHash, role: "OFFICER", scopeLevel: "OFFICE", officeId: office.id } });
}

test("an identified reporter's email gets a notice, in the report's language, when the officer replies", async ({ page: citizen, browser, baseURL }) => {
  test.slow();
  const origin = new URL(baseURL!).origin;
  const reporterEmail = `pelapor.${randomUUID().slice(0, 8)}@contoh.lapor-imigrasi.id`;
  const officerEmail = `petugas.surel-${randomUUID().slice(0, 8)}@demo.lapor-imigrasi.id`;
  await createOfficer(officerEmail, MATARAM.code);

  // The officer signs in first: nothing unread yet.
  const officerContext = await browser.newContext({ baseURL });
  await useLocale(officerContext, "id", baseURL!);
  const officer = await officerContext.newPage();
  await signIn(officer, officerEmail);
  await expect(officer).toHaveURL(/\/dasbor$/, { timeout: 30_000 });
  const inbox = officer.getByRole("link", { name: new RegExp(`^${noticeTexts.headerLink}:`) });
  await expect(inbox).toHaveAccessibleName(`${noticeTexts.headerLink}: tidak ada yang belum dibaca`);
  await expect(officer.getByTestId("unread-count")).toHaveCount(0);

  // The citizen files an identified pungli report with an email, in English.
  await useLocale(citizen.context(), "en", baseURL!);
  const form = messagesFor("en").ReportForm;
  const marker = createMarker("reporter-notice");
  const description = `${marker} The officer at counter 1 asked for Rp 750.000 to finish my passport the same day.`;
  await citizen.goto("/lapor");
  const office = citizen.getByRole("combobox", { name: form.office.label });
  await expect(office).toHaveAttribute("aria-autocomplete", "list");
  await citizen.getByRole("radio", { name: form.kind.pungli.label }).check();
  await office.fill(MATARAM.search);
  await citizen.getByRole("option", { name: new RegExp(MATARAM.name) }).click();
  await citizen.getByLabel(form.service.label).selectOption(TEN_YEAR_E_PASSPORT.code);
  await citizen.getByLabel(form.incidentDate.label).fill(daysAgo(3));
  await citizen.getByLabel(form.incidentPlace.label).fill("Counter 1");
  await citizen.getByLabel(form.description.label).fill(description);
  await citizen.getByLabel(form.pungli.amountDemanded.label).fill("750.000");
  await citizen.getByRole("radio", { name: form.pungli.paymentMethod.CASH }).check();
  await citizen.getByRole("group", { name: form.pungli.brokerInvolved.legend }).getByRole("radio", { name: form.pungli.answers.no, exact: true }).check();
  await citizen.getByRole("group", { name: form.pungli.receiptGiven.legend }).getByRole("radio", { name: form.pungli.answers.no, exact: true }).check();
  await citizen.getByRole("radio", { name: form.identity.identified.label }).check();
  await citizen.getByLabel(form.identity.name.label, { exact: true }).fill("Lalu Ahmad Fauzi");
  await citizen.getByLabel(form.identity.email.label, { exact: true }).fill(reporterEmail);
  await submitReportForm(citizen, "en");
  const credentials = await readReceipt(citizen, "en");
  const filed = await reportDatabase().case.findUniqueOrThrow({ where: { trackingCode: credentials.trackingCode }, select: { id: true, locale: true, reporterMode: true } });
  expect(filed).toMatchObject({ locale: "en", reporterMode: "IDENTIFIED" });

  // The new case is the officer's one unread notification; it leads to the case.
  await officer.reload();
  await expect(officer.getByTestId("unread-count")).toHaveText("1");
  await expect(inbox).toHaveAccessibleName(`${noticeTexts.headerLink}: 1 belum dibaca`);
  await inbox.click();
  const entry = officer.getByTestId("notification-list").getByRole("listitem").filter({ hasText: noticeTexts.kinds.NEW_CASE });
  await expect(entry).toHaveCount(1);
  await expect(entry).toContainText(noticeTexts.unread);
  await entry.getByRole("link", { name: noticeTexts.openCase.replace("{code}", credentials.trackingCode) }).click();
  await expect(officer.getByRole("heading", { level: 1 })).toHaveText(`Kasus ${credentials.trackingCode}`);

  // No mail for the reporter before anyone answers (filing tells the office, not the reporter).
  expect(await mailsTo(reporterEmail)).toEqual([]);

  // The officer replies to the reporter.
  const reply = "Terima kasih atas laporan Anda. Kami sedang memeriksa rekaman CCTV loket 1.";
  const messageForm = officer.locator("form").filter({ has: officer.getByLabel(actions.message.body, { exact: true }) });
  await messageForm.getByRole("radio", { name: actions.message.publicReply }).check();
  await messageForm.getByLabel(actions.message.body, { exact: true }).fill(reply);
  await messageForm.getByLabel(actions.message.confirmPublic).check();
  await messageForm.getByRole("button", { name: actions.message.submitPublic }).click();
  await expect(officer.getByRole("listitem").filter({ hasText: reply })).toBeVisible();

  // The notice arrives at the reporter's address (the job runs on the server; bounded polling).
  await expect.poll(async () => (await mailsTo(reporterEmail)).length, { timeout: 120_000, message: `a mail to ${reporterEmail} in ${MAIL_DIR}` }).toBeGreaterThan(0);
  const mails = await mailsTo(reporterEmail);
  expect(mails).toHaveLength(1);
  const mail = mails[0]!;
  const text = mail.text ?? "";
  const html = typeof mail.html === "string" ? mail.html : "";
  const trackingLink = `${origin}/lacak?kode=${credentials.trackingCode}`;

  // In English, the report's language, though the officer works in Indonesian.
  expect(mail.subject).toBe(`News on report ${credentials.trackingCode}`);
  expect(text).toContain(`There is news on your report ${credentials.trackingCode}`);
  expect(text).not.toContain("Ada kabar");
  expect(text).toContain(trackingLink);
  expect(html).toContain(`href="${trackingLink}"`);

  // Nothing but the news: not the report, not the reply, not the key, not who reported.
  const whole = [mail.subject ?? "", text, html].join("\n");
  for (const secret of [marker, "counter 1", "750.000", reply, "CCTV", "Lalu Ahmad Fauzi", credentials.secretKey, ...credentials.secretKey.split("-")]) {
    expect(whole, `the notice must not contain ${secret}`).not.toContain(secret);
  }
  const links = [...text.matchAll(/https?:\/\/\S+/g)].map((match) => match[0]);
  expect(links.filter((link) => link.includes("/lacak"))).toEqual([trackingLink]);

  // The officer's own reply is not news to them; reading the new case clears the count.
  await officer.goto("/dasbor/pemberitahuan");
  await expect(officer.getByTestId("unread-count")).toHaveText("1");
  await officer.getByRole("button", { name: noticeTexts.markAllRead }).click();
  await expect(officer.getByTestId("unread-count")).toHaveCount(0);
  await expect(inbox).toHaveAccessibleName(`${noticeTexts.headerLink}: tidak ada yang belum dibaca`);
  await officerContext.close();
});
