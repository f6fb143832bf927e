import { createHash } from "node:crypto";

import { descriptionTokens, extractIdentifiers, jaccard } from "./normalize";

/**
 * Groups reports that likely name the same accused person or broker. Pure: the caller (./groups.ts)
 * reads the reports of one scope and one window; this decides which belong together.
 *
 * Two reports are linked when:
 * - they give the same NIP, or the same phone number (a broker's): in any office;
 * - they are of the same office and name the same person ("pak budi" after normalisation);
 * - they are of the same office, name the same counter ("loket 3") and their accused descriptions
 *   are similar (Jaccard of normalised words >= `similarity`);
 * - they are of the same office and service and their accused descriptions are similar (at least
 *   three describing words each, so "petugas" alone links nothing);
 * - both say a broker (calo) was involved, name the same broker, and their descriptions are similar:
 *   in any office (brokers work several offices).
 * Groups are the connected reports (union-find), kept when they hold at least `minReports`.
 *
 * Bounded work: reports are bucketed by each key they give, and similarity is computed only within
 * a bucket, each report against at most COMPARE_WITHIN neighbours in time, so n reports cost
 * O(n * COMPARE_WITHIN), never O(n²).
 */

export type AccusedCaseInput = {
  id: string;
  officeId: number;
  serviceId: number | null;
  receivedAt: Date;
  isBroker: boolean;
  accusedDescription: string | null;
  incidentPlace: string | null;
  description: string | null;
};

export type AccusedReason = "nip" | "phone" | "name" | "counter" | "description" | "broker";

export type AccusedGroup = {
  /** Stable while the group holds the same reports: a hash of their ids. */
  key: string;
  caseIds: string[];
  officeIds: number[];
  reasons: AccusedReason[];
  /** The identifiers the linked reports share ("loket 3", "pak budi", a phone number...). */
  shared: string[];
  firstReceivedAt: Date;
  lastReceivedAt: Date;
  /** Calendar days from the first report to the last, at least 1. */
  spanDays: number;
};

export type GroupingOptions = { minReports: number; similarity: number };

export const COMPARE_WITHIN = 200;
const MIN_TOKENS_FOR_DESCRIPTION_ONLY = 3;

type Prepared = { input: AccusedCaseInput; tokens: Set<string> };
type Bucket = { members: number[]; reason: AccusedReason; identifier: string | null; needsSimilarity: boolean; minTokens: number };

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, index) => index);
  }
  find(index: number): number {
    while (this.parent[index] !== index) {
      const grandparent = this.parent[this.parent[index]!]!;
      this.parent[index] = grandparent;
      index = grandparent;
    }
    return index;
  }
  union(a: number, b: number): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  }
}

export function groupKeyOf(caseIds: readonly string[]): string {
  return createHash("sha256").update([...caseIds].sort().join(","), "utf8").digest("hex").slice(0, 24);
}

