import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";

import { buttonClassName } from "@/components/form-styles";
import { PageIntro } from "@/components/page-intro";
import { StatusNotice } from "@/components/status-notice";
import { stopNoticesAction } from "@/lib/notifications/public-actions";
import { readUnsubscribeToken } from "@/lib/notifications/unsubscribe";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Notifications.stop");
  return { title: t("metaTitle"), robots: { index: false, follow: false } };
}

type StopNoticesPageProps = { searchParams: Promise<{ token?: string | string[]; status?: string | string[] }> };

/** Where a notice's "stop" link leads: it asks first, so opening the link alone changes nothing. */
export default async function StopNoticesPage({ searchParams }: StopNoticesPageProps) {
  const [{ token, status }, t] = await Promise.all([searchParams, getTranslations("Notifications.stop")]);
  if (status === "stopped") return <PageIntro title={t("title")} lead={t("done")} />;
  const givenToken = typeof token === "string" ? token : "";
  const isValid = givenToken !== "" && readUnsubscribeToken(givenToken) !== null;
  return (
    <div className="space-y-6">
      <PageIntro title={t("title")} lead={t("lead")}>
        {!isValid || status === "invalid" ? <StatusNotice>{t("invalid")}</StatusNotice> : null}
      </PageIntro>
      {isValid ? (
        <form action={stopNoticesAction}>
          <input type="hidden" name="token" value={givenToken} />
          <button type="submit" className={buttonClassName}>
            {t("confirm")}
          </button>
        </form>
      ) : null}
    </div>
  );
}
