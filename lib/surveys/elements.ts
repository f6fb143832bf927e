import type { SurveyChannel } from "@/lib/generated/prisma/enums";

/**
 * The nine elements of the community satisfaction survey (Survei Kepuasan Masyarakat) of
 * PermenPAN-RB 14/2017, in the regulation's order (U1..U9), each the SurveyResponse column that
 * holds its 1-4 score. The one list the form, the validation, the seed and the figures share.
 */
export const SURVEY_ELEMENTS = [
  { key: "requirements", column: "scoreRequirements" },
  { key: "procedure", column: "scoreProcedure" },
  { key: "time", column: "scoreTime" },
  { key: "cost", column: "scoreCost" },
  { key: "product", column: "scoreProduct" },
  { key: "staffCompetence", column: "scoreStaffCompetence" },
  { key: "staffConduct", column: "scoreStaffConduct" },
  { key: "complaintHandling", column: "scoreComplaintHandling" },
  { key: "facilities", column: "scoreFacilities" },
] as const;

export type SurveyElementKey = (typeof SURVEY_ELEMENTS)[number]["key"];
export type SurveyScoreColumn = (typeof SURVEY_ELEMENTS)[number]["column"];

/** The regulation's scale: 1 (not good) to 4 (very good). */
export const SURVEY_SCORES = [1, 2, 3, 4] as const;

/** The ways in that make a random sample; OPEN_POSTER answers are self-selected and kept apart. */
export const RANDOM_SURVEY_CHANNELS = ["RANDOM_INVITATION", "INTERVIEWER"] as const satisfies readonly SurveyChannel[];
