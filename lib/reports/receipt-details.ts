import "server-only";

import type { Database } from "@/lib/prisma-client";
import type { CaseKind, Locale } from "@/lib/generated/prisma/enums";

import { reportedContentSelect, toReportedContent, type ReportedContent } from "./reported-content";

/** One evidence file as the receipt lists it. */
export type ReceiptEvidence = { fileName: string; mediaType: string; sizeBytes: number; sha256: string };

/** What the reporter gets on filing. The secret key is shown this once and never stored. */
export type Receipt = {
  trackingCode: string;
  secretKey: string;
  filedAt: string;
  locale: Locale;
  kind: CaseKind;
  officeName: string;
  serviceName: string | null;
  categoryCode: string;
  verificationDueAt: string;
  evidence: ReceiptEvidence[];
  /** What was reported, for its holder to read again. */
  report: ReportedContent;
};

/** The receipt's content without the key, with names in the requested language. */
export type ReceiptDetails = Omit<Receipt, "secretKey" | "locale"> & { caseLocale: Locale; categoryName: string };

/**
 * The receipt of a case: the filing, what was reported and the evidence sent with it (not later
 * messages' files). Call it only for a case whose receipt was proven (a verified key, the receipt
 * cookie) or that the desk officer filed: it returns what the reporter wrote.
 */
export async function findReceiptDetails(client: Pick<Database, "case">, caseId: string, locale: Locale): Promise<ReceiptDetails | null> {
  const found = await client.case.findUnique({
    where: { id: caseId },
    select: {
      trackingCode: true,
      receivedAt: true,
      locale: true,
      verificationDueAt: true,
      ...reportedContentSelect,
      office: { select: { name: true } },
      service: { select: { nameId: true, nameEn: true } },
      category: { select: { code: true, nameId: true, nameEn: true } },
      attachments: {
        where: { messageId: null, uploadedBy: "REPORTER" },
        orderBy: [{ createdAt: "asc" }, { fileName: "asc" }],
        select: { fileName: true, mediaType: true, sizeBytes: true, sha256: true },
      },
    },
  });
  if (!found) return null;
  return {
    trackingCode: found.trackingCode,
    filedAt: found.receivedAt.toISOString(),
    caseLocale: found.locale,
    kind: found.kind,
    officeName: found.office.name,
    serviceName: found.service ? (locale === "en" ? found.service.nameEn : found.service.nameId) : null,
    categoryCode: found.category.code,
    categoryName: locale === "en" ? found.category.nameEn : found.category.nameId,
    verificationDueAt: found.verificationDueAt.toISOString(),
    evidence: found.attachments,
    report: toReportedContent(found),
  };
}

export async function buildReceipt(client: Pick<Database, "case">, caseId: string, secretKey: string): Promise<Receipt | null> {
  const locale = (await client.case.findUnique({ where: { id: caseId }, select: { locale: true } }))?.locale;
  const details = locale ? await findReceiptDetails(client, caseId, locale) : null;
  if (!details) return null;
  return {
    trackingCode: details.trackingCode,
    secretKey,
    filedAt: details.filedAt,
    locale: details.caseLocale,
    kind: details.kind,
    officeName: details.officeName,
    serviceName: details.serviceName,
    categoryCode: details.categoryCode,
    verificationDueAt: details.verificationDueAt,
    evidence: details.evidence,
    report: details.report,
  };
}
