import { describe, expect, it } from "vitest";

import { pickFeeInForce } from "@/lib/fees/fee-history";

const day = (key: string) => new Date(`${key}T00:00:00.000Z`);
const history = [
  { feeRupiah: 650_000, effectiveFrom: day("2024-12-17") },
  { feeRupiah: 700_000, effectiveFrom: day("2027-01-01") },
];

describe("pickFeeInForce", () => {
  it("takes the fee whose effective date is the latest on or before the day", () => {
    expect(pickFeeInForce(history, "2026-12-31")).toBe(650_000);
    expect(pickFeeInForce(history, "2027-01-01")).toBe(700_000);
    expect(pickFeeInForce(history, "2027-06-30")).toBe(700_000);
  });

  it("uses the earliest known fee for a day before the history starts", () => {
    expect(pickFeeInForce(history, "2020-05-01")).toBe(650_000);
  });

  it("does not depend on the order the rows come in", () => {
    expect(pickFeeInForce([...history].reverse(), "2027-02-01")).toBe(700_000);
  });

  it("knows no fee for a service without history", () => {
    expect(pickFeeInForce([], "2026-01-01")).toBeNull();
  });
});
