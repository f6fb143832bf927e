import { getTranslations } from "next-intl/server";

const steps = ["file", "receipt", "track", "rate"] as const;

export async function HowItWorks() {
  const t = await getTranslations("HomePage.steps");

  return (
    <section aria-labelledby="steps-title" className="space-y-5">
      <h2 id="steps-title" className="text-2xl font-bold text-brand-900">
        {t("title")}
      </h2>
      <ol className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {steps.map((step, index) => (
          <li key={step} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm">
            <span
              aria-hidden="true"
              className="flex size-9 items-center justify-center rounded-full bg-accent-50 font-bold text-accent-800"
            >
              {index + 1}
            </span>
            <h3 className="mt-3 font-semibold text-brand-900">{t(`items.${step}.title`)}</h3>
            <p className="mt-2 text-slate-700">{t(`items.${step}.body`)}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}
