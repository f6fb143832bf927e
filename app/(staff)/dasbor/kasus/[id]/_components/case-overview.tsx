import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import type { CaseDetail } from "@/lib/cases/case-detail";

import { DeadlineBadge, EscalatedBadge, StatusBadge } from "../../../_components/case-badges";

const sectionClassName = "rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5";
const headingClassName = "text-xl font-semibold text-brand-900";

/** The deadline, as the officer must read it: what is due, by when, and whether the clock runs. */
export async function DeadlinePanel({ detail }: { detail: CaseDetail }) {
  const [t, labels, format] = await Promise.all([getTranslations("CasePage.deadline"), getTranslations("CaseLabels"), getFormatter()]);
  const day = (date: Date) => format.dateTime(date, { weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const { deadline } = detail;
  return (
    <section aria-labelledby="case-deadline-title" className={sectionClassName}>
      <h2 id="case-deadline-title" className="text-lg font-semibold text-brand-900">
        {t("title")}
      </h2>
      <div className="mt-2 flex flex-wrap gap-2">
        <DeadlineBadge state={deadline.state} />
        {detail.isEscalated ? <EscalatedBadge /> : null}
      </div>
      <div className="mt-3 space-y-2 text-slate-800">
        {deadline.state === "CLOSED" ? (
          detail.closedAt ? <p>{t("closed", { date: day(detail.closedAt) })}</p> : null
        ) : deadline.state === "PAUSED" && detail.clockPausedAt ? (
          <p>{t("paused", { date: day(detail.clockPausedAt), days: deadline.currentPauseWorkingDays, projected: day(deadline.projectedDueAt) })}</p>
        ) : (
          <p className="font-semibold">{t(deadline.kind, { date: day(deadline.dueAt) })}</p>
        )}
        {detail.pausedWorkingDays > 0 ? <p className="text-sm">{t("pausedTotal", { days: detail.pausedWorkingDays })}</p> : null}
        <p className="text-sm">{t("tier", { tier: labels(`tier.${detail.deadlineTier}`) })}</p>
        {deadline.yearsWithoutHolidays.length > 0 ? (
          <p role="note" className="rounded-lg border border-amber-300 bg-amber-50 p-2 text-sm text-amber-950">
            {t("holidayWarning", { years: deadline.yearsWithoutHolidays.join(", ") })}
          </p>
        ) : null}
      </div>
    </section>
  );
}

export async function CaseHeading({ detail }: { detail: CaseDetail }) {
  const [t, labels, format] = await Promise.all([getTranslations("CasePage"), getTranslations("CaseLabels"), getFormatter()]);
  return (
    <div className="space-y-3">
      <h1 className="text-3xl font-bold tracking-tight text-brand-900">
        {t("title", { code: detail.trackingCode })}
      </h1>
      <p className="text-slate-700">
        {t("summary", {
          kind: labels(`kind.${detail.kind}`),
          channel: labels(`channel.${detail.channel}`),
          date: format.dateTime(detail.receivedAt, { dateStyle: "long", timeStyle: "short" }),
        })}
      </p>
      <div className="flex flex-wrap gap-2">
        <StatusBadge status={detail.status} />
        <DeadlineBadge state={detail.deadline.state} />
        {detail.isEscalated && detail.escalatedAt ? (
          <span className="inline-flex items-center rounded-full bg-red-700 px-2.5 py-0.5 text-sm font-semibold text-white">
            {t("escalatedBadge", { date: format.dateTime(detail.escalatedAt, { dateStyle: "medium" }) })}
          </span>
        ) : null}
      </div>
    </div>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="grid gap-1 border-b border-slate-100 py-2 last:border-b-0 sm:grid-cols-[12rem_1fr] sm:gap-4">
      <dt className="font-semibold text-slate-900">{label}</dt>
      <dd className="min-w-0 break-words text-slate-800">{children}</dd>
    </div>
  );
}

/** Everything the reporter sent, and for pungli the official fee against what was asked. */
export async function ReportDetails({ detail }: { detail: CaseDetail }) {
  const [t, labels, format, locale] = await Promise.all([getTranslations("CasePage"), getTranslations("CaseLabels"), getFormatter(), getLocale()]);
  const rupiah = (amount: number | null) => (amount == null ? labels("notGiven") : format.number(amount, { style: "currency", currency: "IDR", maximumFractionDigits: 0 }));
  const triState = (value: boolean | null) => (value == null ? labels("unknown") : value ? labels("yes") : labels("no"));
  const name = (item: { nameId: string; nameEn: string }) => (locale === "en" ? item.nameEn : item.nameId);

  return (
    <>
      <section aria-labelledby="case-report-title" className={sectionClassName}>
        <h2 id="case-report-title" className={headingClassName}>
          {t("report.title")}
        </h2>
        <dl className="mt-3">
          <Row label={t("report.description")}>
            <p className="whitespace-pre-line">{detail.description}</p>
          </Row>
          <Row label={t("report.office")}>{detail.officeName}</Row>
          <Row label={t("report.service")}>{detail.service ? name(detail.service) : t("report.noService")}</Row>
          <Row label={t("report.category")}>{name(detail.category)}</Row>
          <Row label={t("report.incidentDate")}>{detail.incidentDate ? format.dateTime(detail.incidentDate, { dateStyle: "long", timeZone: "UTC" }) : labels("notGiven")}</Row>
          <Row label={t("report.incidentPlace")}>{detail.incidentPlace ?? labels("notGiven")}</Row>
          <Row label={t("report.reporter")}>{labels(`reporterMode.${detail.reporterMode}`)}</Row>
          {detail.intakeBy ? <Row label={t("report.intakeBy")}>{`${detail.intakeBy.name} (${labels(`channel.${detail.channel}`)})`}</Row> : null}
          <Row label={t("report.assignee")}>{detail.assignee?.name ?? labels("unassigned")}</Row>
          {detail.rejectionReason ? <Row label={t("report.rejectionReason")}>{detail.rejectionReason}</Row> : null}
          {detail.forwardedTo ? <Row label={t("report.forwardedTo")}>{labels(`forwardTarget.${detail.forwardedTo}`)}</Row> : null}
          {detail.forwardNote ? <Row label={t("report.forwardNote")}>{detail.forwardNote}</Row> : null}
        </dl>
      </section>

      {detail.kind === "PUNGLI" ? (
        <section aria-labelledby="case-pungli-title" className={`${sectionClassName} border-l-4 border-l-red-700`}>
          <h2 id="case-pungli-title" className={headingClassName}>
            {t("pungli.title")}
          </h2>
          <dl className="mt-3">
            <Row label={t("pungli.officialFee")}>{rupiah(detail.officialFeeRupiah)}</Row>
            <Row label={t("pungli.amountDemanded")}>{rupiah(detail.amountDemandedRupiah)}</Row>
            <Row label={t("pungli.amountPaid")}>{rupiah(detail.amountPaidRupiah)}</Row>
            <Row label={t("pungli.difference")}>
              <span className={detail.feeDifferenceRupiah && detail.feeDifferenceRupiah > 0 ? "font-bold text-red-800" : undefined}>{rupiah(detail.feeDifferenceRupiah)}</span>
            </Row>
            <Row label={t("pungli.paymentMethod")}>{detail.paymentMethod ? labels(`paymentMethod.${detail.paymentMethod}`) : labels("notGiven")}</Row>
            <Row label={t("pungli.brokerInvolved")}>{triState(detail.brokerInvolved)}</Row>
            <Row label={t("pungli.receiptGiven")}>{triState(detail.receiptGiven)}</Row>
            <Row label={t("pungli.accused")}>
              <p className="whitespace-pre-line">{detail.accusedDescription ?? labels("notGiven")}</p>
            </Row>
          </dl>
        </section>
      ) : null}
    </>
  );
}

export async function EvidenceList({ detail }: { detail: CaseDetail }) {
  const [t, format] = await Promise.all([getTranslations("CasePage.evidence"), getFormatter()]);
  const size = (bytes: number) => (bytes >= 1024 * 1024 ? `${format.number(bytes / (1024 * 1024), { maximumFractionDigits: 1 })} MB` : `${format.number(Math.ceil(bytes / 1024))} KB`);
  return (
    <section aria-labelledby="case-evidence-title" className={sectionClassName}>
      <h2 id="case-evidence-title" className={headingClassName}>
        {t("title")}
      </h2>
      {detail.attachments.length === 0 ? (
        <p className="mt-2 text-slate-700">{t("empty")}</p>
      ) : (
        <>
          <p className="mt-1 text-sm text-slate-700">{t("note")}</p>
          <ul className="mt-3 space-y-3">
            {detail.attachments.map((file) => (
              <li key={file.id} className="rounded-lg border border-slate-200 p-3">
                <a href={`/api/bukti/${file.id}`} download className="font-semibold break-all text-brand-800 underline underline-offset-2">
                  {t("download", { name: file.fileName })}
                </a>
                <p className="mt-1 text-sm text-slate-700">
                  {t("meta", { type: file.mediaType, size: size(file.sizeBytes), date: format.dateTime(file.createdAt, { dateStyle: "medium", timeStyle: "short" }) })} ·{" "}
                  {file.uploadedBy === "REPORTER" ? t("fromReporter") : t("fromStaff")}
                </p>
                <p className="mt-1 font-mono text-xs break-all text-slate-700">{t("sha256", { hash: file.sha256 })}</p>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
