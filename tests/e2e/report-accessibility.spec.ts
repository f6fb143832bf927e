import { expect, expectNoAccessibilityViolations, locales, test, useLocale } from "./_setup/fixtures";
import { expectNoHorizontalOverflow, messagesFor, openReportForm, submitReportForm } from "./fixtures/report-pages";
import { expectNoAccessibilityViolationsWithoutJavaScript } from "./fixtures/static-accessibility";

/**
 * The report form passes axe-core (WCAG 2.1 AA) empty and with errors, in both languages,
 * with and without JavaScript, and fits a 360 px screen. The receipt and the tracking view are
 * checked in the flows that reach them.
 */

for (const locale of locales) {
  test.describe(`in ${locale === "id" ? "Indonesian" : "English"}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await useLocale(context, locale, baseURL!);
    });

    test("the empty form and the form with errors are accessible and fit a 360 px screen", async ({ page, consoleErrors }) => {
      await page.setViewportSize({ width: 360, height: 740 });
      await openReportForm(page, locale, { isJavaScriptEnabled: true });
      await expectNoAccessibilityViolations(page);
      await expectNoHorizontalOverflow(page);

      await submitReportForm(page, locale);
      await expect(page.getByRole("alert", { name: messagesFor(locale).ReportForm.errorSummaryTitle })).toBeFocused();
      await expectNoAccessibilityViolations(page);
      await expectNoHorizontalOverflow(page);
      expect(consoleErrors).toEqual([]);
    });

    test.describe("without JavaScript", () => {
      test.use({ javaScriptEnabled: false });

      test("the plain form and the server's answer with errors are accessible", async ({ page, browser }) => {
        await openReportForm(page, locale, { isJavaScriptEnabled: false });
        await expectNoAccessibilityViolationsWithoutJavaScript(page, browser);

        await submitReportForm(page, locale);
        await expect(page.getByRole("alert", { name: messagesFor(locale).ReportForm.errorSummaryTitle })).toBeVisible();
        await expectNoAccessibilityViolationsWithoutJavaScript(page, browser);
      });
    });
  });
}

test.describe("with the keyboard only", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await useLocale(context, "id", baseURL!);
  });

  test("the office is found by typing its province and chosen with the arrow keys and Enter", async ({ page }) => {
    const office = messagesFor("id").ReportForm.office;
    await openReportForm(page, "id", { isJavaScriptEnabled: true });
    const combobox = page.getByRole("combobox", { name: office.label });
    await combobox.focus();
    await page.keyboard.type("bali");
    await expect(combobox).toHaveAttribute("aria-expanded", "true");
    const offices = page.getByRole("listbox", { name: office.listLabel }).getByRole("option");
    await expect(offices).not.toHaveCount(0);
    for (const option of await offices.allTextContents()) expect(option).toMatch(/Bali/);

    await page.keyboard.press("ArrowDown");
    const active = await combobox.getAttribute("aria-activedescendant");
    expect(active).toBeTruthy();
    const activeName = (await page.locator(`[id="${active}"] span`).first().textContent()) ?? "";
    await page.keyboard.press("Enter");
    await expect(combobox).toHaveAttribute("aria-expanded", "false");
    await expect(combobox).toHaveValue(activeName);
    await expect(combobox).toBeFocused();

    await page.keyboard.press("Escape");
    await expect(combobox).toHaveValue("");
  });

  test("choosing a pungli report with the keyboard shows its section and the fee of the chosen service", async ({ page }) => {
    const form = messagesFor("id").ReportForm;
    await openReportForm(page, "id", { isJavaScriptEnabled: true });
    await expect(page.getByRole("heading", { name: form.sections.pungli.replace("{number}", "3") })).toBeHidden();
    await page.getByRole("radio", { name: form.kind.complaint.label }).focus();
    await page.keyboard.press("ArrowDown");
    await expect(page.getByRole("radio", { name: form.kind.pungli.label })).toBeChecked();
    await expect(page.getByRole("heading", { name: form.sections.pungli.replace("{number}", "3") })).toBeVisible();

    await page.getByLabel(form.service.label).selectOption("paspor-el-5th");
    await page.getByLabel(form.pungli.amountDemanded.label).fill("Rp 1.000.000");
    await expect(page.getByText(/Tarif resmi: Rp\s650\.000/)).toBeVisible();
    await expect(page.getByText(/Selisih: Rp\s350\.000 di atas tarif resmi\./)).toBeVisible();
  });
});
