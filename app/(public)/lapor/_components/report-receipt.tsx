"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState } from "react";

import { formatFileSize } from "@/components/file-size";
import { buttonClassName, secondaryButtonClassName } from "@/components/form-styles";
import { ReportedContentView } from "@/components/reported-content-view";
import { useIsHydrated } from "@/components/use-is-hydrated";
import type { ReceiptAddress } from "@/lib/reports/receipt-address";
import { closeReceipt, openTrackingFromReceipt } from "@/lib/reports/receipt-actions";
import type { Receipt } from "@/lib/reports/receipt-details";

type ReportReceiptProps = {
  receipt: Receipt;
  categoryName: string;
  address: ReceiptAddress;
  /**
   * "online": the reporter's own receipt page (/lapor/tanda-terima), kept in the receipt cookie:
   * its downloads and buttons name nothing, the server reads the receipt from the cookie.
   * "desk": the receipt an officer prints at the complaint desk: the PDF form posts the code and
   * key (checked like the tracking page), and there is no tracking or closing here.
   */
  variant: "online" | "desk";
};

/**
 * The receipt: code and key, the ways to keep the key (PDF, text file, copy, print), where to
 * follow the report (the site's address and a QR code to the tracking page with the code filled
 * in, never the key), the summary, what was reported and the evidence. Printing shows the
 * receipt alone (data-print-alone, globals.css).
 */
