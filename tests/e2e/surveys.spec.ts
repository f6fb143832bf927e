import { readFile } from "node:fs/promises";
import { inflateSync } from "node:zlib";

import type { Page } from "@playwright/test";

import type { SurveyElementKey } from "@/lib/surveys/elements";

import { expect, test } from "./_setup/fixtures";
import { signIn } from "./fixtures/staff-sign-in";

/**
 * Visitor surveys as a new user meets them: an officer prints the day's QR cards and the poster
 * from /dasbor/survei; a visitor invited by a card answers on a 360 px phone with JavaScript, says
 * they were asked to pay extra and continues to a pungli report with the answers filled in; a
 * visitor at the poster answers without JavaScript, first half-filled (told what is missing, no
 * answer lost); a surveyor enters a spontaneous interview.
 */

const DENPASAR = "kanim-denpasar";
const PHONE = { width: 360, height: 780 };
const survey = JSON.parse(await readFile("messages/surveys/id.json", "utf8")) as typeof import("../../messages/surveys/id.json");

/** The text PDFKit draws (hex strings in TJ arrays of its deflated content streams). */
function readPdfText(pdf: Buffer): string {
  const source = pdf.toString("latin1");
  const texts: string[] = [];
  for (const match of source.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, "latin1")).toString("latin1");
    } catch {
      continue;
    }
    for (const array of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      texts.push([...array[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((hex) => Buffer.from(hex[1]!, "hex").toString("latin1")).join(""));
    }
  }
  return texts.join("\n");
}

async function download(page: Page, linkName: string): Promise<Buffer> {
  const waiting = page.waitForEvent("download");
  await page.getByRole("link", { name: linkName }).click();
  const file = await waiting;
  return readFile((await file.path())!);
}

async function answerElements(page: Page, scores: Partial<Record<SurveyElementKey, 1 | 2 | 3 | 4>>) {
  for (const [element, score] of Object.entries(scores)) await page.locator(`#survey-${element}-${score}`).check();
}

