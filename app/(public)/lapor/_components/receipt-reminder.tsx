import Link from "next/link";
import { getTranslations } from "next-intl/server";

import { readKeptReceipt } from "@/lib/reports/receipt-session";

/**
 * On the report form, while this browser still keeps a receipt (Back from the receipt page, or
 * the form opened again): a way back to it, so the key is never lost by going back.
 */
export async function ReceiptReminder() {
  const kept = await readKeptReceipt();
  if (!kept) return null;
  const t = await getTranslations("Receipt");
  return (
    <div role="status" data-testid="receipt-reminder" className="max-w-3xl rounded-xl border-2 border-brand-800 bg-brand-50 p-4 sm:p-5">
      <p className="font-semibold text-brand-900">{t("reminderTitle", { code: kept.trackingCode })}</p>
      <p className="mt-1 text-slate-800">{t("reminderBody")}</p>
      <Link href="/lapor/tanda-terima" className="mt-2 inline-block font-semibold text-brand-800 underline underline-offset-2">
        {t("reminderLink")}
      </Link>
    </div>
  );
}
