import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { groupOfficesByProvince } from "@/lib/transparency/office-groups";
import { matchesOfficeSearch, officeSearchText } from "@/lib/transparency/office-search";
import type { PublicOffice } from "@/lib/transparency/types";

import { DisclosureMark } from "./collapsible-section";
import type { FigureFormat } from "./public-figure";

/** The list the search at the top of the page (OfficeSearch) filters. */
export const OFFICE_LIST_ID = "office-figures";
const NOT_COMPUTED = "—";

/**
 * Every office with its figures, grouped by province, each group a closed <details> (about 150
 * offices: open all at once they made the page some 19,000 px long on a phone). The search is at
 * the top of the page (OfficeSearch). A search (`?q=`, or typed with JavaScript) opens the groups with a match and hides the
 * rest; rows not matching carry the `hidden` attribute, so it works without JavaScript and the
 * live filter can show them again. On a narrow screen the median and satisfaction columns give
 * way; the office's own view (`?office=`) shows all its figures.
 */
export async function OfficeList({ offices, query, format }: { offices: PublicOffice[]; query: string; format: FigureFormat }) {
  const t = await getTranslations("Transparency.offices");
  const hasQuery = query.trim() !== "";
  const groups = groupOfficesByProvince(offices).map((group) => {
    const rows = group.offices.map((office) => {
      const searchText = officeSearchText(office);
      return { office, searchText, isMatch: matchesOfficeSearch(searchText, query) };
    });
    return { ...group, rows, matches: rows.filter((row) => row.isMatch).length };
  });
  const wideOnly = "hidden sm:table-cell";

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">{t("table.legend", { notComputed: NOT_COMPUTED })}</p>
      <div id={OFFICE_LIST_ID} className="space-y-2">
        {groups.map((group) => (
          <details
            key={group.province}
            data-office-group=""
            open={hasQuery && group.matches > 0}
            hidden={hasQuery && group.matches === 0}
            className="group rounded-lg border border-slate-200"
          >
            <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 rounded-lg px-3 py-2 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
              <span>
                <span className="font-semibold text-slate-900">{group.province}</span>{" "}
                <span className="text-sm text-slate-700">{t("groupCount", { count: group.offices.length })}</span>
              </span>
              <DisclosureMark />
            </summary>
            <table className="w-full border-collapse text-left [&_td]:py-2 [&_td]:pl-3 [&_td]:text-right [&_td]:align-top [&_td]:tabular-nums [&_th]:py-2">
              <caption className="sr-only">{t("table.groupCaption", { province: group.province })}</caption>
              <thead>
                <tr className="border-b-2 border-slate-300 align-bottom text-sm text-slate-700 [&_th]:font-semibold [&_th]:text-balance">
                  <th scope="col" className="pl-3">
                    {t("table.office")}
                  </th>
                  <th scope="col" className="pl-3 text-right">
                    {t("table.received")}
                  </th>
                  <th scope="col" className="pr-3 pl-3 text-right">
                    {t("table.onTime")}
                  </th>
                  <th scope="col" className={`${wideOnly} pl-3 text-right`}>
                    {t("table.median")}
                  </th>
                  <th scope="col" className={`${wideOnly} pr-3 pl-3 text-right`}>
                    {t("table.satisfaction")}
                  </th>
                </tr>
              </thead>
              <tbody className="[&_tr]:border-b [&_tr]:border-slate-200 [&_tr:last-child]:border-b-0">
                {group.rows.map(({ office, searchText, isMatch }) => {
                  const { figures } = office;
                  return (
                    <tr key={office.code} data-office-search={searchText} hidden={!isMatch}>
                      <th scope="row" className="pl-3 font-normal">
                        <Link href={`/transparansi?office=${encodeURIComponent(office.code)}`} className="font-semibold text-brand-800 underline underline-offset-2">
                          {office.name}
                        </Link>
                        <span className="block text-sm text-slate-700">{office.city}</span>
                      </th>
                      <td>{format.countText(figures.received)}</td>
                      <td className="pr-3">{figures.resolutionOnTimePercent === null ? NOT_COMPUTED : format.percent(figures.resolutionOnTimePercent)}</td>
                      <td className={wideOnly}>{figures.medianResolutionWorkingDays === null ? NOT_COMPUTED : format.decimal(figures.medianResolutionWorkingDays)}</td>
                      <td className={`${wideOnly} pr-3`}>{figures.satisfaction.averageScore === null ? NOT_COMPUTED : format.decimal(figures.satisfaction.averageScore)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </details>
        ))}
      </div>
    </div>
  );
}
