import { getTranslations } from "next-intl/server";
import { BrandLink } from "./brand-link";
import { LocaleSwitcher } from "./locale-switcher";
import { NavLink } from "./nav-link";

const navLinkClass =
  "block rounded-md px-3 py-2 font-medium text-slate-700 hover:bg-slate-100 hover:text-brand-900 aria-[current=page]:bg-brand-50 aria-[current=page]:font-semibold aria-[current=page]:text-brand-800";

export async function SiteHeader() {
  const t = await getTranslations("PublicNav");

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 pt-3 sm:gap-x-6 sm:py-3">
        <BrandLink />
        <nav aria-label={t("label")} className="order-last -mx-3 w-full sm:order-none sm:mx-0 sm:mr-auto sm:w-auto">
          <ul className="flex gap-1">
            <li>
              <NavLink href="/lapor" className={navLinkClass}>
                {t("report")}
              </NavLink>
            </li>
            <li>
              <NavLink href="/lacak" className={navLinkClass}>
                {t("track")}
              </NavLink>
            </li>
            <li>
              <NavLink href="/transparansi" className={navLinkClass}>
                {t("transparency")}
              </NavLink>
            </li>
          </ul>
        </nav>
        <LocaleSwitcher />
      </div>
    </header>
  );
}
