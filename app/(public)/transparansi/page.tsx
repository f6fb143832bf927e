import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getTranslations } from "next-intl/server";
import { z } from "@/lib/zod";

import { ClientMessages } from "@/components/client-messages";
import { PageIntro } from "@/components/page-intro";
import { StatusNotice } from "@/components/status-notice";
import { matchesOfficeSearch, MAX_OFFICE_SEARCH_LENGTH, officeSearchText } from "@/lib/transparency/office-search";
import { CHECKPOINTS_SHOWN, getPublishedCheckpoints } from "@/lib/transparency/audit-checkpoints";
import { getPublicIkm } from "@/lib/figures/public";
import { getPublicStatistics } from "@/lib/transparency/snapshot";

import { AuditCheckpoints } from "./_components/audit-checkpoints";
import { HeadlineFigures } from "./_components/headline-figures";
import { Method } from "./_components/method";
import { MonthlyTrend } from "./_components/monthly-trend";
import { DisclosureMark } from "./_components/collapsible-section";
import { OFFICE_LIST_ID, OfficeList } from "./_components/office-list";
import { OfficeSearch } from "./_components/office-search";
import { getFigureFormat } from "./_components/public-figure";
import { PublicIkmSection } from "./_components/public-ikm";

/** `?q=` searches the office list; `?office=<code>` shows one office's figures and trend. */
const searchParamsSchema = z.object({
  q: z.string().max(MAX_OFFICE_SEARCH_LENGTH).catch("").default(""),
  office: z.string().max(100).optional().catch(undefined),
});

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Transparency");
  return { title: t("metaTitle") };
}

export default async function TransparencyPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  // The figures are read from the stored snapshot at request time, never at build time.
  await connection();
  const [{ q: query, office: officeCode }, { statistics }, checkpoints, t, format, ikm] = await Promise.all([
    searchParams.then((params) => searchParamsSchema.parse(params)),
    getPublicStatistics(),
    getPublishedCheckpoints({ take: CHECKPOINTS_SHOWN }),
    getTranslations("Transparency"),
    getFigureFormat(),
    getPublicIkm(),
  ]);
  const office = officeCode ? statistics.offices.find((candidate) => candidate.code === officeCode) : undefined;
  const shown = office ?? statistics.national;

  const matchCount = statistics.offices.filter((candidate) => matchesOfficeSearch(officeSearchText(candidate), query)).length;

  // Scannable on a phone: the office search first, then the figures shown (the country's, or the
  // chosen office's) in short, then the offices by province, closed; the trend, the method and
  // the audit checkpoints open on demand. All of it works without JavaScript (<details>, `?q=`).
  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead")}>
        <p className="text-slate-700">
          {t("period", { from: format.day(statistics.period.from), to: format.day(statistics.period.to) })}{" "}
          {t("updated", { updatedAt: format.instant(statistics.computedAt) })}
        </p>
      </PageIntro>

      {officeCode && !office ? <StatusNotice>{t("office.notFound")}</StatusNotice> : null}

      <section aria-label={t("offices.searchLabel")} className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <ClientMessages namespaces={["Transparency.offices"]}>
          <OfficeSearch initialQuery={query} initialCount={matchCount} listId={OFFICE_LIST_ID} />
        </ClientMessages>
      </section>

      <section aria-labelledby="figures-title" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <div>
          <h2 id="figures-title" className="text-xl font-semibold text-brand-900">
            {office ? office.name : t("national.title")}
          </h2>
          {office ? <p className="text-slate-700">{t("office.location", { city: office.city, province: office.province })}</p> : null}
        </div>
        <HeadlineFigures figures={shown.figures} format={format} />
        <p className="text-sm text-slate-700">{t("figures.rounded", { base: format.decimal(statistics.rules.roundingBase) })}</p>
        <details className="group rounded-lg border border-slate-200" open={office !== undefined}>
          <summary className="flex min-h-11 cursor-pointer list-none items-center justify-between gap-3 rounded-lg px-3 py-2 font-semibold text-brand-900 hover:bg-slate-50 [&::-webkit-details-marker]:hidden">
            <h3 className="text-lg">{t("trend.title")}</h3>
            <DisclosureMark />
          </summary>
          <div className="px-3 pb-3">
            <MonthlyTrend months={shown.months} format={format} />
          </div>
        </details>
        {office ? (
          <p>
            <Link href="/transparansi" className="font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900">
              {t("office.back")}
            </Link>
          </p>
        ) : null}
      </section>

      <section id="kantor" aria-labelledby="offices-title" className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="offices-title" className="text-xl font-semibold text-brand-900">
          {t("offices.title")}
        </h2>
        <div className="mt-3 space-y-3 text-slate-700">
          <p>{t("offices.lead")}</p>
          <OfficeList offices={statistics.offices} query={query} format={format} />
        </div>
      </section>

      <PublicIkmSection ikm={ikm} />

      <Method statistics={statistics} format={format} />

      <AuditCheckpoints document={checkpoints} />
    </div>
  );
}
