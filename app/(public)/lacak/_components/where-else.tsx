import { getTranslations } from "next-intl/server";

/**
 * Where else a reporter can complain, as the law gives them that right whatever the office
 * decides (UU 25/2009; Perpres 76/2013; SP4N-LAPOR! under Permen PANRB 5/2025). Shown on /lacak
 * for every status. Only the bodies' official web addresses are given: phone numbers and street
 * addresses change and are not something this service can keep verified.
 */
export async function WhereElse({ trackingCode }: { trackingCode: string }) {
  const t = await getTranslations("WhereElse");
  const bodies = [
    { key: "ombudsman", href: "https://www.ombudsman.go.id" },
    { key: "lapor", href: "https://www.lapor.go.id" },
  ] as const;
  return (
    <section id="ke-mana-lagi" aria-labelledby="where-else-title" data-testid="where-else" className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <h2 id="where-else-title" className="text-xl font-semibold text-brand-900">
        {t("title")}
      </h2>
      <p className="mt-3 text-slate-700">{t("intro")}</p>
      <ul className="mt-3 space-y-4">
        {bodies.map((body) => (
          <li key={body.key} className="rounded-lg bg-slate-50 p-4">
            <p className="font-semibold text-slate-900">{t(`${body.key}.name`)}</p>
            <p className="mt-1 text-slate-700">{t(`${body.key}.body`)}</p>
            <a href={body.href} rel="noopener noreferrer" className="mt-2 inline-block font-semibold break-all text-brand-800 underline underline-offset-2">
              {t(`${body.key}.link`)}
            </a>
          </li>
        ))}
      </ul>
      <p className="mt-3 text-slate-700">
        {t.rich("mention", { code: trackingCode, mono: (chunks) => <span className="font-mono whitespace-nowrap">{chunks}</span> })}
      </p>
    </section>
  );
}
