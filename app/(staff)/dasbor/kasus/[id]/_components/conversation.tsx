import { getFormatter, getTranslations } from "next-intl/server";

import type { CaseDetail } from "@/lib/cases/case-detail";

import { MESSAGE_KIND_ICONS } from "./message-kind-icons";

/**
 * The conversation: the reporter's messages, public replies (the reporter reads them on /lacak)
 * and internal notes (never shown to the reporter). Each kind has its own label, colour, icon and
 * side, so no one can mistake a note for a reply.
 */

const STYLES = {
  REPORTER_MESSAGE: { box: "border-slate-300 bg-white sm:mr-10", label: "text-slate-900", icon: MESSAGE_KIND_ICONS.REPORTER_MESSAGE },
  PUBLIC_REPLY: {
    box: "border-sky-300 bg-sky-50 sm:ml-10",
    label: "text-sky-950",
    icon: MESSAGE_KIND_ICONS.PUBLIC_REPLY,
  },
  INTERNAL_NOTE: {
    box: "border-amber-400 border-dashed bg-amber-50 sm:ml-10",
    label: "text-amber-950",
    icon: MESSAGE_KIND_ICONS.INTERNAL_NOTE,
  },
} as const;

export async function Conversation({ detail }: { detail: CaseDetail }) {
  const [t, format] = await Promise.all([getTranslations("CasePage.conversation"), getFormatter()]);
  const kindLabel = { REPORTER_MESSAGE: t("reporterMessage"), PUBLIC_REPLY: t("publicReply"), INTERNAL_NOTE: t("internalNote") } as const;

  if (detail.messages.length === 0) return <p className="text-slate-700">{t("empty")}</p>;
  return (
    <ol className="space-y-3">
      {detail.messages.map((message) => {
        const style = STYLES[message.kind];
        const author = message.author?.name;
        return (
          <li key={message.id} className={`rounded-xl border-2 p-3 ${style.box}`}>
            <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
              <svg aria-hidden="true" viewBox="0 0 20 20" className={`size-5 shrink-0 fill-current ${style.label}`}>
                <path fillRule="evenodd" clipRule="evenodd" d={style.icon} />
              </svg>
              <span className={`font-bold ${style.label}`}>{kindLabel[message.kind]}</span>
              {message.kind === "PUBLIC_REPLY" ? (
                <span className="text-sky-950">
                  — {t("publicHint")}; {message.isSigned && author ? t("signed", { name: author }) : `${t("unsigned")}${author ? ` (${t("by", { name: author })})` : ""}`}
                </span>
              ) : null}
              {message.kind === "INTERNAL_NOTE" ? (
                <span className="text-amber-950">
                  — {t("internalHint")}
                  {author ? `; ${t("by", { name: author })}` : ""}
                </span>
              ) : null}
              <time dateTime={message.createdAt.toISOString()} className="text-slate-700 sm:ml-auto">
                {format.dateTime(message.createdAt, { dateStyle: "medium", timeStyle: "short" })}
              </time>
            </div>
            <p className="mt-2 break-words whitespace-pre-line text-slate-900">{message.body}</p>
          </li>
        );
      })}
    </ol>
  );
}
