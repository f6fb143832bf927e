import { describe, expect, it } from "vitest";

import { categoryOfElementAverage, categoryOfIndex, computeIkm, computeIkmFromSums, judgeIkm, minimumSample, type ElementScores } from "@/lib/figures/ikm";

const answer = (scores: number[]): ElementScores => {
  const [requirements, procedure, time, cost, product, staffCompetence, staffConduct, complaintHandling, facilities] = scores as [number, number, number, number, number, number, number, number, number];
  return { requirements, procedure, time, cost, product, staffCompetence, staffConduct, complaintHandling, facilities };
};

describe("IKM by PermenPAN-RB 14/2017", () => {
  it("worked example 1: ten visitors, every element averaging 3.2, gives 80.00, category B", () => {
    // Eight visitors give 3 everywhere, two give 4: each element's NRR = (8*3 + 2*4) / 10 = 3.2.
    // IKM unit = 9 * (3.2 * 1/9) = 3.2; IKM = 3.2 * 25 = 80.00, within B (76.61–88.30).
    const answers = [...Array.from({ length: 8 }, () => answer([3, 3, 3, 3, 3, 3, 3, 3, 3])), answer([4, 4, 4, 4, 4, 4, 4, 4, 4]), answer([4, 4, 4, 4, 4, 4, 4, 4, 4])];
    const result = computeIkm(answers)!;
    expect(result.index).toBe(80);
    expect(result.category).toBe("B");
    expect(result.elementAverages.cost).toBeCloseTo(3.2, 10);
  });

  it("worked example 2: a weak cost element shows, and pulls the index into C", () => {
    // Four visitors. Element sums: U1..U3 = 12 (NRR 3.00), U4 cost = 5 (NRR 1.25), U5..U9 = 12 (3.00).
    // IKM unit = (8 * 3.00 + 1.25) / 9 = 25.25 / 9 = 2.80556; IKM = 70.14 (C: 65.00–76.60).
    // The cost element's NRR 1.25 is D on the element interval; the others (3.00) are C.
    const answers = [answer([3, 3, 3, 1, 3, 3, 3, 3, 3]), answer([3, 3, 3, 1, 3, 3, 3, 3, 3]), answer([3, 3, 3, 2, 3, 3, 3, 3, 3]), answer([3, 3, 3, 1, 3, 3, 3, 3, 3])];
    const result = computeIkm(answers)!;
    expect(result.index).toBe(70.14);
    expect(result.category).toBe("C");
    expect(result.elementAverages.cost).toBe(1.25);
    expect(categoryOfElementAverage(result.elementAverages.cost)).toBe("D");
    expect(categoryOfElementAverage(result.elementAverages.requirements)).toBe("C");
  });

  it("worked example 3: from element sums, as the SQL aggregates deliver them", () => {
    // 100 answers; sums U1..U9 = 352, 340, 310, 390, 345, 360, 370, 280, 330: NRR 3.52, 3.40, 3.10, 3.90,
    // 3.45, 3.60, 3.70, 2.80, 3.30; sum 30.77; unit = 30.77 / 9 = 3.41889; IKM = 85.47 (B).
    const sums = answer([352, 340, 310, 390, 345, 360, 370, 280, 330]);
    const result = computeIkmFromSums(sums, 100)!;
    expect(result.index).toBe(85.47);
    expect(result.category).toBe("B");
  });

  it("puts the category boundaries where the regulation does", () => {
    expect(categoryOfIndex(100)).toBe("A");
    expect(categoryOfIndex(88.31)).toBe("A");
    expect(categoryOfIndex(88.3)).toBe("B");
    expect(categoryOfIndex(76.61)).toBe("B");
    expect(categoryOfIndex(76.6)).toBe("C");
    expect(categoryOfIndex(65)).toBe("C");
    expect(categoryOfIndex(64.99)).toBe("D");
    expect(categoryOfIndex(25)).toBe("D");
    expect(computeIkm([answer([4, 4, 4, 4, 4, 4, 4, 4, 4])])!.index).toBe(100);
    expect(computeIkm([answer([1, 1, 1, 1, 1, 1, 1, 1, 1])])!.index).toBe(25);
  });

  it("has no index without answers", () => {
    expect(computeIkm([])).toBeNull();
  });
});

describe("Krejcie–Morgan minimum sample", () => {
  it("matches the published table", () => {
    // s = 3.841 N 0.25 / (0.0025 (N-1) + 3.841 * 0.25), rounded to the nearest, as the table is.
    // N = 100: 96.025 / (0.2475 + 0.96025) = 79.51 -> 80. N = 50: 48.0125 / (0.1225 + 0.96025) = 44.34 -> 44.
    expect(minimumSample(100)).toBe(80);
    expect(minimumSample(10)).toBe(10);
    expect(minimumSample(50)).toBe(44);
    expect(minimumSample(500)).toBe(217);
    expect(minimumSample(1000)).toBe(278);
    expect(minimumSample(10_000)).toBe(370);
    expect(minimumSample(100_000)).toBe(383);
    expect(minimumSample(1_000_000)).toBe(384);
  });

  it("asks for the unbounded population's 384 when no volume was entered", () => {
    expect(minimumSample(null)).toBe(384);
  });

  it("shows 'sample too small' rather than a number below the minimum", () => {
    const result = computeIkm(Array.from({ length: 79 }, () => answer([4, 4, 4, 4, 4, 4, 4, 4, 4])));
    expect(judgeIkm(result, 100)).toMatchObject({ kind: "sampleTooSmall", minimum: 80, respondents: 79 });
    const enough = computeIkm(Array.from({ length: 80 }, () => answer([4, 4, 4, 4, 4, 4, 4, 4, 4])));
    expect(judgeIkm(enough, 100)).toMatchObject({ kind: "index", minimum: 80 });
  });
});
