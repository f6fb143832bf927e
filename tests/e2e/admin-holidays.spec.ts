import { randomBytes } from "node:crypto";

import { computeResolutionDueAt, computeVerificationDueAt } from "@/lib/deadlines/case-clock";
import { addWorkingDays, toJakartaDateKey } from "@/lib/deadlines/working-days";
import { generateTrackingCode } from "@/lib/reports/receipt";
import { hashSecret } from "@/lib/security/secret-hash";

import { expect, expectNoAccessibilityViolations, test } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";
import { DEMO_PASSWORD, signInWithTotpEnrollment } from "./fixtures/staff-sign-in";

/**
 * An admin enters next year's holidays by CSV: the upload shows a preview of what changes, applying
 * it stores the days, and the deadline of an open case that reaches into that year moves on its
 * case page, with the change in its timeline. In Indonesian, with JavaScript.
 */

test.afterAll(closeReportDatabase);

/** Friday 1 January 2027, not yet in the seed's holiday file. */
const NEW_YEAR_2027 = "2027-01-01";
const OFFICE_CODE = "kanim-langsa";

/** The deadline as the case page writes it (CasePage.deadline in Indonesian). */
function formatDueDay(instant: Date): string {
  return new Intl.DateTimeFormat("id", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Jakarta" }).format(instant);
}

/**
 * An admin account of this spec's own (each account enrolls TOTP once per database) and an open
 * case under the 60-working-day tier, verified now, so its deadline reaches into 2027.
 */
async function prepareAdminAndCase() {
  const db = reportDatabase();
  const email = `admin.libur.${randomBytes(4).toString("hex")}@e2e.lapor-imigrasi.id`;
  await db.staffUser.create({ data: { email, name: "Admin Hari Libur", role: "ADMIN", scopeLevel: "NATIONAL", passwordHash: await hashSecret(DEMO_PASSWORD) } });

  const office = await db.office.findUniqueOrThrow({ where: { code: OFFICE_CODE }, select: { id: true, province: true } });
  const category = await db.category.findFirstOrThrow({ where: { isActive: true }, select: { id: true } });
  const holidays = new Set(
    (await db.holiday.findMany({ where: { scopeKey: { in: ["national", `province:${office.province}`, `office:${office.id}`] } }, select: { date: true } })).map((row) =>
      row.date.toISOString().slice(0, 10),
    ),
  );
  const now = new Date();
  const resolutionDueAt = computeResolutionDueAt(now, "INVESTIGATION", 0, holidays);
  const created = await db.case.create({
    data: {
      trackingCode: generateTrackingCode(),
      receiptSecretHash: "not-a-real-hash",
      kind: "COMPLAINT",
      channel: "ONLINE",
      officeId: office.id,
      categoryId: category.id,
      description: "Antrean paspor tidak dilayani sesuai jadwal; perlu pemeriksaan menyeluruh (uji hari libur).",
      reporterMode: "ANONYMOUS",
      status: "IN_PROGRESS",
      deadlineTier: "INVESTIGATION",
      receivedAt: now,
      verificationDueAt: computeVerificationDueAt(now, holidays),
      verifiedAt: now,
      resolutionDueAt,
    },
    select: { id: true },
  });
  return { email, caseId: created.id, resolutionDueAt, holidays };
}

test("an admin imports 2027 holidays by CSV and an open case's deadline moves", async ({ page, consoleErrors }) => {
  const { email, caseId, resolutionDueAt, holidays } = await prepareAdminAndCase();
  // The case was counted without any 2027 day off, so New Year's Day 2027 lies inside its span.
  expect(toJakartaDateKey(resolutionDueAt) > NEW_YEAR_2027).toBe(true);
  const movedDueAt = addWorkingDays(resolutionDueAt, 1, new Set([...holidays, NEW_YEAR_2027]));

  await signInWithTotpEnrollment(page, email);

  await page.goto(`/dasbor/kasus/${caseId}`);
  const deadline = page.getByRole("region", { name: "Tenggat", exact: true });
  await expect(deadline).toContainText(formatDueDay(resolutionDueAt));
  await expect(deadline).toContainText("2027");

  await page.goto("/dasbor/admin/hari-libur?tahun=2027");
  await expect(page.getByRole("heading", { level: 1, name: "Hari libur" })).toBeVisible();
  await expect(page.getByText("Belum ada libur nasional untuk tahun 2027.", { exact: false })).toBeVisible();
  await expectNoAccessibilityViolations(page);

  const csv = ["date,name_id,name_en,kind,source", `${NEW_YEAR_2027},Tahun Baru 2027 Masehi,New Year's Day 2027,libur_nasional,Uji end-to-end`].join("\n");
  await page.getByLabel("Berkas CSV").setInputFiles({ name: "libur-2027.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Lihat pratinjau" }).click();

  const preview = page.getByRole("region", { name: "Pratinjau perubahan 2027" });
  await expect(preview).toContainText("Ditambahkan (1)");
  await expect(preview).toContainText("Tahun Baru 2027 Masehi");
  // Nothing is stored before the admin applies the preview.
  expect(await reportDatabase().holiday.count({ where: { date: new Date(`${NEW_YEAR_2027}T00:00:00Z`) } })).toBe(0);

  await preview.getByRole("button", { name: "Terapkan perubahan" }).click();
  await expect(page.getByText("Berkas diimpor.", { exact: false })).toBeVisible();
  await expect(page.getByText("Belum ada libur nasional untuk tahun 2027.", { exact: false })).toHaveCount(0);
  await expect(page.getByRole("listitem").filter({ hasText: "Tahun Baru 2027 Masehi" })).toBeVisible();

  await page.goto(`/dasbor/kasus/${caseId}`);
  await expect(deadline).toContainText(formatDueDay(movedDueAt));
  await expect(page.getByText("Tenggat dihitung ulang")).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
