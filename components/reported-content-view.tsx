import { useFormatter, useTranslations } from "next-intl";

import type { ReportedContent } from "@/lib/reports/reported-content";

/**
 * What the reporter wrote (date, place, their account and the pungli details), for the holder of
 * the key: on the receipt and on the tracking page. No directive: it renders on the server from
 * the tracking page and in the browser from the receipt.
 */
export function ReportedContentView({ report, headingLevel = 2 }: { report: ReportedContent; headingLevel?: 2 | 3 }) {
  const t = useTranslations("ReportedContent");
  const format = useFormatter();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const rupiah = (amount: number | null) =>
    amount === null ? t("notGiven") : format.number(amount, { style: "currency", currency: "IDR", maximumFractionDigits: 0 });
  const answer = (value: boolean | null) => t(`answers.${value === null ? "unknown" : value ? "yes" : "no"}`);
  const pungli = report.pungli;

  return (
    <section aria-labelledby="reported-content" data-testid="reported-content" className="space-y-3 rounded-xl border border-slate-200 bg-white p-5 shadow-sm sm:p-6">
      <Heading id="reported-content" className="text-xl font-semibold text-brand-900">
        {t("title")}
      </Heading>
      <p className="text-sm text-slate-700">{t("onlyYou")}</p>
      <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
        <dt className="font-semibold text-slate-700">{t("incidentDate")}</dt>
        <dd className="text-slate-900">
          {report.incidentDate ? format.dateTime(new Date(`${report.incidentDate}T00:00:00Z`), { dateStyle: "long", timeZone: "UTC" }) : t("notGiven")}
        </dd>
        <dt className="font-semibold text-slate-700">{t("incidentPlace")}</dt>
        <dd className="break-words text-slate-900">{report.incidentPlace || t("notGiven")}</dd>
        {pungli ? (
          <>
            <dt className="font-semibold text-slate-700">{t("amountDemanded")}</dt>
            <dd className="text-slate-900">{rupiah(pungli.amountDemandedRupiah)}</dd>
            <dt className="font-semibold text-slate-700">{t("amountPaid")}</dt>
            <dd className="text-slate-900">{rupiah(pungli.amountPaidRupiah)}</dd>
            {pungli.officialFeeRupiah !== null ? (
              <>
                <dt className="font-semibold text-slate-700">{t("officialFee")}</dt>
                <dd className="text-slate-900">{rupiah(pungli.officialFeeRupiah)}</dd>
              </>
            ) : null}
            <dt className="font-semibold text-slate-700">{t("paymentMethod")}</dt>
            <dd className="text-slate-900">{pungli.paymentMethod ? t(`paymentMethods.${pungli.paymentMethod}`) : t("notGiven")}</dd>
            <dt className="font-semibold text-slate-700">{t("brokerInvolved")}</dt>
            <dd className="text-slate-900">{answer(pungli.brokerInvolved)}</dd>
            <dt className="font-semibold text-slate-700">{t("receiptGiven")}</dt>
            <dd className="text-slate-900">{answer(pungli.receiptGiven)}</dd>
            <dt className="font-semibold text-slate-700">{t("accusedDescription")}</dt>
            <dd className="break-words whitespace-pre-line text-slate-900">{pungli.accusedDescription || t("notGiven")}</dd>
          </>
        ) : null}
      </dl>
      <div>
        <h3 className="font-semibold text-slate-700">{t("description")}</h3>
        <p data-testid="reported-description" className="mt-1 break-words whitespace-pre-line text-slate-900">
          {report.description}
        </p>
      </div>
    </section>
  );
}
