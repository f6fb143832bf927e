import { getTranslations } from "next-intl/server";
import { NavLink } from "@/components/nav-link";

// Sections that are not built yet are listed, marked as coming, but not linked.
const upcomingSections = ["caseQueue", "statistics", "admin"] as const;

export async function DashboardNav() {
  const [t, common] = await Promise.all([getTranslations("DashboardNav"), getTranslations("Common")]);

  return (
    <nav aria-label={t("label")} className="mb-8 border-b border-slate-200 pb-3">
      <ul className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:gap-1">
        <li>
          <NavLink
            href="/dasbor"
            className="block rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800"
          >
            {t("dashboard")}
          </NavLink>
        </li>
        {upcomingSections.map((section) => (
          <li key={section} className="flex flex-col items-start gap-1 px-3 py-2 text-slate-600 sm:flex-row sm:items-center sm:gap-2">
            {t(section)}
            <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">
              {common("comingSoon")}
            </span>
          </li>
        ))}
      </ul>
    </nav>
  );
}
