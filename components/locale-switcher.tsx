import { getLocale, getTranslations } from "next-intl/server";
import { locales } from "@/i18n/locales";
import { switchLocale } from "@/i18n/switch-locale";
import { ReturnPathInput } from "./return-path-input";

// A plain form posting to a Server Action: it switches language without JavaScript.
export async function LocaleSwitcher() {
  const [activeLocale, t] = await Promise.all([getLocale(), getTranslations("LocaleSwitcher")]);

  return (
    <form action={switchLocale} aria-label={t("label")} className="flex items-center gap-1 text-sm">
      <ReturnPathInput />
      {locales.map((locale) => {
        const isActive = locale === activeLocale;
        return (
          <button
            key={locale}
            type="submit"
            name="locale"
            value={locale}
            lang={locale}
            aria-pressed={isActive}
            className={
              isActive
                ? "rounded-md bg-brand-800 px-2 py-1.5 font-semibold text-white"
                : "rounded-md px-2 py-1.5 font-medium text-brand-800 underline-offset-2 hover:bg-brand-50 hover:underline"
            }
          >
            {t(`names.${locale}`)}
          </button>
        );
      })}
    </form>
  );
}
