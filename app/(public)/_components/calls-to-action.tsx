import Link from "next/link";
import { getTranslations } from "next-intl/server";

// The two things a visitor comes for: filing a report and following one up.
export async function CallsToAction() {
  const t = await getTranslations("HomePage.hero");

  return (
    <div className="flex flex-col gap-3 sm:flex-row">
      <Link
        href="/lapor"
        className="rounded-lg bg-accent-700 px-6 py-3 text-center text-lg font-semibold text-white shadow-sm hover:bg-accent-800"
      >
        {t("reportCta")}
      </Link>
      <Link
        href="/lacak"
        className="rounded-lg border-2 border-brand-800 bg-white px-6 py-2.5 text-center text-lg font-semibold text-brand-800 hover:bg-brand-50"
      >
        {t("trackCta")}
      </Link>
    </div>
  );
}
