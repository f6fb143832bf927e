import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";

import { REPORT_ERROR_CODES } from "@/lib/reports/error-codes";
import {
  parseRating,
  parseReportForm,
  parseReporterMessage,
  parseRupiahAmount,
  parseTrackingCredentials,
  REPORT_LIMITS,
  REPORT_TEXT_FIELDS,
} from "@/lib/reports/schemas";

import { checkProperty, FUZZ_TEST_TIMEOUT_MS, hugeString, findStorageProblems, fuzzedFormEntries, fuzzedRecord, hostileString, toFormData } from "../fixtures/fuzz";

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

/**
 * The public reporting forms' parsers under generated hostile input: they never throw, every
 * refusal is a code the page can translate, and whatever they accept can be stored as it is.
 */

/** Today in Jakarta, as the parser sees it when given no clock (it builds its schema once then). */
const today = new Date(Date.now() + 7 * 60 * 60 * 1000).toISOString().slice(0, 10);
const yearsAgo = (years: number) => `${Number(today.slice(0, 4)) - years}${today.slice(4)}`;
const KNOWN_CODES: ReadonlySet<string> = new Set(REPORT_ERROR_CODES);

const REPORT_FIELDS: Record<(typeof REPORT_TEXT_FIELDS)[number], readonly string[]> = {
  kind: ["COMPLAINT", "PUNGLI"],
  officeCode: ["kanim-jakarta-selatan"],
  serviceCode: ["", "paspor-el-10th"],
  categoryCode: ["SLOW_SERVICE", "PUNGLI"],
  incidentDate: [today, yearsAgo(1), yearsAgo(2), yearsAgo(3), "2026-02-30"],
  incidentPlace: ["", "Loket 2"],
  description: ["Petugas meminta uang tambahan di luar tarif resmi agar paspor cepat jadi."],
  amountDemanded: ["Rp 1.500.000", "1500000", "1,500,000"],
  amountPaid: ["", "500.000"],
  paymentMethod: ["CASH", "TRANSFER", "E_WALLET", "OTHER"],
  brokerInvolved: ["yes", "no", "unknown"],
  receiptGiven: ["yes", "no", "unknown"],
  accusedDescription: ["", "Petugas berkacamata"],
  reporterMode: ["ANONYMOUS", "IDENTIFIED"],
  reporterName: ["Siti Aminah"],
  reporterEmail: ["", "siti@example.org"],
  reporterPhone: ["", "+62 812-3456-7890"],
  noticeEmail: ["", "kabar@example.org"],
  idempotencyKey: ["0b7c1a56-0d43-4f0e-9d2b-2b1b7a0b8c11"],
};

/** Either the FormData a browser (or a script) posts, or a plain record holding anything. */
function reportInput(fields: Record<string, readonly string[]>) {
  return fc.oneof(fuzzedFormEntries(fields).map(toFormData), fuzzedRecord(fields)) as fc.Arbitrary<FormData | Record<string, string | undefined>>;
}

function expectKnownCodes(fieldErrors: Partial<Record<string, string[]>>, fields: readonly string[]): void {
  for (const [field, codes] of Object.entries(fieldErrors)) {
    expect([...fields, "form"]).toContain(field);
    for (const code of codes ?? []) expect(KNOWN_CODES, `field ${field}`).toContain(code);
  }
}

