import { describe, expect, it } from "vitest";

import { drawTicketNumbers, hashInvitationCode, invitationCode, isTicketDrawn, normalizeInvitationCode } from "@/lib/surveys/draw";
import { endOfOfficeDay, officeDayKey, officeTimeZone } from "@/lib/surveys/office-day";
import { buildPungliReportPrefill, readReportPrefill } from "@/lib/surveys/report-prefill";
import { parseSurveyValues, SURVEY_TEXT_FIELDS, type SurveyField } from "@/lib/surveys/schemas";

const key = Buffer.alloc(32, 7);
const otherKey = Buffer.alloc(32, 8);
const settings = { inviteEvery: 10, highestTicket: 400 };

function values(overrides: Partial<Record<SurveyField, string>> = {}): Record<SurveyField, string> {
  const base = Object.fromEntries(SURVEY_TEXT_FIELDS.map((field) => [field, ""])) as Record<SurveyField, string>;
  return {
    ...base,
    serviceCode: "paspor-el-10th",
    requirements: "4",
    procedure: "3",
    time: "2",
    cost: "1",
    product: "3",
    staffCompetence: "3",
    staffConduct: "4",
    complaintHandling: "2",
    facilities: "3",
    askedToPay: "no",
    offeredShortcut: "no",
    receiptGiven: "yes",
    ...overrides,
  };
}

const services = new Set(["paspor-el-10th"]);

describe("the invitation draw", () => {
  it("gives the same tickets for the same secret, office and day", () => {
    expect(drawTicketNumbers(key, 7, "2031-03-03", settings)).toEqual(drawTicketNumbers(key, 7, "2031-03-03", settings));
  });

  it("cannot be chosen: another secret, office or day draws other tickets", () => {
    const drawn = drawTicketNumbers(key, 7, "2031-03-03", settings);
    expect(drawTicketNumbers(otherKey, 7, "2031-03-03", settings)).not.toEqual(drawn);
    expect(drawTicketNumbers(key, 8, "2031-03-03", settings)).not.toEqual(drawn);
    expect(drawTicketNumbers(key, 7, "2031-03-04", settings)).not.toEqual(drawn);
  });

  it("invites about one ticket in inviteEvery, spread over the day", () => {
    const drawn = drawTicketNumbers(key, 7, "2031-03-03", settings);
    expect(drawn.length).toBeGreaterThan(20);
    expect(drawn.length).toBeLessThan(65);
    expect(drawn.every((ticket) => isTicketDrawn(key, 7, "2031-03-03", ticket, 10))).toBe(true);
    expect(Math.min(...drawn)).toBeLessThan(100);
    expect(Math.max(...drawn)).toBeGreaterThan(300);
  });

  it("gives each drawn ticket its own code, read back however it is typed", () => {
    const code = invitationCode(key, 7, "2031-03-03", 12);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    expect(invitationCode(key, 7, "2031-03-03", 13)).not.toBe(code);
    expect(normalizeInvitationCode(code.toLowerCase().replace("-", " "))).toBe(code);
    expect(normalizeInvitationCode("0000-0000")).toBeNull();
    expect(hashInvitationCode(key, code)).not.toContain(code);
  });
});

describe("the office's day", () => {
  it("follows the office's time zone", () => {
    expect(officeTimeZone("DKI Jakarta").offsetHours).toBe(7);
    expect(officeTimeZone("Bali").offsetHours).toBe(8);
    expect(officeTimeZone("Sulawesi Selatan").offsetHours).toBe(8);
    expect(officeTimeZone("Papua Barat Daya").offsetHours).toBe(9);
    expect(officeTimeZone("Maluku Utara").offsetHours).toBe(9);
    expect(officeDayKey(new Date("2031-03-03T16:30:00Z"), officeTimeZone("DKI Jakarta"))).toBe("2031-03-03");
    expect(officeDayKey(new Date("2031-03-03T16:30:00Z"), officeTimeZone("Bali"))).toBe("2031-03-04");
    expect(endOfOfficeDay("2031-03-03", officeTimeZone("Papua")).toISOString()).toBe("2031-03-03T15:00:00.000Z");
  });
});

describe("the survey's check", () => {
  it("accepts a complete survey", () => {
    const result = parseSurveyValues(values({ askedToPay: "yes", askedToPayAmount: "Rp 1.500.000", askedToPayBy: "BROKER", receiptGiven: "notPaid", comment: "  Antre lama  " }), services);
    expect(result.success).toBe(true);
    if (!result.success) return;
    expect(result.answers).toMatchObject({
      scores: { scoreRequirements: 4, scoreCost: 1, scoreFacilities: 3 },
      askedToPay: true,
      askedToPayAmountRupiah: 1_500_000,
      askedToPayBy: "BROKER",
      receiptGiven: null,
      comment: "Antre lama",
    });
  });

  it("names every missing or wrong answer and keeps what was typed", () => {
    const typed = values({ procedure: "", time: "5", serviceCode: "nope", askedToPay: "yes", askedToPayAmount: "banyak", askedToPayBy: "", comment: "x".repeat(1001) });
    const result = parseSurveyValues(typed, services);
    expect(result).toEqual({
      success: false,
      values: typed,
      fieldErrors: { serviceCode: "invalidChoice", procedure: "required", time: "invalidChoice", askedToPayAmount: "invalidAmount", askedToPayBy: "required", comment: "commentTooLong" },
    });
  });

  it("ignores payment details when the visitor was not asked to pay", () => {
    const result = parseSurveyValues(values({ askedToPay: "no", askedToPayAmount: "banyak", askedToPayBy: "STAFF" }), services);
    expect(result.success && result.answers).toMatchObject({ askedToPay: false, askedToPayAmountRupiah: null, askedToPayBy: null });
  });
});

describe("the pungli report prefill", () => {
  it("carries the answers and nothing that names the survey", () => {
    const parsed = parseSurveyValues(values({ askedToPay: "yes", askedToPayAmount: "500000", askedToPayBy: "BROKER", receiptGiven: "no" }), services);
    if (!parsed.success) throw new Error("expected a valid survey");
    const prefill = buildPungliReportPrefill(parsed.answers, "kanim-bekasi", "2031-03-03");
    expect(prefill).toEqual({
      kind: "PUNGLI",
      officeCode: "kanim-bekasi",
      serviceCode: "paspor-el-10th",
      categoryCode: "CALO",
      incidentDate: "2031-03-03",
      amountDemanded: "500000",
      brokerInvolved: "yes",
      receiptGiven: "no",
    });
    const withoutOffice = { ...prefill };
    delete withoutOffice.officeCode;
    expect(readReportPrefill({ ...prefill, description: "<script>", officeCode: "Bad Code!" })).toEqual(withoutOffice);
  });
});
