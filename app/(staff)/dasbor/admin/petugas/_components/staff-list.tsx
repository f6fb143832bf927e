import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { staffDetailPath, STAFF_LIST_PATH } from "@/lib/staff/paths";
import { toStaffListSearch, type StaffListFilters } from "@/lib/staff/schemas";
import type { StaffListPage, StaffRow } from "@/lib/staff/staff-directory";

const badgeClassName = "inline-block rounded-full px-2 py-0.5 text-sm font-semibold";

export async function StaffScopeLabel({ row }: { row: Pick<StaffRow, "scopeLevel" | "scopeName"> }) {
  const t = await getTranslations("AdminStaff.scope");
  return <>{t(row.scopeLevel, { name: row.scopeName ?? "?" })}</>;
}

/** One card per account: readable at 360 px, where a table would scroll sideways. */
export async function StaffList({ page, filters }: { page: StaffListPage; filters: StaffListFilters }) {
  const [t, roles, format] = await Promise.all([getTranslations("AdminStaff.list"), getTranslations("AdminStaff.roles"), getFormatter()]);

  return (
    <div className="space-y-4">
      <p role="status" className="font-semibold text-slate-800">
        {t("count", { count: page.total })}
      </p>
      {page.rows.length === 0 ? (
        <p className="rounded-xl border border-slate-200 bg-white p-4 text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white shadow-sm">
          {page.rows.map((row) => (
            <li key={row.id} className="grid gap-1 p-4 sm:grid-cols-[minmax(0,2fr)_minmax(0,2fr)_minmax(0,1.5fr)] sm:gap-4">
              <div className="min-w-0">
                <Link href={staffDetailPath(row.id)} className="font-semibold text-brand-800 underline underline-offset-2">
                  {row.name}
                </Link>
                <p className="break-all text-sm text-slate-700">{row.email}</p>
              </div>
              <div className="min-w-0 text-slate-800">
                <p>
                  <span className="font-medium">{roles(row.role)}</span> · <StaffScopeLabel row={row} />
                </p>
              </div>
              <div className="min-w-0 space-y-1 text-sm">
                <p className="flex flex-wrap gap-1">
                  <span className={`${badgeClassName} ${row.isActive ? "bg-emerald-100 text-emerald-900" : "bg-slate-200 text-slate-800"}`}>{row.isActive ? t("active") : t("inactive")}</span>
                  {row.hasTotp ? null : <span className={`${badgeClassName} bg-amber-100 text-amber-900`}>{t("noTotp")}</span>}
                </p>
                <p className="text-slate-700">{row.lastSignInAt ? t("lastSignIn", { date: format.dateTime(row.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) }) : t("neverSignedIn")}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
      {page.pageCount > 1 ? (
        <nav aria-label={t("pagination")} className="flex flex-wrap items-center justify-between gap-3">
          {page.page > 1 ? (
            <Link href={`${STAFF_LIST_PATH}${toStaffListSearch({ ...filters, page: page.page - 1 })}`} rel="prev" className="font-semibold text-brand-800 underline underline-offset-2">
              {t("previous")}
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-700">{t("page", { page: page.page, pageCount: page.pageCount })}</span>
          {page.page < page.pageCount ? (
            <Link href={`${STAFF_LIST_PATH}${toStaffListSearch({ ...filters, page: page.page + 1 })}`} rel="next" className="font-semibold text-brand-800 underline underline-offset-2">
              {t("next")}
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