describe("the report form's parser", () => {
  it("never throws, refuses with known codes only, and accepts only storable, bounded values", async () => {
    await checkProperty(
      "reports: report form",
      fc.property(reportInput(REPORT_FIELDS), (input) => {
        const result = parseReportForm(input);
        if (!result.success) {
          expect(Object.keys(result.fieldErrors).length).toBeGreaterThan(0);
          expectKnownCodes(result.fieldErrors, [...REPORT_TEXT_FIELDS, "evidence"]);
          return;
        }
        const { data } = result;
        expect(findStorageProblems(data)).toEqual([]);
        expect(data.description.length).toBeGreaterThanOrEqual(REPORT_LIMITS.descriptionMin);
        expect(data.description.length).toBeLessThanOrEqual(REPORT_LIMITS.descriptionMax);
        expect(data.description).toBe(data.description.trim());
        expect(data.incidentDate <= today).toBe(true);
        if (data.reporter.mode === "IDENTIFIED") expect(data.reporter.email ?? data.reporter.phone).not.toBeNull();
        if (data.kind === "COMPLAINT") expect(data.pungli).toBeNull();
        if (data.pungli) expect(data.pungli.amountDemandedRupiah).toBeLessThanOrEqual(REPORT_LIMITS.amountMax);
      }),
    );
  });

  it("reads any rupiah amount as a whole amount within the limit, or as a known refusal", async () => {
    const amountText = fc.oneof(
      hostileString,
      hugeString,
      fc.tuple(fc.constantFrom("", "Rp", "rp.", "IDR ", "Rp "), fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.constantFrom("", ",-", ",00", ".-", " ")).map(([prefix, amount, suffix]) => `${prefix}${amount.toLocaleString("id-ID")}${suffix}`),
      fc.bigInt({ min: 0n, max: 10n ** 14n }).map((amount) => amount.toLocaleString("en-US")),
    );
    await checkProperty(
      "reports: rupiah amount",
      fc.property(amountText, (text) => {
        const parsed = parseRupiahAmount(text);
        if ("error" in parsed) {
          expect(KNOWN_CODES).toContain(parsed.error);
          return;
        }
        expect(Number.isSafeInteger(parsed.amount)).toBe(true);
        expect(parsed.amount).toBeGreaterThanOrEqual(0);
        expect(parsed.amount).toBeLessThanOrEqual(REPORT_LIMITS.amountMax);
        // Whatever the grouping, the digits are the amount's.
        expect(text.replace(/\D/g, "").replace(/^0+/, "").startsWith(String(parsed.amount).replace(/^0+/, ""))).toBe(true);
      }),
    );
  });
});

describe("the tracking page's parsers", () => {
  it("checks the tracking credentials without throwing", async () => {
    await checkProperty(
      "reports: tracking credentials",
      fc.property(reportInput({ trackingCode: ["LPR-2026-ABCD-EFGH"], secretKey: ["abcd-efgh-ijkl"] }), (input) => {
        const result = parseTrackingCredentials(input);
        if (!result.success) return expectKnownCodes(result.fieldErrors, ["trackingCode", "secretKey"]);
        expect(findStorageProblems(result.data)).toEqual([]);
        expect(result.data.trackingCode.length).toBeLessThanOrEqual(64);
        expect(result.data.secretKey.length).toBeLessThanOrEqual(64);
      }),
    );
  });

  it("checks a reporter's message without throwing", async () => {
    await checkProperty(
      "reports: reporter message",
      fc.property(reportInput({ body: ["Mohon kabar perkembangannya."], idempotencyKey: ["0b7c1a56-0d43-4f0e-9d2b-2b1b7a0b8c11"] }), (input) => {
        const result = parseReporterMessage(input);
        if (!result.success) return expectKnownCodes(result.fieldErrors, ["body", "idempotencyKey"]);
        expect(findStorageProblems(result.data)).toEqual([]);
        expect(result.data.body.length).toBeGreaterThan(0);
        expect(result.data.body.length).toBeLessThanOrEqual(REPORT_LIMITS.messageMax);
      }),
    );
  });

  it("checks a rating without throwing", async () => {
    await checkProperty(
      "reports: rating",
      fc.property(reportInput({ score: ["1", "3", "5"], comment: ["", "Cepat ditangani."] }), (input) => {
        const result = parseRating(input);
        if (!result.success) return expectKnownCodes(result.fieldErrors, ["score", "comment"]);
        expect([1, 2, 3, 4, 5]).toContain(result.data.score);
        expect(findStorageProblems(result.data)).toEqual([]);
        expect((result.data.comment ?? "").length).toBeLessThanOrEqual(REPORT_LIMITS.commentMax);
      }),
    );
  });
});
