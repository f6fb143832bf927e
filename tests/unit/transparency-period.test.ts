import { describe, expect, it } from "vitest";

import { resolvePublicPeriod } from "@/lib/transparency/period";

describe("the period of the public figures", () => {
  it("is the twelve complete Jakarta months before the current one", () => {
    const period = resolvePublicPeriod(new Date("2026-11-15T05:00:00.000Z"));
    expect(period.from).toBe("2025-11-01");
    expect(period.to).toBe("2026-10-31");
    expect(period.months).toEqual([
      "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04",
      "2026-05", "2026-06", "2026-07", "2026-08", "2026-09", "2026-10",
    ]);
  });

  it("starts and ends at midnight in Jakarta", () => {
    const period = resolvePublicPeriod(new Date("2026-11-15T05:00:00.000Z"));
    expect(period.receivedFrom.toISOString()).toBe("2025-10-31T17:00:00.000Z");
    expect(period.receivedBefore.toISOString()).toBe("2026-10-31T17:00:00.000Z");
  });

  it("already moves to the new month when it is past midnight in Jakarta but not in UTC", () => {
    const period = resolvePublicPeriod(new Date("2026-12-31T17:30:00.000Z"));
    expect(period.from).toBe("2026-01-01");
    expect(period.to).toBe("2026-12-31");
  });
});
