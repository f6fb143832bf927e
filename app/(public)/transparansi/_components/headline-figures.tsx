import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

import type { PublicFigures } from "@/lib/transparency/types";

import type { FigureFormat } from "./public-figure";

function Figure({ label, value, note }: { label: string; value: ReactNode; note?: ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-slate-50 p-3 sm:p-4">
      <dt className="text-sm font-medium text-slate-700">{label}</dt>
      <dd className="mt-1 text-xl font-bold text-brand-900 sm:text-2xl">{value}</dd>
      {note ? <dd className="mt-1 text-sm text-slate-700">{note}</dd> : null}
    </div>
  );
}

function TooFew({ text }: { text: string }) {
  return <span className="text-sm font-semibold text-slate-700 sm:text-base">{text}</span>;
}

/** The four headline figures of the country or of one office. */
export async function HeadlineFigures({ figures, format }: { figures: PublicFigures; format: FigureFormat }) {
  const t = await getTranslations("Transparency.figures");
  const tooFew = <TooFew text={t("tooFew")} />;
  const { resolutionOnTimePercent, medianResolutionWorkingDays, satisfaction } = figures;

  return (
    // Two by two on a phone: the summary stays within about one screen.
    <dl className="grid grid-cols-2 gap-2 sm:gap-3 lg:grid-cols-4">
      <Figure label={t("received")} value={format.count(figures.received)} />
      <Figure
        label={t("onTime")}
        value={resolutionOnTimePercent === null ? tooFew : format.percent(resolutionOnTimePercent)}
        note={resolutionOnTimePercent === null ? undefined : t("onTimeNote")}
      />
      <Figure
        label={t("median")}
        value={medianResolutionWorkingDays === null ? tooFew : t("medianValue", { days: format.decimal(medianResolutionWorkingDays) })}
        note={medianResolutionWorkingDays === null ? undefined : t("medianNote")}
      />
      <Figure
        label={t("satisfaction")}
        value={satisfaction.averageScore === null ? tooFew : t("satisfactionValue", { score: format.decimal(satisfaction.averageScore) })}
        note={satisfaction.averageScore === null ? undefined : t("ratingsNote", { count: format.countText(satisfaction.ratings) })}
      />
    </dl>
  );
}
