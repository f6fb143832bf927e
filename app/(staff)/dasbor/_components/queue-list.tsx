import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";

import type { QueueCase } from "@/lib/cases/queue";

import { DeadlineBadge, EscalatedBadge, ObjectedBadge, StatusBadge } from "./case-badges";

/**
 * The queue's cases: a table on wide screens, a list of cards on phones (a wide table would
 * scroll sideways at 360 px). Both are rendered; CSS shows one, and the hidden one is hidden
 * from assistive technology too (display: none).
 */
export async function QueueList({ cases, showOffice }: { cases: QueueCase[]; showOffice: boolean }) {
  const [t, labels, format, locale] = await Promise.all([getTranslations("CaseQueue"), getTranslations("CaseLabels"), getFormatter(), getLocale()]);
  if (cases.length === 0) return <p className="rounded-xl border border-dashed border-slate-300 bg-white p-6 text-slate-700">{t("empty")}</p>;

  const day = (date: Date) => format.dateTime(date, { day: "numeric", month: "short", year: "numeric" });
  const subjectOf = (item: QueueCase) => {
    const category = locale === "en" ? item.category.nameEn : item.category.nameId;
    const service = item.service ? (locale === "en" ? item.service.nameEn : item.service.nameId) : null;
    return service ? `${category} · ${service}` : category;
  };
  const rowAccent = (item: QueueCase) => (item.deadlineState === "OVERDUE" ? "border-l-4 border-l-red-700" : item.deadlineState === "DUE_SOON" ? "border-l-4 border-l-amber-500" : "border-l-4 border-l-transparent");

  return (
    <>
      <div className="hidden overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm md:block">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{t("table.caption", { count: cases.length })}</caption>
          <thead className="bg-slate-100 text-slate-900">
            <tr>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("table.code")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("table.subject")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("table.status")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("table.deadline")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {t("table.received")}
              </th>
              <th scope="col" className="px-3 py-2 font-semibold">
                {showOffice ? `${t("table.assignee")} / ${t("table.office")}` : t("table.assignee")}
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-200">
            {cases.map((item) => (
              <tr key={item.id} className={`align-top ${rowAccent(item)}`}>
                <th scope="row" className="px-3 py-3 font-normal">
                  <Link href={`/dasbor/kasus/${item.id}`} className="font-mono font-semibold whitespace-nowrap text-brand-800 underline underline-offset-2">
                    {item.trackingCode}
                  </Link>
                  <span className="mt-1 block text-xs text-slate-700">
                    {labels(`kind.${item.kind}`)} · {labels(`channel.${item.channel}`)}
                  </span>
                </th>
                <td className="max-w-xs px-3 py-3">
                  <span className="font-medium text-slate-900">{subjectOf(item)}</span>
                  <span className="mt-1 line-clamp-2 block text-slate-700">{item.excerpt}</span>
                </td>
                <td className="px-3 py-3">
                  <StatusBadge status={item.status} />
                </td>
                <td className="px-3 py-3">
                  <div className="flex flex-col items-start gap-1">
                    <DeadlineBadge state={item.deadlineState} />
                    {item.isEscalated ? <EscalatedBadge /> : null}
                    {item.isObjected ? <ObjectedBadge /> : null}
                    {item.deadlineState !== "CLOSED" ? <span className="text-xs whitespace-nowrap text-slate-700">{day(item.dueAt)}</span> : null}
                  </div>
                </td>
                <td className="px-3 py-3 whitespace-nowrap text-slate-800">{day(item.receivedAt)}</td>
                <td className="px-3 py-3 text-slate-800">
                  {item.assignee?.name ?? <span className="text-slate-600 italic">{labels("unassigned")}</span>}
                  {showOffice ? <span className="mt-1 block text-xs text-slate-700">{item.officeName}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <ul className="space-y-3 md:hidden" aria-label={t("table.caption", { count: cases.length })}>
        {cases.map((item) => (
          <li key={item.id} className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm ${rowAccent(item)}`}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={`/dasbor/kasus/${item.id}`} className="font-mono text-base font-semibold text-brand-800 underline underline-offset-2">
                {item.trackingCode}
              </Link>
              <StatusBadge status={item.status} />
            </div>
            <p className="mt-2 font-medium text-slate-900">{subjectOf(item)}</p>
            <p className="mt-1 line-clamp-2 text-sm text-slate-700">{item.excerpt}</p>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <DeadlineBadge state={item.deadlineState} />
              {item.isEscalated ? <EscalatedBadge /> : null}
                    {item.isObjected ? <ObjectedBadge /> : null}
            </div>
            <dl className="mt-3 grid grid-cols-1 gap-1 text-sm text-slate-800">
              {item.deadlineState !== "CLOSED" ? (
                <div>
                  <dt className="sr-only">{t("table.deadline")}</dt>
                  <dd>{t("dueOn", { date: day(item.dueAt) })}</dd>
                </div>
              ) : null}
              <div>
                <dt className="sr-only">{t("table.received")}</dt>
                <dd>{t("receivedOn", { date: day(item.receivedAt) })}</dd>
              </div>
              <div>
                <dt className="sr-only">{t("table.assignee")}</dt>
                <dd>
                  {labels(`kind.${item.kind}`)} · {item.assignee?.name ?? labels("unassigned")}
                  {showOffice ? ` · ${item.officeName}` : ""}
                </dd>
              </div>
            </dl>
          </li>
        ))}
      </ul>
    </>
  );
}
