import { readFileSync } from "node:fs";

import ExcelJS from "exceljs";
import type { Page } from "@playwright/test";


import { expect, test, useLocale } from "./_setup/fixtures";
import { signInWithTotpEnrollment } from "./fixtures/staff-sign-in";

/**
 * A supervisor-level user on /dasbor/statistik asks for the CSV, XLSX and PDF exports of the
 * figures shown, waits for each to be ready in the list, downloads it, and gets a file that is
 * what it says: a CSV with a byte-order mark and the header, an XLSX workbook with both sheets,
 * a PDF.
 */

// The demo admin: no other spec signs in with it, and this one enrolls its TOTP.
const EXPORTER = { email: "admin@demo.lapor-imigrasi.id" };

/** Requests one export and waits until the newest entry of the list is ready; returns the downloaded bytes and name. */
async function requestAndDownload(page: Page, formatLabel: string, listLabel: string): Promise<{ bytes: Buffer; fileName: string }> {
  const panel = page.getByRole("region", { name: "Ekspor" }).or(page.locator("section").filter({ has: page.getByRole("heading", { name: "Ekspor", exact: true }) })).first();
  await panel.getByRole("radio", { name: formatLabel }).check();
  await panel.getByRole("button", { name: "Buat ekspor" }).click();
  await expect(panel.getByRole("status").filter({ hasText: "Ekspor diminta" })).toBeVisible();
  // The answer keeps the format chosen: the form does not fall back to CSV.
  await expect(panel.getByRole("radio", { name: formatLabel })).toBeChecked();
  const newest = panel.locator("[data-export-job]").first();
  await expect(newest).toContainText(listLabel);
  await expect(newest).toHaveAttribute("data-status", "SUCCEEDED", { timeout: 180_000 });
  const [download] = await Promise.all([page.waitForEvent("download"), newest.getByRole("link", { name: /^Unduh/ }).click()]);
  const filePath = await download.path();
  return { bytes: readFileSync(filePath), fileName: download.suggestedFilename() };
}

test("a supervisor downloads the CSV, XLSX and PDF exports of the statistics", async ({ page, context, baseURL }) => {
  test.slow();
  await useLocale(context, "id", baseURL!);
  await signInWithTotpEnrollment(page, EXPORTER.email);
  await page.goto("/dasbor/statistik?period=year");
  await expect(page.getByRole("heading", { name: "Ekspor", exact: true })).toBeVisible();
  await expect(page.getByText("Sertakan teks bebas (uraian, pesan)")).toBeVisible();

  const csv = await requestAndDownload(page, "CSV (data kasus)", "CSV");
  expect(csv.fileName).toMatch(/^kasus-nasional-\d{4}-01-01_\d{4}-\d{2}-\d{2}\.csv$/);
  expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(csv.bytes.toString("utf8").slice(1).split("\r\n")[0]).toMatch(/^Kode laporan;Diterima \(WIB\);Diverifikasi \(WIB\);/);
  expect(csv.bytes.toString("utf8").split("\r\n").length).toBeGreaterThan(2);

  const xlsx = await requestAndDownload(page, "XLSX (data kasus + ringkasan)", "XLSX");
  expect(xlsx.fileName).toMatch(/\.xlsx$/);
  expect(xlsx.bytes.subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
  expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Ringkasan", "Kasus"]);
  expect(workbook.getWorksheet("Kasus")!.getRow(1).getCell(1).value).toBe("Kode laporan");

  const pdf = await requestAndDownload(page, "PDF (laporan periode)", "PDF");
  expect(pdf.fileName).toMatch(/^laporan-nasional-.*\.pdf$/);
  expect(pdf.bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
});
