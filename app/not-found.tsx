import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { PageIntro } from "@/components/page-intro";
import { PublicShell } from "@/components/public-shell";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("NotFound");
  return { title: t("metaTitle") };
}

export default async function NotFound() {
  const t = await getTranslations("NotFound");

  return (
    <PublicShell>
      <PageIntro title={t("title")} lead={t("body")}>
        <p>
          <Link href="/" className="font-semibold text-brand-800 underline underline-offset-2">
            {t("homeLink")}
          </Link>
        </p>
      </PageIntro>
    </PublicShell>
  );
}
