import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

import { secondaryButtonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { requireStaff } from "@/lib/auth/session";
import { markNotificationReadAction } from "@/lib/notifications/actions";
import { listNotifications } from "@/lib/notifications/inbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Notifications");
  return { title: t("metaTitle") };
}

/** The signed-in person's notifications: the same events as their mails, newest first. */
export default async function NotificationsPage() {
  const actor = await requireStaff();
  const [items, t, format] = await Promise.all([listNotifications(actor), getTranslations("Notifications"), getFormatter()]);
  const hasUnread = items.some((item) => !item.isRead);

  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead")} />
      {hasUnread ? (
        <form action={markNotificationReadAction}>
          <button type="submit" className={secondaryButtonClassName}>
            {t("markAllRead")}
          </button>
        </form>
      ) : null}
      {items.length === 0 ? (
        <p className="text-slate-700">{t("empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-200 rounded-xl border border-slate-200 bg-white" data-testid="notification-list">
          {items.map((item) => (
            <li key={item.id} className={`flex flex-wrap items-center justify-between gap-3 px-4 py-3 ${item.isRead ? "" : "bg-brand-50"}`}>
              <div>
                <p className="font-medium text-slate-900">
                  {item.isRead ? null : <span className="mr-2 rounded-full bg-accent-50 px-2 py-0.5 text-xs font-semibold text-accent-800">{t("unread")}</span>}
                  {t(`kinds.${item.kind}`)}
                </p>
                <p className="text-sm text-slate-600">
                  <time dateTime={item.createdAt.toISOString()}>{format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                  {item.caseId && item.trackingCode ? (
                    <>
                      {" · "}
                      <Link href={`/dasbor/kasus/${item.caseId}`} className="font-medium text-brand-800 underline underline-offset-2">
                        {t("openCase", { code: item.trackingCode })}
                      </Link>
                    </>
                  ) : null}
                  {item.kind === "WEEKLY_DIGEST" ? (
                    <>
                      {" · "}
                      <Link href="/dasbor/statistik" className="font-medium text-brand-800 underline underline-offset-2">
                        {t("openStatistics")}
                      </Link>
                    </>
                  ) : null}
                </p>
              </div>
              {item.isRead ? null : (
                <form action={markNotificationReadAction}>
                  <input type="hidden" name="id" value={item.id} />
                  <button type="submit" className="text-sm font-medium text-brand-800 underline underline-offset-2">
                    {t("markRead")}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
