import { readFileSync } from "node:fs";
import path from "node:path";

import { verifyCheckpointSignature } from "@/lib/audit/checkpoint-signing";
import { listPublishedCheckpoints, takeDailyCheckpoint, type CheckpointsDocument } from "@/lib/audit/checkpoints";

import type transparencyMessages from "../../messages/transparency/id.json";
import { expect, expectNoAccessibilityViolations, locales, test, useLocale, type Locale } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";
import { expectNoHorizontalOverflow } from "./fixtures/report-pages";
import { expectNoAccessibilityViolationsWithoutJavaScript } from "./fixtures/static-accessibility";

/**
 * The public transparency page over the seeded demo data: no sign-in, both languages, the office
 * search with and without JavaScript, one office's monthly figures, axe-core clean at 360 px.
 */

type Texts = (typeof transparencyMessages)["Transparency"];

function textsFor(locale: Locale): Texts {
  const file = path.resolve("messages", "transparency", `${locale}.json`);
  return (JSON.parse(readFileSync(file, "utf8")) as typeof transparencyMessages).Transparency;
}

test.afterAll(closeReportDatabase);

const officeList = (page: import("@playwright/test").Page) => page.locator("#office-figures tr[data-office-search]:visible");
const allOfficeRows = (page: import("@playwright/test").Page) => page.locator("#office-figures tr[data-office-search]");
const provinceToggle = (page: import("@playwright/test").Page, province: string) => page.locator("#office-figures summary").filter({ has: page.getByText(province, { exact: true }) });
const pageHeight = (page: import("@playwright/test").Page) => page.evaluate(() => document.documentElement.scrollHeight);
/** A phone's page stays scannable: it was about 19,000 px with every office open. */
const MAX_PHONE_PAGE_HEIGHT = 6000;

for (const locale of locales) {
  test.describe(`in ${locale === "id" ? "Indonesian" : "English"}`, () => {
    const texts = textsFor(locale);

    test.beforeEach(async ({ context, baseURL }) => {
      await useLocale(context, locale, baseURL!);
    });

    test("shows the national figures, the trend by month and the method without signing in", async ({ page, consoleErrors }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      const response = await page.goto("/transparansi");

      expect(response?.status()).toBe(200);
      expect(page.url()).toMatch(/\/transparansi$/);
      await expect(page.getByRole("heading", { level: 1, name: texts.title })).toBeVisible();
      await expect(page.getByRole("heading", { level: 2, name: texts.national.title })).toBeVisible();
      await expect(page.getByText(texts.figures.received, { exact: true }).first()).toBeVisible();
      // The office search comes before the figures.
      const search = page.getByRole("searchbox", { name: texts.offices.searchLabel });
      const nationalHeading = page.getByRole("heading", { level: 2, name: texts.national.title });
      expect((await search.boundingBox())!.y).toBeLessThan((await nationalHeading.boundingBox())!.y);
      // The page is short: offices, trend, method and checkpoints are closed until asked for.
      expect(await pageHeight(page)).toBeLessThan(MAX_PHONE_PAGE_HEIGHT);
      await expect(officeList(page)).toHaveCount(0);
      await page.getByText(texts.trend.title, { exact: true }).click();
      await expect(page.getByRole("table", { name: texts.trend.caption }).getByRole("row")).toHaveCount(13);
      await expect(page.getByRole("heading", { level: 2, name: texts.method.title })).toBeVisible();
      await page.getByRole("heading", { level: 2, name: texts.method.title }).click();
      await expect(page.getByTestId("transparency-method").locator("p").first()).toBeVisible();
      await expectNoAccessibilityViolations(page);
      await expectNoHorizontalOverflow(page);
      expect(consoleErrors).toEqual([]);
    });

    test("finds an office as the visitor types and opens its figures by month", async ({ page, consoleErrors }) => {
      await page.goto("/transparansi");
      expect(await allOfficeRows(page).count()).toBeGreaterThan(100);

      // A province opens by itself; typing opens the groups with a match.
      await provinceToggle(page, "Bali").click();
      await expect(officeList(page).first()).toBeVisible();
      await page.getByRole("searchbox", { name: texts.offices.searchLabel }).fill("singaraja");
      await expect(officeList(page)).toHaveCount(1);
      await page.getByRole("searchbox", { name: texts.offices.searchLabel }).fill("denpasar");
      await expect(officeList(page)).toHaveCount(1);
      await expect(page.locator("[aria-live=polite]").filter({ hasText: locale === "id" ? "1 kantor ditampilkan." : "1 office shown." })).toBeVisible();

      await officeList(page).getByRole("link", { name: "Kantor Imigrasi Kelas I TPI Denpasar" }).click();
      await expect(page).toHaveURL(/office=kanim-denpasar/);
      await expect(page.getByRole("heading", { level: 2, name: "Kantor Imigrasi Kelas I TPI Denpasar" })).toBeVisible();
      // One office's trend is open from the start: it is what the visitor came for.
      await expect(page.getByRole("table", { name: texts.trend.caption }).getByRole("row")).toHaveCount(13);
      await expectNoAccessibilityViolations(page);

      await page.getByRole("link", { name: texts.office.back }).click();
      await expect(page.getByRole("heading", { level: 2, name: texts.national.title })).toBeVisible();
      expect(consoleErrors).toEqual([]);
    });

    test.describe("without JavaScript", () => {
      test.use({ javaScriptEnabled: false });

      test("searches the offices with the form", async ({ page, browser }) => {
        await page.goto("/transparansi");
        await page.getByRole("searchbox", { name: texts.offices.searchLabel }).fill("singaraja");
        await page.getByRole("button", { name: texts.offices.searchButton }).click();

        await expect(page).toHaveURL(/\?q=singaraja/);
        await expect(officeList(page)).toHaveCount(1);
        await expect(officeList(page)).toContainText("Singaraja");
        await expectNoAccessibilityViolationsWithoutJavaScript(page, browser);
      });

      test("is short on a phone, and a province opens without a script", async ({ page }) => {
        await page.setViewportSize({ width: 360, height: 740 });
        await page.goto("/transparansi");
        expect(await pageHeight(page)).toBeLessThan(MAX_PHONE_PAGE_HEIGHT);
        await expect(officeList(page)).toHaveCount(0);
        await provinceToggle(page, "Sumatera Barat").click();
        await expect(officeList(page).filter({ hasText: "Agam" })).toBeVisible();
        await expectNoHorizontalOverflow(page);
      });
    });
  });
}

