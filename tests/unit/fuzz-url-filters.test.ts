import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";

import { parseQueueFilters, QUEUE_SEARCH_MAX, toQueueSearch } from "@/lib/cases/queue-filters";
import { exportFormChoicesSchema, exportParamsSchema, exportRequestFormSchema } from "@/lib/exports/params";
import { parseOfficeListFilters } from "@/lib/offices/schemas";
import { resolveClientAddress } from "@/lib/rate-limit/client-address";
import { parseStaffListFilters, toStaffListSearch } from "@/lib/staff/schemas";
import { parseStatisticsFilters, toStatisticsSearch } from "@/lib/statistics/filters";

import { checkProperty, FUZZ_TEST_TIMEOUT_MS, hugeString, findStorageProblems, fuzzedInput, hostileString, nearMiss } from "../fixtures/fuzz";

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

/**
 * The GET forms' parsers (URLs are typed by hand and kept in bookmarks) and the request
 * headers the app reads, under generated hostile input: a page never fails on its URL, and
 * whatever is read can go into a database query as it is.
 */

/** Next's searchParams: each key absent, one string, or repeated (an array). */
function searchParams(fields: Record<string, readonly string[]>): fc.Arbitrary<Record<string, string | string[] | undefined>> {
  const value = (valid: readonly string[]) => {
    const text = fc.oneof({ arbitrary: hostileString, weight: 20 }, { arbitrary: nearMiss(valid.length > 0 ? valid : [""]), weight: 20 }, { arbitrary: hugeString, weight: 1 });
    return fc.oneof({ arbitrary: text, weight: 4 }, { arbitrary: fc.array(text, { maxLength: 3 }), weight: 1 }, { arbitrary: fc.constant(undefined), weight: 1 });
  };
  return fc.record(Object.fromEntries(Object.entries(fields).map(([key, valid]) => [key, value(valid)])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string | string[] | undefined>>;
}

const QUEUE_FIELDS = {
  view: ["all", "mine", "unassigned", "escalated"],
  status: ["open", "all", "NEW", "RESOLVED"],
  kind: ["COMPLAINT", "PUNGLI"],
  channel: ["ONLINE", "WALK_IN"],
  deadline: ["ON_TIME", "OVERDUE"],
  category: ["SLOW_SERVICE"],
  service: ["paspor-el-10th"],
  office: ["kanim-bekasi"],
  assignee: ["0b7c1a56-0d43-4f0e-9d2b-2b1b7a0b8c11"],
  from: ["2026-01-01", "2026-02-30"],
  to: ["2026-12-31"],
  verification: ["on-time", "late"],
  rating: ["1", "any"],
  q: ["paspor"],
  sort: ["deadline", "newest"],
  cursor: ["WyJkZWFkbGluZSJd"],
} as const;

describe("the staff side's URL filters", () => {
  it("the queue's filters never throw and are safe to query with", async () => {
    await checkProperty(
      "filters: queue",
      fc.property(searchParams(QUEUE_FIELDS), (params) => {
        const { cursor, ...filters } = parseQueueFilters(params);
        // The cursor is an opaque token, decoded and checked by the queue itself (decodeQueueCursor).
        expect(typeof (cursor ?? "")).toBe("string");
        expect(findStorageProblems(filters)).toEqual([]);
        expect((filters.q ?? "").length).toBeLessThanOrEqual(QUEUE_SEARCH_MAX);
        // A view's own link reads back to the same view (a URL cannot carry a lone surrogate: it becomes U+FFFD).
        if (!(filters.q ?? "").isWellFormed()) return;
        expect(parseQueueFilters(Object.fromEntries(new URLSearchParams(toQueueSearch(filters))))).toEqual({ ...filters, cursor: undefined });
      }),
    );
  });

  it("the statistics filters never throw and always give a period", async () => {
    const now = new Date("2026-11-28T05:00:00Z");
    await checkProperty(
      "filters: statistics",
      fc.property(searchParams({ ...QUEUE_FIELDS, period: ["this-month", "last-month", "this-year", "custom"] }), (params) => {
        const parsed = parseStatisticsFilters(params, now);
        const filters = parsed.ok ? parsed.filters : parsed.fallback;
        expect(findStorageProblems(filters)).toEqual([]);
        expect(filters.period.from <= filters.period.to).toBe(true);
        expect(() => toStatisticsSearch(filters)).not.toThrow();
      }),
    );
  });

  it("the staff list's, the office list's and the export form's filters never throw and are safe to query with", async () => {
    const lists = fc.oneof(
      searchParams({ q: ["budi"], role: ["OFFICER", "ADMIN"], office: ["1", "2147483648"], status: ["all", "active"], page: ["1", "10001"] }).map((params) => ({ list: "staff" as const, params })),
      searchParams({ q: ["bekasi"], region: ["1", "99999999999"], status: ["all", "open", "closed"] }).map((params) => ({ list: "offices" as const, params })),
      fuzzedInput({ format: ["csv", "xlsx", "pdf"], locale: ["id", "en"], separator: [";", ","], includeFreeText: ["on", "true"] }).map((params) => ({ list: "export" as const, params })),
    );
    await checkProperty(
      "filters: staff, offices, exports",
      fc.property(lists, ({ list, params }) => {
        if (list === "staff") {
          const filters = parseStaffListFilters(params as Record<string, string | string[] | undefined>);
          expect(findStorageProblems(filters)).toEqual([]);
          expect(() => toStaffListSearch(filters)).not.toThrow();
        } else if (list === "offices") {
          expect(findStorageProblems(parseOfficeListFilters(params as Record<string, string | string[] | undefined>))).toEqual([]);
        } else {
          // The action always hands it an object (built from FormData); any object gives choices to render.
          if (params && typeof params === "object" && !Array.isArray(params)) expect(exportFormChoicesSchema.safeParse(params).success).toBe(true);
          const request = exportRequestFormSchema.safeParse(params);
          if (request.success) expect(findStorageProblems(request.data)).toEqual([]);
          // What the worker reads back from a row: refused, never thrown.
          expect(() => exportParamsSchema.safeParse(params)).not.toThrow();
        }
      }),
      // Each once passed a NUL on to the list's database search.
      { examples: [[{ list: "offices", params: { q: "\u0000" } }], [{ list: "staff", params: { q: "\u0000budi" } }]] },
    );
  });
});

describe("the request headers the abuse limits read", () => {
  it("any X-Forwarded-For and X-Real-IP resolve to one bounded address, without throwing", async () => {
    const hop = fc.oneof(hostileString, fc.ipV4(), fc.ipV6(), fc.ipV4().map((ip) => `[::ffff:${ip}]:443`), fc.ipV4().map((ip) => `${ip}:8080`));
    const header = fc.oneof(fc.constant(null), hostileString, hugeString, fc.array(hop, { maxLength: 5 }).map((hops) => hops.join(", ")));
    await checkProperty(
      "requests: client address",
      fc.property(header, header, fc.integer({ min: 0, max: 3 }), (forwardedFor, realIp, trustedProxies) => {
        const headers = { get: (name: string) => (name === "x-forwarded-for" ? forwardedFor : name === "x-real-ip" ? realIp : null) };
        const address = resolveClientAddress(headers, trustedProxies);
        // A forged header still lands in one bounded bucket.
        expect(address.length).toBeLessThanOrEqual(100);
      }),
    );
  });
});
