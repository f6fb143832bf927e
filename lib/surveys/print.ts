import "server-only";

import { getTranslations } from "next-intl/server";

import type { StaffActor } from "@/lib/auth/session-policy";
import { getPublicBaseUrl } from "@/lib/reports/public-address";

import { findOfficeForSurveyWork, listDayInvitations } from "./invitations";
import { renderInvitationCardsPdf, renderPosterPdf } from "./pdf";
import { buildSurveyUrl } from "./urls";

/**
 * The two printouts as files, for the dashboard's download links. Both are checked in the data
 * layer: only staff who may manage the office's invitations (./access.ts) get them; for anyone
 * else the office does not exist.
 */

export type Printout = { fileName: string; pdf: Buffer };

function formatDay(dayKey: string, locale: string): string {
  return new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${dayKey}T00:00:00Z`));
}

export async function printInvitationCards(actor: StaffActor, officeCode: string, locale: string, now: Date = new Date()): Promise<Printout | null> {
  const day = await listDayInvitations(actor, officeCode, now);
  if (!day) return null;
  const [t, siteAddress] = await Promise.all([getTranslations({ locale: locale as "id" | "en", namespace: "SurveyPdf" }), getPublicBaseUrl()]);
  const pdf = await renderInvitationCardsPdf({
    officeName: day.office.name,
    locale,
    now,
    cards: day.invitations.filter((invitation) => !invitation.isUsed).map((invitation) => ({ ...invitation, url: buildSurveyUrl(siteAddress, day.office.code, invitation.code) })),
    texts: {
      title: t("cardTitle"),
      ticket: (number) => t("cardTicket", { number }),
      invite: t("cardInvite"),
      code: (code) => t("cardCode", { code }),
      valid: t("cardValid", { day: formatDay(day.dayKey, locale) }),
    },
  });
  return { fileName: `${t("fileCards")}-${day.office.code}-${day.dayKey}.pdf`, pdf };
}

export async function printSurveyPoster(actor: StaffActor, officeCode: string, locale: string, now: Date = new Date()): Promise<Printout | null> {
  const office = await findOfficeForSurveyWork(actor, officeCode, "manageInvitations");
  if (!office) return null;
  const [t, siteAddress] = await Promise.all([getTranslations({ locale: locale as "id" | "en", namespace: "SurveyPdf" }), getPublicBaseUrl()]);
  const pdf = await renderPosterPdf({
    officeName: office.name,
    url: buildSurveyUrl(siteAddress, office.code),
    locale,
    now,
    texts: { title: t("posterTitle"), lead: t("posterLead"), otherLanguage: t("posterEnglish"), pungli: t("posterPungli", { address: siteAddress }) },
  });
  return { fileName: `${t("filePoster")}-${office.code}.pdf`, pdf };
}
