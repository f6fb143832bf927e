import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";

import { DEMO_RECEIPT_KEY } from "@/prisma/demo-staff";

import { expect, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, findDemoCase, reportDatabase } from "./fixtures/report-database";
import { openCase } from "./fixtures/report-pages";
import { signIn, signInWithTotpEnrollment } from "./fixtures/staff-sign-in";

/**
 * The retaliation check (lib/rules): a case closed 31 days ago gets the question on /lacak once
 * the rules have run (scripts/run-rules.ts, what the hourly job does); "yes" files a retaliation
 * report that the regional supervisor finds and the office's own officer cannot open or find.
 */

type RulesMessages = typeof import("../../messages/rules/id.json");
const words = JSON.parse(readFileSync(path.resolve("messages", "rules", "id.json"), "utf8")) as RulesMessages;

test.afterAll(closeReportDatabase);

function runRules() {
  const url = process.env.E2E_DATABASE_URL ?? process.env.DATABASE_URL;
  execFileSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/run-rules.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
}

async function staffAccount(email: string, data: { role: "OFFICER" | "SUPERVISOR"; scopeLevel: "OFFICE" | "REGIONAL"; officeId?: number; regionalOfficeId?: number }) {
  const { passwordHash } = await reportDatabase().staffUser.findUniqueOrThrow({ where: { email: "admin@demo.lapor-imigrasi.id" }, select: { passwordHash: true } });
  await reportDatabase().staffUser.create({ data: { email, name: email.split("@")[0]!, passwordHash, ...data } });
}

test("a case closed 30 days ago asks about retaliation; yes reaches the regional supervisor and not the office's officer", async ({ page, browser, baseURL, context }) => {
  test.setTimeout(300_000);
  await useLocale(context, "id", baseURL!);
  const demo = await findDemoCase({ status: ["RESOLVED"], isRated: true, offset: 1 });
  const original = await reportDatabase().case.update({
    where: { id: demo.id },
    data: { closedAt: new Date(Date.now() - 31 * 24 * 60 * 60 * 1000) },
    select: { officeId: true, office: { select: { regionalOfficeId: true } } },
  });
  runRules();

  await openCase(page, "id", { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });
  const section = page.getByTestId("retaliation-section");
  await expect(section).toContainText(words.Retaliation.question.title);
  await expect(section).toContainText(words.Retaliation.question.lead.replace("{round}", "30"));

  // "Yes" needs the message; what was chosen stays.
  await section.getByLabel(words.Retaliation.question.answerYes).check();
  await section.getByRole("button", { name: words.Retaliation.question.submit }).click();
  await expect(section).toContainText(words.Retaliation.question.errors.messageRequired.replace("{min}", "10"));
  const message = "Sejak melapor, petugas loket menolak melayani perpanjangan paspor saya dan mengancam saya.";
  await section.getByLabel(words.Retaliation.question.messageLabel).fill(message);
  await section.getByLabel(words.Retaliation.question.answerYes).check();
  await section.getByRole("button", { name: words.Retaliation.question.submit }).click();
  await expect(page.getByTestId("retaliation-reported")).toContainText(words.Retaliation.reported.title);
  const code = (await page.getByTestId("retaliation-code").textContent())!.trim();
  await expect(page.getByTestId("retaliation-key")).not.toBeEmpty();
  const filed = await reportDatabase().case.findUniqueOrThrow({ where: { trackingCode: code }, select: { id: true, kind: true, description: true } });
  expect(filed).toMatchObject({ kind: "RETALIATION", description: message });

  // The regional supervisor finds it in the queue and opens it.
  const supervisorEmail = "kanwil.pembalasan@demo.lapor-imigrasi.id";
  await staffAccount(supervisorEmail, { role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: original.office.regionalOfficeId });
  const supervisorContext = await browser.newContext({ baseURL });
  await useLocale(supervisorContext, "id", baseURL!);
  const supervisor = await supervisorContext.newPage();
  await signInWithTotpEnrollment(supervisor, supervisorEmail);
  await supervisor.goto(`/dasbor?q=${code}&status=all`);
  await expect(supervisor.getByRole("row", { name: new RegExp(code) })).toBeVisible();
  await supervisor.goto(`/dasbor/kasus/${filed.id}`);
  await expect(supervisor.getByText(message)).toBeVisible();
  await supervisorContext.close();

  // The office's own officer neither finds nor opens it.
  const officerEmail = "petugas.pembalasan@demo.lapor-imigrasi.id";
  await staffAccount(officerEmail, { role: "OFFICER", scopeLevel: "OFFICE", officeId: original.officeId });
  const officerContext = await browser.newContext({ baseURL });
  await useLocale(officerContext, "id", baseURL!);
  const officer = await officerContext.newPage();
  // Officers sign in with the password alone (only supervisors and admins enroll a TOTP app).
  await signIn(officer, officerEmail);
  await expect(officer).toHaveURL(/\/dasbor$/, { timeout: 30_000 });
  await officer.goto(`/dasbor?q=${code}&status=all`);
  await expect(officer.getByRole("row", { name: new RegExp(code) })).toHaveCount(0);
  const response = await officer.goto(`/dasbor/kasus/${filed.id}`);
  expect(response?.status()).toBe(404);
  await expect(officer.getByText(message)).toHaveCount(0);
  await officerContext.close();
});
