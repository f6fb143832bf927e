import { describe, expect, it } from "vitest";

import { hasNarrowingFilters, hasStatisticFilters, parseQueueFilters } from "@/lib/cases/queue-filters";
import { parseStatisticsFilters, toQueueHref, toStatisticsSearch } from "@/lib/statistics/filters";
import { isPartialPreset, MAX_PERIOD_DAYS, monthsOfPeriod, PERIOD_PRESETS, resolvePeriod } from "@/lib/statistics/period";
import type { StatisticsFilters } from "@/lib/statistics/types";

/** An instant given as Jakarta wall-clock time. */
const jakarta = (local: string) => new Date(`${local}+07:00`);

describe("period presets, in Jakarta time", () => {
  it("counts this month from its first day to today", () => {
    expect(resolvePeriod({ preset: "this-month" }, jakarta("2026-05-14T12:00:00"))).toEqual({ preset: "this-month", from: "2026-05-01", to: "2026-05-14" });
  });

  it("starts a new month at midnight in Jakarta, while it is still the previous day in UTC", () => {
    const now = jakarta("2026-04-01T00:30:00");
    expect(now.toISOString().slice(0, 10)).toBe("2026-03-31");
    expect(resolvePeriod({ preset: "this-month" }, now)).toEqual({ preset: "this-month", from: "2026-04-01", to: "2026-04-01" });
    expect(resolvePeriod({ preset: "last-month" }, now)).toEqual({ preset: "last-month", from: "2026-03-01", to: "2026-03-31" });
    expect(resolvePeriod({ preset: "quarter" }, now)).toEqual({ preset: "quarter", from: "2026-04-01", to: "2026-04-01" });
  });

  it("keeps the old month until the last second of its last Jakarta day", () => {
    const now = jakarta("2026-03-31T23:59:59");
    expect(resolvePeriod({ preset: "this-month" }, now)).toEqual({ preset: "this-month", from: "2026-03-01", to: "2026-03-31" });
    expect(resolvePeriod({ preset: "quarter" }, now)).toEqual({ preset: "quarter", from: "2026-01-01", to: "2026-03-31" });
  });

  it("rolls last month and the year over on the first of January", () => {
    const now = jakarta("2027-01-01T00:00:00");
    expect(resolvePeriod({ preset: "last-month" }, now)).toEqual({ preset: "last-month", from: "2026-12-01", to: "2026-12-31" });
    expect(resolvePeriod({ preset: "year" }, now)).toEqual({ preset: "year", from: "2027-01-01", to: "2027-01-01" });
    expect(resolvePeriod({ preset: "quarter" }, now)).toEqual({ preset: "quarter", from: "2027-01-01", to: "2027-01-01" });
  });

  it("ends last month on the 29th of February in a leap year", () => {
    expect(resolvePeriod({ preset: "last-month" }, jakarta("2028-03-15T09:00:00"))).toEqual({ preset: "last-month", from: "2028-02-01", to: "2028-02-29" });
  });

  it("starts the quarter on the first day of its first month", () => {
    expect(resolvePeriod({ preset: "quarter" }, jakarta("2026-08-20T10:00:00"))).toEqual({ preset: "quarter", from: "2026-07-01", to: "2026-08-20" });
    expect(resolvePeriod({ preset: "quarter" }, jakarta("2026-12-31T23:59:00"))).toEqual({ preset: "quarter", from: "2026-10-01", to: "2026-12-31" });
  });
});

describe("custom periods", () => {
  const now = jakarta("2026-05-14T12:00:00");

  it("takes both dates as given, a single day included", () => {
    expect(resolvePeriod({ preset: "custom", from: "2026-02-03", to: "2026-02-03" }, now)).toEqual({ preset: "custom", from: "2026-02-03", to: "2026-02-03" });
  });

  it.each([
    ["a missing date", { from: "2026-02-03" }],
    ["an impossible date", { from: "2026-02-30", to: "2026-03-10" }],
    ["a date in another format", { from: "03/02/2026", to: "2026-03-10" }],
    ["reversed dates", { from: "2026-03-10", to: "2026-03-09" }],
    // Year 1 would reach Postgres as an out-of-range timestamp and crash the page.
    ["a year before 2000", { from: "0001-01-01", to: "0001-01-02" }],
    ["a year after 2100", { from: "2101-01-01", to: "2101-01-02" }],
  ])("refuses %s", (_name, dates) => {
    expect(resolvePeriod({ preset: "custom", ...dates }, now)).toBeNull();
  });

  it(`refuses a period longer than ${MAX_PERIOD_DAYS} days and accepts one of exactly that`, () => {
    expect(resolvePeriod({ preset: "custom", from: "2023-01-01", to: "2026-01-04" }, now)).toBeNull();
    expect(resolvePeriod({ preset: "custom", from: "2023-01-01", to: "2026-01-03" }, now)).not.toBeNull();
  });
});

