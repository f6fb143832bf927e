import { randomBytes } from "node:crypto";

import type { APIResponse, Page, Response } from "@playwright/test";

import { DEMO_RECEIPT_KEY } from "@/prisma/demo-staff";
import { hashSecret } from "@/lib/security/secret-hash";

import { expect, locales, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, findDemoCase, reportDatabase } from "./fixtures/report-database";
import { openCase } from "./fixtures/report-pages";
import { DEMO_PASSWORD, signInWithTotpEnrollment } from "./fixtures/staff-sign-in";

/**
 * Every page of both layouts, public and staff, works under the Content-Security-Policy in
 * Chromium: Next's scripts run (the app hydrates) and the browser reports no violation. The
 * security headers are on pages, on a JSON API and on the tracking page (which is not stored).
 */

test.afterAll(closeReportDatabase);

type CspWindow = Window & { cspViolations?: string[] };

/**
 * Records every CSP violation the page reports: the `securitypolicyviolation` event (listened for
 * before any of the page's own scripts run) and Chromium's console messages about the policy.
 */
async function watchForCspViolations(page: Page): Promise<string[]> {
  const consoleViolations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) consoleViolations.push(`console: ${message.text()}`);
  });
  await page.addInitScript(() => {
    const recorded: string[] = [];
    (window as CspWindow).cspViolations = recorded;
    document.addEventListener("securitypolicyviolation", (event) => {
      recorded.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
  return consoleViolations;
}

/**
 * Opens a page, waits until Next has hydrated it (its scripts ran under the policy) and fails on
 * any violation it reported.
 */
async function visitWithoutViolations(page: Page, consoleViolations: string[], path: string): Promise<Response> {
  const response = await page.goto(path, { waitUntil: "load" });
  expect(response, path).not.toBeNull();
  expect(response!.status(), path).toBe(200);
  await expectHydratedWithoutViolations(page, consoleViolations, path);
  return response!;
}

async function expectHydratedWithoutViolations(page: Page, consoleViolations: string[], label: string): Promise<void> {
  // Next's client runtime sets window.next once it has started: no nonce, no runtime.
  await page.waitForFunction(() => Boolean((window as Window & { next?: { version?: string } }).next?.version));
  const pageViolations = await page.evaluate(() => (window as CspWindow).cspViolations ?? []);
  expect([...pageViolations, ...consoleViolations], `CSP violations on ${label}`).toEqual([]);
}

function expectFixedHeaders(headers: Record<string, string>, label: string): void {
  expect(headers["x-content-type-options"], label).toBe("nosniff");
  expect(headers["referrer-policy"], label).toBe("same-origin");
  expect(headers["x-frame-options"], label).toBe("DENY");
  expect(headers["permissions-policy"], label).toContain("camera=()");
  expect(headers["permissions-policy"], label).toContain("geolocation=()");
  // The end-to-end server is a production build.
  expect(headers["strict-transport-security"], label).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
}

/** A page's headers: the fixed ones, and a nonce'd policy that forbids inline script and framing. */
async function expectPageHeaders(response: Response, options: { isNoStore: boolean }): Promise<void> {
  const label = response.url();
  const headers = await response.allHeaders();
  expectFixedHeaders(headers, label);
  const policy = headers["content-security-policy"] ?? "";
  expect(policy, label).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'(;|$)/);
  expect(policy, label).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  for (const directive of ["frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'"]) {
    expect(policy, label).toContain(directive);
  }
  if (options.isNoStore) expect(headers["cache-control"], label).toContain("no-store");
}

const publicPaths = ["/", "/lapor", "/lacak", "/transparansi"];

for (const locale of locales) {
  test(`every public page works under the policy, in ${locale === "id" ? "Indonesian" : "English"}`, async ({ page, context, baseURL, consoleErrors }) => {
    test.setTimeout(120_000);
    await useLocale(context, locale, baseURL!);
    const consoleViolations = await watchForCspViolations(page);

    for (const path of publicPaths) {
      const response = await visitWithoutViolations(page, consoleViolations, path);
      await expectPageHeaders(response, { isNoStore: path === "/lacak" });
    }

    // The tracking page with a case open: the reporter's case must not be stored anywhere.
    const demo = await findDemoCase({ status: ["IN_PROGRESS"], offset: locale === "id" ? 11 : 12 });
    await openCase(page, locale, { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });
    await expect(page.getByText(demo.trackingCode).first()).toBeVisible();
    await expectHydratedWithoutViolations(page, consoleViolations, "/lacak with an open case");
    const reloaded = await page.reload({ waitUntil: "load" });
    await expect(page.getByText(demo.trackingCode).first()).toBeVisible();
    await expectHydratedWithoutViolations(page, consoleViolations, "/lacak with an open case, reloaded");
    await expectPageHeaders(reloaded!, { isNoStore: true });
    // Nor any other complaint, such as a Permissions-Policy feature Chromium does not know.
    expect(consoleErrors).toEqual([]);
  });
}

test("a page that does not exist works under the policy", async ({ page }) => {
  const consoleViolations = await watchForCspViolations(page);
  const response = await page.goto("/tidak-ada-halaman-ini", { waitUntil: "load" });
  expect(response!.status()).toBe(404);
  await expectHydratedWithoutViolations(page, consoleViolations, "the 404 page");
  await expectPageHeaders(response!, { isNoStore: false });
});

/** An admin of this spec's own (each account enrolls TOTP once per database); admins see every staff page. */
async function createAdmin(): Promise<string> {
  const email = `admin.csp.${randomBytes(4).toString("hex")}@e2e.lapor-imigrasi.id`;
  await reportDatabase().staffUser.create({
    data: { email, name: "Admin CSP", role: "ADMIN", scopeLevel: "NATIONAL", passwordHash: await hashSecret(DEMO_PASSWORD) },
  });
  return email;
}

/** Every staff page, with a record of each kind for the pages that show one. */
async function listStaffPaths(): Promise<string[]> {
  const db = reportDatabase();
  const [caseRow, template, office, category, service, staff] = await Promise.all([
    db.case.findFirstOrThrow({ where: { messages: { some: {} } }, select: { id: true } }),
    db.replyTemplate.findFirstOrThrow({ select: { id: true } }),
    db.office.findFirstOrThrow({ select: { id: true } }),
    db.category.findFirstOrThrow({ select: { id: true } }),
    db.service.findFirstOrThrow({ select: { id: true } }),
    db.staffUser.findFirstOrThrow({ where: { role: "OFFICER" }, select: { id: true } }),
  ]);
  return [
    "/dasbor",
    "/dasbor/akun",
    "/dasbor/kasus/baru",
    `/dasbor/kasus/${caseRow.id}`,
    "/dasbor/statistik",
    "/dasbor/templat",
    "/dasbor/templat/baru",
    `/dasbor/templat/${template.id}`,
    "/dasbor/admin",
    "/dasbor/admin/audit",
    "/dasbor/admin/hari-libur",
    "/dasbor/admin/kantor",
    "/dasbor/admin/kantor/baru",
    `/dasbor/admin/kantor/${office.id}`,
    "/dasbor/admin/kategori",
    "/dasbor/admin/kategori/baru",
    `/dasbor/admin/kategori/${category.id}`,
    "/dasbor/admin/layanan",
    "/dasbor/admin/layanan/baru",
    `/dasbor/admin/layanan/${service.id}`,
    "/dasbor/admin/petugas",
    "/dasbor/admin/petugas/baru",
    `/dasbor/admin/petugas/${staff.id}`,
  ];
}

test("every staff page works under the policy and is not stored", async ({ page, context, baseURL }) => {
  test.setTimeout(300_000);
  await useLocale(context, "id", baseURL!);
  const consoleViolations = await watchForCspViolations(page);

  for (const path of ["/masuk", "/atur-sandi"]) {
    const response = await visitWithoutViolations(page, consoleViolations, path);
    await expectPageHeaders(response, { isNoStore: true });
  }

  const [email, staffPaths] = await Promise.all([createAdmin(), listStaffPaths()]);
  await signInWithTotpEnrollment(page, email);
  await expectHydratedWithoutViolations(page, consoleViolations, "the TOTP enrollment");

  for (const path of staffPaths) {
    const response = await visitWithoutViolations(page, consoleViolations, path);
    await expectPageHeaders(response, { isNoStore: true });
  }
});

test("a JSON API answers with the fixed headers and a policy that allows nothing", async ({ request }) => {
  const response: APIResponse = await request.get("/api/health");

  expect(response.status()).toBe(200);
  const headers = response.headers();
  expectFixedHeaders(headers, "/api/health");
  expect(headers["content-security-policy"]).toContain("default-src 'none'");
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
});
