import type { Page } from "@playwright/test";

import { hashSecret } from "@/lib/security/secret-hash";

import { expect, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";
import { chooseOffice, createMarker, daysAgo, DENPASAR_OFFICE, messagesFor, openReportForm, readReceipt } from "./fixtures/report-pages";
import { DEMO_PASSWORD, signInWithTotpEnrollment } from "./fixtures/staff-sign-in";

/**
 * An admin changes an official fee from yesterday on; a reporter then files one pungli report
 * dated today and one dated before the change, and each case is compared with the fee of its
 * day (the form shows that fee as the date is typed). The admin then adds an office, which
 * /lapor offers, closes it, and /lapor no longer offers it.
 */

test.afterAll(closeReportDatabase);

// An admin of this spec's own: the demo admin enrolls its TOTP in another spec.
const ADMIN_EMAIL = "admin.referensi@e2e.lapor-imigrasi.id";
// SPLP for foreigners: Rp 150.000 under PP 45/2024, and no other spec files reports for it.
const SERVICE = { code: "splp-wna", oldFee: 150_000, newFee: 175_000 };

async function createAdmin(): Promise<void> {
  await reportDatabase().staffUser.upsert({
    where: { email: ADMIN_EMAIL },
    create: { email: ADMIN_EMAIL, name: "Admin Referensi", role: "ADMIN", scopeLevel: "NATIONAL", passwordHash: await hashSecret(DEMO_PASSWORD) },
    update: {},
  });
}

/** Fills /lapor with a pungli report for SERVICE and checks the fee shown for its incident date. */
async function fileReport(page: Page, incidentDate: string, expectedFeeText: RegExp, marker: string): Promise<string> {
  const form = messagesFor("id").ReportForm;
  await openReportForm(page, "id", { isJavaScriptEnabled: true });
  await page.getByRole("radio", { name: form.kind.pungli.label }).check();
  await chooseOffice(page, "id", DENPASAR_OFFICE, { isJavaScriptEnabled: true });
  await page.getByLabel(form.service.label).selectOption(SERVICE.code);
  await page.getByLabel(form.incidentDate.label).fill(incidentDate);
  await page.getByLabel(form.description.label).fill(`${marker} Petugas meminta uang tambahan di luar tarif resmi agar dokumen perjalanan cepat selesai.`);
  await page.getByLabel(form.pungli.amountDemanded.label).fill("500.000");
  await expect(page.getByText(expectedFeeText)).toBeVisible();
  await page.getByRole("radio", { name: form.pungli.paymentMethod.CASH }).check();
  await page.getByRole("group", { name: form.pungli.brokerInvolved.legend }).getByRole("radio", { name: form.pungli.answers.no, exact: true }).check();
  await page.getByRole("group", { name: form.pungli.receiptGiven.legend }).getByRole("radio", { name: form.pungli.answers.no, exact: true }).check();
  await page.getByRole("button", { name: form.send.button }).click();
  return (await readReceipt(page, "id")).trackingCode;
}

const caseFees = (trackingCode: string) =>
  reportDatabase().case.findUniqueOrThrow({ where: { trackingCode }, select: { officialFeeRupiah: true, feeDifferenceRupiah: true } });

test("an admin's fee change applies from its effective date, and a closed office leaves /lapor", async ({ page, browser, context, baseURL }) => {
  // Two waits for the public form's copy to be renewed (below), each up to 100 s.
  test.setTimeout(360_000);
  test.slow();
  await createAdmin();
  await useLocale(context, "id", baseURL!);
  await signInWithTotpEnrollment(page, ADMIN_EMAIL);

  // The fee changes from yesterday on.
  await page.goto("/dasbor/admin/layanan");
  await page.getByRole("link", { name: "Surat Perjalanan Laksana Paspor (SPLP) untuk Orang Asing" }).click();
  const feeSection = page.locator("section").filter({ has: page.getByRole("heading", { name: "Ubah tarif" }) });
  await feeSection.getByLabel("Tarif resmi (rupiah)").fill("175.000");
  await feeSection.getByLabel("Berlaku mulai").fill(daysAgo(1));
  await feeSection.getByLabel("Dasar hukum").fill("Uji e2e");
  await feeSection.getByRole("button", { name: "Simpan tarif baru" }).click();
  await expect(page.getByText("Tarif baru disimpan.")).toBeVisible();
  const history = page.locator("[data-fee-state]");
  await expect(history.first()).toHaveAttribute("data-fee-state", "inForce");
  await expect(history.first()).toContainText(/Rp\s175\.000/);
  await expect(history.nth(1)).toHaveAttribute("data-fee-state", "replaced");

  // A reporter (another browser session) files one report dated today and one dated before the change.
  const reporterContext = await browser.newContext();
  await useLocale(reporterContext, "id", baseURL!);
  // Visitors with no cookie but the language get /lapor from a copy renewed every 30 s
  // (scripts/lib/public-copies.ts, tested in public-page-copies.spec.ts): any other cookie gets
  // Next's render, which shows an admin's change at once, as this test needs.
  await reporterContext.addCookies([{ name: "e2e-fresh-render", value: "1", url: baseURL! }]);
  const reporter = await reporterContext.newPage();
  const after = await fileReport(reporter, daysAgo(0), /Tarif resmi: Rp\s175\.000/, createMarker("fee-after"));
  const before = await fileReport(reporter, daysAgo(3), /Tarif resmi: Rp\s150\.000/, createMarker("fee-before"));
  expect(await caseFees(after)).toEqual({ officialFeeRupiah: SERVICE.newFee, feeDifferenceRupiah: 500_000 - SERVICE.newFee });
  expect(await caseFees(before)).toEqual({ officialFeeRupiah: SERVICE.oldFee, feeDifferenceRupiah: 500_000 - SERVICE.oldFee });

  // An office is added, offered on /lapor, closed, and no longer offered.
  const officeName = `Kantor Imigrasi Uji Gianyar ${Date.now()}`;
  await page.goto("/dasbor/admin/kantor/baru");
  await page.getByLabel("Kode kantor").fill(`kanim-uji-${Date.now()}`);
  await page.getByLabel("Kantor wilayah").selectOption({ index: 1 });
  await page.getByLabel("Provinsi").selectOption("Bali");
  await page.getByLabel("Kota atau kabupaten").fill("Gianyar");
  await page.getByLabel("Nama kantor").fill(officeName);
  await page.getByRole("button", { name: "Tambah kantor" }).click();
  await expect(page.getByText("Kantor ditambahkan.")).toBeVisible();

  const officeLabel = messagesFor("id").ReportForm.office.label;
  // Visitors without cookies get /lapor from a per-language copy that is renewed every
  // COPY_TTL_MS (scripts/lib/public-copies.ts): the change shows once the copy is renewed, so
  // the form is opened again until it does (bounded, never a timing assertion).
  const officeOffered = async (count: 0 | 1) =>
    expect(async () => {
      // openReportForm waits for the picker to hydrate: a value typed before that shows no options.
      await openReportForm(reporter, "id", { isJavaScriptEnabled: true });
      await reporter.getByRole("combobox", { name: officeLabel }).fill("Gianyar");
      await expect(reporter.getByRole("option", { name: officeName })).toHaveCount(count, { timeout: 3_000 });
    }).toPass({ timeout: 100_000, intervals: [2_000, 5_000] });
  await officeOffered(1);

  await page.getByRole("button", { name: "Tutup kantor ini" }).click();
  await expect(page.getByText("Kantor ditutup.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Buka kembali kantor ini" })).toBeVisible();

  await officeOffered(0);
  await reporterContext.close();

  // Every change is in the audit trail.
  const actions = await reportDatabase().caseEvent.findMany({ where: { actor: { email: ADMIN_EMAIL }, caseId: null }, select: { action: true } });
  expect(actions.map((event) => event.action)).toEqual(expect.arrayContaining(["SERVICE_FEE_ADDED", "OFFICE_CREATED", "OFFICE_CLOSED"]));
});
