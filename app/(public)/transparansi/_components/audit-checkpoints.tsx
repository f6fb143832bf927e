import { getTranslations } from "next-intl/server";

import type { CheckpointsDocument } from "@/lib/audit/checkpoints";

import { CollapsibleSection } from "./collapsible-section";

/** The audit chain's signed daily checkpoints: what they prove, the public key, the latest ones and the download. */
export async function AuditCheckpoints({ document }: { document: CheckpointsDocument }) {
  const t = await getTranslations("Transparency.checkpoints");
  return (
    <CollapsibleSection title={t("title")} testId="transparency-checkpoints">
      <p>{t("lead")}</p>
      <p>{t("howToCheck")}</p>
      <p>
        {t("publicKey")} <code className="break-all rounded bg-slate-100 px-1 font-mono text-sm text-slate-900">{document.publicKey}</code>
      </p>
      {document.checkpoints.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">{t("caption")}</caption>
            <thead>
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-3 font-semibold">{t("day")}</th>
                <th scope="col" className="py-2 pr-3 font-semibold">{t("sequence")}</th>
                <th scope="col" className="py-2 font-semibold">{t("headHash")}</th>
              </tr>
            </thead>
            <tbody>
              {document.checkpoints.map((checkpoint) => (
                <tr key={checkpoint.day} className="border-b border-slate-100 align-top">
                  <td className="py-2 pr-3 whitespace-nowrap">{checkpoint.day}</td>
                  <td className="py-2 pr-3">{checkpoint.sequence}</td>
                  <td className="py-2 font-mono text-xs break-all">{checkpoint.headHash}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p>
        <a href="/transparansi/checkpoints.json" download className="font-semibold text-brand-800 underline underline-offset-2 hover:text-brand-900">
          {t("download")}
        </a>
      </p>
    </CollapsibleSection>
  );
}
