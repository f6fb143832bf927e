import { readReportForm } from "@/scripts/lib/report-filing-client";

import { expect, test } from "./_setup/fixtures";
import { closeReportDatabase, reportDatabase } from "./fixtures/report-database";
import { createMarker, daysAgo } from "./fixtures/report-pages";

/**
 * The production server answers `/`, `/lapor`, `/lacak` and `/transparansi` from prerendered
 * copies (scripts/lib/public-copies.ts). These tests fail if a copy were served to a visitor with
 * a cookie (a kept receipt, a tracking session, a staff session), if a copy carried anything of a
 * visitor, or if two served report forms shared an idempotency key or a nonce. They also check
 * that copies are served at all (the `x-page-copy` header), so they cannot pass by never copying.
 */

test.afterAll(closeReportDatabase);

const PAGES = ["/", "/lapor", "/lacak", "/transparansi"];

async function get(baseURL: string, path: string, cookie?: string) {
  const response = await fetch(new URL(path, baseURL), { headers: cookie ? { cookie } : {}, redirect: "manual" });
  return { response, html: await response.text() };
}

/** The nonce of the response's policy, and that every script of the page carries it. */
function expectScriptsCarryTheNonce(response: Response, html: string): string {
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map(([tag]) => tag);
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // The stylesheet's preload header too, when there is one: never another response's nonce.
  for (const link of (response.headers.get("link") ?? "").matchAll(/nonce="([^"]+)"/g)) expect(link[1]).toBe(nonce);
  return nonce!;
}

const idempotencyKeyOf = (html: string) => /name="idempotencyKey" value="([^"]+)"/.exec(html)?.[1];

/** Posts the no-JavaScript report form as a browser would; returns the answer and the cookies it set. */
async function postReport(baseURL: string, formHtml: string, marker: string) {
  const form = readReportForm(formHtml);
  expect(form).not.toBeNull();
  const body = new FormData();
  for (const [name, value] of form!.hiddenFields) body.append(name, value);
  const fields: Record<string, string> = {
    kind: "PUNGLI",
    officeCode: "kanim-denpasar",
    serviceCode: "paspor-el-10th",
    categoryCode: "PUNGLI",
    incidentDate: daysAgo(3),
    incidentPlace: "Loket 4, lantai 2",
    description: `${marker} Petugas di loket meminta uang tambahan supaya paspor cepat selesai.`,
    amountDemanded: "1.500.000",
    amountPaid: "0",
    paymentMethod: "CASH",
    brokerInvolved: "no",
    receiptGiven: "no",
    accusedDescription: "Petugas berseragam biru di loket 4.",
    reporterMode: "ANONYMOUS",
  };
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  const response = await fetch(new URL(form!.actionPath, baseURL), { method: "POST", headers: { origin: new URL(baseURL).origin, accept: "text/html" }, body, redirect: "manual" });
  await response.arrayBuffer();
  const cookie = response.headers
    .getSetCookie()
    .map((header) => header.split(";")[0]!)
    .join("; ");
  return { status: response.status, location: response.headers.get("location"), cookie };
}

test("visitors without cookies get copies in their language, each with its own nonce and its own form key", async ({ baseURL }) => {
  for (const locale of ["id", "en"]) {
    for (const path of PAGES) {
      const { response, html } = await get(baseURL!, path, `NEXT_LOCALE=${locale}`);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("x-page-copy"), `${locale} ${path} is served from its copy`).toBe("hit");
      expect(html).toContain(`<html lang="${locale}"`);
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
      expect(response.headers.get("vary") ?? "", "a shared cache must not hand a gzipped copy to a client that cannot read it").toMatch(/accept-encoding/i);
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      expect(response.headers.get("content-security-policy")).toContain("'strict-dynamic'");
      expectScriptsCarryTheNonce(response, html);
    }
  }
  // Twice the same copy: never the same nonce, never the same submission id.
  const first = await get(baseURL!, "/lapor");
  const second = await get(baseURL!, "/lapor");
  expect(second.response.headers.get("x-page-copy")).toBe("hit");
  const [firstNonce, secondNonce] = [expectScriptsCarryTheNonce(first.response, first.html), expectScriptsCarryTheNonce(second.response, second.html)];
  expect(firstNonce).not.toBe(secondNonce);
  const [firstKey, secondKey] = [idempotencyKeyOf(first.html), idempotencyKeyOf(second.html)];
  expect(firstKey).toMatch(/^[0-9a-f-]{36}$/);
  expect(secondKey).toMatch(/^[0-9a-f-]{36}$/);
  expect(firstKey).not.toBe(secondKey);
  // The key is in the form's RSC payload too (the JavaScript form posts it): the same fresh one.
  expect(first.html.split(firstKey!).length).toBeGreaterThan(2);
});

