import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { signOutStaff } from "@/lib/auth/sign-in-actions";
import { getStaffSession } from "@/lib/auth/session";
import { SessionKeepAlive } from "@/lib/auth/session-keep-alive";
import { countUnreadNotifications, NOTIFICATIONS_PATH } from "@/lib/notifications/inbox";

import { BrandLink } from "./brand-link";
import { LocaleSwitcher } from "./locale-switcher";

export async function StaffHeader() {
  const [t, account, notices, session] = await Promise.all([getTranslations("StaffHeader"), getTranslations("StaffAccountMenu"), getTranslations("Notifications"), getStaffSession()]);
  const actor = session.status === "signedOut" ? null : session.actor;
  const unread = session.status === "active" ? await countUnreadNotifications(session.actor) : null;

  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex items-center gap-3">
          <BrandLink />
          <span className="rounded-full bg-accent-50 px-2.5 py-0.5 text-sm font-semibold text-accent-800 print:hidden">{t("badge")}</span>
        </div>
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 print:hidden">
          {actor ? (
            <nav aria-label={account("label")} className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
              <SessionKeepAlive />
              <span className="text-slate-700">{account("signedInAs", { name: actor.name })}</span>
              {unread === null ? null : (
                <Link
                  href={NOTIFICATIONS_PATH}
                  aria-label={`${notices("headerLink")}: ${notices("headerUnread", { count: unread })}`}
                  className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900"
                >
                  {notices("headerLink")}
                  {unread > 0 ? (
                    <span data-testid="unread-count" className="ml-1 rounded-full bg-accent-700 px-1.5 py-0.5 text-xs font-semibold text-white no-underline">
                      {unread}
                    </span>
                  ) : null}
                </Link>
              )}
              <Link href="/dasbor/akun" className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900">
                {account("accountSecurity")}
              </Link>
              <form action={signOutStaff}>
                <button
                  type="submit"
                  className="rounded-md border border-brand-800 px-2.5 py-1 font-semibold text-brand-800 hover:bg-brand-50"
                >
                  {account("signOut")}
                </button>
              </form>
            </nav>
          ) : null}
          <LocaleSwitcher />
        </div>
      </div>
    </header>
  );
}
