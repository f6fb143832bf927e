import { getTranslations } from "next-intl/server";
import { SectionCard } from "@/components/section-card";

export async function HandlingDeadlines() {
  const t = await getTranslations("HomePage.deadlines");

  return (
    <SectionCard title={t("title")}>
      <p className="text-lg font-semibold text-slate-900">{t("verification")}</p>
      <p>{t("workingDays")}</p>
      <p>{t("visible")}</p>
    </SectionCard>
  );
}
