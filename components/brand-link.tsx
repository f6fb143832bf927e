import Link from "next/link";
import { getTranslations } from "next-intl/server";

export async function BrandLink() {
  const t = await getTranslations("Common");

  return (
    <Link href="/" className="inline-flex items-center gap-2 text-base font-bold text-brand-900 sm:text-lg">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6 shrink-0 sm:size-7" fill="none">
        <path d="M12 2 4 5v6c0 5 3.4 9.4 8 11 4.6-1.6 8-6 8-11V5l-8-3Z" className="fill-brand-800" />
        <path
          d="m8.5 12 2.5 2.5 4.5-5"
          stroke="white"
          strokeWidth="2"
          strokeLinecap="round"
          strokeLinejoin="round"
        />
      </svg>
      {t("productName")}
    </Link>
  );
}
