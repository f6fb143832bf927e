import { z } from "@/lib/zod";

import { queueFiltersSchema, toQueueSearch, type QueueFilters } from "@/lib/cases/queue-filters";

import { DEFAULT_PERIOD_PRESET, periodPresetSchema, resolvePeriod, type PeriodPreset } from "./period";
import type { StatisticsFilters } from "./types";

/**
 * The filters of /dasbor/statistik and its exports, read from the URL like the queue's (a GET
 * form, bookmarkable, works without JavaScript). The non-period filters are the queue's own
 * (same names, same parsing), so a figure links to the queue with them unchanged.
 */

type SearchParams = Record<string, string | string[] | undefined>;

const statisticsSearchSchema = z.object({
  period: periodPresetSchema,
  from: z.string().max(10).optional().catch(undefined),
  to: z.string().max(10).optional().catch(undefined),
});

export type ParsedStatisticsFilters =
  | { ok: true; filters: StatisticsFilters }
  /** A custom period that does not resolve: the page shows an error, keeps what was typed, and uses `fallback`. */
  | { ok: false; error: "invalidPeriod"; typed: { from?: string; to?: string }; fallback: StatisticsFilters };

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export function parseStatisticsFilters(searchParams: SearchParams, now: Date): ParsedStatisticsFilters {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, first(value)]));
  const { period: preset, from, to } = statisticsSearchSchema.parse(flat);
  const queue = queueFiltersSchema.parse(flat);
  const rest = {
    ...(queue.office ? { office: queue.office } : {}),
    ...(queue.kind ? { kind: queue.kind } : {}),
    ...(queue.channel ? { channel: queue.channel } : {}),
    ...(queue.category ? { category: queue.category } : {}),
    ...(queue.service ? { service: queue.service } : {}),
  };
  const period = resolvePeriod({ preset, from, to }, now);
  if (period) return { ok: true, filters: { period, ...rest } };
  return { ok: false, error: "invalidPeriod", typed: { from, to }, fallback: { period: resolvePeriod({ preset: DEFAULT_PERIOD_PRESET }, now)!, ...rest } };
}

/** The query string of a statistics view (defaults left out). */
export function toStatisticsSearch(filters: StatisticsFilters): string {
  const params = new URLSearchParams();
  if (filters.period.preset !== DEFAULT_PERIOD_PRESET) params.set("period", filters.period.preset);
  if (filters.period.preset === "custom") {
    params.set("from", filters.period.from);
    params.set("to", filters.period.to);
  }
  for (const key of ["office", "kind", "channel", "category", "service"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/**
 * The queue URL listing the cases behind a figure: the statistics filters, the period as the
 * queue's receipt dates, every status (the queue shows open cases by default), plus `extra`.
 * Figures about "now" (backlog, overdue) pass `withPeriod: false`.
 */
export function toQueueHref(filters: StatisticsFilters, extra: Partial<QueueFilters> = {}, options: { withPeriod?: boolean } = {}): string {
  const withPeriod = options.withPeriod ?? true;
  const base: Partial<QueueFilters> = {
    status: "all",
    office: filters.office,
    kind: filters.kind,
    channel: filters.channel,
    category: filters.category,
    service: filters.service,
    ...(withPeriod ? { from: filters.period.from, to: filters.period.to } : {}),
  };
  return `/dasbor${toQueueSearch({ ...base, ...extra })}`;
}

export type { PeriodPreset };
