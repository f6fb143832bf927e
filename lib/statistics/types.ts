import type { CaseKind, Channel, ForwardTarget } from "@/lib/generated/prisma/enums";

import type { StatisticsPeriod } from "./period";

/**
 * The shapes the statistics data layer (./queries.ts) returns: plain, serialisable objects
 * (DTOs) that the page, the XLSX summary sheet and the PDF report all render. Every figure is
 * computed in SQL over the cases in the actor's scope (lib/cases/access.ts).
 */

/** The filters of /dasbor/statistik, read from the URL (./filters.ts). Codes, as in the queue's URL. */
export type StatisticsFilters = {
  period: StatisticsPeriod;
  office?: string;
  kind?: CaseKind;
  channel?: Channel;
  category?: string;
  service?: string;
};

/** A share and what it is made of; `value` (0..1) is null when there is nothing to divide by. */
export type Share = { numerator: number; denominator: number; value: number | null };

/** Median and 90th percentile (working days) over `count` cases; null when count is 0. */
export type Distribution = { count: number; median: number | null; p90: number | null };

export type NamedCount = { code: string; nameId: string; nameEn: string; count: number };

export type StatisticsScope =
  | { kind: "all" }
  | { kind: "region"; name: string }
  | { kind: "office"; name: string }
  | { kind: "none" };

/** Calendar-day age buckets of the open backlog, with the receipt dates that bound them (for queue links). */
export const BACKLOG_AGE_BUCKETS = ["0-7", "8-30", "31-90", "91+"] as const;
export type BacklogAgeBucket = (typeof BACKLOG_AGE_BUCKETS)[number];

export type OfficeComparisonRow = {
  code: string;
  name: string;
  received: number;
  pungli: number;
  /** Reports per service in the period, most first. */
  byService: { code: string | null; count: number }[];
  verificationOnTime: Share;
  resolutionOnTime: Share;
  satisfaction: { ratings: number; average: number | null };
  /**
   * Whether the office had at least `minimumCases` reports: only then are shares shown and ranked,
   * and each share (and the average) only when its own denominator (ratings) reaches it too.
   */
  isComparable: boolean;
  /** Rank by resolution on-time share among offices whose share is shown (1 = best); null otherwise. */
  rank: number | null;
};

export type StatisticsReport = {
  generatedAt: string;
  scope: StatisticsScope;
  filters: StatisticsFilters;
  /** STATS_MIN_CASES: offices with fewer reports in the period get no shares and no rank. */
  minimumCases: number;
  volume: {
    received: number;
    byKind: { kind: CaseKind; count: number }[];
    byChannel: { channel: Channel; count: number }[];
    byCategory: NamedCount[];
    /** `code` null: reports that named no service. */
    byService: (Omit<NamedCount, "code"> & { code: string | null })[];
    byOffice: { code: string; name: string; count: number }[];
    /** Every month the period touches, also those with no reports. */
    byMonth: { month: string; received: number; pungli: number; closed: number }[];
  };
  /** Open cases now, whatever the period (the other filters apply). */
  backlog: {
    open: number;
    byAge: { bucket: BacklogAgeBucket; count: number; receivedFrom: string | null; receivedTo: string }[];
    oldestReceivedAt: string | null;
  };
  deadlines: {
    verificationOnTime: Share;
    resolutionOnTime: Share;
    daysToVerify: Distribution;
    /** Over resolved cases: working days from receipt to resolution, less paused days. */
    daysToResolve: Distribution;
    /** Open cases past their deadline now, whatever the period. */
    overdueNow: number;
    /** Reports received in the period that were escalated at some point. */
    escalated: number;
  };
  outcomes: {
    resolved: number;
    rejected: number;
    forwarded: number;
    open: number;
    /** Rejection reasons as staff wrote them, most frequent first (at most 10). */
    rejectionReasons: { reason: string; count: number }[];
    forwardedTo: { target: ForwardTarget; count: number }[];
  };
  satisfaction: {
    ratings: number;
    average: number | null;
    /** Scores 1..5, always five entries. */
    distribution: { score: number; count: number }[];
    ratedShareOfResolved: Share;
  };
  pungli: {
    reports: number;
    withAmount: number;
    /** Sum and median of (amount demanded - official fee) over reports where it is above zero, in rupiah. */
    aboveFeeCount: number;
    totalAboveFeeRupiah: number;
    medianAboveFeeRupiah: number | null;
    withBroker: number;
    byService: { code: string | null; nameId: string; nameEn: string; reports: number; withAmount: number; totalAboveFeeRupiah: number; medianAboveFeeRupiah: number | null; withBroker: number }[];
  };
  offices: OfficeComparisonRow[];
};
