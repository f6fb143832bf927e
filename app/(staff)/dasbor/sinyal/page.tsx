import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";

import { PageIntro } from "@/components/page-intro";
import { canSeeAccusedGroups } from "@/lib/accused/access";
import { findAccusedGroups } from "@/lib/accused/groups";
import { requireStaff } from "@/lib/auth/session";

import { groupSummary } from "./group-summary";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("AccusedGroups");
  return { title: t("metaTitle") };
}

/**
 * The repeated-accused groups of the supervisor's scope; officers get a 404 (the data layer refuses
 * them too). Group links are not prefetched: opening a group is audited, and a prefetch is not an
 * opening.
 */
export default async function AccusedGroupsPage() {
  const actor = await requireStaff();
  if (!canSeeAccusedGroups(actor)) notFound();
  const [t, format, list] = await Promise.all([getTranslations("AccusedGroups"), getFormatter(), findAccusedGroups(actor)]);

  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead", { days: list.settings.windowDays, minReports: list.settings.minReports })} />
      {list.truncated ? <p role="status" className="rounded-lg border border-amber-300 bg-amber-50 p-3">{t("truncated", { count: list.settings.maxCases })}</p> : null}
      {list.groups.length === 0 ? (
        <p role="status" className="rounded-xl border border-dashed border-slate-400 bg-white p-6">
          {t("empty", { days: list.settings.windowDays })}
        </p>
      ) : (
        <ul className="space-y-3">
          {list.groups.map((group) => (
            <li key={group.key} className="rounded-xl border border-slate-300 bg-white p-4">
              <Link href={`/dasbor/sinyal/${group.key}`} prefetch={false} className="text-lg font-semibold text-brand-800 underline">
                {groupSummary(t, group)}
              </Link>
              <p className="mt-1 text-sm text-slate-700">
                {t("offices", { offices: group.officeIds.map((id) => list.officeNames[id] ?? String(id)).join(", ") })} ·{" "}
                {t("between", { first: format.dateTime(group.firstReceivedAt, { dateStyle: "medium", timeZone: "Asia/Jakarta" }), last: format.dateTime(group.lastReceivedAt, { dateStyle: "medium", timeZone: "Asia/Jakarta" }) })}
              </p>
            </li>
          ))}
        </ul>
      )}
      <p className="max-w-3xl text-sm text-slate-600">{t("method", { similarity: Math.round(list.settings.similarity * 100) })}</p>
    </div>
  );
}
