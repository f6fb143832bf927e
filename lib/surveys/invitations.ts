import "server-only";

import type { StaffActor } from "@/lib/auth/session-policy";
import { db } from "@/lib/db";
import { deriveAppKey, getEnvironment } from "@/lib/env";

import { canOnSurveysOf, surveyOfficesWhere, type SurveyPermission } from "./access";
import { drawTicketNumbers, hashInvitationCode, invitationCode, normalizeInvitationCode } from "./draw";
import { dayKeyToDate, endOfOfficeDay, officeDayKey, officeTimeZone } from "./office-day";

/**
 * The day's invitations of an office (./draw.ts decides which tickets): the counter's list of
 * ticket numbers to invite and the codes printed on their cards. Listing them stores the day's
 * rows (code hash, end of the office's day) if they are not there yet, so a code works as soon as
 * its card can be printed. Only staff allowed by ./access.ts see them; to anyone else the office
 * does not exist.
 */

export type SurveyOfficeView = { id: number; code: string; name: string; city: string };

export type DayInvitations = {
  office: SurveyOfficeView;
  dayKey: string;
  expiresAt: string;
  timeZone: string;
  invitations: { ticketNumber: number; code: string; isUsed: boolean }[];
};

/** The office if `actor` has `permission` on it, else null (not found and forbidden alike). */
export async function findOfficeForSurveyWork(actor: StaffActor, officeCode: string, permission: SurveyPermission) {
  const office = await db.office.findFirst({
    where: { code: officeCode, isActive: true },
    select: { id: true, code: true, name: true, city: true, province: true, regionalOfficeId: true },
  });
  return office && canOnSurveysOf(actor, permission, office) ? office : null;
}

export async function listDayInvitations(actor: StaffActor, officeCode: string, now: Date = new Date()): Promise<DayInvitations | null> {
  const office = await findOfficeForSurveyWork(actor, officeCode, "manageInvitations");
  if (!office) return null;
  const environment = getEnvironment();
  const key = deriveAppKey("survey-invitation");
  const zone = officeTimeZone(office.province);
  const dayKey = officeDayKey(now, zone);
  const expiresAt = endOfOfficeDay(dayKey, zone);
  const tickets = drawTicketNumbers(key, office.id, dayKey, { inviteEvery: environment.SURVEY_INVITE_EVERY, highestTicket: environment.SURVEY_HIGHEST_TICKET });
  const drawn = tickets.map((ticketNumber) => ({ ticketNumber, code: invitationCode(key, office.id, dayKey, ticketNumber) }));

  await db.surveyInvitation.createMany({
    data: drawn.map(({ ticketNumber, code }) => ({
      officeId: office.id,
      day: dayKeyToDate(dayKey),
      ticketNumber,
      codeHash: hashInvitationCode(key, code),
      expiresAt,
    })),
    skipDuplicates: true,
  });
  const used = await db.surveyInvitation.findMany({
    where: { officeId: office.id, day: dayKeyToDate(dayKey), usedAt: { not: null } },
    select: { ticketNumber: true },
  });
  const usedTickets = new Set(used.map((row) => row.ticketNumber));
  return {
    office: { id: office.id, code: office.code, name: office.name, city: office.city },
    dayKey,
    expiresAt: expiresAt.toISOString(),
    timeZone: zone.name,
    invitations: drawn.map((invitation) => ({ ...invitation, isUsed: usedTickets.has(invitation.ticketNumber) })),
  };
}

export type InvitationCodeStatus = "valid" | "used" | "expired" | "unknown";

/** What a visitor's code is worth before they answer, for the form's notice (the answer checks again, atomically). */
export async function checkInvitationCode(officeId: number, input: string, now: Date = new Date()): Promise<InvitationCodeStatus> {
  const code = normalizeInvitationCode(input);
  if (code === null) return "unknown";
  const invitation = await db.surveyInvitation.findUnique({
    where: { codeHash: hashInvitationCode(deriveAppKey("survey-invitation"), code) },
    select: { officeId: true, usedAt: true, expiresAt: true },
  });
  if (!invitation || invitation.officeId !== officeId) return "unknown";
  if (invitation.usedAt) return "used";
  return invitation.expiresAt > now ? "valid" : "expired";
}

/** The offices `actor` may work on for `permission`, for the page's picker. */
export async function listSurveyOffices(actor: StaffActor, permission: SurveyPermission): Promise<SurveyOfficeView[]> {
  return db.office.findMany({
    where: { AND: [surveyOfficesWhere(actor, permission), { isActive: true }] },
    orderBy: { name: "asc" },
    select: { id: true, code: true, name: true, city: true },
  });
}
