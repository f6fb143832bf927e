import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";

import { ClientMessages } from "@/components/client-messages";
import { buttonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { db } from "@/lib/db";
import { describeReceiptAddress } from "@/lib/reports/receipt-address";
import { findReceiptDetails } from "@/lib/reports/receipt-details";
import { readKeptReceipt } from "@/lib/reports/receipt-session";
import { getPublicBaseUrl } from "@/lib/reports/public-address";

import { ReportReceipt } from "../_components/report-receipt";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Receipt");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

/**
 * The receipt right after filing, read from the receipt cookie (lib/reports/receipt-cookie.ts):
 * it survives a reload, the language switch and Back, and names nothing in its URL. Without the
 * cookie (another device, expired, closed) it says where to go instead.
 */
export default async function ReceiptPage({ searchParams }: { searchParams: Promise<{ ditutup?: string | string[] }> }) {
  const [locale, kept, { ditutup: closedParameter }] = await Promise.all([getLocale(), readKeptReceipt(), searchParams]);
  const details = kept ? await findReceiptDetails(db, kept.caseId, locale) : null;

  if (!kept || !details) {
    const t = await getTranslations("Receipt");
    const isClosed = closedParameter === "1";
    return (
      <PageIntro title={isClosed ? t("closedTitle") : t("noReceiptTitle")} lead={isClosed ? t("closedBody") : t("noReceiptBody")}>
        <Link href="/lacak" className={buttonClassName}>
          {t("goToTracking")}
        </Link>
      </PageIntro>
    );
  }

  const address = await describeReceiptAddress(await getPublicBaseUrl(), kept.trackingCode);
  const { categoryName, caseLocale, ...receipt } = details;
  return (
    <ClientMessages namespaces={["Receipt", "ReportedContent"]}>
      <ReportReceipt receipt={{ ...receipt, secretKey: kept.secretKey, locale: caseLocale }} categoryName={categoryName} address={address} variant="online" />
    </ClientMessages>
  );
}
