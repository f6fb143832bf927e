import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { PageIntro } from "@/components/page-intro";

/**
 * Shown to staff whose role has no statistics (officers): they may know the address from a
 * colleague, so the page says plainly why it is closed instead of pretending it does not exist.
 */
export async function NotAvailableForRole() {
  const t = await getTranslations("Statistics.notAvailable");
  return (
    <PageIntro title={t("title")} lead={t("body")}>
      <p>
        <Link href="/dasbor" className="font-semibold text-brand-800 underline underline-offset-2">
          {t("queueLink")}
        </Link>
      </p>
    </PageIntro>
  );
}
