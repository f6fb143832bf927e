import { readFileSync } from "node:fs";
import path from "node:path";

import { DEMO_RECEIPT_KEY } from "@/prisma/demo-staff";

import { expect, test, useLocale } from "./_setup/fixtures";
import { closeReportDatabase, findDemoCase, reportDatabase } from "./fixtures/report-database";
import { expectNoHorizontalOverflow, messagesFor, openCase } from "./fixtures/report-pages";
import { signInWithTotpEnrollment } from "./fixtures/staff-sign-in";

/**
 * Objecting to the office's decision on /lacak (lib/objections), with and without JavaScript,
 * then what staff see: the queue's "objected" view and badge, the case page, the statistics.
 * Each test takes demo cases of its own (RESOLVED offsets 3 to 6), and stands in for the office's
 * decision by setting its instant to now, so the window is open.
 */

type ObjectionMessages = typeof import("../../messages/objection/id.json");
function objectionMessages(locale: "id" | "en"): ObjectionMessages {
  return JSON.parse(readFileSync(path.resolve("messages", "objection", `${locale}.json`), "utf8")) as ObjectionMessages;
}

test.afterAll(closeReportDatabase);

async function decidedJustNow(offset: number, closedAt = new Date()) {
  const demo = await findDemoCase({ status: ["RESOLVED"], isRated: false, offset });
  await reportDatabase().case.update({ where: { id: demo.id }, data: { closedAt } });
  return demo;
}

