import { getLocale, getTranslations } from "next-intl/server";

import { isLocale } from "@/i18n/locales";
import { formatIndex } from "@/lib/figures/format";
import type { PublicIkm } from "@/lib/figures/public";

/** IKM per office per half-year, only where the random sample reached the minimum (lib/figures/public.ts). */
export async function PublicIkmSection({ ikm }: { ikm: PublicIkm }) {
  const [t, requestedLocale] = await Promise.all([getTranslations("Figures.public"), getLocale()]);
  const locale = isLocale(requestedLocale) ? requestedLocale : "id";
  return (
    <section id="ikm" aria-labelledby="ikm-title" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="ikm-title" className="text-xl font-semibold text-brand-900">
        {t("title")}
      </h2>
      <p className="text-slate-700">{t("lead")}</p>
      {ikm.halfYears.map((halfYear) => (
        <div key={halfYear.label} className="space-y-2">
          <h3 className="text-lg font-semibold text-slate-900">{t("halfYear", { half: halfYear.label.endsWith("S1") ? "1" : "2", year: halfYear.label.slice(0, 4) })}</h3>
          {halfYear.offices.length === 0 ? (
            <p className="text-slate-700">{t("none")}</p>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full border-collapse text-left text-sm">
                <caption className="sr-only">{t("halfYear", { half: halfYear.label.endsWith("S1") ? "1" : "2", year: halfYear.label.slice(0, 4) })}</caption>
                <thead>
                  <tr className="border-b border-slate-300">
                    <th scope="col" className="py-2 pr-3">{t("office")}</th>
                    <th scope="col" className="py-2 pr-3 text-right">{t("index")}</th>
                    <th scope="col" className="py-2 pr-3">{t("category")}</th>
                    <th scope="col" className="py-2 text-right">{t("respondents")}</th>
                  </tr>
                </thead>
                <tbody>
                  {halfYear.offices.map((office) => (
                    <tr key={office.code} className="border-b border-slate-200">
                      <th scope="row" className="py-2 pr-3 font-normal">{office.name}</th>
                      <td className="py-2 pr-3 text-right tabular-nums">{formatIndex(office.index, locale)}</td>
                      <td className="py-2 pr-3">{`${office.category} (${t(`categories.${office.category}`)})`}</td>
                      <td className="py-2 text-right tabular-nums">{office.respondents}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {halfYear.officesBelowSample > 0 ? <p className="text-sm text-slate-700">{t("belowSample", { count: halfYear.officesBelowSample })}</p> : null}
        </div>
      ))}
    </section>
  );
}
