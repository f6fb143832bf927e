import { z } from "@/lib/zod";

import { DEADLINE_STATES } from "@/lib/deadlines/case-clock";
import { isRealDateKey } from "@/lib/deadlines/working-days";

import { CASE_STATUSES } from "./workflow";
import { toSearchText } from "@/lib/search-text";

/**
 * The queue's filters, read from the URL (a GET form, so a view can be bookmarked and shared and
 * works without JavaScript). Pure: the page reads them, the data layer applies them. A value
 * that does not parse falls back to its default rather than failing the page: URLs are typed by
 * hand and kept in bookmarks.
 */

/** "objected": cases whose reporter objected to a decision (lib/objections), whatever the escalation flag says now. */
export const QUEUE_VIEWS = ["all", "mine", "unassigned", "escalated", "objected"] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

export const QUEUE_SORTS = ["deadline", "newest", "oldest"] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** "open" (the default: what still needs work), "all", or one status. */
export const QUEUE_STATUS_FILTERS = ["open", "all", ...CASE_STATUSES] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUS_FILTERS)[number];

/** Deadline states a queue can be filtered by ("CLOSED" is what the status filter is for). */
export const QUEUE_DEADLINE_FILTERS = DEADLINE_STATES.filter((state) => state !== "CLOSED");

export const QUEUE_PAGE_SIZE = 25;
/** A filtered view counts its cases up to this many; beyond it the page says "more than" (lib/cases/queue-counts.ts). */
export const QUEUE_COUNT_LIMIT = 1000;
export const QUEUE_SEARCH_MAX = 200;


function optionalEnum<const Values extends readonly [string, ...string[]]>(values: Values) {
  return z.enum(values).optional().catch(undefined);
}

const optionalCode = z
  .string()
  .trim()
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
  .optional()
  .catch(undefined)
  .transform((value) => value || undefined);

const optionalDateKey = z
  .string()
  .trim()
  .optional()
  .catch(undefined)
  .transform((value) => (value && isRealDateKey(value) ? value : undefined));


export const queueFiltersSchema = z.object({
  view: z.enum(QUEUE_VIEWS).catch("all"),
  status: z.enum(QUEUE_STATUS_FILTERS).catch("open"),
  kind: optionalEnum(["COMPLAINT", "PUNGLI", "RETALIATION"]),
  channel: optionalEnum(["ONLINE", "WALK_IN", "PHONE", "SMS", "EMAIL", "LETTER"]),
  deadline: optionalEnum(["ON_TIME", "DUE_SOON", "OVERDUE", "PAUSED"]),
  category: optionalCode,
  service: optionalCode,
  office: optionalCode,
  assignee: z.uuid().optional().catch(undefined),
  from: optionalDateKey,
  to: optionalDateKey,
  // Filters the statistics link to (lib/statistics/definitions-sql.ts says what they mean).
  verification: optionalEnum(["on-time", "late"]),
  resolution: optionalEnum(["on-time", "late"]),
  decided: optionalEnum(["yes"]),
  escalated: optionalEnum(["yes"]),
  forwardedTo: optionalEnum(["REGIONAL_OFFICE", "INSPECTORATE_GENERAL", "SABER_PUNGLI", "OMBUDSMAN"]),
  rating: optionalEnum(["1", "2", "3", "4", "5", "any"]),
  broker: optionalEnum(["yes"]),
  amount: optionalEnum(["yes"]),
  aboveFee: optionalEnum(["yes"]),
  q: z
    .string()
    .optional()
    .catch(undefined)
    .transform((value) => toSearchText(value, QUEUE_SEARCH_MAX) || undefined),
  sort: z.enum(QUEUE_SORTS).catch("deadline"),
  cursor: z.string().max(300).optional().catch(undefined),
});

export type QueueFilters = z.infer<typeof queueFiltersSchema>;

type SearchParams = Record<string, string | string[] | undefined>;

/** Reads the filters from Next's searchParams (the first value of a repeated parameter). */
export function parseQueueFilters(searchParams: SearchParams): QueueFilters {
  const flat = Object.fromEntries(Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]));
  return queueFiltersSchema.parse(flat);
}

/** The query string of a view: defaults are left out so URLs stay short. */
export function toQueueSearch(filters: Partial<QueueFilters>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) {
    if (value === undefined || value === "") continue;
    if ((key === "view" && value === "all") || (key === "status" && value === "open") || (key === "sort" && value === "deadline")) continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** Whether any filter narrows the list beyond the default view (to offer "clear filters"). */
export function hasNarrowingFilters(filters: QueueFilters): boolean {
  return Boolean(filters.kind || filters.channel || filters.deadline || filters.category || filters.service || filters.office || filters.assignee || filters.from || filters.to || filters.q || hasStatisticFilters(filters));
}

/** The filters only a statistics figure sets (the queue's form has no fields for them). */
export const STATISTIC_FILTER_KEYS = ["verification", "resolution", "decided", "escalated", "forwardedTo", "rating", "broker", "amount", "aboveFee"] as const satisfies readonly (keyof QueueFilters)[];

/** Whether the list is narrowed by a statistics figure's filters, to say so above it. */
export function hasStatisticFilters(filters: QueueFilters): boolean {
  return STATISTIC_FILTER_KEYS.some((key) => filters[key] !== undefined);
}
