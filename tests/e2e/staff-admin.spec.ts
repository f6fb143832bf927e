import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";

import { computeHotp, decodeBase32, totpStepAt } from "@/lib/auth/totp";

import { expect, expectNoAccessibilityViolations, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";

/**
 * The way an agency starts: `npm run admin:create` on the (here: the test server's) database, the
 * new admin signs in and enrolls TOTP, creates an officer for an office and passes on the one-time
 * link; the officer sets a password in another browser, signs in and sees the queue; the admin
 * deactivates them and their next navigation lands on sign-in; every step is in the audit trail.
 *
 * The admin is created by the script rather than taken from the demo accounts: a demo admin can
 * enroll TOTP only once per database, and another spec already does.
 */

const ADMIN = { email: `admin.e2e.${randomBytes(3).toString("hex")}@imigrasi.go.id`, name: "Admin Uji Petugas", password: `Sandi-Admin-${randomBytes(6).toString("hex")}` };
const OFFICER = { email: `petugas.e2e.${randomBytes(3).toString("hex")}@imigrasi.go.id`, name: "Petugas Uji Tautan", password: `Sandi-Petugas-${randomBytes(6).toString("hex")}` };

function createAdminWithScript(): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin-create.ts", "--email", ADMIN.email, "--name", ADMIN.name], {
      env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: process.env.E2E_DATABASE_URL, APP_SECRET: process.env.APP_SECRET },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
    child.stdin.end(`${ADMIN.password}\n`);
  });
}

test.afterAll(async () => {
  await closeReportDatabase();
});

