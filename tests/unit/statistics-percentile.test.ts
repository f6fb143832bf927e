import { describe, expect, it } from "vitest";

import { distributionOfHistogram, rupiahMedianOfHistogram } from "@/lib/statistics/working-days-percentile";

describe("median and 90th percentile of working days from a histogram, as percentile_cont", () => {
  it("interpolates between the two middle values of an even count", () => {
    expect(distributionOfHistogram([{ days: 4, count: 1 }, { days: 9, count: 1 }])).toEqual({ count: 2, median: 6.5, p90: 8.5 });
  });

  it("reads values spread over several cases per day, in any order, rounded to one decimal", () => {
    // 1, 2, 2, 2, 3, 3, 3, 3, 5: the median is the 5th value; p90 sits at 7.2, between 3 and 5.
    expect(distributionOfHistogram([{ days: 3, count: 4 }, { days: 5, count: 1 }, { days: 1, count: 1 }, { days: 2, count: 3 }])).toEqual({ count: 9, median: 3, p90: 3.4 });
  });

  it("has no median without cases", () => {
    expect(distributionOfHistogram([])).toEqual({ count: 0, median: null, p90: null });
    expect(distributionOfHistogram([{ days: 2, count: 0 }])).toEqual({ count: 0, median: null, p90: null });
  });
});

describe("median of rupiah amounts from a histogram, as round(percentile_cont(0.5))", () => {
  it("interpolates between the two middle amounts and rounds half a rupiah up", () => {
    expect(rupiahMedianOfHistogram([{ amount: 150_000, count: 1 }, { amount: 650_001, count: 1 }])).toBe(400_001);
  });

  it("takes the middle amount of an odd count, whatever the order of the histogram", () => {
    expect(rupiahMedianOfHistogram([{ amount: 1_650_000, count: 1 }, { amount: 150_000, count: 2 }, { amount: 650_000, count: 2 }])).toBe(650_000);
  });

  it("has no median without amounts", () => {
    expect(rupiahMedianOfHistogram([])).toBeNull();
    expect(rupiahMedianOfHistogram([{ amount: 10, count: 0 }])).toBeNull();
  });
});
