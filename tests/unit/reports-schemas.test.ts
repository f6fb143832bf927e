import { describe, expect, it } from "vitest";

import { REPORT_ERROR_CODES } from "@/lib/reports/error-codes";
import {
  checkEvidenceSelection,
  parseRating,
  parseReportForm,
  parseReporterMessage,
  parseRupiahAmount,
  parseTrackingCredentials,
  REPORT_LIMITS,
} from "@/lib/reports/schemas";

/** Noon in Jakarta on 28 November 2026. */
const now = new Date("2026-11-28T05:00:00Z");

const complaint = {
  kind: "COMPLAINT",
  officeCode: "kanim-jakarta-selatan",
  serviceCode: "",
  categoryCode: "SLOW_SERVICE",
  incidentDate: "2026-11-20",
  incidentPlace: "",
  description: "Antrean paspor berhenti dua jam tanpa penjelasan dari petugas loket.",
  reporterMode: "ANONYMOUS",
  idempotencyKey: "0b7c1a56-0d43-4f0e-9d2b-2b1b7a0b8c11",
};

const pungli = {
  ...complaint,
  kind: "PUNGLI",
  categoryCode: "PUNGLI",
  serviceCode: "PASPOR_ELEKTRONIK_5",
  amountDemanded: "Rp 1.500.000",
  amountPaid: "",
  paymentMethod: "CASH",
  brokerInvolved: "yes",
  receiptGiven: "unknown",
  accusedDescription: "",
};

function errorsOf(input: Record<string, string>) {
  const result = parseReportForm(input, { now });
  if (result.success) throw new Error("expected the form to be refused");
  return result.fieldErrors;
}

function dataOf(input: Record<string, string>) {
  const result = parseReportForm(input, { now });
  if (!result.success) throw new Error(`expected the form to pass: ${JSON.stringify(result.fieldErrors)}`);
  return result.data;
}

