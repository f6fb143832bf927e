import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";

import type { Browser, Page } from "@playwright/test";

import { generateTrackingCode } from "@/lib/reports/receipt";
import { hashSecret } from "@/lib/security/secret-hash";
import type caseMessages from "@/messages/cases/id.json";

import { expect, expectNoAccessibilityViolations, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";
import { createMarker, messagesFor } from "./fixtures/report-pages";
import { DEMO_PASSWORD, signIn, signInWithTotpEnrollment } from "./fixtures/staff-sign-in";

/**
 * Conflict of interest from three sides, in Indonesian: an officer reports a colleague as involved
 * with a reason; the colleague can still open the case and sees nothing of the report; the office's
 * supervisor (signing in with TOTP) finds the report on the dashboard, confirms it on the case page,
 * and the colleague gets a 404; the supervisor removes the mark and the colleague can open the case
 * again. Every step is in the audit trail.
 *
 * The spec makes its own office staff and case, so no other spec's accounts or cases are touched.
 */

const caseTexts = JSON.parse(readFileSync(path.resolve("messages", "cases", "id.json"), "utf8")) as typeof caseMessages;
const actions = caseTexts.CaseActions;
const involvements = caseTexts.CasePage.involvements;
const notFound = messagesFor("id").NotFound;

test.afterAll(closeReportDatabase);

type Person = { id: string; name: string; email: string };

async function createStaffAndCase(marker: string) {
  const database = reportDatabase();
  const office = await database.office.findFirstOrThrow({ where: { code: { notIn: ["kanim-bekasi", "kanim-denpasar"] } }, orderBy: { code: "desc" }, select: { id: true } });
  const category = await database.category.findFirstOrThrow({ orderBy: { id: "asc" }, select: { id: true } });
  const passwordHash = await hashSecret(DEMO_PASSWORD);
  const suffix = randomBytes(4).toString("hex");
  const person = async (label: string, role: "OFFICER" | "SUPERVISOR"): Promise<Person> =>
    database.staffUser.create({
      data: { name: `${label} ${suffix}`, email: `e2e-${label.toLowerCase().replace(/\s+/g, "-")}-${suffix}@demo.lapor-imigrasi.id`, passwordHash, role, scopeLevel: "OFFICE", officeId: office.id },
      select: { id: true, name: true, email: true },
    });
  const reporter = await person("Pelapor Internal", "OFFICER");
  const colleague = await person("Rekan Diadukan", "OFFICER");
  const supervisor = await person("Kepala Kantor", "SUPERVISOR");
  const created = await database.case.create({
    data: {
      trackingCode: generateTrackingCode(),
      receiptSecretHash: "not-a-real-hash",
      kind: "PUNGLI",
      channel: "WALK_IN",
      officeId: office.id,
      categoryId: category.id,
      description: `${marker} Petugas loket meminta uang tambahan agar paspor cepat selesai.`,
      reporterMode: "ANONYMOUS",
      verificationDueAt: new Date(Date.now() + 7 * 24 * 60 * 60 * 1000),
    },
    select: { id: true, trackingCode: true },
  });
  return { reporter, colleague, supervisor, case: created };
}

async function openAs(browser: Browser, baseURL: string, person: Person, options: { totp?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext();
  await useLocale(context, "id", baseURL);
  const page = await context.newPage();
  if (options.totp) {
    await signInWithTotpEnrollment(page, person.email);
  } else {
    await signIn(page, person.email);
    await expect(page).toHaveURL(/\/dasbor$/);
  }
  return page;
}

async function expectCaseOpens(page: Page, caseId: string, trackingCode: string) {
  const response = await page.goto(`/dasbor/kasus/${caseId}`);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Kasus ${trackingCode}`);
}

async function expectCaseNotFound(page: Page, caseId: string) {
  const response = await page.goto(`/dasbor/kasus/${caseId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(notFound.title);
}

/** The reported colleague's case page: no report, no reason, no reporter in the involvement section or the timeline. */
async function expectNothingOfTheReport(page: Page, report: { reason: string; reporter: Person }) {
  await expect(page.getByText(report.reason)).toHaveCount(0);
  await expect(page.getByText(involvements.pendingTitle)).toHaveCount(0);
  for (const title of [involvements.title, caseTexts.CasePage.timeline.title]) {
    await expect(page.getByRole("region", { name: title, exact: true })).not.toContainText(report.reporter.name);
  }
  await expect(page.getByRole("region", { name: caseTexts.CasePage.timeline.title, exact: true })).not.toContainText(caseTexts.CaseLabels.eventAction.INVOLVEMENT_REPORTED);
}

test("an officer's report of a colleague takes effect only when a supervisor confirms it, and the supervisor can undo it", async ({ browser, baseURL }) => {
  test.slow();
  const marker = createMarker("involvement");
  const { reporter, colleague, supervisor, case: target } = await createStaffAndCase(marker);
  const reason = `${marker} Rekan ini yang menerima uang di loket`;

  // The officer reports the colleague: the report waits for a supervisor.
  const reporterPage = await openAs(browser, baseURL!, reporter);
  await expectCaseOpens(reporterPage, target.id, target.trackingCode);
  const reportPanel = reporterPage.getByRole("region", { name: actions.reportInvolvement.title });
  await reportPanel.getByLabel(actions.reportInvolvement.staff).selectOption(colleague.id);
  await reportPanel.getByLabel(actions.reportInvolvement.reason).fill(reason);
  await reportPanel.getByRole("button", { name: actions.reportInvolvement.submit }).click();
  await expect(reportPanel.getByRole("status")).toHaveText(actions.success.reportInvolvement);
  await expect(reporterPage.getByRole("heading", { name: involvements.ownTitle })).toBeVisible();
  await expect(reporterPage.getByText(`${colleague.name} — ${caseTexts.CaseLabels.involvementReportStatus.PENDING}`)).toBeVisible();

  // The colleague still opens the case and sees nothing of the report.
  const colleaguePage = await openAs(browser, baseURL!, colleague);
  await expectCaseOpens(colleaguePage, target.id, target.trackingCode);
  await expectNothingOfTheReport(colleaguePage, { reason, reporter });

  // The supervisor finds the report on the dashboard and confirms it on the case page.
  const supervisorPage = await openAs(browser, baseURL!, supervisor, { totp: true });
  await supervisorPage.goto("/dasbor");
  const pending = supervisorPage.getByRole("region", { name: new RegExp(caseTexts.CaseQueue.pendingInvolvementReports.title) });
  await expect(pending).toContainText(colleague.name);
  await pending.getByRole("link", { name: target.trackingCode }).click();
  await expect(supervisorPage.getByRole("heading", { level: 1 })).toHaveText(`Kasus ${target.trackingCode}`);
  const section = supervisorPage.getByRole("region", { name: involvements.title, exact: true });
  const report = section.getByRole("listitem").filter({ hasText: reason });
  await expect(report).toContainText(reporter.name);
  await expectNoAccessibilityViolations(supervisorPage);
  await report.getByLabel(actions.decideInvolvement.note).fill("Jadwal jaga menunjukkan ia bertugas di loket itu");
  await report.getByRole("button", { name: actions.decideInvolvement.confirm }).click();
  await expect(section.getByText(involvements.pendingTitle)).toHaveCount(0);
  await expect(section.getByRole("listitem").filter({ hasText: `${colleague.name} — Jadwal jaga menunjukkan ia bertugas di loket itu` })).toBeVisible();
  await expect(supervisorPage.getByText(caseTexts.CaseLabels.eventAction.INVOLVEMENT_REPORT_CONFIRMED, { exact: true })).toBeVisible();

  // Now the colleague cannot open the case.
  await expectCaseNotFound(colleaguePage, target.id);

  // The supervisor removes the mark: the colleague can open the case again.
  await section.getByText(actions.unmarkInvolvement.open.replace("{name}", colleague.name)).click();
  await section.getByLabel(actions.unmarkInvolvement.reason).fill("Pemeriksaan internal membersihkan namanya");
  await section.getByRole("button", { name: actions.unmarkInvolvement.submit, exact: true }).click();
  await expect(section.getByText(involvements.empty)).toBeVisible();
  await expect(supervisorPage.getByText(caseTexts.CaseLabels.eventAction.INVOLVEMENT_UNMARKED, { exact: true })).toBeVisible();
  await expectCaseOpens(colleaguePage, target.id, target.trackingCode);
  await expectNothingOfTheReport(colleaguePage, { reason, reporter });

  const events = await reportDatabase().caseEvent.findMany({ where: { caseId: target.id }, orderBy: { id: "asc" }, select: { action: true, actorId: true, isPublic: true } });
  expect(events).toEqual([
    { action: "INVOLVEMENT_REPORTED", actorId: reporter.id, isPublic: false },
    { action: "INVOLVEMENT_REPORT_CONFIRMED", actorId: supervisor.id, isPublic: false },
    { action: "INVOLVEMENT_UNMARKED", actorId: supervisor.id, isPublic: false },
  ]);
  for (const page of [reporterPage, colleaguePage, supervisorPage]) await page.context().close();
});