export function groupAccusedCases(cases: readonly AccusedCaseInput[], options: GroupingOptions): AccusedGroup[] {
  const ordered = [...cases].sort((a, b) => a.receivedAt.getTime() - b.receivedAt.getTime() || a.id.localeCompare(b.id));
  const prepared: Prepared[] = ordered.map((input) => ({ input, tokens: descriptionTokens(input.accusedDescription ?? input.description) }));
  const buckets = new Map<string, Bucket>();
  const addTo = (key: string, index: number, bucket: Omit<Bucket, "members">) => {
    const existing = buckets.get(key);
    if (existing) existing.members.push(index);
    else buckets.set(key, { ...bucket, members: [index] });
  };

  prepared.forEach(({ input }, index) => {
    const identifiers = extractIdentifiers([input.accusedDescription, input.incidentPlace, input.description].filter(Boolean).join(" . "));
    const office = input.officeId;
    for (const nip of identifiers.nips) addTo(`nip:${nip}`, index, { reason: "nip", identifier: nip, needsSimilarity: false, minTokens: 0 });
    for (const phone of identifiers.phones) addTo(`phone:${phone}`, index, { reason: "phone", identifier: phone, needsSimilarity: false, minTokens: 0 });
    for (const name of identifiers.names) {
      addTo(`office:${office}|name:${name}`, index, { reason: "name", identifier: name, needsSimilarity: false, minTokens: 0 });
      if (input.isBroker) addTo(`broker:${name}`, index, { reason: "broker", identifier: name, needsSimilarity: true, minTokens: 1 });
    }
    for (const counter of extractIdentifiers(input.incidentPlace).counters.concat(identifiers.counters)) {
      addTo(`office:${office}|counter:${counter}`, index, { reason: "counter", identifier: counter, needsSimilarity: true, minTokens: 1 });
    }
    if (input.serviceId !== null) addTo(`office:${office}|service:${input.serviceId}`, index, { reason: "description", identifier: null, needsSimilarity: true, minTokens: MIN_TOKENS_FOR_DESCRIPTION_ONLY });
  });

  const unions = new UnionFind(prepared.length);
  const edgeReasons = new Map<number, Set<AccusedReason>>();
  const edgeShared = new Map<number, Set<string>>();
  const noteEdge = (a: number, b: number, bucket: Bucket) => {
    unions.union(a, b);
    for (const member of [a, b]) {
      if (!edgeReasons.has(member)) edgeReasons.set(member, new Set());
      edgeReasons.get(member)!.add(bucket.reason);
      if (bucket.needsSimilarity && bucket.reason !== "description") edgeReasons.get(member)!.add("description");
      if (bucket.identifier) {
        if (!edgeShared.has(member)) edgeShared.set(member, new Set());
        edgeShared.get(member)!.add(bucket.identifier);
      }
    }
  };

  for (const bucket of buckets.values()) {
    const members = [...new Set(bucket.members)];
    if (members.length < 2) continue;
    if (!bucket.needsSimilarity) {
      for (let index = 1; index < members.length; index += 1) noteEdge(members[0]!, members[index]!, bucket);
      continue;
    }
    for (let left = 0; left < members.length; left += 1) {
      const a = prepared[members[left]!]!;
      if (a.tokens.size < bucket.minTokens) continue;
      for (let right = left + 1; right < members.length && right <= left + COMPARE_WITHIN; right += 1) {
        const b = prepared[members[right]!]!;
        if (b.tokens.size < bucket.minTokens) continue;
        if (jaccard(a.tokens, b.tokens) >= options.similarity) noteEdge(members[left]!, members[right]!, bucket);
      }
    }
  }

  const components = new Map<number, number[]>();
  for (let index = 0; index < prepared.length; index += 1) {
    if (!edgeReasons.has(index)) continue;
    const root = unions.find(index);
    if (!components.has(root)) components.set(root, []);
    components.get(root)!.push(index);
  }

  const groups: AccusedGroup[] = [];
  for (const members of components.values()) {
    if (members.length < options.minReports) continue;
    const inputs = members.map((index) => prepared[index]!.input);
    const reasons = new Set<AccusedReason>();
    const shared = new Set<string>();
    for (const index of members) {
      for (const reason of edgeReasons.get(index) ?? []) reasons.add(reason);
      for (const identifier of edgeShared.get(index) ?? []) shared.add(identifier);
    }
    const first = inputs[0]!.receivedAt;
    const last = inputs[inputs.length - 1]!.receivedAt;
    const caseIds = inputs.map((input) => input.id);
    groups.push({
      key: groupKeyOf(caseIds),
      caseIds,
      officeIds: [...new Set(inputs.map((input) => input.officeId))].sort((a, b) => a - b),
      reasons: REASON_ORDER.filter((reason) => reasons.has(reason)),
      shared: [...shared].sort(),
      firstReceivedAt: first,
      lastReceivedAt: last,
      spanDays: Math.max(1, Math.ceil((last.getTime() - first.getTime()) / 86_400_000)),
    });
  }
  return groups.sort((a, b) => b.caseIds.length - a.caseIds.length || b.lastReceivedAt.getTime() - a.lastReceivedAt.getTime());
}

const REASON_ORDER: readonly AccusedReason[] = ["nip", "phone", "name", "broker", "counter", "description"];