test.describe("objecting with JavaScript", () => {
  test.beforeEach(async ({ context, baseURL }) => {
    await useLocale(context, "id", baseURL!);
  });

  test("a low rating offers the objection; the objection reopens the case for the office head, in the queue, the timeline and the statistics", async ({ page, browser, baseURL }) => {
    test.setTimeout(240_000);
    const text = messagesFor("id");
    const words = objectionMessages("id");
    const demo = await decidedJustNow(3);
    await page.setViewportSize({ width: 360, height: 800 });
    await openCase(page, "id", { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });

    await expect(page.getByTestId("where-else")).toContainText("www.lapor.go.id");
    await expect(page.getByTestId("where-else").getByRole("link", { name: "www.ombudsman.go.id" })).toHaveAttribute("href", "https://www.ombudsman.go.id");

    await page.getByRole("group", { name: text.TrackedCase.rating.legend }).getByRole("radio", { name: /^1 – / }).check();
    await page.getByLabel(text.TrackedCase.rating.comment.label).fill("Uang saya tidak dikembalikan.");
    await page.getByRole("button", { name: text.TrackedCase.rating.submit }).click();
    await expect(page.getByTestId("rating-objection-offer")).toContainText(words.Objection.lowRating.body);
    await expectNoHorizontalOverflow(page);

    const reason = page.getByLabel(words.Objection.form.reason.label);
    await reason.fill("Kurang jelas.");
    await page.getByRole("button", { name: words.Objection.form.submit }).click();
    await expect(page.locator("#objection-reason-error")).toContainText("paling sedikit 20 karakter");
    await expect(reason).toHaveValue("Kurang jelas.");

    const why = "Uang Rp 500.000 yang diminta calo belum dikembalikan, padahal laporan dinyatakan selesai.";
    await reason.fill(why);
    // A double tap sends one objection.
    await page.getByRole("button", { name: words.Objection.form.submit }).dblclick();
    await expect(page.getByTestId("objection-filed")).toContainText(words.Objection.filed.title);
    await expect(page.getByTestId("objection-filed")).toContainText(why);
    await expect(page.getByTestId("case-status")).toHaveText(text.TrackedCase.status.labels.IN_PROGRESS);
    await expect(page.getByText(words.Objection.timeline)).toBeVisible();
    await expect(page.getByTestId("where-else")).toBeVisible();
    await expectNoHorizontalOverflow(page);
    expect(await reportDatabase().caseObjection.count({ where: { caseId: demo.id } })).toBe(1);

    // The office head of the case's office: a supervisor account made for this test.
    const found = await reportDatabase().case.findUniqueOrThrow({ where: { id: demo.id }, select: { officeId: true, receivedAt: true, office: { select: { code: true } } } });
    const { passwordHash } = await reportDatabase().staffUser.findUniqueOrThrow({ where: { email: "admin@demo.lapor-imigrasi.id" }, select: { passwordHash: true } });
    const email = "kepala.keberatan@demo.lapor-imigrasi.id";
    await reportDatabase().staffUser.create({ data: { email, name: "Kepala Uji Keberatan", passwordHash, role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: found.officeId } });
    const staffContext = await browser.newContext({ baseURL });
    const staff = await staffContext.newPage();
    await useLocale(staffContext, "id", baseURL!);
    await signInWithTotpEnrollment(staff, email);

    await staff.goto("/dasbor?view=objected");
    const row = staff.getByRole("row", { name: new RegExp(demo.trackingCode) });
    await expect(row).toContainText(words.ObjectionStaff.badge);
    await staff.goto(`/dasbor/kasus/${demo.id}`);
    await expect(staff.getByTestId("case-objection")).toContainText(why);
    await expect(staff.getByText(/Keberatan pelapor — pemeriksaan ulang paling lambat/)).toBeVisible();

    const day = new Date(found.receivedAt.getTime() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
    await staff.goto(`/dasbor/statistik?period=custom&from=${day}&to=${day}`);
    const figure = staff.locator('[data-figure="objections"]');
    await expect(figure).toContainText(words.ObjectionStaff.statistics.total);
    const counted = await reportDatabase().caseObjection.count({ where: { case: { officeId: found.officeId, receivedAt: { gte: new Date(`${day}T00:00:00+07:00`), lte: new Date(`${day}T23:59:59.999+07:00`) } } } });
    await expect(figure).toContainText(String(counted));
    await figure.click();
    await expect(staff.getByRole("row", { name: new RegExp(demo.trackingCode) })).toBeVisible();
    await staffContext.close();
  });
});

test.describe("objecting without JavaScript", () => {
  test.use({ javaScriptEnabled: false });
  test.beforeEach(async ({ context, baseURL }) => {
    await useLocale(context, "en", baseURL!);
  });

  test("a plain form post keeps the text on error and files the objection", async ({ page }) => {
    const words = objectionMessages("en");
    const demo = await decidedJustNow(4);
    await openCase(page, "en", { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });
    await expect(page.getByTestId("objection-section")).toContainText(words.Objection.decision.RESOLVED);

    await page.getByRole("button", { name: words.Objection.form.submit }).click();
    await expect(page.locator("#objection-reason-error")).toContainText(messagesFor("en").ReportErrors.requiredField.reason);
    await page.getByLabel(words.Objection.form.reason.label).fill("Too short.");
    await page.getByRole("button", { name: words.Objection.form.submit }).click();
    await expect(page.locator("#objection-reason-error")).toContainText("at least 20 characters");
    await expect(page.getByLabel(words.Objection.form.reason.label)).toHaveValue("Too short.");

    await page.getByLabel(words.Objection.form.reason.label).fill("The officer still has my passport; nothing was resolved.");
    await page.getByRole("button", { name: words.Objection.form.submit }).click();
    await expect(page.getByTestId("objection-filed")).toContainText(words.Objection.filed.title);
    await expect(page.getByTestId("where-else")).toContainText("www.ombudsman.go.id");
  });

  test("after the window the page says so, and where else to go", async ({ page }) => {
    const words = objectionMessages("en");
    const demo = await decidedJustNow(5, new Date(Date.now() - 60 * 24 * 60 * 60 * 1000));
    await openCase(page, "en", { trackingCode: demo.trackingCode, secretKey: DEMO_RECEIPT_KEY });
    await expect(page.getByTestId("objection-closed")).toContainText("The time to object ended on");
    await expect(page.getByRole("button", { name: words.Objection.form.submit })).toHaveCount(0);
    await expect(page.getByTestId("where-else")).toContainText("www.lapor.go.id");
  });
});

test.describe("a malformed key", () => {
  for (const isJavaScriptEnabled of [true, false]) {
    test.describe(isJavaScriptEnabled ? "with JavaScript" : "without JavaScript", () => {
      test.use({ javaScriptEnabled: isJavaScriptEnabled });

      test("gets a message that says the shape of a key, not the wrong-key message", async ({ page, context, baseURL }) => {
        await useLocale(context, "id", baseURL!);
        const text = messagesFor("id");
        const demo = await findDemoCase({ status: ["IN_PROGRESS"], offset: isJavaScriptEnabled ? 7 : 8 });

        await openCase(page, "id", { trackingCode: demo.trackingCode, secretKey: "04817-93302-55710-2846" });
        const summary = page.getByRole("alert", { name: text.TrackPage.form.errorSummaryTitle });
        await expect(summary).toContainText(text.ReportErrors.secretKeyMalformed);
        await expect(summary).not.toContainText(text.ReportErrors.trackingNotFound);
        await expect(page.locator("#secretKey-error")).toContainText("25 angka");

        // Spaces and dashes typed around the groups are fine.
        await openCase(page, "id", { trackingCode: demo.trackingCode, secretKey: ` ${DEMO_RECEIPT_KEY.replace(/-/g, " - ")} ` });
        await expect(page.getByTestId("case-status")).toBeVisible();
      });
    });
  }
});
