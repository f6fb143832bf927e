import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";

import { PageIntro } from "@/components/page-intro";
import { requireAdmin } from "@/lib/admin/guard";
import { getMailLog } from "@/lib/notifications/mail-log";
import { describeMailDestination } from "@/lib/notifications/mailer";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Notifications.mailLog");
  return { title: t("metaTitle") };
}

/** Where mails go, and the ones that failed or bounced. */
export default async function MailLogPage() {
  const actor = await requireAdmin();
  const [log, t, kinds, format] = await Promise.all([getMailLog(actor), getTranslations("Notifications.mailLog"), getTranslations("Notifications.kinds"), getFormatter()]);
  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead")} />
      <p className="text-slate-700">{t("destination", { destination: describeMailDestination() })}</p>
      <p className="text-slate-700" data-testid="mail-counts">
        {t("counts", log.counts)}
      </p>
      {log.problems.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="min-w-full divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white text-sm">
            <thead className="bg-slate-50 text-left">
              <tr>
                <th scope="col" className="px-3 py-2">{t("created")}</th>
                <th scope="col" className="px-3 py-2">{t("kind")}</th>
                <th scope="col" className="px-3 py-2">{t("recipient")}</th>
                <th scope="col" className="px-3 py-2">{t("status")}</th>
                <th scope="col" className="px-3 py-2">{t("attempts")}</th>
                <th scope="col" className="px-3 py-2">{t("error")}</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {log.problems.map((problem) => (
                <tr key={problem.id}>
                  <td className="px-3 py-2">{format.dateTime(problem.createdAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                  <td className="px-3 py-2">{kinds(problem.kind)}</td>
                  <td className="px-3 py-2">{problem.staffName ?? t("reporter")}</td>
                  <td className="px-3 py-2">{problem.status}</td>
                  <td className="px-3 py-2">{problem.attempts}</td>
                  <td className="px-3 py-2 break-all">{problem.lastError}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
