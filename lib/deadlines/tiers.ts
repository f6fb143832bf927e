import type { DeadlineTier } from "@/lib/generated/prisma/enums";

/** Working days to verify a new report (SP4N-LAPOR! flow). */
export const VERIFICATION_WORKING_DAYS = 3;

/** Working days to resolve a verified case, per tier of the service standards. */
export const RESOLUTION_WORKING_DAYS: Record<DeadlineTier, number> = {
  LIGHT: 2,
  NORMATIVE: 5,
  NO_INVESTIGATION: 14,
  INVESTIGATION: 60,
};
