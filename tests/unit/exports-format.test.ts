import { describe, expect, it } from "vitest";

import { formatDistribution, formatRupiah, formatShare } from "@/lib/exports/figures";
import { formatJakartaDateTime, toJakartaWallClock } from "@/lib/exports/jakarta-time";

describe("export times", () => {
  it("writes instants as Jakarta wall-clock time", () => {
    expect(formatJakartaDateTime(new Date("2026-03-02T02:00:00Z"))).toBe("2026-03-02 09:00");
    expect(formatJakartaDateTime(new Date("2026-03-05T16:59:59.999Z"))).toBe("2026-03-05 23:59");
    expect(formatJakartaDateTime(new Date("2026-12-31T17:30:00Z"))).toBe("2027-01-01 00:30");
  });

  it("shifts dates for spreadsheets so their UTC fields read as Jakarta time", () => {
    expect(toJakartaWallClock(new Date("2026-03-02T02:00:00Z")).toISOString()).toBe("2026-03-02T09:00:00.000Z");
  });
});

describe("report figures", () => {
  it("formats shares for Indonesia and in English", () => {
    const share = { numerator: 7, denominator: 8, value: 0.875 };
    expect(formatShare(share, "id")).toBe("87,5% (7/8)");
    expect(formatShare(share, "en")).toBe("87.5% (7/8)");
    expect(formatShare({ numerator: 0, denominator: 0, value: null }, "id")).toBe("—");
  });

  it("formats rupiah with the Indonesian thousands separator", () => {
    expect(formatRupiah(1_250_000, "id")).toBe("Rp 1.250.000");
    expect(formatRupiah(1_250_000, "en")).toBe("Rp 1,250,000");
    expect(formatRupiah(null, "id")).toBe("—");
  });

  it("gives median and 90th percentile with the number of cases", () => {
    expect(formatDistribution({ count: 2, median: 2.5, p90: 3.7 }, "id")).toBe("2,5 / 3,7 (n = 2)");
    expect(formatDistribution({ count: 0, median: null, p90: null }, "en")).toBe("—");
  });
});
