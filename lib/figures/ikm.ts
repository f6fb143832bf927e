import { SURVEY_ELEMENTS, type SurveyElementKey } from "@/lib/surveys/elements";

/**
 * The Indeks Kepuasan Masyarakat (IKM) exactly as PermenPAN-RB 14/2017 (Lampiran) computes it, and
 * the Krejcie–Morgan minimum sample the regulation refers to. Pure: the statistics page, the
 * exports, /transparansi and the tests all compute it here.
 *
 * - NRR (nilai rata-rata) of an element: the sum of its 1–4 scores over the answers, divided by
 *   the number of answers.
 * - NRR tertimbang: NRR × the element's weight. The nine elements weigh the same: 1/9 each (the
 *   regulation prints it rounded as 0.111; the exact ninth keeps a perfect survey at exactly 100).
 * - IKM unit = Σ NRR tertimbang (1.00–4.00); IKM = IKM unit × 25 (25.00–100.00), shown with two
 *   decimals.
 * - Mutu pelayanan (quality), on the converted index: A very good 88.31–100.00, B good
 *   76.61–88.30, C fair 65.00–76.60, D poor 25.00–64.99. The same for an element's NRR on the
 *   1–4 interval: A 3.5324–4.00, B 3.0644–3.5323, C 2.60–3.0643, D 1.00–2.5999, so a weak element
 *   shows its own letter.
 * - Minimum sample (Krejcie & Morgan 1970, the table the regulation cites):
 *   s = X²·N·P(1−P) / (d²(N−1) + X²·P(1−P)), X² = 3.841 (one degree of freedom, 95%), P = 0.5,
 *   d = 0.05, rounded to the nearest whole number as the published table is: N = 50 → 44, 100 → 80, 1,000 → 278, 10,000 → 370, 1,000,000 → 384. N is the
 *   office's visitors (services delivered, from ServiceVolume) over the period; without any volume
 *   the population is unknown and the sample for an unbounded one (384) is required.
 */

export type IkmCategory = "A" | "B" | "C" | "D";

export type ElementScores = Record<SurveyElementKey, number>;

export type IkmResult = {
  respondents: number;
  /** NRR of each element (1–4), unrounded. */
  elementAverages: ElementScores;
  /** IKM on 25–100, rounded to two decimals. */
  index: number;
  category: IkmCategory;
};

export const ELEMENT_WEIGHT = 1 / SURVEY_ELEMENTS.length;

const round2 = (value: number) => Math.round(value * 100 + Number.EPSILON * 100) / 100;

/** The category of an IKM on 25–100, judged on its two-decimal value. */
export function categoryOfIndex(index: number): IkmCategory {
  const value = round2(index);
  if (value >= 88.31) return "A";
  if (value >= 76.61) return "B";
  if (value >= 65.0) return "C";
  return "D";
}

/** The category of an element's NRR on 1–4 (the regulation's nilai interval). */
export function categoryOfElementAverage(average: number): IkmCategory {
  if (average >= 3.5324) return "A";
  if (average >= 3.0644) return "B";
  if (average >= 2.6) return "C";
  return "D";
}

/** IKM from the sums of each element's scores over `respondents` answers; null without answers. */
export function computeIkmFromSums(sums: ElementScores, respondents: number): IkmResult | null {
  if (respondents <= 0) return null;
  const elementAverages = {} as ElementScores;
  let unit = 0;
  for (const { key } of SURVEY_ELEMENTS) {
    const average = sums[key] / respondents;
    elementAverages[key] = average;
    unit += average * ELEMENT_WEIGHT;
  }
  const index = round2(unit * 25);
  return { respondents, elementAverages, index, category: categoryOfIndex(index) };
}

/** IKM from individual answers (each with the nine 1–4 scores). */
export function computeIkm(answers: readonly ElementScores[]): IkmResult | null {
  const sums = Object.fromEntries(SURVEY_ELEMENTS.map(({ key }) => [key, 0])) as ElementScores;
  for (const answer of answers) for (const { key } of SURVEY_ELEMENTS) sums[key] += answer[key];
  return computeIkmFromSums(sums, answers.length);
}

export const UNBOUNDED_POPULATION_SAMPLE = 384;

/** Krejcie–Morgan minimum sample for a population of `population` (null: unknown, 384). */
export function minimumSample(population: number | null): number {
  if (population === null || population <= 0) return population === 0 ? 0 : UNBOUNDED_POPULATION_SAMPLE;
  const chiSquare = 3.841;
  const proportion = 0.5;
  const margin = 0.05;
  const numerator = chiSquare * population * proportion * (1 - proportion);
  const denominator = margin * margin * (population - 1) + chiSquare * proportion * (1 - proportion);
  return Math.min(population, Math.round(numerator / denominator));
}

export type IkmVerdict =
  | { kind: "index"; result: IkmResult; minimum: number }
  /** Answers exist but fewer than the minimum: shown as "sample too small", never as a plain number. */
  | { kind: "sampleTooSmall"; result: IkmResult | null; minimum: number; respondents: number };

export function judgeIkm(result: IkmResult | null, population: number | null): IkmVerdict {
  const minimum = minimumSample(population);
  const respondents = result?.respondents ?? 0;
  if (result && respondents >= minimum && respondents > 0) return { kind: "index", result, minimum };
  return { kind: "sampleTooSmall", result, minimum, respondents };
}
