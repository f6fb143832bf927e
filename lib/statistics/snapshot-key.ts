import { createHash } from "node:crypto";

import type { StatisticsFilters } from "./types";

/**
 * The key of a stored statistics view (StatisticsSnapshot.key): a SHA-256 of everything the
 * figures depend on besides the time, written as JSON with sorted keys so that the same view
 * always gets the same key. Pure, so it is unit-tested.
 */

/** Bump when the report's shape or a definition changes: old rows are then simply not found. */
export const STATISTICS_SNAPSHOT_VERSION = 2;

export type StatisticsView = {
  /** lib/cases/access.ts caseScopeKey: "all", "region:3", "office:7" or "none". */
  scopeKey: string;
  /** With the period resolved to its dates, so "this month" becomes a new view each month. */
  filters: StatisticsFilters;
  minimumCases: number;
};

/** JSON with object keys sorted at every level; undefined members are left out, as JSON.stringify does. */
export function toStableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : toStableJson(item))).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const members = Object.entries(value)
      .filter(([, member]) => member !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([key, member]) => `${JSON.stringify(key)}:${toStableJson(member)}`);
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value);
}

export function statisticsSnapshotKey(view: StatisticsView): string {
  const identity = { version: STATISTICS_SNAPSHOT_VERSION, scope: view.scopeKey, filters: view.filters, minimumCases: view.minimumCases };
  return createHash("sha256").update(toStableJson(identity)).digest("hex");
}
