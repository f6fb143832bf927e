import { describe, expect, it } from "vitest";

import { protectCount, protectMeasure, protectPercent } from "@/lib/transparency/protection";

describe("public counts", () => {
  it.each([0, 1, 4])("shows %i reports only as fewer than five", (count) => {
    expect(protectCount(count, 5)).toEqual({ kind: "fewer-than", threshold: 5 });
  });

  it.each([
    [5, 5],
    [7, 5],
    [8, 10],
    [12, 10],
    [13, 15],
    [1_234, 1_235],
  ])("rounds %i reports to %i", (count, published) => {
    expect(protectCount(count, 5)).toEqual({ kind: "rounded", value: published });
  });

  it("never publishes a rounded count below a larger minimum", () => {
    expect(protectCount(6, 7)).toEqual({ kind: "fewer-than", threshold: 7 });
    expect(protectCount(7, 7)).toEqual({ kind: "rounded", value: 10 });
  });
});

describe("public shares and measures", () => {
  it("gives a whole percent over at least the minimum of cases", () => {
    expect(protectPercent(7, 12, 10)).toBe(58);
    expect(protectPercent(10, 10, 10)).toBe(100);
  });

  it("gives no share over fewer cases than the minimum, or none", () => {
    expect(protectPercent(9, 9, 10)).toBeNull();
    expect(protectPercent(0, 0, 1)).toBeNull();
  });

  it("rounds a median or an average to one decimal over enough cases and hides it otherwise", () => {
    expect(protectMeasure(4.0769, 13, 10)).toBe(4.1);
    expect(protectMeasure(3.5, 10, 10)).toBe(3.5);
    expect(protectMeasure(2, 9, 10)).toBeNull();
    expect(protectMeasure(null, 20, 10)).toBeNull();
  });
});
