import { createHash, createHmac } from "node:crypto";

import { describe, expect, it } from "vitest";

import { canonicalJson, computeChainLinkHash } from "@/lib/audit/chain";
import { computeSealDigest, parseSealStatement } from "@/lib/audit/seal";

const caseA = "0b7f9a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b";
const caseB = "7c000000-0000-4000-8000-000000000001";
const heads = [
  { chain: caseB, id: 14n, hash: "d".repeat(64) },
  { chain: "system", id: 12n, hash: "b".repeat(64) },
  { chain: caseA, id: 10n, hash: "c".repeat(64) },
];

describe("the digest an audit seal carries", () => {
  it("is the SHA-256 of the documented text (system chain first, then case ids ascending), whatever order the heads come in", () => {
    const text = `lapor-imigrasi audit seal v1\n9 14\nsystem 12 ${"b".repeat(64)}\n${caseA} 10 ${"c".repeat(64)}\n${caseB} 14 ${"d".repeat(64)}\n`;
    expect(computeSealDigest(9n, 14n, heads)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
    expect(computeSealDigest(9n, 14n, [...heads].reverse())).toBe(computeSealDigest(9n, 14n, heads));
  });

  it("changes when a chain's head is cut back, a chain is left out, or the range moves", () => {
    const digest = computeSealDigest(9n, 14n, heads);
    expect(computeSealDigest(9n, 14n, [heads[0]!, heads[1]!, { ...heads[2]!, id: 9n }])).not.toBe(digest);
    expect(computeSealDigest(9n, 14n, heads.slice(0, 2))).not.toBe(digest);
    expect(computeSealDigest(8n, 14n, heads)).not.toBe(digest);
  });

  it("is read back only from a well-formed statement", () => {
    expect(parseSealStatement({ from: "9", through: "14", events: 3, chains: 3, heads: "e".repeat(64) })).toEqual({ from: "9", through: "14", events: 3, chains: 3, heads: "e".repeat(64) });
    expect(parseSealStatement({ from: 9, through: "14", events: 3, chains: 3, heads: "x" })).toBeNull();
    expect(parseSealStatement(null)).toBeNull();
  });
});

describe("an event's witness", () => {
  const key = Buffer.alloc(32, 7);
  const content = { caseId: caseA, actorKind: "SYSTEM", actorId: null, action: "CASE_FILED", isPublic: true, before: null, after: { a: 1 }, createdAt: new Date("2026-12-07T00:00:00Z") };

  it("is covered by the MAC, so it can be neither stripped nor pointed at another seal", () => {
    const witnessed = computeChainLinkHash(key, "f".repeat(64), content, { id: 5n, hash: "a".repeat(64) });
    const expected = createHmac("sha256", key).update(`v3\n${"f".repeat(64)}\n${canonicalJson(content)}\nwitness 5 ${"a".repeat(64)}`).digest("hex");
    expect(witnessed).toBe(expected);
    expect(computeChainLinkHash(key, "f".repeat(64), content)).not.toBe(witnessed);
    expect(computeChainLinkHash(key, "f".repeat(64), content, { id: 6n, hash: "a".repeat(64) })).not.toBe(witnessed);
    expect(computeChainLinkHash(key, "f".repeat(64), content, { id: 5n, hash: "b".repeat(64) })).not.toBe(witnessed);
  });
});
