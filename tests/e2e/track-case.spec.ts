import { DEMO_RECEIPT_KEY } from "@/prisma/demo-staff";

import { expect, expectNoAccessibilityViolations, locales, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, findDemoCase, reportDatabase } from "./fixtures/report-database";
import { expectNoHorizontalOverflow, messagesFor, openCase } from "./fixtures/report-pages";
import { expectNoAccessibilityViolationsWithoutJavaScript } from "./fixtures/static-accessibility";

/**
 * Following a case on /lacak with a demo case (every demo case opens with the demo receipt
 * key). Each test takes a case of its own, so tests running side by side never share one.
 */

test.afterAll(closeReportDatabase);

test.describe("opening a case", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await useLocale(context, "id", baseURL!);
  });

  test("a wrong key and an unknown code get the same generic message; the code is kept, the key is not", async ({ page }) => {
    const text = messagesFor("id");
    const demo = await findDemoCase({ status: ["IN_PROGRESS"], offset: 5 });
    const generic = text.ReportErrors.trackingNotFound;

    await openCase(page, "id", { trackingCode: demo.trackingCode, secretKey: "11111-22222-33333-44444-55555" });
    const summary = page.getByRole("alert", { name: text.TrackPage.form.errorSummaryTitle });
    await expect(summary).toContainText(generic);
    await expect(summary).toBeFocused();
    await expect(page.getByLabel(text.TrackPage.form.trackingCode.label)).toHaveValue(demo.trackingCode);
    await expect(page.getByLabel(text.TrackPage.form.secretKey.label)).toHaveValue("");
    await expect(page.getByLabel(text.TrackPage.form.secretKey.label)).toHaveAttribute("autocomplete", "off");
    await expect(page.getByLabel(text.TrackPage.form.secretKey.label)).toHaveAttribute("inputmode", "numeric");
    await expectNoAccessibilityViolations(page);

    await openCase(page, "id", { trackingCode: "LI-2222-3333", secretKey: DEMO_RECEIPT_KEY });
    await expect(summary).toHaveText(new RegExp(`${escapeRegExp(generic)}$`));
    await expect(page.getByTestId("case-status")).toHaveCount(0);
  });

  test("Keluar forgets the case on this device, and a copy of the cookie no longer opens it", async ({ page, context }) => {
    const text = messagesFor("id");
    const demo = await findDemoCase({ status: ["IN_PROGRESS"], offset: 6 });
    await openCase(page, "id", { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });
    await expect(page.getByTestId("case-status")).toBeVisible();
    const trackingCookie = (await context.cookies()).find((cookie) => cookie.name === "lacak");

    await page.getByRole("button", { name: text.TrackedCase.close.button }).click();
    await expect(page.getByLabel(text.TrackPage.form.trackingCode.label)).toBeVisible();
    expect((await context.cookies()).some((cookie) => cookie.name === "lacak")).toBe(false);
    await page.reload();
    await expect(page.getByTestId("case-status")).toHaveCount(0);

    await context.addCookies([trackingCookie!]);
    await page.reload();
    await expect(page.getByLabel(text.TrackPage.form.trackingCode.label)).toBeVisible();
    await expect(page.getByTestId("case-status")).toHaveCount(0);
  });
});

for (const locale of locales) {
  test.describe(`a case being handled, in ${locale === "id" ? "Indonesian" : "English"}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await useLocale(context, locale, baseURL!);
    });

    test("shows the status in plain words, the deadline, the office's replies apart from mine, and the history", async ({ page }) => {
      const text = messagesFor(locale).TrackedCase;
      const demo = await findDemoCase({ status: ["IN_PROGRESS"], offset: locale === "id" ? 0 : 1 });
      await openCase(page, locale, { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });

      await expect(page.getByRole("heading", { level: 1 })).toContainText(demo.trackingCode);
      await expect(page.getByTestId("case-status")).toHaveText(text.status.labels.IN_PROGRESS);
      await expect(page.getByText(text.status.explanations.IN_PROGRESS)).toBeVisible();
      await expect(page.getByText(text.status.deadline.resolution)).toBeVisible();
      const officeReply = page.getByTestId("office-message").first();
      await expect(officeReply).toBeVisible();
      // Said in words, not only by colour: the reply names the office it comes from.
      await expect(officeReply).toContainText(demo.office.name);
      await expect(page.getByRole("heading", { name: text.timeline.title })).toBeVisible();
      await expect(page.getByText(text.timeline.actions.CASE_FILED)).toBeVisible();
      await expectNoAccessibilityViolations(page);

      await page.setViewportSize({ width: 360, height: 740 });
      await expectNoHorizontalOverflow(page);
    });
  });
}

test.describe("the deadline clock", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await useLocale(context, "id", baseURL!);
  });

  test("while the office waits for the reporter, the page says the clock is paused", async ({ page }) => {
    const text = messagesFor("id").TrackedCase;
    const demo = await findDemoCase({ status: ["IN_PROGRESS"], offset: 2 });
    await reportDatabase().case.update({ where: { id: demo.id }, data: { status: "WAITING_FOR_REPORTER", clockPausedAt: new Date() } });

    await openCase(page, "id", { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });
    await expect(page.getByTestId("case-status")).toHaveText(text.status.labels.WAITING_FOR_REPORTER);
    await expect(page.getByText(text.status.deadline.paused)).toBeVisible();
    await expect(page.getByText(/hari kerja lagi/)).toHaveCount(0);
  });
});

test.describe("rating a closed case", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await useLocale(context, "id", baseURL!);
  });

  test("a resolved case can be rated once, with a comment", async ({ page }) => {
    const text = messagesFor("id").TrackedCase.rating;
    const demo = await findDemoCase({ status: ["RESOLVED"], isRated: false, offset: 0 });
    await openCase(page, "id", { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });

    const scale = page.getByRole("group", { name: text.legend });
    await expect(scale.getByRole("radio")).toHaveCount(5);
    await expectNoAccessibilityViolations(page);
    await page.getByRole("button", { name: text.submit }).click();
    await expect(page.locator("#score-error")).toContainText(messagesFor("id").ReportErrors.requiredField.score);

    await scale.getByRole("radio", { name: /^4 – / }).check();
    await page.getByLabel(text.comment.label).fill("Cepat ditangani, terima kasih.");
    await page.getByRole("button", { name: text.submit }).click();
    await expect(page.getByTestId("rating-thanks")).toHaveText("Terima kasih atas penilaian Anda: 4 dari 5 (Puas).");
    await expect(page.getByRole("group", { name: text.legend })).toHaveCount(0);

    const rating = await reportDatabase().satisfactionRating.findUniqueOrThrow({ where: { caseId: demo.id }, select: { score: true, comment: true } });
    expect(rating).toEqual({ score: 4, comment: "Cepat ditangani, terima kasih." });
  });

  test.describe("without JavaScript", () => {
    test.use({ javaScriptEnabled: false });

    test("a rejected case can be rated with a plain form post", async ({ page, browser }) => {
      const text = messagesFor("id").TrackedCase.rating;
      const demo = await findDemoCase({ status: ["REJECTED"], isRated: false, offset: 0 });
      await openCase(page, "id", { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });
      await expect(page.getByTestId("case-status")).toBeVisible();
      await expectNoAccessibilityViolationsWithoutJavaScript(page, browser);

      await page.getByRole("group", { name: text.legend }).getByRole("radio", { name: /^2 – / }).check();
      await page.getByRole("button", { name: text.submit }).click();
      await expect(page.getByTestId("rating-thanks")).toHaveText("Terima kasih atas penilaian Anda: 2 dari 5 (Tidak puas).");
    });
  });
});

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
