import type { Page } from "@playwright/test";

import { expect, expectNoAccessibilityViolations, locales, test, useLocale } from "./_setup/fixtures";

const DEMO_PASSWORD = "Demo-Lapor-2026";
// Officers no other spec signs in as, so parallel specs never share a session or a limit.
const OFFICER = { email: "petugas.denpasar@demo.lapor-imigrasi.id", name: "I Made Wirawan" };
const NO_SCRIPT_OFFICER = "petugas2.bekasi@demo.lapor-imigrasi.id";

async function submitPassword(page: Page, email: string, password: string) {
  await page.getByLabel("Email kantor").fill(email);
  await page.getByLabel("Kata sandi").fill(password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

test.describe("signing in with a password", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await useLocale(context, "id", baseURL!);
  });

  test("an officer signs in, reaches the dashboard, and signing out ends the session", async ({ page, context }) => {
    await page.goto("/dasbor");
    await expect(page).toHaveURL(/\/masuk\?callbackUrl=%2Fdasbor$/);

    await submitPassword(page, OFFICER.email, DEMO_PASSWORD);
    // The first sign-in on a freshly started server (password hash, first dashboard render) can take a while on a busy machine.
    await expect(page).toHaveURL(/\/dasbor$/, { timeout: 30_000 });
    await expect(page.getByText(`Masuk sebagai ${OFFICER.name}`)).toBeVisible();
    const sessionCookie = (await context.cookies()).find((cookie) => cookie.name === "authjs.session-token");
    expect(sessionCookie?.httpOnly).toBe(true);
    expect(sessionCookie?.sameSite).toBe("Lax");

    await page.getByRole("button", { name: "Keluar" }).click();
    await expect(page).toHaveURL(/\/masuk\?status=signed-out$/);
    await expect(page.getByText("Anda sudah keluar.")).toBeVisible();
    expect((await context.cookies()).some((cookie) => cookie.name === "authjs.session-token")).toBe(false);

    await page.goto("/dasbor");
    await expect(page).toHaveURL(/\/masuk/);

    // A copy of the cookie taken before signing out (a stolen one) is worthless: the session ended on the server.
    await context.addCookies([sessionCookie!]);
    await page.goto("/dasbor");
    await expect(page).toHaveURL(/\/masuk(\?|$)/);
    await expect(page.getByText(`Masuk sebagai ${OFFICER.name}`)).toHaveCount(0);
  });

  test("a wrong password and an unknown email get the same generic message", async ({ page }) => {
    await page.goto("/masuk");
    await submitPassword(page, OFFICER.email, "Bukan-Kata-Sandinya");
    const alert = page.getByRole("main").getByRole("alert");
    await expect(alert).toHaveText("Email atau kata sandi salah.");
    await expect(page.getByLabel("Email kantor")).toHaveValue(OFFICER.email);
    await expect(page.getByLabel("Kata sandi")).toHaveValue("");

    await submitPassword(page, "tidak.ada@demo.lapor-imigrasi.id", DEMO_PASSWORD);
    await expect(alert).toHaveText("Email atau kata sandi salah.");
    await expect(page).toHaveURL(/\/masuk$/);
  });

  test("empty fields are named next to the field", async ({ page }) => {
    await page.goto("/masuk");
    await page.getByRole("button", { name: "Masuk", exact: true }).click();
    await expect(page.getByText("Isi email Anda.")).toBeVisible();
    await expect(page.getByText("Isi kata sandi Anda.")).toBeVisible();
    await expect(page.getByLabel("Email kantor")).toHaveAttribute("aria-invalid", "true");
  });

  test("after signing in the user returns to the dashboard page they asked for", async ({ page }) => {
    await page.goto("/dasbor/akun");
    await expect(page).toHaveURL(/\/masuk\?callbackUrl=%2Fdasbor%2Fakun$/);
    await submitPassword(page, OFFICER.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dasbor\/akun$/);
    await expect(page.getByRole("heading", { level: 1, name: "Keamanan akun" })).toBeVisible();
  });

  test("a return path to another site is ignored", async ({ page }) => {
    await page.goto("/masuk?callbackUrl=https%3A%2F%2Fevil.example%2Fdasbor");
    await submitPassword(page, OFFICER.email, DEMO_PASSWORD);
    await expect(page).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/dasbor$/);
  });
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the sign-in form still works, errors included", async ({ page, context, baseURL }) => {
    await useLocale(context, "id", baseURL!);
    await page.goto("/masuk");
    await submitPassword(page, NO_SCRIPT_OFFICER, "Bukan-Kata-Sandinya");
    await expect(page.getByRole("main").getByRole("alert")).toHaveText("Email atau kata sandi salah.");

    await submitPassword(page, NO_SCRIPT_OFFICER, DEMO_PASSWORD);
    await expect(page).toHaveURL(/\/dasbor$/);
    await expect(page.getByText("Masuk sebagai Siti Nurhaliza")).toBeVisible();
  });
});

for (const locale of locales) {
  test(`/masuk has no accessibility violations or console errors, with an error shown too (${locale})`, async ({ page, context, baseURL, consoleErrors }) => {
    await useLocale(context, locale, baseURL!);
    await page.goto("/masuk");
    await expectNoAccessibilityViolations(page);

    const [emailLabel, passwordLabel, submitLabel] = locale === "id" ? ["Email kantor", "Kata sandi", "Masuk"] : ["Work email", "Password", "Sign in"];
    await page.getByLabel(emailLabel).fill("tidak.ada@demo.lapor-imigrasi.id");
    await page.getByLabel(passwordLabel).fill("salah");
    await page.getByRole("button", { name: submitLabel, exact: true }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(locale === "id" ? "Email atau kata sandi salah." : "Wrong email or password.");
    await expectNoAccessibilityViolations(page);
    expect(consoleErrors).toEqual([]);
  });
}
