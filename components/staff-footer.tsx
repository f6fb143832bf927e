import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function StaffFooter() {
  const t = await getTranslations("StaffFooter");

  return (
    <footer className="mt-16 border-t border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 text-sm text-slate-700 sm:flex-row sm:justify-between">
        <p>{t("note")}</p>
        <Link href="/" className="text-brand-800 underline underline-offset-2 hover:text-brand-900">
          {t("publicSite")}
        </Link>
      </div>
    </footer>
  );
}
