import { describe, expect, it } from "vitest";

import { statisticsSnapshotKey, toStableJson } from "@/lib/statistics/snapshot-key";
import type { StatisticsFilters } from "@/lib/statistics/types";

const MARCH: StatisticsFilters = { period: { preset: "custom", from: "2026-03-01", to: "2026-03-31" } };
const view = { scopeKey: "region:1", filters: MARCH, minimumCases: 10 };

describe("toStableJson", () => {
  it("writes the same text whatever the order of the keys, at every level", () => {
    expect(toStableJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(toStableJson({ a: { c: null, d: [1, { e: 3, f: 2 }] }, b: 1 }));
    expect(toStableJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it("leaves out undefined members, so an absent filter and an undefined one are the same view", () => {
    expect(toStableJson({ a: 1, office: undefined })).toBe(toStableJson({ a: 1 }));
  });
});

describe("statisticsSnapshotKey", () => {
  it("is a SHA-256 in hex, the same for the same view", () => {
    const key = statisticsSnapshotKey(view);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(statisticsSnapshotKey({ minimumCases: 10, filters: { period: { to: "2026-03-31", from: "2026-03-01", preset: "custom" } }, scopeKey: "region:1" })).toBe(key);
  });

  it("differs for another scope, another filter, another period or another minimum", () => {
    const key = statisticsSnapshotKey(view);
    expect(statisticsSnapshotKey({ ...view, scopeKey: "region:2" })).not.toBe(key);
    expect(statisticsSnapshotKey({ ...view, scopeKey: "all" })).not.toBe(key);
    expect(statisticsSnapshotKey({ ...view, filters: { ...MARCH, kind: "PUNGLI" } })).not.toBe(key);
    expect(statisticsSnapshotKey({ ...view, filters: { period: { ...MARCH.period, to: "2026-03-30" } } })).not.toBe(key);
    expect(statisticsSnapshotKey({ ...view, filters: { period: { ...MARCH.period, preset: "this-month" } } })).not.toBe(key);
    expect(statisticsSnapshotKey({ ...view, minimumCases: 5 })).not.toBe(key);
  });
});
