import { randomBytes } from "node:crypto";

import { resolvePeriod } from "@/lib/statistics/period";

import { expect, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";
import { signInWithTotpEnrollment } from "./fixtures/staff-sign-in";

/**
 * Issue 14 as a supervisor meets it: import last month's service volumes for their office by CSV
 * (a bad file first: refused whole, its row named), then read the office's IKM with its category,
 * complaints per 10,000 services and the pungli gap flag on /dasbor/statistik.
 *
 * The office, its supervisor, 44 random survey answers and two complaints are made for this test,
 * so the figures are known by hand: 50 services -> Krejcie–Morgan minimum 44; 40 answers at 3 and
 * 4 at 4 -> NRR 3.0909 per element, IKM 77.27 (B); 6 of 44 asked to pay extra (13.6%), no pungli
 * report -> flagged; 2 complaints / 50 services x 10,000 = 400.00.
 */

test.afterAll(closeReportDatabase);

test("a supervisor imports a month of volumes and reads the office's IKM, rates and pungli gap", async ({ page, context, baseURL }) => {
  test.slow();
  const database = reportDatabase();
  const suffix = randomBytes(3).toString("hex");
  const lastMonth = resolvePeriod({ preset: "last-month" }, new Date())!;
  const month = lastMonth.from.slice(0, 7);
  const anyOffice = await database.office.findFirstOrThrow({ select: { regionalOfficeId: true } });
  const office = await database.office.create({ data: { code: `kanim-uji-angka-${suffix}`, name: `Kanim Uji Angka ${suffix}`, city: "Uji", province: "Uji", regionalOfficeId: anyOffice.regionalOfficeId } });
  const service = await database.service.findFirstOrThrow({ where: { isActive: true }, orderBy: { id: "asc" }, select: { id: true, code: true } });
  const category = await database.category.findFirstOrThrow({ where: { code: { not: "PUNGLI" } }, select: { id: true } });
  const { passwordHash } = await database.staffUser.findUniqueOrThrow({ where: { email: "admin@demo.lapor-imigrasi.id" }, select: { passwordHash: true } });
  const email = `kepala.angka.${suffix}@demo.lapor-imigrasi.id`;
  await database.staffUser.create({ data: { email, name: "Kepala Uji Angka", passwordHash, role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: office.id } });

  const answer = (score: number, askedToPay: boolean, channel: "RANDOM_INVITATION" | "INTERVIEWER") => ({
    officeId: office.id,
    serviceId: service.id,
    channel,
    submittedOn: new Date(`${lastMonth.from}T00:00:00Z`),
    scoreRequirements: score,
    scoreProcedure: score,
    scoreTime: score,
    scoreCost: score,
    scoreProduct: score,
    scoreStaffCompetence: score,
    scoreStaffConduct: score,
    scoreComplaintHandling: score,
    scoreFacilities: score,
    askedToPay,
    offeredShortcutByBroker: false,
  });
  await database.surveyResponse.createMany({
    data: [
      ...Array.from({ length: 34 }, () => answer(3, false, "RANDOM_INVITATION")),
      ...Array.from({ length: 6 }, () => answer(3, true, "RANDOM_INVITATION")),
      ...Array.from({ length: 4 }, () => answer(4, false, "INTERVIEWER")),
    ],
  });
  for (let index = 0; index < 2; index += 1) {
    const receivedAt = new Date(`${lastMonth.from}T10:00:00+07:00`);
    await database.case.create({
      data: {
        trackingCode: `LI-${suffix.slice(0, 4).toUpperCase()}-AN${index}X`.replace(/[^A-Z0-9-]/g, "X"),
        receiptSecretHash: "not-a-real-hash",
        kind: "COMPLAINT",
        channel: "ONLINE",
        officeId: office.id,
        categoryId: category.id,
        description: "Antrean sangat lama tanpa penjelasan dari petugas.",
        reporterMode: "ANONYMOUS",
        receivedAt,
        verificationDueAt: new Date(receivedAt.getTime() + 3 * 86_400_000),
      },
    });
  }

  await useLocale(context, "id", baseURL!);
  await signInWithTotpEnrollment(page, email);

  // A file with a bad row is refused whole, naming the row; nothing is written.
  await page.goto("/dasbor/volume");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Volume layanan");
  const importForm = page.locator("form", { has: page.getByLabel("Berkas CSV") });
  await importForm.getByLabel("Bulan impor").fill(month);
  await importForm.getByLabel("Berkas CSV").setInputFiles({ name: "salah.csv", mimeType: "text/csv", buffer: Buffer.from(`office_code,service_code,count\n${office.code},${service.code},50\n${office.code},tidak-ada,7\n`) });
  await importForm.getByRole("button", { name: "Impor" }).click();
  const importSection = page.getByRole("region", { name: "Impor satu bulan dari CSV" });
  await expect(importSection.getByRole("alert")).toContainText("Baris 3: layanan \"tidak-ada\" tidak dikenal.");
  expect(await database.serviceVolume.count({ where: { officeId: office.id } })).toBe(0);

  // The corrected file goes in.
  await importForm.getByLabel("Bulan impor").fill(month);
  await importForm.getByLabel("Berkas CSV").setInputFiles({ name: "benar.csv", mimeType: "text/csv", buffer: Buffer.from(`office_code,service_code,count\n${office.code},${service.code},50\n`) });
  await importForm.getByRole("button", { name: "Impor" }).click();
  await expect(page.getByRole("status").filter({ hasText: "diimpor" })).toContainText(`1 baris bulan ${month} diimpor.`);
  expect(await database.serviceVolume.findMany({ where: { officeId: office.id }, select: { count: true } })).toEqual([{ count: 50 }]);

  // The statistics page (last month by default) shows the office's index, its category, the rates and the flag.
  await page.goto("/dasbor/statistik");
  const total = page.getByTestId("ikm-total");
  await expect(total).toContainText("77,27");
  await expect(total).toContainText("mutu B (Baik)");
  const officeRow = page.getByRole("table", { name: "Per kantor" }).getByRole("row", { name: new RegExp(office.name) });
  await expect(officeRow).toContainText("400,00");
  await expect(officeRow).toContainText("pungli kemungkinan kurang dilaporkan");
  await expect(page.getByRole("note", { name: "Pungli kemungkinan kurang dilaporkan" })).toContainText(office.name);
  await expect(page.getByRole("table", { name: "Nilai rata-rata per unsur (NRR)" })).toContainText("3,091");
});
