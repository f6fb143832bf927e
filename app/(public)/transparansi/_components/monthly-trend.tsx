import { getTranslations } from "next-intl/server";

import type { PublicMonth } from "@/lib/transparency/types";

import type { FigureFormat } from "./public-figure";

/**
 * The trend by month as a table, each count with a plain CSS bar (decoration only: the number is
 * the content). A month below the minimum gets no bar, as its size is not published.
 */
export async function MonthlyTrend({ months, format }: { months: PublicMonth[]; format: FigureFormat }) {
  const t = await getTranslations("Transparency");
  const largest = Math.max(1, ...months.map((month) => (month.received.kind === "rounded" ? month.received.value : 0)));

  return (
    <table className="w-full border-collapse text-left">
      <caption className="sr-only">{t("trend.caption")}</caption>
      <thead>
        <tr className="border-b-2 border-slate-300 text-sm text-slate-700">
          <th scope="col" className="py-2 pr-3 font-semibold">
            {t("trend.month")}
          </th>
          <th scope="col" className="w-1/2 py-2 pr-3 font-semibold">
            {t("trend.received")}
          </th>
          <th scope="col" className="py-2 text-right font-semibold">
            {t("trend.onTime")}
          </th>
        </tr>
      </thead>
      <tbody>
        {months.map((month) => (
          <tr key={month.month} className="border-b border-slate-200">
            <th scope="row" className="py-2 pr-3 font-medium whitespace-nowrap text-slate-800">
              <span className="sm:hidden">{format.month(month.month, "short")}</span>
              <span className="hidden sm:inline">{format.month(month.month, "long")}</span>
            </th>
            <td className="py-2 pr-3">
              <div className="flex items-center gap-2">
                <span className="w-12 shrink-0 text-right tabular-nums">{format.count(month.received)}</span>
                <span aria-hidden="true" className="block flex-1">
                  {month.received.kind === "rounded" ? (
                    <span className="block h-3 rounded-sm bg-brand-700" style={{ width: `${(month.received.value / largest) * 100}%` }} />
                  ) : null}
                </span>
              </div>
            </td>
            <td className="py-2 text-right tabular-nums">
              {month.resolutionOnTimePercent === null ? (
                <span className="text-sm text-slate-700">{t("figures.tooFewShort")}</span>
              ) : (
                format.percent(month.resolutionOnTimePercent)
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
