import { getTranslations } from "next-intl/server";
import { BrandLink } from "./brand-link";
import { LocaleSwitcher } from "./locale-switcher";

export async function StaffHeader() {
  const t = await getTranslations("StaffHeader");

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex items-center gap-3">
          <BrandLink />
          <span className="rounded-full bg-accent-50 px-2.5 py-0.5 text-sm font-semibold text-accent-800">
            {t("badge")}
          </span>
        </div>
        <LocaleSwitcher />
      </div>
    </header>
  );
}
