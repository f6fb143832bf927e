import { getTranslations } from "next-intl/server";
import Link from "next/link";

import type { StaffActor } from "@/lib/auth/session";
import { findHolidayNotice } from "@/lib/holidays/notice";

/**
 * From 1 October, while next year has no national holidays: a reminder for admins (with the link
 * to enter them) and supervisors (who ask an admin). Nothing for officers, nothing otherwise.
 */
export async function HolidayNotice({ actor }: { actor: StaffActor }) {
  const notice = await findHolidayNotice(actor);
  if (!notice) return null;
  const t = await getTranslations("HolidayNotice");
  return (
    <div role="note" className="flex flex-wrap items-center justify-between gap-3 rounded-xl border border-amber-300 border-l-4 border-l-amber-600 bg-amber-50 p-4 text-amber-950">
      <p className="max-w-3xl">
        {t("missing", { year: notice.year })} {notice.canEnterHolidays ? null : t("askAdmin", { year: notice.year })}
      </p>
      {notice.canEnterHolidays ? (
        <Link href={`/dasbor/admin/hari-libur?tahun=${notice.year}`} className="font-semibold text-amber-950 underline underline-offset-2">
          {t("enter", { year: notice.year })}
        </Link>
      ) : null}
    </div>
  );
}
