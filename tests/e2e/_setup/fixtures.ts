import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type BrowserContext, type Page } from "@playwright/test";

export { expect };

export type Locale = "id" | "en";

export const locales: Locale[] = ["id", "en"];

/** The WCAG 2.1 A and AA rules, the level the site promises. */
const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Fixtures = {
  /** Console errors and uncaught page errors seen so far in this test's page. */
  consoleErrors: string[];
};

export const test = base.extend<Fixtures>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(`console: ${message.text()} (${message.location().url})`);
    });
    page.on("pageerror", (error) => errors.push(`page error: ${error.message}`));
    await use(errors);
  },
});

/** Chooses the interface language the way the language switcher does: the NEXT_LOCALE cookie. */
export async function useLocale(context: BrowserContext, locale: Locale, baseURL: string): Promise<void> {
  await context.addCookies([{ name: "NEXT_LOCALE", value: locale, url: baseURL }]);
}

/** Fails with one readable line per violated rule and the elements that break it. */
export async function expectNoAccessibilityViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const violations = results.violations.map(
    (violation) =>
      `${violation.id} (${violation.impact ?? "unknown impact"}): ${violation.help}\n` +
      violation.nodes.map((node) => `    ${node.target.join(" ")}`).join("\n"),
  );
  expect(violations, `axe-core found WCAG 2.1 AA violations on ${page.url()}`).toEqual([]);
}
