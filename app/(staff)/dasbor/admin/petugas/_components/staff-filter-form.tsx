import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { buttonClassName, inputClassName } from "@/components/form-styles";
import { STAFF_LIST_PATH } from "@/lib/staff/paths";
import { STAFF_ROLES } from "@/lib/staff/rules";
import type { StaffListFilters } from "@/lib/staff/schemas";
import type { ScopeOptions } from "@/lib/staff/staff-directory";

const labelClassName = "block text-sm font-semibold text-slate-900";
const selectClassName = `${inputClassName} mt-1 py-2`;

/** The list's filters as a plain GET form: the URL holds the whole view, and it works without JavaScript. */
export async function StaffFilterForm({ filters, offices }: { filters: StaffListFilters; offices: ScopeOptions["offices"] }) {
  const [t, roles] = await Promise.all([getTranslations("AdminStaff.filters"), getTranslations("AdminStaff.roles")]);
  const isFiltered = Boolean(filters.q || filters.role || filters.officeId || filters.status !== "all");

  return (
    <form method="get" action={STAFF_LIST_PATH} role="search" aria-label={t("label")} className="space-y-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm">
      <div>
        <label htmlFor="staff-q" className={labelClassName}>
          {t("search")}
        </label>
        <input id="staff-q" name="q" type="search" defaultValue={filters.q ?? ""} maxLength={200} className={`${inputClassName} mt-1 py-2`} />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div>
          <label htmlFor="staff-role" className={labelClassName}>
            {t("role")}
          </label>
          <select id="staff-role" name="role" defaultValue={filters.role ?? ""} className={selectClassName}>
            <option value="">{t("anyRole")}</option>
            {STAFF_ROLES.map((role) => (
              <option key={role} value={role}>
                {roles(role)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="staff-office" className={labelClassName}>
            {t("office")}
          </label>
          <select id="staff-office" name="office" defaultValue={filters.officeId ?? ""} className={selectClassName}>
            <option value="">{t("anyOffice")}</option>
            {offices.map((office) => (
              <option key={office.id} value={office.id}>
                {office.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="staff-status" className={labelClassName}>
            {t("status")}
          </label>
          <select id="staff-status" name="status" defaultValue={filters.status} className={selectClassName}>
            <option value="all">{t("statusAll")}</option>
            <option value="active">{t("statusActive")}</option>
            <option value="inactive">{t("statusInactive")}</option>
          </select>
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button type="submit" className={buttonClassName}>
          {t("apply")}
        </button>
        {isFiltered ? (
          <Link href={STAFF_LIST_PATH} className="font-semibold text-brand-800 underline underline-offset-2">
            {t("clear")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