test("two forms served from the copy file two cases; one form posted twice without JavaScript files one", async ({ baseURL }) => {
  const marker = createMarker("copies");
  const first = await get(baseURL!, "/lapor");
  const second = await get(baseURL!, "/lapor");
  expect(first.response.headers.get("x-page-copy")).toBe("hit");

  const filed = await postReport(baseURL!, first.html, `${marker}-a`);
  const doubled = await postReport(baseURL!, first.html, `${marker}-a`);
  const other = await postReport(baseURL!, second.html, `${marker}-b`);
  for (const answer of [filed, doubled, other]) {
    expect(answer.status).toBe(303);
    expect(answer.location).toContain("/lapor/tanda-terima");
  }
  const rows = await reportDatabase().case.findMany({ where: { description: { startsWith: marker } }, select: { description: true } });
  expect(rows.map((row) => row.description.split(" ")[0]).sort()).toEqual([`${marker}-a`, `${marker}-b`]);

  // With the receipt and tracking cookies the filing set, nothing comes from a copy: /lapor
  // reminds of the kept receipt, /lacak shows the case, and `/` is rendered for this visitor too.
  const receiptPage = await get(baseURL!, "/lapor/tanda-terima", filed.cookie);
  const trackingCode = /(LI-[0-9A-Z]{4}-[0-9A-Z]{4})/.exec(receiptPage.html)?.[1];
  expect(trackingCode).toBeTruthy();
  for (const path of PAGES) {
    const page = await get(baseURL!, path, `NEXT_LOCALE=id; ${filed.cookie}`);
    expect(page.response.headers.get("x-page-copy"), `${path} with a receipt and a tracking session`).toBeNull();
  }
  expect((await get(baseURL!, "/lapor", filed.cookie)).html).toContain(trackingCode!);
  const tracked = await get(baseURL!, "/lacak", filed.cookie);
  expect(tracked.html).toContain(trackingCode!);
  expect(tracked.response.headers.get("cache-control")).toContain("no-store");

  // And the copies served afterwards to a visitor without cookies hold nothing of that visitor.
  for (const path of PAGES) {
    const anonymous = await get(baseURL!, path);
    expect(anonymous.response.headers.get("x-page-copy")).toBe("hit");
    expect(anonymous.html).not.toContain(trackingCode!);
    expect(anonymous.html).not.toContain(marker);
  }
});

test("a staff session cookie, or any other cookie, always gets the page rendered for it", async ({ baseURL }) => {
  for (const cookie of ["authjs.session-token=not-a-real-session", "NEXT_LOCALE=en; lacak=not-a-real-session", "tanda-terima=x", "unrelated=1"]) {
    for (const path of PAGES) {
      const { response } = await get(baseURL!, path, cookie);
      expect(response.status, `${path} with ${cookie}`).toBe(200);
      expect(response.headers.get("x-page-copy"), `${path} with ${cookie}`).toBeNull();
    }
  }
  // Query strings and the client router's requests too.
  expect((await get(baseURL!, "/transparansi?q=denpasar")).response.headers.get("x-page-copy")).toBeNull();
  const navigation = await fetch(new URL("/lapor", baseURL), { headers: { rsc: "1" } });
  await navigation.arrayBuffer();
  expect(navigation.headers.get("x-page-copy")).toBeNull();
});
