import { z } from "@/lib/zod";

import { isRealDateKey } from "@/lib/deadlines/working-days";

import { HOLIDAY_CSV_LIMITS } from "./csv-import";

/**
 * The holiday forms of /dasbor/admin/hari-libur. Error messages are message keys
 * (AdminHolidays.errors in messages/admin-holidays), so the forms show them in the user's language.
 */

export const HOLIDAY_YEAR_RANGE = { first: 2000, last: 2100 } as const;

/** Text without NUL bytes, which Postgres cannot store: a pasted one would otherwise fail the write. */
const text = () => z.string().transform((value) => value.replaceAll("\u0000", ""));
const dateKey = z.string().trim().refine(isRealDateKey, "dateInvalid");
const name = text().pipe(z.string().trim().min(1, "nameRequired").max(HOLIDAY_CSV_LIMITS.name, "nameTooLong"));
const source = text().pipe(
  z
    .string()
    .trim()
    .max(HOLIDAY_CSV_LIMITS.source, "sourceTooLong")
    .transform((value) => value || null),
);
/** An INT4 column: a larger number would make Postgres fail instead of finding nothing. */
const MAX_INT4 = 2_147_483_647;
const version = z.coerce.number().int().positive().max(MAX_INT4);

export const holidayKindSchema = z.enum(["NATIONAL_HOLIDAY", "CUTI_BERSAMA", "REGIONAL_HOLIDAY"], { message: "kindRequired" });

export const addHolidaySchema = z.object({
  date: dateKey,
  nameId: name,
  nameEn: name,
  kind: holidayKindSchema,
  /** "national", "province:<name>" or "office:<id>"; checked against the offices by addHoliday. */
  place: z.string().trim().min(1, "placeRequired").max(300, "placeRequired"),
  source,
});

export const updateHolidaySchema = z.object({
  id: z.coerce.number().int().positive().max(MAX_INT4),
  version,
  date: dateKey,
  nameId: name,
  nameEn: name,
  kind: holidayKindSchema,
  source,
});

export const deleteHolidaySchema = z.object({ id: z.coerce.number().int().positive().max(MAX_INT4), version });

export const holidayYearSchema = z.coerce.number().int().min(HOLIDAY_YEAR_RANGE.first).max(HOLIDAY_YEAR_RANGE.last);

export type AddHolidayInput = z.infer<typeof addHolidaySchema>;
export type UpdateHolidayInput = z.infer<typeof updateHolidaySchema>;
export type DeleteHolidayInput = z.infer<typeof deleteHolidaySchema>;
