import { describe, expect, it } from "vitest";

import { computeFeeDifference } from "@/lib/reports/fees";

describe("computeFeeDifference", () => {
  it("is what was demanded beyond the official fee", () => {
    expect(computeFeeDifference(1_500_000, 650_000)).toBe(850_000);
  });

  it("is negative when less than the fee was demanded", () => {
    expect(computeFeeDifference(300_000, 350_000)).toBe(-50_000);
  });

  it("is unknown when either amount is unknown", () => {
    expect(computeFeeDifference(null, 650_000)).toBeNull();
    expect(computeFeeDifference(1_000_000, undefined)).toBeNull();
  });

  it("counts the whole amount for a free service", () => {
    expect(computeFeeDifference(500_000, 0)).toBe(500_000);
  });
});