describe("the months of a period", () => {
  it("lists every month touched, across a year boundary", () => {
    expect(monthsOfPeriod({ from: "2025-11-30", to: "2026-02-01" })).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("lists one month for a period inside it", () => {
    expect(monthsOfPeriod({ from: "2026-03-05", to: "2026-03-05" })).toEqual(["2026-03"]);
  });
});

describe("queue dates typed into the URL", () => {
  it("drops a date in a year Postgres or the deadline arithmetic cannot take", () => {
    expect(parseQueueFilters({ from: "0001-01-01", to: "2026-01-31" })).toMatchObject({ from: undefined, to: "2026-01-31" });
  });
});

describe("statistics filters in the URL", () => {
  const now = jakarta("2026-05-14T12:00:00");

  it("defaults to the last full month, not the days of this month so far", () => {
    expect(parseStatisticsFilters({}, now)).toEqual({ ok: true, filters: { period: { preset: "last-month", from: "2026-04-01", to: "2026-04-30" } } });
  });

  it("on the 2nd of a month still shows a whole month by default", () => {
    const secondOfMonth = jakarta("2026-06-02T09:00:00");
    expect(parseStatisticsFilters({}, secondOfMonth)).toEqual({ ok: true, filters: { period: { preset: "last-month", from: "2026-05-01", to: "2026-05-31" } } });
  });

  it("offers the last full month first and keeps this month, marked as partial", () => {
    expect(PERIOD_PRESETS[0]).toBe("last-month");
    expect(PERIOD_PRESETS).toContain("this-month");
    expect(isPartialPreset("this-month")).toBe(true);
    expect(isPartialPreset("last-month")).toBe(false);
    expect(parseStatisticsFilters({ period: "this-month" }, now)).toEqual({ ok: true, filters: { period: { preset: "this-month", from: "2026-05-01", to: "2026-05-14" } } });
  });

  it("reads the queue's filter names and ignores what does not parse", () => {
    const parsed = parseStatisticsFilters({ period: "year", office: "kanim-bekasi", kind: "PUNGLI", channel: "FAX", category: ["CALO", "OTHER"] }, now);
    expect(parsed).toEqual({ ok: true, filters: { period: { preset: "year", from: "2026-01-01", to: "2026-05-14" }, office: "kanim-bekasi", kind: "PUNGLI", category: "CALO" } });
  });

  it("keeps what was typed in an invalid custom period and falls back to the last full month with the other filters", () => {
    expect(parseStatisticsFilters({ period: "custom", from: "2026-04-10", to: "2026-04-01", office: "kanim-bekasi" }, now)).toEqual({
      ok: false,
      error: "invalidPeriod",
      typed: { from: "2026-04-10", to: "2026-04-01" },
      fallback: { period: { preset: "last-month", from: "2026-04-01", to: "2026-04-30" }, office: "kanim-bekasi" },
    });
  });

  it("writes a view back to the URL without its defaults, and round-trips it", () => {
    const filters: StatisticsFilters = { period: { preset: "custom", from: "2026-01-01", to: "2026-03-31" }, service: "paspor-el-10th" };
    expect(toStatisticsSearch(filters)).toBe("?period=custom&from=2026-01-01&to=2026-03-31&service=paspor-el-10th");
    expect(toStatisticsSearch({ period: { preset: "last-month", from: "2026-04-01", to: "2026-04-30" } })).toBe("");
    expect(toStatisticsSearch({ period: { preset: "this-month", from: "2026-05-01", to: "2026-05-14" } })).toBe("?period=this-month");
    expect(parseStatisticsFilters(Object.fromEntries(new URLSearchParams(toStatisticsSearch(filters))), now)).toEqual({ ok: true, filters });
  });
});

describe("links from a figure to the queue", () => {
  const filters: StatisticsFilters = { period: { preset: "quarter", from: "2026-04-01", to: "2026-05-14" }, office: "kanim-bekasi", kind: "PUNGLI" };
  const queueFiltersOf = (href: string) => parseQueueFilters(Object.fromEntries(new URL(href, "http://localhost").searchParams));

  it("lists every status received in the period under the same filters", () => {
    const href = toQueueHref(filters);
    expect(href.startsWith("/dasbor?")).toBe(true);
    expect(queueFiltersOf(href)).toMatchObject({ status: "all", office: "kanim-bekasi", kind: "PUNGLI", from: "2026-04-01", to: "2026-05-14" });
  });

  it("adds the figure's own filter", () => {
    expect(queueFiltersOf(toQueueHref(filters, { verification: "late" }))).toMatchObject({ status: "all", verification: "late", from: "2026-04-01" });
    expect(queueFiltersOf(toQueueHref(filters, { rating: "any", status: "RESOLVED" }))).toMatchObject({ status: "RESOLVED", rating: "any" });
  });

  it("leaves the period out for figures about now, and lets a backlog bucket set its own dates", () => {
    const overdue = queueFiltersOf(toQueueHref(filters, { deadline: "OVERDUE" }, { withPeriod: false }));
    expect(overdue.from).toBeUndefined();
    expect(overdue.to).toBeUndefined();
    const bucket = queueFiltersOf(toQueueHref(filters, { status: "open", from: "2026-04-07", to: "2026-05-06" }, { withPeriod: false }));
    expect(bucket).toMatchObject({ status: "open", from: "2026-04-07", to: "2026-05-06", office: "kanim-bekasi" });
  });
});

describe("the queue filters only statistics set", () => {
  it("count as narrowing the queue, so the queue offers to clear them", () => {
    const filters = parseQueueFilters({ aboveFee: "yes" });
    expect(hasStatisticFilters(filters)).toBe(true);
    expect(hasNarrowingFilters(filters)).toBe(true);
  });

  it("are ignored when they do not parse", () => {
    const filters = parseQueueFilters({ rating: "6", verification: "early", forwardedTo: "KPK" });
    expect(hasStatisticFilters(filters)).toBe(false);
  });
});
