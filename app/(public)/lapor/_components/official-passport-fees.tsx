import { getFormatter, getTranslations } from "next-intl/server";
import { SectionCard } from "@/components/section-card";

// The most requested services and their state fee (tarif PNBP) under PP 45/2024,
// copied from data/immigration-services-fees.csv (codes in comments). This static
// list only serves the placeholder page until fees are read from the database.
const passportFees = [
  { service: "ePassportFiveYears", amountInRupiah: 650_000 }, // paspor-el-5th
  { service: "ePassportTenYears", amountInRupiah: 950_000 }, // paspor-el-10th
  { service: "passportFiveYears", amountInRupiah: 350_000 }, // paspor-biasa-nonel-5th
  { service: "passportTenYears", amountInRupiah: 650_000 }, // paspor-biasa-nonel-10th
  { service: "sameDayService", amountInRupiah: 1_000_000 }, // percepatan-paspor
] as const;

const officialFeeListUrl = "https://imigrasi.go.id/biaya_imigrasi";

export async function OfficialPassportFees() {
  const [t, format] = await Promise.all([getTranslations("ReportPage.fees"), getFormatter()]);

  return (
    <SectionCard title={t("title")}>
      <p>{t("intro")}</p>
      <table className="w-full border-collapse text-left">
        <thead>
          <tr className="border-b-2 border-slate-300 text-sm text-slate-600">
            <th scope="col" className="py-2 pr-3 font-semibold">
              {t("serviceColumn")}
            </th>
            <th scope="col" className="py-2 text-right font-semibold">
              {t("feeColumn")}
            </th>
          </tr>
        </thead>
        <tbody>
          {passportFees.map(({ service, amountInRupiah }) => (
            <tr key={service} className="border-b border-slate-200">
              <th scope="row" className="py-2.5 pr-3 font-normal text-slate-800">
                {t(`services.${service}`)}
              </th>
              <td className="py-2.5 text-right font-semibold whitespace-nowrap text-slate-900 tabular-nums">
                {format.number(amountInRupiah, { style: "currency", currency: "IDR", maximumFractionDigits: 0 })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>{t("payment")}</p>
      <p>
        {t.rich("fullList", {
          link: (chunks) => (
            <a href={officialFeeListUrl} className="font-medium text-brand-800 underline underline-offset-2">
              {chunks}
            </a>
          ),
        })}
      </p>
    </SectionCard>
  );
}
