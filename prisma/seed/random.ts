/**
 * A small seeded pseudo-random generator (mulberry32), so the demo data has
 * the same shape on every machine.
 */
export type Random = ReturnType<typeof createRandom>;

export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };

  const weightedIndex = (weights: readonly number[]) => {
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    let threshold = next() * total;
    for (const [index, weight] of weights.entries()) {
      threshold -= weight;
      if (threshold < 0) return index;
    }
    return weights.length - 1;
  };

  return {
    next,
    between: (min: number, max: number) => min + next() * (max - min),
    integer: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability: number) => next() < probability,
    pick: <T,>(items: readonly T[]): T => {
      if (items.length === 0) throw new RangeError("cannot pick from an empty list");
      return items[Math.floor(next() * items.length)]!;
    },
    weightedIndex,
    pickWeighted: <T,>(entries: readonly (readonly [T, number])[]): T => entries[weightedIndex(entries.map(([, weight]) => weight))]![0],
  };
}