export function ReportReceipt({ receipt, categoryName, address, variant }: ReportReceiptProps) {
  const t = useTranslations("Receipt");
  const format = useFormatter();
  const isHydrated = useIsHydrated();
  const fileSize = (bytes: number) => formatFileSize(format, bytes);

  return (
    <article aria-labelledby="receipt-title" className="max-w-3xl space-y-6" data-print-alone>
      <div className="space-y-3">
        <h1
          id="receipt-title"
          tabIndex={-1}
          autoFocus
          className="text-3xl font-bold tracking-tight text-balance text-brand-900 sm:text-4xl"
        >
          {t("title")}
        </h1>
        <p className="text-lg text-slate-700">{t("lead")}</p>
      </div>

      <section aria-labelledby="receipt-credentials" className="space-y-5 rounded-xl border-4 border-brand-800 bg-white p-5 sm:p-6">
        <h2 id="receipt-credentials" className="sr-only">
          {t("credentialsTitle")}
        </h2>
        <div>
          <p className="font-semibold text-slate-700">{t("trackingCode")}</p>
          <p data-testid="tracking-code" className="font-mono text-3xl font-bold tracking-wider text-brand-900 sm:text-4xl">
            {receipt.trackingCode}
          </p>
        </div>
        <div>
          <p className="font-semibold text-slate-700">{t("secretKey")}</p>
          {/* Groups of five digits, each kept whole with its dash, so a narrow screen wraps between groups. */}
          <p data-testid="secret-key" className="flex flex-wrap font-mono text-2xl font-bold tracking-wide text-brand-900 sm:text-3xl">
            {receipt.secretKey.split("-").map((group, index, groups) => (
              <span key={index} className="whitespace-nowrap">
                {group}
                {index < groups.length - 1 ? <span className="px-1 text-slate-500">-</span> : null}
              </span>
            ))}
          </p>
        </div>
        <div role="note" className="rounded-lg border-l-4 border-amber-600 bg-amber-50 p-4 text-slate-900">
          <p className="font-bold">{t("warning")}</p>
          <p className="mt-1">{t("warningHelp")}</p>
        </div>
      </section>

      <section aria-labelledby="receipt-keep" className="space-y-3 print:hidden">
        <h2 id="receipt-keep" className="text-xl font-semibold text-brand-900">
          {t("keepTitle")}
        </h2>
        {variant === "online" ? <p className="text-slate-700">{t("keepLead")}</p> : null}
        <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap">
          <form method="post" action="/lapor/tanda-terima/pdf">
            {variant === "desk" ? <DeskCredentials receipt={receipt} /> : null}
            <button type="submit" className={`${buttonClassName} w-full sm:w-auto`}>
              {t("downloadPdf")}
            </button>
          </form>
          {variant === "online" ? (
            <form method="post" action="/lapor/tanda-terima/teks">
              <button type="submit" className={`${secondaryButtonClassName} w-full sm:w-auto`}>
                {t("downloadText")}
              </button>
            </form>
          ) : null}
          {isHydrated && variant === "online" ? <CopyButton text={`${receipt.trackingCode}\n${receipt.secretKey}`} /> : null}
          {isHydrated ? (
            <button type="button" onClick={() => window.print()} className={`${secondaryButtonClassName} w-full sm:w-auto`}>
              {t("print")}
            </button>
          ) : null}
        </div>
        {isHydrated ? null : <p className="text-sm text-slate-700">{t("printWithoutScript")}</p>}
      </section>

      <section aria-labelledby="receipt-track" className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6 print:break-inside-avoid">
        <h2 id="receipt-track" className="text-xl font-semibold text-brand-900">
          {t("trackTitle")}
        </h2>
        <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
          <div
            role="img"
            aria-label={t("qrLabel", { code: receipt.trackingCode })}
            data-testid="receipt-qr"
            data-qr-payload={address.trackingUrl}
            className="w-44 shrink-0 border border-slate-300 bg-white [&>svg]:block [&>svg]:h-auto [&>svg]:w-full"
            // An SVG the server drew with the qrcode library from our own URL: markup, no script.
            dangerouslySetInnerHTML={{ __html: address.qrSvg }}
          />
          <div className="space-y-2">
            <p className="text-slate-700">{t("trackLead")}</p>
            <p>
              <span className="block font-semibold text-slate-700">{t("siteAddress")}</span>
              <span data-testid="site-address" className="font-mono break-all text-slate-900">
                {address.siteAddress}
              </span>
            </p>
            <p data-testid="tracking-url" className="font-mono text-sm break-all text-slate-700">
              {address.trackingUrl}
            </p>
          </div>
        </div>
        {variant === "online" ? (
          <form action={openTrackingFromReceipt} className="print:hidden">
            <button type="submit" className={`${buttonClassName} w-full sm:w-auto`}>
              {t("trackLink")}
            </button>
            <p className="mt-1 text-sm text-slate-700">{t("trackLinkHint")}</p>
          </form>
        ) : null}
      </section>

      <section aria-labelledby="receipt-summary" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="receipt-summary" className="text-xl font-semibold text-brand-900">
          {t("summaryTitle")}
        </h2>
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold text-slate-700">{t("filedAt")}</dt>
          <dd className="text-slate-900">{format.dateTime(new Date(receipt.filedAt), { dateStyle: "long", timeStyle: "short" })}</dd>
          <dt className="font-semibold text-slate-700">{t("kind")}</dt>
          <dd className="text-slate-900">{t(`kinds.${receipt.kind}`)}</dd>
          <dt className="font-semibold text-slate-700">{t("office")}</dt>
          <dd className="text-slate-900">{receipt.officeName}</dd>
          <dt className="font-semibold text-slate-700">{t("service")}</dt>
          <dd className="text-slate-900">{receipt.serviceName ?? t("noService")}</dd>
          <dt className="font-semibold text-slate-700">{t("category")}</dt>
          <dd className="text-slate-900">{categoryName}</dd>
          <dt className="font-semibold text-slate-700">{t("verificationDueAt")}</dt>
          <dd className="text-slate-900">
            {format.dateTime(new Date(receipt.verificationDueAt), { dateStyle: "long" })}
            <span className="block text-sm text-slate-700">{t("verificationNote")}</span>
          </dd>
        </dl>
      </section>

      <ReportedContentView report={receipt.report} />

      <section aria-labelledby="receipt-evidence" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
        <h2 id="receipt-evidence" className="text-xl font-semibold text-brand-900">
          {t("evidenceTitle")}
        </h2>
        {receipt.evidence.length === 0 ? (
          <p className="text-slate-700">{t("noEvidence")}</p>
        ) : (
          <>
            <p className="text-slate-700">{t("evidenceNote")}</p>
            <ul className="space-y-3">
              {receipt.evidence.map((file) => (
                <li key={file.sha256} className="rounded-lg bg-slate-50 p-3">
                  <p className="break-words">
                    <span className="font-medium text-slate-900">{file.fileName}</span>{" "}
                    <span className="text-slate-700">
                      ({t("size")}: {fileSize(file.sizeBytes)})
                    </span>
                  </p>
                  <p className="mt-1 text-sm text-slate-700">
                    {t("fingerprint")}:{" "}
                    <span data-testid="evidence-sha256" className="font-mono break-all text-slate-900">
                      {file.sha256}
                    </span>
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {variant === "online" ? (
        <section aria-labelledby="receipt-close" className="space-y-3 rounded-xl border-2 border-slate-300 bg-slate-50 p-5 sm:p-6 print:hidden">
          <h2 id="receipt-close" className="text-xl font-semibold text-brand-900">
            {t("closeTitle")}
          </h2>
          <p className="text-slate-700">{t("closeLead")}</p>
          <form action={closeReceipt}>
            <button type="submit" className={`${secondaryButtonClassName} w-full sm:w-auto`}>
              {t("closeButton")}
            </button>
          </form>
          <p>
            {/* A full page load on purpose: a new report needs a new submission id and an empty form. */}
            <a href="/lapor" className="font-medium text-brand-800 underline underline-offset-2">
              {t("newReport")}
            </a>
          </p>
        </section>
      ) : null}
    </article>
  );
}

/** The desk receipt's PDF form carries the code and key (in the POST body, never a URL). */
function DeskCredentials({ receipt }: { receipt: Receipt }) {
  return (
    <>
      <input type="hidden" name="trackingCode" value={receipt.trackingCode} />
      <input type="hidden" name="secretKey" value={receipt.secretKey} />
      <input type="hidden" name="locale" value={receipt.locale} />
    </>
  );
}

function CopyButton({ text }: { text: string }) {
  const t = useTranslations("Receipt");
  const [outcome, setOutcome] = useState<"copied" | "copyFailed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setOutcome("copied");
    } catch {
      setOutcome("copyFailed");
    }
  }
  return (
    <div>
      <button type="button" onClick={copy} className={`${secondaryButtonClassName} w-full sm:w-auto`}>
        {t("copy")}
      </button>
      <p role="status" className="mt-1 text-sm text-slate-700">
        {outcome ? t(outcome) : null}
      </p>
    </div>
  );
}
