import type { StaffActor } from "@/lib/auth/session-policy";
import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Who may do what with an office's visitor surveys: the one rule the data functions check.
 *
 * - Draw and see the day's invited ticket numbers, print the QR cards and the poster: the
 *   office's own officers, supervisors whose scope covers the office, admins. (The counter hands
 *   out the cards; who is invited is still not theirs to choose, see ./draw.ts.)
 * - Enter an interview: surveyors whose scope covers the office, supervisors above the office
 *   (regional or national) whose scope covers it, admins. Not the office's own officers or its
 *   head (an OFFICE-scope supervisor): interviewer answers count in the office's index, and they
 *   would be grading themselves.
 * - See and review burst flags: supervisors above the office whose scope covers it, and admins;
 *   never the office's own staff, for the same reason (accepting a burst counts its answers).
 *
 * Scope as in lib/cases/access.ts: an OFFICE scope names its office, a REGIONAL one its regional
 * office, NATIONAL covers all. Pure.
 */

export type SurveyOfficeRef = { id: number; regionalOfficeId: number };

export type SurveyPermission = "manageInvitations" | "interview" | "reviewBursts";

function scopeCovers(actor: StaffActor, office: SurveyOfficeRef): boolean {
  switch (actor.scopeLevel) {
    case "NATIONAL":
      return true;
    case "REGIONAL":
      return actor.regionalOfficeId != null && actor.regionalOfficeId === office.regionalOfficeId;
    case "OFFICE":
      return actor.officeId != null && actor.officeId === office.id;
  }
}

/** A regional or national supervisor: not one office's own head. */
function isSupervisorAboveOffice(actor: StaffActor): boolean {
  return actor.role === "SUPERVISOR" && actor.scopeLevel !== "OFFICE";
}

export function canOnSurveysOf(actor: StaffActor, permission: SurveyPermission, office: SurveyOfficeRef): boolean {
  if (actor.role === "ADMIN") return true;
  switch (permission) {
    case "manageInvitations":
      if (actor.role === "OFFICER") return actor.officeId != null && actor.officeId === office.id;
      return actor.role === "SUPERVISOR" && scopeCovers(actor, office);
    case "interview":
      return (actor.role === "SURVEYOR" || isSupervisorAboveOffice(actor)) && scopeCovers(actor, office);
    case "reviewBursts":
      return isSupervisorAboveOffice(actor) && scopeCovers(actor, office);
  }
}

/** The offices on which `actor` has `permission`, for pickers (each action still checks canOnSurveysOf). */
export function surveyOfficesWhere(actor: StaffActor, permission: SurveyPermission): Prisma.OfficeWhereInput {
  const none: Prisma.OfficeWhereInput = { id: { in: [] } };
  if (actor.role === "ADMIN") return {};
  const allowed =
    permission === "manageInvitations" ? actor.role === "OFFICER" || actor.role === "SUPERVISOR" : permission === "interview" ? actor.role === "SURVEYOR" || isSupervisorAboveOffice(actor) : isSupervisorAboveOffice(actor);
  if (!allowed) return none;
  if (actor.role === "OFFICER") return actor.officeId != null ? { id: actor.officeId } : none;
  switch (actor.scopeLevel) {
    case "NATIONAL":
      return {};
    case "REGIONAL":
      return actor.regionalOfficeId != null ? { regionalOfficeId: actor.regionalOfficeId } : none;
    case "OFFICE":
      return actor.officeId != null ? { id: actor.officeId } : none;
  }
}

/** Whether the dashboard shows the surveys page at all. */
export function hasAnySurveyRole(actor: StaffActor): boolean {
  return actor.role === "ADMIN" || actor.role === "SUPERVISOR" || actor.role === "SURVEYOR" || (actor.role === "OFFICER" && actor.officeId != null);
}
