import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { matchesOfficeSearch, officeSearchText } from "@/lib/transparency/office-search";
import type { PublicOffice } from "@/lib/transparency/types";

import { OfficeSearch } from "./office-search";
import type { FigureFormat } from "./public-figure";

const LIST_ID = "office-figures";
const NOT_COMPUTED = "—";

/**
 * Every office with its figures, as one compact table (about 150 rows: kept light for slow
 * phones). On a narrow screen the median and satisfaction columns give way; the office's own
 * view (`?office=`) shows all its figures. Rows not matching `?q=` carry the `hidden` attribute,
 * so the search works without JavaScript and the live filter can show them again.
 */
export async function OfficeList({ offices, query, format }: { offices: PublicOffice[]; query: string; format: FigureFormat }) {
  const t = await getTranslations("Transparency.offices");
  const rows = offices.map((office) => {
    const searchText = officeSearchText(office);
    return { office, searchText, isMatch: matchesOfficeSearch(searchText, query) };
  });
  const wideOnly = "hidden sm:table-cell";

  return (
    <div className="space-y-4">
      <OfficeSearch initialQuery={query} initialCount={rows.filter((row) => row.isMatch).length} listId={LIST_ID} />
      <p className="text-sm text-slate-700">{t("table.legend", { notComputed: NOT_COMPUTED })}</p>
      <table className="w-full border-collapse text-left [&_td]:py-2 [&_td]:pl-3 [&_td]:text-right [&_td]:align-top [&_td]:tabular-nums [&_th]:py-2">
        <caption className="sr-only">{t("table.caption")}</caption>
        <thead>
          <tr className="border-b-2 border-slate-300 align-bottom text-sm text-slate-700 [&_th]:font-semibold [&_th]:text-balance">
            <th scope="col">{t("table.office")}</th>
            <th scope="col" className="pl-3 text-right">
              {t("table.received")}
            </th>
            <th scope="col" className="pl-3 text-right">
              {t("table.onTime")}
            </th>
            <th scope="col" className={`${wideOnly} pl-3 text-right`}>
              {t("table.median")}
            </th>
            <th scope="col" className={`${wideOnly} pl-3 text-right`}>
              {t("table.satisfaction")}
            </th>
          </tr>
        </thead>
        <tbody id={LIST_ID} className="[&_tr]:border-b [&_tr]:border-slate-200">
          {rows.map(({ office, searchText, isMatch }) => {
            const { figures } = office;
            return (
              <tr key={office.code} data-office-search={searchText} hidden={!isMatch}>
                <th scope="row" className="font-normal">
                  <Link href={`/transparansi?office=${encodeURIComponent(office.code)}`} className="font-semibold text-brand-800 underline underline-offset-2">
                    {office.name}
                  </Link>
                  <span className="block text-sm text-slate-700">{office.city}</span>
                </th>
                <td>{format.countText(figures.received)}</td>
                <td>{figures.resolutionOnTimePercent === null ? NOT_COMPUTED : format.percent(figures.resolutionOnTimePercent)}</td>
                <td className={wideOnly}>{figures.medianResolutionWorkingDays === null ? NOT_COMPUTED : format.decimal(figures.medianResolutionWorkingDays)}</td>
                <td className={wideOnly}>{figures.satisfaction.averageScore === null ? NOT_COMPUTED : format.decimal(figures.satisfaction.averageScore)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
