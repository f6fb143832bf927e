import { readFileSync } from "node:fs";
import path from "node:path";

import type { Page } from "@playwright/test";

import { resolvePeriod } from "@/lib/statistics/period";
import type caseMessages from "@/messages/cases/id.json";
import type statisticsMessages from "@/messages/statistics/id.json";

import { expect, expectNoAccessibilityViolations, test, useLocale, type Locale } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";
import { expectNoHorizontalOverflow, messagesFor } from "./fixtures/report-pages";
import { signIn, signInWithTotpEnrollment } from "./fixtures/staff-sign-in";

/**
 * A supervisor reads /dasbor/statistik: the figures match the database, the period changes from
 * the form, a figure leads to the queue listing exactly that many cases, an impossible custom
 * period is refused with what was typed kept, and the page passes axe-core in both languages and
 * fits a 360 px screen. An officer is told the page is not for their role.
 */

// A supervisor no other spec signs in with: this spec enrolls their TOTP.
const SUPERVISOR = { email: "supervisor.nasional@demo.lapor-imigrasi.id" };
const OFFICER = { email: "petugas.denpasar@demo.lapor-imigrasi.id" };

type StatisticsTexts = (typeof statisticsMessages)["Statistics"];
type CaseTexts = typeof caseMessages;

function statisticsTexts(locale: Locale): StatisticsTexts {
  return (JSON.parse(readFileSync(path.resolve("messages", "statistics", `${locale}.json`), "utf8")) as typeof statisticsMessages).Statistics;
}

const caseTexts = JSON.parse(readFileSync(path.resolve("messages", "cases", "id.json"), "utf8")) as CaseTexts;

test.afterAll(closeReportDatabase);

/** The headline figure card whose label is `label`: the whole card is the link to the queue. */
function figure(page: Page, label: string) {
  return page.getByRole("main").getByRole("link").filter({ has: page.getByText(label, { exact: true }) }).first();
}

/** The number a figure card shows first, without the locale's grouping ("1.234" → 1234). */
async function figureNumber(page: Page, label: string): Promise<number> {
  const text = (await figure(page, label).locator("span").first().textContent()) ?? "";
  return Number(text.replace(/\D/g, ""));
}

/** The count on the queue's "all statuses" tab: every case the queue lists under its filters. */
async function queueTotal(page: Page): Promise<number> {
  const tab = page.getByRole("navigation", { name: caseTexts.CaseQueue.statusTabs.label }).getByRole("link", { name: new RegExp(caseTexts.CaseQueue.statusTabs.all) });
  return Number(((await tab.textContent()) ?? "").replace(/\D/g, ""));
}

/** Reports a national supervisor may see, received in a period of Jakarta days, counted straight from the database. */
async function countReceived(period: { from: string; to: string }): Promise<number> {
  const start = new Date(`${period.from}T00:00:00+07:00`);
  const end = new Date(new Date(`${period.to}T00:00:00+07:00`).getTime() + 24 * 60 * 60 * 1000);
  return reportDatabase().case.count({ where: { receivedAt: { gte: start, lt: end }, involvements: { none: { staffUser: { email: SUPERVISOR.email } } } } });
}

test("a supervisor reads the statistics, changes the period and checks a figure in the queue", async ({ page, context, baseURL, consoleErrors }) => {
  test.slow();
  await useLocale(context, "id", baseURL!);
  const t = statisticsTexts("id");
  await signInWithTotpEnrollment(page, SUPERVISOR.email);

  // The menu leads to the statistics.
  await page.goto("/dasbor");
  await page.getByRole("navigation", { name: messagesFor("id").DashboardNav.label }).getByRole("link", { name: messagesFor("id").DashboardNav.statistics }).click();
  await expect(page).toHaveURL(/\/dasbor\/statistik$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
  await expect(page.getByTestId("statistics-scope")).toContainText(t.header.scopeAll);
  await expectNoAccessibilityViolations(page);

  // Last month: no test files a report into it, so the database's count is stable.
  const filterForm = page.getByRole("form", { name: t.filters.title });
  // Typing a date chooses "custom dates" by itself (with JavaScript; without, the hint says to).
  await filterForm.getByLabel(t.filters.from).fill("2026-01-01");
  await expect(filterForm.getByLabel(t.filters.period)).toHaveValue("custom");
  await filterForm.getByLabel(t.filters.period).selectOption("last-month");
  await filterForm.getByRole("button", { name: t.filters.apply }).click();
  await expect(page).toHaveURL(/[?&]period=last-month/);
  const lastMonth = resolvePeriod({ preset: "last-month" }, new Date())!;
  const received = await countReceived(lastMonth);
  expect(received, "the seed has demo cases in every one of the last 12 months").toBeGreaterThan(0);
  expect(await figureNumber(page, t.volume.received)).toBe(received);
  await expectNoAccessibilityViolations(page);

  // Every figure opens the queue with the cases behind it: the received ones...
  await figure(page, t.volume.received).click();
  await expect(page).toHaveURL(new RegExp(`/dasbor\\?.*from=${lastMonth.from}&to=${lastMonth.to}`));
  expect(await queueTotal(page)).toBe(received);

  // ...and those decided within 3 working days, the numerator of the on-time share.
  await page.goBack();
  const verification = figure(page, t.deadlines.verificationOnTime);
  const onTime = Number(((await verification.locator("span").nth(2).textContent()) ?? "").split(/\s/)[0]!.replace(/\D/g, ""));
  await verification.click();
  await expect(page).toHaveURL(/[?&]verification=on-time/);
  expect(await queueTotal(page)).toBe(onTime);

  // An impossible custom period is refused; what was typed stays in the fields.
  await page.goto("/dasbor/statistik?period=custom&from=2026-05-10&to=2026-05-01");
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(t.filters.invalidPeriod);
  await expect(filterForm.getByLabel(t.filters.from)).toHaveValue("2026-05-10");
  await expect(filterForm.getByLabel(t.filters.to)).toHaveValue("2026-05-01");
  await expect(filterForm.getByLabel(t.filters.from)).toHaveAttribute("aria-invalid", "true");
  await expectNoAccessibilityViolations(page);

  // The same page in English, and on a phone.
  await useLocale(context, "en", baseURL!);
  const en = statisticsTexts("en");
  await page.goto("/dasbor/statistik?period=year");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en.title);
  await expect(figure(page, en.volume.received)).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.setViewportSize({ width: 360, height: 800 });
  await page.reload();
  await expect(page.getByRole("heading", { level: 2, name: en.method.title })).toBeVisible();
  await expectNoHorizontalOverflow(page);
  expect(consoleErrors).toEqual([]);
});

test("an officer has no statistics: no menu entry, and the page says it is not for their role", async ({ page, context, baseURL }) => {
  await useLocale(context, "id", baseURL!);
  const t = statisticsTexts("id");
  await signIn(page, OFFICER.email);
  await expect(page).toHaveURL(/\/dasbor$/);
  await expect(page.getByRole("navigation", { name: messagesFor("id").DashboardNav.label }).getByRole("link", { name: messagesFor("id").DashboardNav.statistics })).toHaveCount(0);

  await page.goto("/dasbor/statistik");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.notAvailable.title);
  await expect(page.getByText(t.volume.received)).toHaveCount(0);
  await expectNoAccessibilityViolations(page);
});
