import { createHash } from "node:crypto";

import { describe, expect, it } from "vitest";

import { computeHeadsDigest } from "@/lib/audit/heads-root";

const heads = [
  { chain: "legacy", id: 7n, hash: "a".repeat(64) },
  { chain: "system", id: 12n, hash: "b".repeat(64) },
  { chain: "0b7f9a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", id: 10n, hash: "c".repeat(64) },
];

describe("the digest of the chains' heads that a checkpoint signs", () => {
  it("is the SHA-256 of the documented text, so anyone can recompute it with standard tools", () => {
    const text = `lapor-imigrasi audit heads v1\nlegacy 7 ${"a".repeat(64)}\nsystem 12 ${"b".repeat(64)}\n0b7f9a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b 10 ${"c".repeat(64)}\n`;
    expect(computeHeadsDigest(heads)).toBe(createHash("sha256").update(text, "utf8").digest("hex"));
  });

  it("changes when a chain's head is cut back, a chain is left out, or the order changes", () => {
    const digest = computeHeadsDigest(heads);
    expect(computeHeadsDigest([heads[0]!, heads[1]!, { ...heads[2]!, id: 9n }])).not.toBe(digest);
    expect(computeHeadsDigest(heads.slice(0, 2))).not.toBe(digest);
    expect(computeHeadsDigest([heads[1]!, heads[0]!, heads[2]!])).not.toBe(digest);
  });
});
