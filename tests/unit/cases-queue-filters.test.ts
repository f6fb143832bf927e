import { describe, expect, it } from "vitest";

import { getCasePermissions } from "@/lib/cases/permissions";
import { hasNarrowingFilters, parseQueueFilters, toQueueSearch } from "@/lib/cases/queue-filters";

describe("queue filters from the URL", () => {
  it("defaults to the open cases of every view, nearest deadline first", () => {
    expect(parseQueueFilters({})).toEqual({ view: "all", status: "open", sort: "deadline" });
  });

  it("reads every filter a bookmarked URL can hold", () => {
    const filters = parseQueueFilters({
      view: "mine",
      status: "WAITING_FOR_REPORTER",
      kind: "PUNGLI",
      channel: "WALK_IN",
      deadline: "DUE_SOON",
      category: "CALO",
      service: "paspor-el-10th",
      office: "kanim-bekasi",
      assignee: "2b4c5f0e-0000-4000-8000-000000000001",
      from: "2026-03-01",
      to: "2026-03-31",
      q: "  uang pelicin ",
      sort: "oldest",
    });
    expect(filters).toMatchObject({ view: "mine", status: "WAITING_FOR_REPORTER", kind: "PUNGLI", deadline: "DUE_SOON", from: "2026-03-01", q: "uang pelicin", sort: "oldest" });
    expect(hasNarrowingFilters(filters)).toBe(true);
  });

  it("falls back to defaults for values typed wrong instead of failing the page", () => {
    const filters = parseQueueFilters({ view: "everything", status: "DONE", kind: "BRIBE", from: "2026-02-30", assignee: "me", category: "<script>", sort: "random" });
    expect(filters).toEqual({ view: "all", status: "open", sort: "deadline" });
  });

  it("takes the first of a repeated parameter", () => {
    expect(parseQueueFilters({ status: ["NEW", "RESOLVED"] }).status).toBe("NEW");
  });

  it("leaves defaults out of links and keeps everything else", () => {
    expect(toQueueSearch({ view: "all", status: "open", sort: "deadline" })).toBe("");
    expect(toQueueSearch({ view: "escalated", status: "open", sort: "deadline", q: "calo & broker" })).toBe("?view=escalated&q=calo+%26+broker");
  });
});

describe("what each role may do with a case it can see", () => {
  it("lets officers work cases, take walk-ins and declare or report involvement, but not decide it, open identities, escalate or see statistics", () => {
    expect(getCasePermissions({ role: "OFFICER" })).toEqual({
      workCase: true,
      declareInvolvement: true,
      manageInvolvement: false,
      assign: true,
      escalate: false,
      viewIdentity: false,
      intake: true,
      viewStatistics: false,
    });
  });

  it("keeps supervisors to deciding involvement, reassigning, escalating, opening identities and statistics", () => {
    expect(getCasePermissions({ role: "SUPERVISOR" })).toEqual({
      workCase: false,
      declareInvolvement: false,
      manageInvolvement: true,
      assign: true,
      escalate: true,
      viewIdentity: true,
      intake: false,
      viewStatistics: true,
    });
  });

  it("lets admins do everything", () => {
    expect(Object.values(getCasePermissions({ role: "ADMIN" })).every(Boolean)).toBe(true);
  });
});
