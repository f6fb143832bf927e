import "server-only";

import type { StaffActor } from "@/lib/auth/session-policy";
import { db } from "@/lib/db";
import { deriveAppKey, getEnvironment } from "@/lib/env";
import type { SurveyChannel } from "@/lib/generated/prisma/enums";
import { checkRateLimit } from "@/lib/rate-limit/limits";

import { canOnSurveysOf } from "./access";
import { recordBurstCandidate } from "./bursts";
import { hashInvitationCode, normalizeInvitationCode } from "./draw";
import { dayKeyToDate, officeDayKey, officeTimeZone } from "./office-day";
import { parseSurveyValues, type SurveyAnswers, type SurveyField, type SurveyFieldErrors } from "./schemas";

/**
 * Records one visitor's answers: the one write of a survey answer, whichever way it came in.
 *
 * - With an invitation code, the code is spent in the same transaction as the answer is written,
 *   by one conditional UPDATE (unused, not expired, this office): of two answers sent with one
 *   code exactly one is recorded, and a refused answer writes nothing.
 * - Without a code (the open poster), the client is rate-limited by a keyed hash of its address
 *   that expires with its window (lib/rate-limit); the address is never stored.
 * - An interview needs a supervisor or surveyor whose scope covers the office (./access.ts).
 *
 * The answer keeps the office's day only, never the time, the code or the ticket number. Every
 * answer is counted per office, way in and short window (./bursts.ts): a burst is flagged to the
 * office's supervisors and left out of the figures until one of them accepts it.
 */

export type SurveyWayIn =
  | { kind: "code"; code: string }
  | { kind: "poster"; clientAddress: string }
  | { kind: "interview"; actor: StaffActor };

export type SurveyRefusal = "officeNotFound" | "codeUnknown" | "codeUsed" | "codeExpired" | "rateLimited" | "forbidden";

export type SubmitSurveyResult =
  | { status: "recorded"; responseId: string; answers: SurveyAnswers; officeCode: string }
  | { status: "invalid"; fieldErrors: SurveyFieldErrors; values: Record<SurveyField, string> }
  | { status: "refused"; error: SurveyRefusal; values: Record<SurveyField, string> };

class RefusedInTransaction extends Error {
  constructor(readonly refusal: SurveyRefusal) {
    super(refusal);
  }
}

export async function findSurveyOffice(officeCode: string) {
  return db.office.findFirst({
    where: { code: officeCode, isActive: true },
    select: { id: true, code: true, name: true, province: true, regionalOfficeId: true },
  });
}

export async function listSurveyServiceCodes(): Promise<Set<string>> {
  const services = await db.service.findMany({ where: { isActive: true }, select: { code: true } });
  return new Set(services.map((service) => service.code));
}

export async function submitSurveyAnswers(input: {
  officeCode: string;
  values: Record<SurveyField, string>;
  wayIn: SurveyWayIn;
  now?: Date;
}): Promise<SubmitSurveyResult> {
  const now = input.now ?? new Date();
  const { values, wayIn } = input;
  const office = await findSurveyOffice(input.officeCode);
  if (!office) return { status: "refused", error: "officeNotFound", values };
  if (wayIn.kind === "interview" && !canOnSurveysOf(wayIn.actor, "interview", office)) return { status: "refused", error: "forbidden", values };

  const parsed = parseSurveyValues(values, await listSurveyServiceCodes());
  if (!parsed.success) return { status: "invalid", fieldErrors: parsed.fieldErrors, values };

  const normalizedCode = wayIn.kind === "code" ? normalizeInvitationCode(wayIn.code) : null;
  if (wayIn.kind === "code" && normalizedCode === null) return { status: "refused", error: "codeUnknown", values };
  // Only valid answers count against the poster's limit, as with filing.
  if (wayIn.kind === "poster" && !(await checkRateLimit("surveyAnswer", wayIn.clientAddress, { now })).allowed) return { status: "refused", error: "rateLimited", values };

  const zone = officeTimeZone(office.province);
  const channel: SurveyChannel = wayIn.kind === "code" ? "RANDOM_INVITATION" : wayIn.kind === "poster" ? "OPEN_POSTER" : "INTERVIEWER";
  const { answers } = parsed;
  try {
    const responseId = await db.$transaction(async (tx) => {
      if (normalizedCode !== null) {
        const codeHash = hashInvitationCode(deriveAppKey("survey-invitation"), normalizedCode);
        const spent = await tx.surveyInvitation.updateMany({
          where: { codeHash, officeId: office.id, usedAt: null, expiresAt: { gt: now } },
          data: { usedAt: now },
        });
        if (spent.count !== 1) {
          const invitation = await tx.surveyInvitation.findUnique({ where: { codeHash }, select: { officeId: true, usedAt: true } });
          if (!invitation || invitation.officeId !== office.id) throw new RefusedInTransaction("codeUnknown");
          throw new RefusedInTransaction(invitation.usedAt ? "codeUsed" : "codeExpired");
        }
      }
      const service = await tx.service.findUniqueOrThrow({ where: { code: answers.serviceCode }, select: { id: true } });
      const response = await tx.surveyResponse.create({
        data: {
          officeId: office.id,
          serviceId: service.id,
          channel,
          submittedOn: dayKeyToDate(officeDayKey(now, zone)),
          ...answers.scores,
          askedToPay: answers.askedToPay,
          askedToPayAmountRupiah: answers.askedToPayAmountRupiah,
          askedToPayBy: answers.askedToPayBy,
          offeredShortcutByBroker: answers.offeredShortcutByBroker,
          receiptGiven: answers.receiptGiven,
          comment: answers.comment,
          interviewerId: wayIn.kind === "interview" ? wayIn.actor.id : null,
        },
        select: { id: true },
      });
      const environment = getEnvironment();
      await recordBurstCandidate(tx, {
        officeId: office.id,
        channel,
        responseId: response.id,
        now,
        windowMinutes: environment.SURVEY_BURST_MINUTES,
        threshold: environment.SURVEY_BURST_ANSWERS,
      });
      return response.id;
    });
    return { status: "recorded", responseId, answers, officeCode: office.code };
  } catch (error) {
    if (error instanceof RefusedInTransaction) return { status: "refused", error: error.refusal, values };
    throw error;
  }
}
