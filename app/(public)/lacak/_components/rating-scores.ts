/** The rating scale, worst to best; each score has its own words in messages (TrackedCase.rating.scores). */
export const RATING_SCORES = [1, 2, 3, 4, 5] as const;
