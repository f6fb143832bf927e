import type { Page } from "@playwright/test";

import { computeHotp, decodeBase32, totpStepAt } from "../../lib/auth/totp";

import { expect, expectNoAccessibilityViolations, test, useLocale } from "./_setup/fixtures";

const DEMO_PASSWORD = "Demo-Lapor-2026";
// A supervisor no other spec uses: this one enrolls TOTP, which changes how they sign in.
const SUPERVISOR = { email: "supervisor.jabar@demo.lapor-imigrasi.id", name: "Hendra Gunawan" };

/** A code the server will take: the current step, or the one after the last used (the window allows +1). */
function nextCode(secret: string, lastUsedStep: number): { code: string; step: number } {
  const step = Math.max(totpStepAt(new Date()), lastUsedStep + 1);
  return { code: computeHotp(decodeBase32(secret)!, step), step };
}

async function submitPassword(page: Page) {
  await page.getByLabel("Email kantor").fill(SUPERVISOR.email);
  await page.getByLabel("Kata sandi").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
}

test.describe.configure({ mode: "serial" });

test("a supervisor must enroll TOTP first, then signs in with password and code", async ({ page, context, baseURL }) => {
  // Several sign-ins, and a wait of up to one TOTP step before the codes are renewed.
  test.slow();
  await useLocale(context, "id", baseURL!);

  // First sign-in: no TOTP yet, so the only page open to them is enrollment.
  await page.goto("/masuk");
  await submitPassword(page);
  await expect(page).toHaveURL(/\/dasbor\/akun$/);
  await expect(page.getByText("wajib mengaktifkan verifikasi dua langkah")).toBeVisible();
  await page.goto("/dasbor");
  await expect(page).toHaveURL(/\/dasbor\/akun$/);

  await page.getByRole("button", { name: "Atur aplikasi autentikator" }).click();
  await expect(page.getByRole("img", { name: "Kode QR untuk aplikasi autentikator" })).toBeVisible();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await expectNoAccessibilityViolations(page);

  await page.getByLabel("Kode 6 angka").fill("000000");
  await page.getByRole("button", { name: "Aktifkan" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Kode salah");

  const enrollment = nextCode(secret, 0);
  await page.getByLabel("Kode 6 angka").fill(enrollment.code);
  await page.getByRole("button", { name: "Aktifkan" }).click();
  // The recovery codes are shown once, with a way to keep them and a way on to the dashboard.
  await expect(page.getByRole("heading", { name: "Simpan kode pemulihan Anda sekarang" })).toBeVisible();
  const recoveryCodes = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
  expect(recoveryCodes).toHaveLength(10);
  for (const code of recoveryCodes) expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  expect(new Set(recoveryCodes).size).toBe(10);
  const download = page.getByRole("link", { name: "Unduh sebagai file teks" });
  expect(decodeURIComponent((await download.getAttribute("href"))!)).toContain(recoveryCodes[0]!);
  await expectNoAccessibilityViolations(page);
  await page.getByRole("button", { name: "Sudah saya simpan, lanjut ke dasbor" }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  // Shown once: the account page now only counts them.
  await page.goto("/dasbor/akun");
  await expect(page.getByText(/^Aktif sejak/)).toBeVisible();
  await expect(page.getByTestId("recovery-codes")).toHaveCount(0);
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("Tersisa 10 kode pemulihan yang belum dipakai.");
  await page.goto("/dasbor");

  await page.getByRole("button", { name: "Keluar" }).click();
  await expect(page).toHaveURL(/\/masuk\?status=signed-out$/);

  // Second sign-in: the password alone is not enough any more.
  await submitPassword(page);
  await expect(page.getByRole("heading", { name: "Masukkan kode verifikasi" })).toBeVisible();
  expect((await context.cookies()).some((cookie) => cookie.name === "authjs.session-token")).toBe(false);
  await expectNoAccessibilityViolations(page);

  // The code used for enrollment is spent.
  await page.getByLabel("Kode 6 angka").fill(enrollment.code);
  await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Kode salah atau sudah dipakai");

  const signInCode = nextCode(secret, enrollment.step);
  await page.getByLabel("Kode 6 angka").fill(signInCode.code);
  await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  await expect(page.getByText(`Masuk sebagai ${SUPERVISOR.name}`)).toBeVisible();

  // Without the phone: a recovery code, typed loosely, stands in for the TOTP code, once.
  const recoveryCode = recoveryCodes[3]!;
  await page.getByRole("button", { name: "Keluar" }).click();
  await submitPassword(page);
  await page.getByLabel("Kode 6 angka").fill(recoveryCode.toLowerCase().replace("-", " "));
  await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  await page.getByRole("button", { name: "Keluar" }).click();
  await submitPassword(page);
  await page.getByLabel("Kode 6 angka").fill(recoveryCode);
  await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Kode salah atau sudah dipakai");
  await page.getByLabel("Kode 6 angka").fill(recoveryCodes[4]!);
  await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
  await expect(page).toHaveURL(/\/dasbor$/);

  await page.goto("/dasbor/akun");
  await expect(page.getByTestId("recovery-codes-left")).toHaveText("Tersisa 8 kode pemulihan yang belum dipakai.");

  // A new set on a current code (never the one already used to sign in): the old set stops working.
  // The sign-in may have used the step after the current one; the server accepts at most one step
  // ahead, so wait (at most one 30-second step) until the next unused step is within that window.
  while (totpStepAt(new Date()) < signInCode.step) await page.waitForTimeout(1_000);
  const renewCode = nextCode(secret, signInCode.step);
  await page.getByLabel("Kode 6 angka").fill(renewCode.code);
  await page.getByRole("button", { name: "Buat kode pemulihan baru" }).click();
  await expect(page.getByRole("heading", { name: "Simpan kode pemulihan Anda sekarang" })).toBeVisible();
  const renewedCodes = await page.getByTestId("recovery-codes").getByRole("listitem").allTextContents();
  expect(renewedCodes).toHaveLength(10);
  expect(renewedCodes.filter((code) => recoveryCodes.includes(code))).toEqual([]);
  await page.getByRole("button", { name: "Sudah saya simpan, lanjut ke dasbor" }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
  await page.getByRole("button", { name: "Keluar" }).click();
  await submitPassword(page);
  await page.getByLabel("Kode 6 angka").fill(recoveryCodes[5]!);
  await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toContainText("Kode salah atau sudah dipakai");
  await page.getByLabel("Kode 6 angka").fill(renewedCodes[0]!);
  await page.getByRole("button", { name: "Verifikasi dan masuk" }).click();
  await expect(page).toHaveURL(/\/dasbor$/);
});

test("the enrollment page has no accessibility violations in English", async ({ page, context, baseURL }) => {
  await useLocale(context, "en", baseURL!);
  await page.goto("/masuk");
  await page.getByLabel("Work email").fill("kepala.bekasi@demo.lapor-imigrasi.id");
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor\/akun$/);
  await page.getByRole("button", { name: "Set up an authenticator app" }).click();
  await expect(page.getByRole("img", { name: "QR code for the authenticator app" })).toBeVisible();
  await expectNoAccessibilityViolations(page);
});