test("an admin from admin:create creates an officer who sets a password by link, signs in, and is signed out on deactivation", async ({ page, context, browser, baseURL }) => {
  test.slow();
  const created = await createAdminWithScript();
  expect(created.code, created.output).toBe(0);
  expect(created.output).not.toContain(ADMIN.password);

  // The new admin's first sign-in ends on TOTP enrollment.
  await useLocale(context, "id", baseURL!);
  await page.goto("/masuk");
  await page.getByLabel("Email kantor").fill(ADMIN.email);
  await page.getByLabel("Kata sandi").fill(ADMIN.password);
  await page.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(page).toHaveURL(/\/dasbor\/akun$/);
  await page.goto("/dasbor/admin/petugas");
  await expect(page).toHaveURL(/\/dasbor\/akun$/);
  await page.getByRole("button", { name: "Atur aplikasi autentikator" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
  await page.getByLabel("Kode 6 angka").fill(computeHotp(decodeBase32(secret)!, totpStepAt(new Date())));
  await page.getByRole("button", { name: "Aktifkan" }).click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  // The dashboard menu leads an admin to the admin pages, and promises nothing that does not exist.
  const staffMenu = page.getByRole("navigation", { name: "Menu petugas" });
  await expect(staffMenu.getByRole("link", { name: "Admin" })).toHaveAttribute("href", "/dasbor/admin");
  await expect(page.getByText(/segera hadir|coming soon/i)).toHaveCount(0);

  // An officer for Kanim Bekasi.
  const office = await reportDatabase().office.findUniqueOrThrow({ where: { code: "kanim-bekasi" }, select: { id: true, name: true } });
  await page.goto("/dasbor/admin/petugas");
  await page.getByRole("link", { name: "Tambah petugas" }).click();
  await expect(page.getByText("Pengiriman email belum diatur")).toBeVisible();
  await page.getByLabel("Nama lengkap").fill(OFFICER.name);
  await page.getByLabel("Email kantor").fill(OFFICER.email);
  await expect(page.getByRole("radio", { name: "Petugas" })).toBeChecked();
  await page.getByLabel("Kantor", { exact: true }).selectOption({ label: office.name });
  await page.getByRole("button", { name: "Buat akun" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Akun sudah dibuat." })).toBeVisible();
  const link = await page.getByLabel("Tautan atur kata sandi").inputValue();
  expect(link).toMatch(/\/atur-sandi\?token=[A-Za-z0-9_-]{43}$/);
  await expectNoAccessibilityViolations(page);

  // The officer, in a browser of their own.
  const officerContext = await browser.newContext();
  await useLocale(officerContext, "id", baseURL!);
  const officerPage = await officerContext.newPage();
  await officerPage.goto(link);
  await expect(officerPage.getByRole("heading", { name: "Atur kata sandi" })).toBeVisible();
  await expect(officerPage.getByText(OFFICER.email)).toBeVisible();
  await officerPage.getByLabel("Kata sandi baru", { exact: true }).fill(OFFICER.password);
  await officerPage.getByLabel("Ulangi kata sandi baru").fill(OFFICER.password);
  await officerPage.getByRole("button", { name: "Simpan kata sandi" }).click();
  await expect(officerPage).toHaveURL(/\/atur-sandi\?status=done$/);
  // The link is spent.
  await officerPage.goto(link);
  await expect(officerPage.getByText("Tautan ini sudah pernah dipakai.")).toBeVisible();

  await officerPage.goto("/masuk");
  await officerPage.getByLabel("Email kantor").fill(OFFICER.email);
  await officerPage.getByLabel("Kata sandi").fill(OFFICER.password);
  await officerPage.getByRole("button", { name: "Masuk", exact: true }).click();
  await expect(officerPage).toHaveURL(/\/dasbor$/);
  await expect(officerPage.getByRole("heading", { name: "Antrean kasus" })).toBeVisible();

  // The admin finds them (with their sign-in) and deactivates them.
  await page.goto(`/dasbor/admin/petugas?q=${encodeURIComponent(OFFICER.email)}`);
  await expect(page.getByText("1 akun")).toBeVisible();
  await expect(page.getByText(/^Terakhir masuk /)).toBeVisible();
  await page.getByRole("link", { name: OFFICER.name }).click();
  await expect(page.getByRole("heading", { name: OFFICER.name })).toBeVisible();
  await page.getByRole("button", { name: "Nonaktifkan akun" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Akun sudah dinonaktifkan" })).toBeVisible();

  // The officer's very next navigation goes to sign in.
  await officerPage.getByRole("link", { name: "Keamanan akun" }).click();
  await expect(officerPage).toHaveURL(/\/masuk/);
  await officerContext.close();

  // Each step is in the audit trail.
  const officer = await reportDatabase().staffUser.findUniqueOrThrow({ where: { email: OFFICER.email }, select: { id: true, isActive: true, lastSignInAt: true } });
  const admin = await reportDatabase().staffUser.findUniqueOrThrow({ where: { email: ADMIN.email }, select: { id: true } });
  expect(officer.isActive).toBe(false);
  expect(officer.lastSignInAt).not.toBeNull();
  const events = await reportDatabase().caseEvent.findMany({
    where: { OR: [{ actorId: { in: [officer.id, admin.id] } }, { actorKind: "SYSTEM", action: "STAFF_ACCOUNT_CREATED" }] },
    orderBy: { id: "asc" },
    select: { action: true, actorKind: true, actorId: true, after: true },
  });
  expect(events).toContainEqual(expect.objectContaining({ actorKind: "SYSTEM", action: "STAFF_ACCOUNT_CREATED", after: expect.objectContaining({ staffUserId: admin.id, via: "admin:create" }) }));
  const about = (staffId: string) => events.filter((event) => (event.after as { staffUserId?: string } | null)?.staffUserId === staffId || (event.actorId === staffId && event.action === "STAFF_SIGNED_IN"));
  expect(about(officer.id).map((event) => `${event.actorId === admin.id ? "admin" : "officer"} ${event.action}`)).toEqual([
    "admin STAFF_ACCOUNT_CREATED",
    "officer STAFF_PASSWORD_SET_BY_LINK",
    "officer STAFF_SIGNED_IN",
    "admin STAFF_DEACTIVATED",
  ]);

  // ...and the admin reads it there, in words.
  await page.goto(`/dasbor/admin/audit?actor=${encodeURIComponent(ADMIN.email)}`);
  const trail = page.getByRole("list", { name: "Kejadian audit" });
  await expect(trail.getByText("Akun dinonaktifkan", { exact: true })).toBeVisible();
  await expect(trail.getByText("Akun petugas dibuat", { exact: true })).toBeVisible();
});
