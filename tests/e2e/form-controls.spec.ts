import { expect, locales, test, useLocale } from "./_setup/fixtures";
import { createSmallPdf } from "./fixtures/evidence-files";
import { expectNoHorizontalOverflow, messagesFor, openReportForm, waitForUploadsToSettle } from "./fixtures/report-pages";

/**
 * Two controls of /lapor on a phone, in both languages: an amount is grouped as it is typed
 * (Rp 1.550.000), and the evidence picker speaks the page's language instead of the browser's
 * ("Choose Files"), with and without JavaScript.
 */

test.use({ viewport: { width: 360, height: 740 } });

for (const locale of locales) {
  test.describe(`in ${locale === "id" ? "Indonesian" : "English"}`, () => {
    const form = messagesFor(locale).ReportForm;
    const picker = messagesFor(locale).EvidencePicker;

    test.beforeEach(async ({ context, baseURL }) => {
      await useLocale(context, locale, baseURL!);
    });

    test("groups an amount as it is typed, and the fee note reads the same amount", async ({ page, consoleErrors }) => {
      await openReportForm(page, locale, { isJavaScriptEnabled: true });
      await page.getByRole("radio", { name: form.kind.pungli.label }).check();
      const demanded = page.getByLabel(form.pungli.amountDemanded.label);
      await demanded.pressSequentially("1550000");
      await expect(demanded).toHaveValue("1.550.000");
      // A digit typed in the middle keeps the caret behind it: "1.550.000" → "12.550.000" → "125.550.000".
      await demanded.press("Home");
      await demanded.press("ArrowRight");
      await demanded.pressSequentially("25");
      await expect(demanded).toHaveValue("125.550.000");
      await demanded.fill("Rp 1.550.000");
      await expect(demanded).toHaveValue("1.550.000");
      await page.getByLabel(form.pungli.amountPaid.label).pressSequentially("950000");
      await expect(page.getByLabel(form.pungli.amountPaid.label)).toHaveValue("950.000");
      await expectNoHorizontalOverflow(page);
      expect(consoleErrors).toEqual([]);
    });

    test("offers the evidence files through a button in the page's language and lists the files chosen", async ({ page }) => {
      await openReportForm(page, locale, { isJavaScriptEnabled: true });
      const input = page.getByLabel(form.evidence.label);
      const button = page.locator(`label[for="${await input.getAttribute("id")}"]`).filter({ hasText: picker.chooseFiles });
      await expect(button).toBeVisible();
      // The browser's own control, in the browser's language, is hidden (but focusable and labelled).
      expect((await input.boundingBox())?.width ?? 0).toBeLessThanOrEqual(1);
      await input.focus();
      await expect(input).toBeFocused();

      const chooser = page.waitForEvent("filechooser");
      await button.click();
      await (await chooser).setFiles([createSmallPdf("kuitansi-loket.pdf")]);
      await waitForUploadsToSettle(page, locale);
      await expect(page.getByRole("list", { name: picker.listLabel })).toContainText("kuitansi-loket.pdf");
      await expect(page.locator("label").filter({ hasText: picker.chooseMoreFiles })).toBeVisible();
    });

    test.describe("without JavaScript", () => {
      test.use({ javaScriptEnabled: false });

      test("the evidence button still opens the file dialog, and the field is named for the form", async ({ page }) => {
        await page.goto("/lapor");
        const input = page.getByLabel(form.evidence.label);
        await expect(input).toHaveAttribute("name", "evidence");
        const button = page.locator(`label[for="${await input.getAttribute("id")}"]`).filter({ hasText: picker.chooseFiles });
        await expect(button).toBeVisible();
        await expect(page.getByText(picker.chosenWithoutJavaScript)).toBeVisible();
        const chooser = page.waitForEvent("filechooser");
        await button.click();
        expect((await chooser).isMultiple()).toBe(true);
        await expectNoHorizontalOverflow(page);
      });
    });
  });
}
