import { getTranslations } from "next-intl/server";

const problems = ["pungli", "calo", "slowService", "conduct", "procedure", "information"] as const;

export async function ReportableProblems() {
  const t = await getTranslations("HomePage.reportable");

  return (
    <section aria-labelledby="reportable-title" className="space-y-5">
      <h2 id="reportable-title" className="text-2xl font-bold text-brand-900">
        {t("title")}
      </h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {problems.map((problem) => (
          <li key={problem} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <h3 className="font-semibold text-brand-900">{t(`items.${problem}.title`)}</h3>
            <p className="mt-2 text-slate-700">{t(`items.${problem}.body`)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}
