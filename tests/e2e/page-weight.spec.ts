import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

import { expect, locales, test, useLocale, type Locale } from "./_setup/fixtures";

/**
 * What the public pages send to the browser: no staff texts in their HTML (each page's provider
 * names only the namespaces its client components use, components/client-messages.tsx), no
 * message a client component asks for and does not get, and /lapor's JavaScript within budget.
 */

const publicRoutes = ["/", "/lapor", "/lacak", "/transparansi"];

function readMessage(area: string, locale: Locale, key: string): string {
  const file = path.join(process.cwd(), "messages", area, `${locale}.json`);
  const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], JSON.parse(readFileSync(file, "utf8")));
  if (typeof value !== "string") throw new Error(`${area}/${locale}.json has no message ${key}`);
  return value;
}

/** Distinctive texts of the staff dashboard, one from each staff area. */
function staffOnlyTexts(locale: Locale): string[] {
  return [
    readMessage("cases", locale, "CaseActions.success.unmarkInvolvement"),
    readMessage("admin-staff", locale, "AdminStaff.list.empty"),
    readMessage("statistics", locale, "Statistics.notAvailable.title"),
    readMessage("exports", locale, "Exports.panel.separator"),
    readMessage("auth", locale, "AccountSecurity.lead"),
  ];
}

/**
 * The JavaScript /lapor loads before anyone touches it, gzipped. A bare Next.js 16.4 page (React
 * 19.3, no component of ours) already loads 131.7 KiB here; this budget is that plus the report
 * form, the message formatter and the error boundaries (165.3 KiB measured on 2026-12-07). It fails when something heavy (a schema
 * library, a chart library, a whole message catalogue) comes back into the first load.
 */
const LAPOR_FIRST_LOAD_BUDGET_BYTES = 170 * 1024;

for (const locale of locales) {
  test.describe(`in ${locale === "id" ? "Indonesian" : "English"}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await useLocale(context, locale, baseURL!);
    });

    for (const route of publicRoutes) {
      test(`${route} sends no staff texts`, async ({ page }) => {
        const response = await page.request.get(route);
        expect(response.status()).toBe(200);
        const html = await response.text();
        for (const text of staffOnlyTexts(locale)) expect(html, text).not.toContain(text);
      });

      test(`${route} gives its client components every message they ask for`, async ({ page }) => {
        const missing: string[] = [];
        page.on("console", (message) => {
          if (/MISSING_MESSAGE|INSUFFICIENT_PATH/.test(message.text())) missing.push(message.text());
        });
        await page.goto(route);
        // After hydration the client components have translated everything they render.
        await page.waitForFunction(() => document.readyState === "complete");
        await page.waitForLoadState("networkidle");
        expect(missing).toEqual([]);
      });
    }

    test("/masuk, a staff page, sends no texts of the report form or the receipt", async ({ page }) => {
      const html = await (await page.request.get("/masuk")).text();
      expect(html).toContain(readMessage("auth", locale, "SignIn.lead"));
      const publicTexts = ["ReportForm.description.hintIntro", "Receipt.title", "TrackedCase.rating.title"].map((key) => readMessage("", locale, key));
      for (const text of publicTexts) expect(html, text).not.toContain(text);
    });
  });
}

test("/lapor loads at most its budget of JavaScript before it is used", async ({ page }) => {
  const scripts: Promise<{ url: string; gzippedBytes: number }>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    scripts.push(response.body().then((body) => ({ url: response.url(), gzippedBytes: gzipSync(body).length })));
  });
  await page.goto("/lapor");
  await page.waitForLoadState("networkidle");
  const loaded = await Promise.all(scripts);
  const total = loaded.reduce((sum, script) => sum + script.gzippedBytes, 0);

  expect(loaded.length).toBeGreaterThan(0);
  expect(total, loaded.map((script) => `${script.gzippedBytes} ${script.url}`).join("\n")).toBeLessThanOrEqual(LAPOR_FIRST_LOAD_BUDGET_BYTES);
});