describe("report form", () => {
  it("accepts a complete anonymous complaint and leaves the pungli details empty", () => {
    const data = dataOf({ ...complaint, amountDemanded: "not a number", paymentMethod: "BRIBE" });
    expect(data).toMatchObject({ kind: "COMPLAINT", serviceCode: null, incidentPlace: null, pungli: null, reporter: { mode: "ANONYMOUS" } });
  });

  it("reports every missing required field at once, one code each", () => {
    expect(errorsOf({})).toEqual({
      kind: ["required"],
      officeCode: ["required"],
      categoryCode: ["required"],
      incidentDate: ["required"],
      description: ["required"],
      reporterMode: ["required"],
      idempotencyKey: ["formOutdated"],
    });
  });

  it("refuses a value that is not one of the options", () => {
    expect(errorsOf({ ...complaint, kind: "RUMOUR", reporterMode: "SECRET" })).toEqual({ kind: ["invalidChoice"], reporterMode: ["invalidChoice"] });
  });

  it("requires a description of at least 30 and at most 5000 characters, counted after trimming", () => {
    expect(errorsOf({ ...complaint, description: `   ${"a".repeat(29)}   ` })).toEqual({ description: ["tooShort"] });
    expect(errorsOf({ ...complaint, description: "a".repeat(5001) })).toEqual({ description: ["tooLong"] });
    expect(dataOf({ ...complaint, description: "a".repeat(5000) }).description).toHaveLength(5000);
  });

  it("limits the place, the accused's description and the name", () => {
    expect(errorsOf({ ...complaint, incidentPlace: "x".repeat(REPORT_LIMITS.placeMax + 1) })).toEqual({ incidentPlace: ["tooLong"] });
    expect(errorsOf({ ...pungli, accusedDescription: "x".repeat(REPORT_LIMITS.accusedMax + 1) })).toEqual({ accusedDescription: ["tooLong"] });
    expect(errorsOf({ ...complaint, reporterMode: "IDENTIFIED", reporterName: "x".repeat(121), reporterEmail: "a@b.id" })).toEqual({ reporterName: ["tooLong"] });
  });

  it("keeps markup as typed text, trimmed, never escaped", () => {
    const description = "<script>alert('pungli')</script> petugas meminta uang & 'pelicin'";
    expect(dataOf({ ...complaint, description: `  ${description}\n` }).description).toBe(description);
  });

  it("removes NUL characters, which the database cannot store", () => {
    expect(dataOf({ ...complaint, description: `${"a".repeat(30)}\u0000b` }).description).toBe(`${"a".repeat(30)}b`);
  });

  describe("incident date", () => {
    it("accepts today in Jakarta even when it is still yesterday in UTC", () => {
      // 01:00 in Jakarta on 29 November is 18:00 UTC on 28 November.
      const result = parseReportForm({ ...complaint, incidentDate: "2026-11-29" }, { now: new Date("2026-11-28T18:00:00Z") });
      expect(result.success).toBe(true);
    });

    it("refuses a date in the future in Jakarta", () => {
      expect(errorsOf({ ...complaint, incidentDate: "2026-11-29" })).toEqual({ incidentDate: ["dateInFuture"] });
    });

    it("accepts two years ago to the day and refuses the day before", () => {
      expect(dataOf({ ...complaint, incidentDate: "2024-11-28" }).incidentDate).toBe("2024-11-28");
      expect(errorsOf({ ...complaint, incidentDate: "2024-11-27" })).toEqual({ incidentDate: ["dateTooOld"] });
    });

    it("refuses what is not a real calendar date", () => {
      for (const incidentDate of ["2026-02-30", "28-11-2026", "2026-11-2", "yesterday"]) {
        expect(errorsOf({ ...complaint, incidentDate })).toEqual({ incidentDate: ["invalidDate"] });
      }
    });
  });

  describe("pungli details", () => {
    it("are required for a pungli report", () => {
      expect(errorsOf({ ...complaint, kind: "PUNGLI" })).toEqual({
        amountDemanded: ["required"],
        paymentMethod: ["required"],
        brokerInvolved: ["required"],
        receiptGiven: ["required"],
      });
    });

    it("are read into amounts and yes/no/unknown answers", () => {
      expect(dataOf({ ...pungli, amountPaid: "750000", accusedDescription: " Loket 3, seragam biru " }).pungli).toEqual({
        amountDemandedRupiah: 1_500_000,
        amountPaidRupiah: 750_000,
        paymentMethod: "CASH",
        brokerInvolved: true,
        receiptGiven: null,
        accusedDescription: "Loket 3, seragam biru",
      });
    });

    it("refuse amounts that are not whole rupiah or above a billion", () => {
      expect(errorsOf({ ...pungli, amountDemanded: "1,5 juta", amountPaid: "1000000001" })).toEqual({
        amountDemanded: ["invalidAmount"],
        amountPaid: ["amountTooLarge"],
      });
    });
  });

  describe("reporter identity", () => {
    it("drops the name and contact of an anonymous reporter, whatever was sent", () => {
      const data = dataOf({ ...complaint, reporterName: "Budi", reporterEmail: "budi@example.id", reporterPhone: "0812 3456 7890" });
      expect(data.reporter).toEqual({ mode: "ANONYMOUS", noticeEmail: null });
      expect(JSON.stringify(data)).not.toMatch(/Budi|budi@example|0812/);
    });

    it("keeps an anonymous reporter's email for notices only, validated, and drops it from an identified report", () => {
      expect(dataOf({ ...complaint, noticeEmail: " Kabar@Example.id " }).reporter).toEqual({ mode: "ANONYMOUS", noticeEmail: "Kabar@Example.id" });
      expect(errorsOf({ ...complaint, noticeEmail: "not-an-address" })).toEqual({ noticeEmail: ["invalidEmail"] });
      const identified = dataOf({ ...complaint, reporterMode: "IDENTIFIED", reporterName: "Budi", reporterEmail: "budi@example.id", noticeEmail: "other@example.id" });
      expect(JSON.stringify(identified)).not.toContain("other@example.id");
    });

    it("requires a name and an email or a phone number from an identified reporter", () => {
      expect(errorsOf({ ...complaint, reporterMode: "IDENTIFIED" })).toEqual({ reporterName: ["required"], reporterEmail: ["contactRequired"] });
    });

    it("accepts a phone number alone", () => {
      expect(dataOf({ ...complaint, reporterMode: "IDENTIFIED", reporterName: " Siti ", reporterPhone: "+62 812-3456-7890" }).reporter).toEqual({
        mode: "IDENTIFIED",
        name: "Siti",
        email: null,
        phone: "+62 812-3456-7890",
      });
    });

    it("refuses a malformed email address or phone number", () => {
      expect(errorsOf({ ...complaint, reporterMode: "IDENTIFIED", reporterName: "Siti", reporterEmail: "siti@", reporterPhone: "12ab" })).toEqual({
        reporterEmail: ["invalidEmail"],
        reporterPhone: ["invalidPhone"],
      });
      expect(errorsOf({ ...complaint, reporterMode: "IDENTIFIED", reporterName: "Siti", reporterPhone: "1234567" })).toEqual({ reporterPhone: ["invalidPhone"] });
    });
  });

  it("reads FormData as well as plain objects", () => {
    const formData = new FormData();
    for (const [field, value] of Object.entries(complaint)) formData.append(field, value);
    formData.append("evidence", new File(["x"], "x.jpg"));
    expect(parseReportForm(formData, { now }).success).toBe(true);
  });

  it("uses only codes the interface can translate", () => {
    const everyError = [
      errorsOf({}),
      errorsOf({ ...pungli, amountDemanded: "x", incidentDate: "2030-01-01", reporterMode: "IDENTIFIED", reporterEmail: "x" }),
    ].flatMap((errors) => Object.values(errors).flat());
    for (const code of everyError) expect(REPORT_ERROR_CODES).toContain(code);
  });
});

