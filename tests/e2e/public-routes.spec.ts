import { expect, expectNoAccessibilityViolations, locales, test, useLocale } from "./_setup/fixtures";

/** Every page a visitor can reach without signing in. */
const routes = ["/", "/lapor", "/lacak", "/masuk", "/dasbor", "/transparansi"];

for (const locale of locales) {
  test.describe(`in ${locale === "id" ? "Indonesian" : "English"}`, () => {
    test.beforeEach(async ({ context, baseURL }) => {
      await useLocale(context, locale, baseURL!);
    });

    for (const route of routes) {
      test(`${route} renders an accessible page with a heading and no console errors`, async ({ page, consoleErrors }) => {
        // /dasbor may send a signed-out visitor to /masuk: what counts is the page they land on.
        const response = await page.goto(route);

        expect(response?.status()).toBe(200);
        await expect(page.locator("html")).toHaveAttribute("lang", locale);
        await expect(page.locator("h1").first()).toBeVisible();
        await expectNoAccessibilityViolations(page);
        expect(consoleErrors).toEqual([]);
      });
    }
  });
}

test("/api/health reports the app and its database as ok", async ({ request }) => {
  const response = await request.get("/api/health");

  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
});
