import { describe, expect, it } from "vitest";

import { canonicalJson, computeEventHash, type ChainedEventContent } from "@/lib/audit/chain";

const event: ChainedEventContent = {
  caseId: "2b4c5f0e-0000-4000-8000-000000000001",
  actorKind: "STAFF",
  actorId: null,
  action: "STATUS_CHANGED",
  isPublic: true,
  before: { status: "NEW" },
  after: { status: "VERIFIED" },
  createdAt: new Date("2026-03-25T03:00:00Z"),
};

describe("audit hash chain", () => {
  it("hashes the same content the same way whatever the key order", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: 3 } })).toBe(canonicalJson({ a: { c: 3, d: 2 }, b: 1 }));
  });

  it("changes the hash when any field changes", () => {
    const original = computeEventHash(null, event);
    expect(computeEventHash(null, { ...event, after: { status: "REJECTED" } })).not.toBe(original);
    expect(computeEventHash(null, { ...event, createdAt: new Date("2026-03-25T03:00:01Z") })).not.toBe(original);
  });

  it("links each event to the one before it", () => {
    const first = computeEventHash(null, event);
    expect(computeEventHash(first, event)).not.toBe(computeEventHash(null, event));
  });
});
