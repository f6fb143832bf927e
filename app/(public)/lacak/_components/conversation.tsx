import { getFormatter, getTranslations } from "next-intl/server";

import type { TrackedCase } from "@/lib/reports/tracking";

import { EvidenceList } from "./evidence-list";

/**
 * The office's public replies and the reporter's own messages, oldest first. Each says who
 * wrote it in words, not only by colour and side.
 */
export async function Conversation({ trackedCase }: { trackedCase: TrackedCase }) {
  const [t, format] = await Promise.all([getTranslations("TrackedCase.conversation"), getFormatter()]);

  if (trackedCase.messages.length === 0) return <p className="text-slate-700">{t("empty")}</p>;

  return (
    <ol className="space-y-4">
      {trackedCase.messages.map((message) => {
        const isOffice = message.from === "office";
        return (
          <li
            key={message.id}
            data-testid={isOffice ? "office-message" : "reporter-message"}
            className={
              isOffice
                ? "mr-4 rounded-xl border-l-4 border-brand-700 bg-brand-50 p-4 sm:mr-16"
                : "ml-4 rounded-xl border-r-4 border-accent-700 bg-accent-50 p-4 sm:ml-16"
            }
          >
            <p className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
              <span className="font-semibold text-slate-900">
                {isOffice
                  ? message.authorName
                    ? t("fromSignedOfficer", { name: message.authorName, office: trackedCase.officeName })
                    : t("fromOffice", { office: trackedCase.officeName })
                  : t("fromYou")}
              </span>
              <time dateTime={message.createdAt} className="text-slate-700">
                {format.dateTime(new Date(message.createdAt), { dateStyle: "long", timeStyle: "short" })}
              </time>
            </p>
            <p className="mt-2 break-words whitespace-pre-line text-slate-900">{message.body}</p>
            {message.evidence.length > 0 ? (
              <div className="mt-3">
                <p className="text-sm font-semibold text-slate-800">{t("attachments")}</p>
                <EvidenceList evidence={message.evidence} isCompact />
              </div>
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
