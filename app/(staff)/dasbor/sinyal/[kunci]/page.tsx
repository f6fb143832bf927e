import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";

import { PageIntro } from "@/components/page-intro";
import { canSeeAccusedGroups } from "@/lib/accused/access";
import { openAccusedGroup } from "@/lib/accused/groups";
import { requireStaff } from "@/lib/auth/session";

import { groupSummary } from "../group-summary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccusedGroups");
  return { title: t("metaTitle") };
}

/** One group with links to its cases. Opening it is audited (ACCUSED_GROUP_OPENED). */
export default async function AccusedGroupPage({ params }: { params: Promise<{ kunci: string }> }) {
  const actor = await requireStaff();
  if (!canSeeAccusedGroups(actor)) notFound();
  const { kunci } = await params;
  if (!/^[0-9a-f]{24}$/.test(kunci)) notFound();
  const [t, format, locale, opened] = await Promise.all([getTranslations("AccusedGroups"), getFormatter(), getLocale(), openAccusedGroup(actor, kunci)]);

  if (!opened) {
    return (
      <div className="space-y-4">
        <PageIntro title={t("goneTitle")} lead={t("goneBody")} />
        <Link href="/dasbor/sinyal" className="font-semibold text-brand-800 underline">
          {t("back")}
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-6">
      <PageIntro title={groupSummary(t, opened.group)} lead={t("openedNote")} />
      <table className="w-full text-left">
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2 pr-3">{t("columns.case")}</th>
            <th scope="col" className="py-2 pr-3">{t("columns.received")}</th>
            <th scope="col" className="py-2 pr-3">{t("columns.office")}</th>
            <th scope="col" className="py-2 pr-3">{t("columns.place")}</th>
            <th scope="col" className="py-2">{t("columns.accused")}</th>
          </tr>
        </thead>
        <tbody>
          {opened.cases.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top">
              <td className="py-2 pr-3">
                <Link href={`/dasbor/kasus/${row.id}`} className="font-mono font-semibold text-brand-800 underline">
                  {row.trackingCode}
                </Link>
              </td>
              <td className="py-2 pr-3">{format.dateTime(row.receivedAt, { dateStyle: "medium", timeZone: "Asia/Jakarta" })}</td>
              <td className="py-2 pr-3">
                {row.officeName}
                {row.serviceNameId ? <span className="block text-sm text-slate-600">{locale === "en" ? row.serviceNameEn : row.serviceNameId}</span> : null}
              </td>
              <td className="py-2 pr-3 break-words">{row.incidentPlace ?? "–"}</td>
              <td className="py-2 break-words">{row.accusedDescription ?? "–"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Link href="/dasbor/sinyal" className="font-semibold text-brand-800 underline">
        {t("back")}
      </Link>
    </div>
  );
}
