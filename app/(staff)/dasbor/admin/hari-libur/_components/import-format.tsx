import { getTranslations } from "next-intl/server";

/** The CSV format and what an import replaces, next to the upload (lib/holidays/csv-import.ts and import-plan.ts). */
export async function ImportFormat({ year }: { year: number }) {
  const t = await getTranslations("AdminHolidays.import");
  const example = [
    "date,name_id,name_en,kind,source,province,office_code",
    `${year}-01-01,Tahun Baru ${year} Masehi,New Year's Day ${year},libur_nasional,SKB 3 Menteri,,`,
    `${year}-12-24,Cuti Bersama Hari Raya Natal,Collective leave for Christmas,cuti_bersama,SKB 3 Menteri,,`,
    `${year}-03-09,Hari Suci Nyepi (daerah),Nyepi (regional),libur_daerah,Pergub,Bali,`,
  ].join("\n");
  return (
    <details className="rounded-lg border border-slate-200 p-3">
      <summary className="cursor-pointer font-semibold text-brand-800">{t("formatTitle")}</summary>
      <div className="mt-3 space-y-2">
        <p>{t("formatIntro")}</p>
        <p>{t("formatColumns", { year })}</p>
        <p>{t("formatReplace", { year })}</p>
        <p>{t("formatErrors")}</p>
        <p className="font-semibold">{t("example")}</p>
        <pre className="overflow-x-auto rounded bg-slate-100 p-3 text-sm text-slate-900">{example}</pre>
      </div>
    </details>
  );
}
