import { getTranslations } from "next-intl/server";

import { buttonClassName, inputClassName } from "@/components/form-styles";
import { scopeKeyOf } from "@/lib/deadlines/holiday-scope";
import { HOLIDAYS_PATH } from "@/lib/holidays/action-state";
import type { HolidayPlaces } from "@/lib/holidays/calendar";

/** Chooses the province or office whose regional days are shown: a GET form, so it works without JavaScript. */
export async function PlacePicker({ year, place, places }: { year: number; place: string | null; places: HolidayPlaces }) {
  const t = await getTranslations("AdminHolidays.regional");
  return (
    <form action={HOLIDAYS_PATH} method="get" className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="tahun" value={year} />
      <div className="min-w-0 flex-1 basis-64">
        <label htmlFor="holiday-place" className="block font-semibold text-slate-900">
          {t("placeLabel")}
        </label>
        <select id="holiday-place" name="tempat" defaultValue={place ?? ""} className={inputClassName}>
          <option value="">{t("choose")}</option>
          <optgroup label={t("provinces")}>
            {places.provinces.map((province) => (
              <option key={province} value={scopeKeyOf({ kind: "province", province })}>
                {t("province", { province })}
              </option>
            ))}
          </optgroup>
          <optgroup label={t("offices")}>
            {places.offices.map((office) => (
              <option key={office.id} value={scopeKeyOf({ kind: "office", officeId: office.id })}>
                {office.isActive ? office.name : t("closedOffice", { name: office.name })}
              </option>
            ))}
          </optgroup>
        </select>
      </div>
      <button type="submit" className={buttonClassName}>
        {t("show")}
      </button>
    </form>
  );
}
