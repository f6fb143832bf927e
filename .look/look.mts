import { chromium } from "playwright-core";
import ExcelJS from "exceljs";
import { computeHotp, decodeBase32, totpStepAt } from "../lib/auth/totp";

const base = "http://localhost:3310";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"] });
const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(base + "/masuk");
await page.getByLabel("Email kantor").fill(process.env.WHO ?? "supervisor.jabar@demo.lapor-imigrasi.id");
await page.getByLabel("Kata sandi").fill("Demo-Lapor-2026");
await page.getByRole("button", { name: "Masuk", exact: true }).click();
await page.waitForURL(/\/dasbor\/akun/);
await page.getByRole("button", { name: "Atur aplikasi autentikator" }).click();
const secret = (await page.getByTestId("totp-secret").textContent())!.replace(/\s/g, "");
await page.getByLabel("Kode 6 angka").fill(computeHotp(decodeBase32(secret)!, totpStepAt(new Date())));
await page.getByRole("button", { name: "Aktifkan" }).click();
await page.waitForURL(/totp-enabled/);

await page.goto(base + "/dasbor/statistik?period=year");
await page.locator("section", { has: page.locator("#offices-title") }).last().screenshot({ path: "/tmp/look/offices.png" });
await page.locator("section", { has: page.locator("#satisfaction-title") }).last().screenshot({ path: "/tmp/look/satisfaction.png" });
await page.goto(base + "/dasbor/statistik?period=year&kind=COMPLAINT");
const pungliLinks = await page.locator("section", { has: page.locator("#offices-title") }).last().locator("a[href*='kind=PUNGLI']").count();
const pungliLinksVolume = await page.locator("section", { has: page.locator("#volume-title") }).last().locator("a[href*='kind=PUNGLI']").count();
console.log("pungli links with kind=COMPLAINT:", pungliLinks, pungliLinksVolume);

await page.goto(base + "/dasbor/statistik?period=year");
const panel = page.locator("section").filter({ has: page.getByRole("heading", { name: "Ekspor", exact: true }) }).first();
await panel.getByRole("radio", { name: /XLSX/ }).check();
await panel.getByRole("button", { name: "Buat ekspor" }).click();
const newest = panel.locator("[data-export-job]").first();
await newest.and(page.locator("[data-status=SUCCEEDED]")).waitFor({ timeout: 120_000 });
await panel.screenshot({ path: "/tmp/look/export-panel.png" });
const [download] = await Promise.all([page.waitForEvent("download"), newest.getByRole("link").first().click()]);
const file = await download.path();
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.readFile(file!);
const summary = workbook.getWorksheet("Ringkasan")!;
summary.eachRow((row, n) => {
  if (n < 40) console.log(n, JSON.stringify(row.values), row.getCell(2).numFmt ?? "");
});
await browser.close();
