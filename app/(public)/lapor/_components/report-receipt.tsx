"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";

import { formatFileSize } from "@/components/file-size";
import { buttonClassName, secondaryButtonClassName } from "@/components/form-styles";
import { useIsHydrated } from "@/components/use-is-hydrated";
import type { Receipt } from "@/lib/reports/actions";
import type { CategoryOption } from "@/lib/reports/lookups";

/** Printing a receipt prints the receipt alone: no site header, footer or buttons. */
/**
 * The receipt, shown once in place of the form. The secret key exists nowhere else: only its
 * hash is stored. It leaves this page only through the PDF download, a POST form, so it never
 * enters a URL.
 */
export function ReportReceipt({ receipt, categories }: { receipt: Receipt; categories: CategoryOption[] }) {
  const t = useTranslations("Receipt");
  const format = useFormatter();
  const isHydrated = useIsHydrated();
  const categoryName = categories.find((category) => category.code === receipt.categoryCode)?.name ?? receipt.categoryCode;
  const fileSize = (bytes: number) => formatFileSize(format, bytes);

  return (
    // data-print-alone: printing shows the receipt without the site's header and footer (globals.css).
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

      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap print:hidden">
        <form method="post" action="/lapor/tanda-terima/pdf">
          <input type="hidden" name="trackingCode" value={receipt.trackingCode} />
          <input type="hidden" name="secretKey" value={receipt.secretKey} />
          <input type="hidden" name="locale" value={receipt.locale} />
          <button type="submit" className={`${buttonClassName} w-full sm:w-auto`}>
            {t("downloadPdf")}
          </button>
        </form>
        {isHydrated ? (
          <button type="button" onClick={() => window.print()} className={`${secondaryButtonClassName} w-full sm:w-auto`}>
            {t("print")}
          </button>
        ) : null}
        <Link href="/lacak" className={`${secondaryButtonClassName} w-full sm:w-auto`}>
          {t("trackLink")}
        </Link>
      </div>

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
                    <span className="text-slate-700">({fileSize(file.sizeBytes)})</span>
                  </p>
                  <p className="mt-1 text-sm text-slate-700">
                    SHA-256: <span className="font-mono break-all text-slate-900">{file.sha256}</span>
                  </p>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <p className="print:hidden">
        {/* A full page load on purpose: a new report needs a new submission id and an empty form. */}
        <a href="/lapor" className="font-medium text-brand-800 underline underline-offset-2">
          {t("newReport")}
        </a>
      </p>
    </article>
  );
}