test("an officer prints the QR cards and poster; an invited visitor reports a demand for money and continues to a prefilled pungli report", async ({ browser, page, consoleErrors }) => {
  await signIn(page, "petugas.denpasar@demo.lapor-imigrasi.id");
  await expect(page).toHaveURL(/\/dasbor/, { timeout: 30_000 });
  await page.goto("/dasbor/survei");
  await expect(page.getByRole("heading", { level: 1, name: survey.SurveyStaff.title })).toBeVisible();
  await expect(page.getByTestId("survey-tickets").getByRole("listitem").first()).toBeVisible();

  const cards = await download(page, survey.SurveyStaff.printCards);
  expect(cards.subarray(0, 5).toString()).toBe("%PDF-");
  const code = readPdfText(cards).match(/[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}/)?.[0];
  expect(code, "the cards carry a code").toBeTruthy();
  const poster = await download(page, survey.SurveyStaff.printPoster);
  expect(poster.subarray(0, 5).toString()).toBe("%PDF-");
  expect(readPdfText(poster)).toContain(`/survei/${DENPASAR}`);

  const phone = await browser.newContext({ viewport: PHONE, isMobile: true });
  const visitor = await phone.newPage();
  await visitor.goto(`/survei/${DENPASAR}?kode=${code}`);
  await expect(visitor.getByText(survey.SurveyPage.codeValid)).toBeVisible();
  await visitor.getByLabel(survey.SurveyForm.service).selectOption("paspor-el-10th");
  await answerElements(visitor, { requirements: 3, procedure: 3, time: 2, cost: 1, product: 3, staffCompetence: 3, staffConduct: 2, complaintHandling: 1, facilities: 3 });
  await visitor.locator("#survey-askedToPay-yes").check();
  await visitor.getByLabel(survey.SurveyForm.askedToPayAmount).fill("500000");
  await visitor.locator("#survey-askedToPayBy-STAFF").check();
  await visitor.locator("#survey-offeredShortcut-no").check();
  await visitor.locator("#survey-receiptGiven-no").check();
  expect(await visitor.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await visitor.getByRole("button", { name: survey.SurveyForm.submit }).click();

  await expect(visitor.getByRole("heading", { level: 1, name: survey.SurveyThanks.title })).toBeVisible({ timeout: 30_000 });
  await visitor.getByRole("link", { name: survey.SurveyThanks.pungliAction }).click();
  await expect(visitor).toHaveURL(/\/lapor\?/);
  await expect(visitor.locator('input[name="amountDemanded"]')).toHaveValue(/500/);
  await expect(visitor.locator('input[name="officeCode"]')).toHaveValue(DENPASAR);
  await phone.close();

  // The code is spent: the same card opened again says so.
  const again = await browser.newPage();
  await again.goto(`/survei/${DENPASAR}?kode=${code}`);
  await expect(again.getByText(survey.SurveyPage.codeUsed)).toBeVisible();
  await again.close();
  expect(consoleErrors).toEqual([]);
});

test("a visitor at the poster answers without JavaScript on a phone, told what is missing without losing an answer", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: PHONE, isMobile: true, javaScriptEnabled: false });
  const visitor = await phone.newPage();
  await visitor.goto(`/survei/${DENPASAR}`);
  await visitor.getByLabel(survey.SurveyForm.service).selectOption("paspor-el-10th");
  await answerElements(visitor, { requirements: 4, procedure: 4, time: 3 });
  await visitor.getByLabel(survey.SurveyForm.comment).fill("Ruang tunggu nyaman");
  await visitor.getByRole("button", { name: survey.SurveyForm.submit }).click();

  await expect(visitor.getByRole("heading", { name: survey.SurveyForm.errorTitle })).toBeVisible({ timeout: 30_000 });
  await expect(visitor.getByRole("link", { name: survey.SurveyForm.errors.required.replace("{field}", survey.SurveyForm.elements.cost.question) })).toBeVisible();
  await expect(visitor.locator("#survey-time-3")).toBeChecked();
  await expect(visitor.getByLabel(survey.SurveyForm.comment)).toHaveValue("Ruang tunggu nyaman");

  await answerElements(visitor, { cost: 4, product: 3, staffCompetence: 4, staffConduct: 4, complaintHandling: 3, facilities: 4 });
  await visitor.locator("#survey-askedToPay-no").check();
  await visitor.locator("#survey-offeredShortcut-no").check();
  await visitor.locator("#survey-receiptGiven-yes").check();
  await visitor.getByRole("button", { name: survey.SurveyForm.submit }).click();
  await expect(visitor.getByRole("heading", { level: 1, name: survey.SurveyThanks.title })).toBeVisible({ timeout: 30_000 });
  await expect(visitor.getByRole("link", { name: survey.SurveyThanks.pungliAction })).toHaveCount(0);
  await phone.close();
});

test("a surveyor enters a spontaneous interview on a phone", async ({ browser }) => {
  const phone = await browser.newContext({ viewport: PHONE, isMobile: true });
  const page = await phone.newPage();
  await signIn(page, "surveior.jabar@demo.lapor-imigrasi.id");
  await expect(page).toHaveURL(/\/dasbor\/survei\/wawancara/, { timeout: 30_000 });
  await page.getByLabel(survey.SurveyStaff.office).selectOption("kanim-bandung");
  await page.getByRole("button", { name: survey.SurveyStaff.show }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Wawancara pengunjung/ })).toBeVisible();
  await page.getByLabel(survey.SurveyForm.service).selectOption("paspor-el-10th");
  await answerElements(page, { requirements: 3, procedure: 3, time: 3, cost: 4, product: 3, staffCompetence: 3, staffConduct: 3, complaintHandling: 2, facilities: 3 });
  await page.locator("#survey-askedToPay-no").check();
  await page.locator("#survey-offeredShortcut-yes").check();
  await page.locator("#survey-receiptGiven-yes").check();
  await page.getByRole("button", { name: survey.SurveyForm.submit }).click();
  await expect(page.getByText(survey.SurveyThanks.interviewRecorded)).toBeVisible({ timeout: 30_000 });
  await phone.close();
});
