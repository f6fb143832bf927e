import { describe, expect, it } from "vitest";

import { chooseGrain, COUNT_GRAINS, FULL_GRAIN, GRAIN_BITS, neededBits, periodSegments, VALUE_GRAINS, type Segment } from "@/lib/statistics/cube-plan";

const DAY_MS = 86_400_000;
const key = (time: number) => new Date(time).toISOString().slice(0, 10);
const time = (dateKey: string) => Date.parse(`${dateKey}T00:00:00Z`);

/** The days a bucket of a segment spans: a year, a month or a day from its start. */
function bucketDays(level: Segment["level"], start: string): string[] {
  const end = level === "d" ? start : level === "m" ? key(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 0)) : `${start.slice(0, 4)}-12-31`;
  const days: string[] = [];
  for (let day = time(start); day <= time(end); day += DAY_MS) days.push(key(day));
  return days;
}

/** Each day's weight: the signs of the buckets that contain it, added up. */
function weights(segments: Segment[]): Map<string, number> {
  const weight = new Map<string, number>();
  for (const segment of segments) {
    for (let start = segment.from; start <= segment.to; ) {
      for (const day of bucketDays(segment.level, start)) weight.set(day, (weight.get(day) ?? 0) + segment.sign);
      const last = bucketDays(segment.level, start).at(-1)!;
      start = key(time(last) + DAY_MS);
    }
  }
  return weight;
}

function expectExactCover(from: string, to: string, today: string, withYears: boolean): Segment[] {
  const segments = periodSegments({ from, to }, today, 3, { withYears });
  const weight = weights(segments);
  const first = time(from) - 400 * DAY_MS;
  for (let day = first; day <= time(today); day += DAY_MS) {
    const dateKey = key(day);
    expect(weight.get(dateKey) ?? 0, `${from}..${to} (today ${today}) on ${dateKey}`).toBe(dateKey >= from && dateKey <= to ? 1 : 0);
  }
  for (const segment of segments) {
    expect(segment.grain).toBe(segment.level === "d" ? FULL_GRAIN : 3);
    if (!withYears) expect(segment.level).not.toBe("y");
  }
  return segments;
}

describe("periodSegments", () => {
  it("counts every day of the period once and no other day up to today, for presets and odd custom periods", () => {
    const today = "2026-12-07";
    const periods: [string, string][] = [
      ["2026-12-01", "2026-12-07"],
      ["2026-11-01", "2026-11-30"],
      ["2026-10-01", "2026-12-07"],
      ["2026-01-01", "2026-12-07"],
      ["2024-01-15", "2026-11-15"],
      ["2023-12-08", "2026-12-07"],
      ["2025-12-16", "2026-01-15"],
      ["2026-02-03", "2026-02-27"],
      ["2026-03-02", "2026-03-30"],
      ["2025-06-10", "2027-01-20"],
      ["2024-02-29", "2024-02-29"],
      ["2027-01-01", "2027-03-01"],
    ];
    for (const [from, to] of periods) {
      expectExactCover(from, to, today, true);
      expectExactCover(from, to, today, false);
    }
  });

  it("counts right for random periods and days", () => {
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    for (let index = 0; index < 60; index += 1) {
      const today = key(Date.UTC(2026, 0, 1) + Math.floor(random() * 365) * DAY_MS);
      const from = key(time(today) - Math.floor(random() * 1100) * DAY_MS);
      const to = key(time(from) + Math.floor(random() * 1100) * DAY_MS);
      expectExactCover(from, to, today, random() < 0.5);
    }
  });

  it("reads a whole year or month as one bucket, and the current month as its month, not its days", () => {
    expect(periodSegments({ from: "2025-01-01", to: "2025-12-31" }, "2026-12-07", 3, { withYears: true })).toEqual([{ grain: 3, level: "y", from: "2025-01-01", to: "2025-01-01", sign: 1 }]);
    expect(periodSegments({ from: "2026-01-01", to: "2026-12-07" }, "2026-12-07", 3, { withYears: true })).toEqual([{ grain: 3, level: "y", from: "2026-01-01", to: "2026-01-01", sign: 1 }]);
    expect(periodSegments({ from: "2026-01-01", to: "2026-12-07" }, "2026-12-07", 3, { withYears: false })).toEqual([{ grain: 3, level: "m", from: "2026-01-01", to: "2026-12-01", sign: 1 }]);
    // Most of a month: the month minus its first days.
    expect(periodSegments({ from: "2026-11-04", to: "2026-11-30" }, "2026-12-07", 3, { withYears: false })).toEqual([
      { grain: FULL_GRAIN, level: "d", from: "2026-11-01", to: "2026-11-03", sign: -1 },
      { grain: 3, level: "m", from: "2026-11-01", to: "2026-11-01", sign: 1 },
    ]);
  });
});

describe("chooseGrain", () => {
  it("picks the smallest listed grain that keeps every dimension needed, and the full grain keeps all", () => {
    for (const grains of [COUNT_GRAINS, VALUE_GRAINS]) {
      expect(grains).toContain(FULL_GRAIN);
      // A grain with the category keeps the kind (a category filter needs both).
      for (const grain of grains) if (grain & GRAIN_BITS.category) expect(grain & GRAIN_BITS.kind).toBe(GRAIN_BITS.kind);
      for (let needed = 0; needed <= FULL_GRAIN; needed += 1) {
        const grain = chooseGrain(grains, needed);
        expect(grain & needed).toBe(needed);
      }
    }
    const national = neededBits({}, true);
    expect(national).toBe(0);
    expect(chooseGrain(COUNT_GRAINS, national | GRAIN_BITS.office | GRAIN_BITS.service)).toBe(3);
    expect(chooseGrain(VALUE_GRAINS, neededBits({ channel: "ONLINE" }, true))).toBe(GRAIN_BITS.channel);
    expect(neededBits({ category: "PUNGLI" }, false)).toBe(GRAIN_BITS.office | GRAIN_BITS.kind | GRAIN_BITS.category);
  });
});