test("the language switcher turns the page into English and back", async ({ page, context, baseURL }) => {
  await useLocale(context, "id", baseURL!);
  await page.goto("/transparansi");
  await expect(page.getByRole("heading", { level: 1, name: textsFor("id").title })).toBeVisible();

  await page.getByRole("button", { name: "English" }).first().click();
  await expect(page).toHaveURL(/\/transparansi$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: textsFor("en").method.title })).toBeVisible();
});

test("writes the offices' place notes in Indonesian on the Indonesian page", async ({ page, context, baseURL }) => {
  await useLocale(context, "id", baseURL!);
  await page.goto("/transparansi?q=agam");
  await expect(officeList(page)).toHaveCount(1);
  await expect(officeList(page)).toContainText("Agam (Bukittinggi)");
  await expect(page.getByRole("main")).not.toContainText(/near Bukittinggi|Gunungsitoli area/);
});

test("an unknown office falls back to the national figures with a notice", async ({ page, context, baseURL }) => {
  await useLocale(context, "id", baseURL!);
  await page.goto("/transparansi?office=kanim-tidak-ada");
  await expect(page.getByText(textsFor("id").office.notFound)).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: textsFor("id").national.title })).toBeVisible();
});

test("publishes the audit trail's signed checkpoints, checkable with the published public key alone", async ({ page, context, baseURL, request }) => {
  test.setTimeout(240_000);
  // The server takes one within its first minute; take it now (or find it) rather than wait.
  const taken = await takeDailyCheckpoint(reportDatabase());
  const [latest] = await listPublishedCheckpoints(reportDatabase(), { take: 1 });
  expect(taken.status === "taken" || taken.status === "exists").toBe(true);

  await useLocale(context, "id", baseURL!);
  await page.setViewportSize({ width: 360, height: 740 });
  const texts = textsFor("id").checkpoints;
  // Visitors without a session get /transparansi from a copy renewed every COPY_TTL_MS
  // (scripts/lib/public-copies.ts): a checkpoint taken just now shows once the copy is renewed.
  await expect(async () => {
    await page.goto("/transparansi");
    await expect(page.getByRole("heading", { level: 2, name: texts.title })).toBeVisible();
    await page.getByRole("heading", { level: 2, name: texts.title }).click();
    await expect(page.getByRole("table", { name: texts.caption }).getByRole("row").filter({ hasText: latest!.headHash })).toHaveCount(1, { timeout: 3_000 });
  }).toPass({ timeout: 100_000, intervals: [2_000, 5_000] });
  await expectNoAccessibilityViolations(page);
  await expectNoHorizontalOverflow(page);

  const response = await request.get("/transparansi/checkpoints.json");
  expect(response.headers()["content-disposition"]).toContain("attachment");
  const document = (await response.json()) as CheckpointsDocument;
  await expect(page.getByText(document.publicKey)).toBeVisible();
  const published = document.checkpoints.find((checkpoint) => checkpoint.day === latest!.day)!;
  expect(published).toEqual(latest);
  expect(verifyCheckpointSignature(published, published.signature, document.publicKey)).toBe(true);
  expect(verifyCheckpointSignature({ ...published, headHash: "0".repeat(64) }, published.signature, document.publicKey)).toBe(false);
});