describe("parseRupiahAmount", () => {
  it.each([
    ["1500000", 1_500_000],
    ["1.500.000", 1_500_000],
    ["Rp 1.500.000", 1_500_000],
    ["Rp1.500.000,-", 1_500_000],
    ["rp. 1.500.000,00", 1_500_000],
    ["IDR 1,500,000", 1_500_000],
    ["1 500 000", 1_500_000],
    ["0", 0],
    ["1.000.000.000", 1_000_000_000],
  ])("reads %j as %i", (input, amount) => {
    expect(parseRupiahAmount(input)).toEqual({ amount });
  });

  it.each(["", "abc", "-5000", "1.5", "1.50.000", "1,5", "Rp", "15 ribu"])("refuses %j", (input) => {
    expect(parseRupiahAmount(input)).toEqual({ error: "invalidAmount" });
  });

  it("refuses more than a billion rupiah", () => {
    expect(parseRupiahAmount("1.000.000.001")).toEqual({ error: "amountTooLarge" });
    expect(parseRupiahAmount("99999999999999999999")).toEqual({ error: "amountTooLarge" });
  });
});

describe("evidence selection", () => {
  it("flags a sixth file, a file over 10 MiB and an empty file", () => {
    expect(checkEvidenceSelection({ alreadyAccepted: 4, files: [{ size: 1 }, { size: 1 }] })).toEqual(["tooManyFiles"]);
    expect(checkEvidenceSelection({ alreadyAccepted: 0, files: [{ size: REPORT_LIMITS.fileBytes + 1 }, { size: 0 }] })).toEqual(["fileTooLarge", "fileEmpty"]);
    expect(checkEvidenceSelection({ alreadyAccepted: 2, files: [{ size: REPORT_LIMITS.fileBytes }] })).toEqual([]);
  });
});

describe("tracking forms", () => {
  it("requires a code and a key, and says the shape of one that cannot be a code or a key", () => {
    expect(parseTrackingCredentials({})).toEqual({ success: false, fieldErrors: { trackingCode: ["required"], secretKey: ["required"] } });
    expect(parseTrackingCredentials({ trackingCode: "nonsense", secretKey: "x" })).toEqual({
      success: false,
      fieldErrors: { trackingCode: ["trackingCodeMalformed"], secretKey: ["secretKeyMalformed"] },
    });
    for (const secretKey of ["04817-93302-55710-28461-9003", "04817-93302-55710-28461-900355", "04817-93302-55710-28461-9003O"]) {
      expect(parseTrackingCredentials({ trackingCode: "LI-7K3M-9QX2", secretKey })).toEqual({ success: false, fieldErrors: { secretKey: ["secretKeyMalformed"] } });
    }
  });

  it("tolerates the separators people type in a well-formed code and key", () => {
    for (const secretKey of ["0481793302557102846190035", "04817 93302 55710 28461 90035", " 04817–93302–55710–28461–90035 ", "04817.93302.55710.28461.90035"]) {
      expect(parseTrackingCredentials({ trackingCode: "li 7k3m 9qx2", secretKey }).success).toBe(true);
    }
  });

  it("requires a message of at most 3000 characters and the submission id", () => {
    expect(parseReporterMessage({ body: " ", idempotencyKey: "x" })).toEqual({ success: false, fieldErrors: { body: ["required"], idempotencyKey: ["formOutdated"] } });
    expect(parseReporterMessage({ body: "x".repeat(3001), idempotencyKey: complaint.idempotencyKey })).toEqual({ success: false, fieldErrors: { body: ["tooLong"] } });
  });

  it("accepts a rating from 1 to 5 with an optional comment", () => {
    expect(parseRating({ score: "5", comment: "" })).toEqual({ success: true, data: { score: 5, comment: null } });
    expect(parseRating({ score: "0" })).toEqual({ success: false, fieldErrors: { score: ["invalidScore"] } });
    expect(parseRating({ score: "4.5" })).toEqual({ success: false, fieldErrors: { score: ["invalidScore"] } });
    expect(parseRating({ score: "3", comment: "x".repeat(1001) })).toEqual({ success: false, fieldErrors: { comment: ["tooLong"] } });
  });
});
