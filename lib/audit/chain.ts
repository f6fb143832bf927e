import { createHash } from "node:crypto";

/**
 * The audit trail is a hash chain: each event's hash covers its content and
 * the hash of the event before it, so changing or deleting any row breaks
 * every hash after it. Pure apart from node:crypto.
 */

export type ChainedEventContent = {
  caseId: string | null;
  actorKind: string;
  actorId: string | null;
  action: string;
  isPublic: boolean;
  before: unknown;
  after: unknown;
  createdAt: Date;
};

/** JSON with object keys sorted, so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
  }
  if (typeof value === "bigint") return JSON.stringify(value.toString());
  return JSON.stringify(value);
}

export function computeEventHash(prevHash: string | null, event: ChainedEventContent): string {
  return createHash("sha256")
    .update(prevHash ?? "")
    .update("\n")
    .update(canonicalJson(event))
    .digest("hex");
}
