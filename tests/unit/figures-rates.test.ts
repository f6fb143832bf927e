import { describe, expect, it } from "vitest";

import { isPungliLikelyUnderReported, perTenThousand, wholeMonthsOf } from "@/lib/figures/rates";

const thresholds = { minAskedShare: 0.05, maxReportsPer10k: 1 };

describe("reports per 10,000 services", () => {
  it("divides by the services delivered: 3 reports in 12,000 services is 2.5 per 10,000", () => {
    expect(perTenThousand(3, 12_000)).toBe(2.5);
  });

  it("has no rate without a volume", () => {
    expect(perTenThousand(3, null)).toBeNull();
    expect(perTenThousand(3, 0)).toBeNull();
  });
});

describe("the pungli gap flag", () => {
  it("flags an office where many surveyed visitors were asked to pay and few reports came in", () => {
    // 30 of 200 surveyed visitors asked to pay (15%), 1 pungli report in 20,000 services (0.5 per 10,000).
    expect(isPungliLikelyUnderReported({ sampleSuffices: true, askedToPayShare: 30 / 200, pungliPer10k: perTenThousand(1, 20_000) }, thresholds)).toBe(true);
  });

  it("does not flag when reports keep pace, when few were asked, or when the sample is too small", () => {
    expect(isPungliLikelyUnderReported({ sampleSuffices: true, askedToPayShare: 0.15, pungliPer10k: 4 }, thresholds)).toBe(false);
    expect(isPungliLikelyUnderReported({ sampleSuffices: true, askedToPayShare: 0.01, pungliPer10k: 0 }, thresholds)).toBe(false);
    expect(isPungliLikelyUnderReported({ sampleSuffices: false, askedToPayShare: 0.5, pungliPer10k: 0 }, thresholds)).toBe(false);
    expect(isPungliLikelyUnderReported({ sampleSuffices: true, askedToPayShare: 0.5, pungliPer10k: null }, thresholds)).toBe(false);
  });
});

describe("the whole months of a period", () => {
  it("runs from the first month's first day to the day after the last month, in Jakarta", () => {
    const months = wholeMonthsOf({ from: "2026-11-10", to: "2026-12-05" });
    expect(months.firstMonth).toBe("2026-11");
    expect(months.lastMonth).toBe("2026-12");
    expect(months.start.toISOString()).toBe("2026-10-31T17:00:00.000Z");
    expect(months.end.toISOString()).toBe("2026-12-31T17:00:00.000Z");
  });
});

describe("the half-years published on /transparansi", () => {
  it("are the last two complete ones, newest first", async () => {
    const { completeHalfYears } = await import("@/lib/figures/public");
    expect(completeHalfYears(new Date("2026-12-07T03:00:00Z")).map((half) => half.label)).toEqual(["2026-S1", "2025-S2"]);
    expect(completeHalfYears(new Date("2027-01-15T03:00:00Z"))).toEqual([
      { label: "2026-S2", from: "2026-07-01", to: "2026-12-31" },
      { label: "2026-S1", from: "2026-01-01", to: "2026-06-30" },
    ]);
  });
});
