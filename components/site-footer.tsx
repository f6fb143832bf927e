import Link from "next/link";
import { getTranslations } from "next-intl/server";

const footerLinkClass = "text-brand-800 underline underline-offset-2 hover:text-brand-900";

export async function SiteFooter() {
  const [t, nav, common] = await Promise.all([
    getTranslations("Footer"),
    getTranslations("PublicNav"),
    getTranslations("Common"),
  ]);

  return (
    <footer className="mt-16 border-t border-slate-200 bg-white">
      <div className="mx-auto grid max-w-5xl gap-8 px-4 py-10 text-sm text-slate-700 sm:grid-cols-[2fr_1fr]">
        <div className="space-y-3">
          <p className="font-semibold text-brand-900">{common("productName")}</p>
          <p>{t("privacy")}</p>
          <p>
            {t.rich("otherChannels", {
              link: (chunks) => (
                <a href="https://www.lapor.go.id" className={footerLinkClass}>
                  {chunks}
                </a>
              ),
            })}
          </p>
        </div>
        <nav aria-label={t("navLabel")}>
          <ul className="space-y-2">
            <li>
              <Link href="/lapor" className={footerLinkClass}>
                {nav("report")}
              </Link>
            </li>
            <li>
              <Link href="/lacak" className={footerLinkClass}>
                {nav("track")}
              </Link>
            </li>
            <li>
              <Link href="/transparansi" className={footerLinkClass}>
                {nav("transparency")}
              </Link>
            </li>
            <li>
              <Link href="/masuk" className={footerLinkClass}>
                {t("staffSignIn")}
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
