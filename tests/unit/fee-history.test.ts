import { describe, expect, it } from "vitest";

import { describeFeeHistory, pickFeeInForce } from "@/lib/fees/fee-history";

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

describe("pickFeeInForce with date keys (as the report form has them)", () => {
  it("reads 'YYYY-MM-DD' effective dates like stored dates", () => {
    const keyed = [
      { feeRupiah: 650_000, effectiveFrom: "2024-12-17" },
      { feeRupiah: 700_000, effectiveFrom: "2027-01-01" },
    ];
    expect(pickFeeInForce(keyed, "2026-12-31")).toBe(650_000);
    expect(pickFeeInForce(keyed, "2027-01-01")).toBe(700_000);
  });
});

describe("describeFeeHistory", () => {
  const withFuture = [...history, { feeRupiah: 800_000, effectiveFrom: day("2028-01-01") }];

  it("lists the newest first, with the fee in force, the replaced ones and the upcoming ones", () => {
    expect(describeFeeHistory(withFuture, "2027-03-01").map((fee) => [fee.feeRupiah, fee.state])).toEqual([
      [800_000, "upcoming"],
      [700_000, "inForce"],
      [650_000, "replaced"],
    ]);
  });

  it("lets only a fee not yet in force be deleted", () => {
    expect(describeFeeHistory(withFuture, "2027-03-01").map((fee) => fee.isDeletable)).toEqual([true, false, false]);
  });

  it("treats the earliest fee as in force before the history starts, and never offers a service's only fee for deletion", () => {
    const onlyFuture = [{ feeRupiah: 500_000, effectiveFrom: day("2030-01-01") }];
    expect(describeFeeHistory(onlyFuture, "2027-01-01")).toEqual([{ ...onlyFuture[0], state: "inForce", isDeletable: false }]);
  });

  it("counts a fee as in force from its effective day itself", () => {
    expect(describeFeeHistory(history, "2027-01-01")[0]).toMatchObject({ feeRupiah: 700_000, state: "inForce", isDeletable: false });
  });
});
