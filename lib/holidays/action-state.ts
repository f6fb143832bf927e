import type { HolidayCsvError } from "./csv-import";
import type { HolidayImportPreview } from "./import";

/** What the holiday forms' Server Actions (./actions.ts) answer; the codes are AdminHolidays.errors keys. */

export const HOLIDAYS_PATH = "/dasbor/admin/hari-libur";

export type HolidayErrorCode =
  | "invalid"
  | "conflict"
  | "gone"
  | "unexpected"
  | "holidayDuplicate"
  | "placeUnknown"
  | "kindPlaceMismatch"
  | "fileMissing"
  | "fileTooLarge"
  | "fileHasErrors"
  | "importPreviewStale"
  | "importNothingToApply";

export type HolidayField = "date" | "nameId" | "nameEn" | "kind" | "place" | "source";

export type HolidayFormState = {
  error?: HolidayErrorCode;
  fieldErrors?: Partial<Record<HolidayField, string>>;
  /** What the admin typed, so a refused form shows it again. */
  values?: Record<string, string>;
};

export type HolidayImportState = {
  error?: HolidayErrorCode;
  csvErrors?: HolidayCsvError[];
  /**
   * The preview, with the file as base64 for the apply form to post back: a browser rewrites line
   * breaks in form values (LF to CRLF), and what is applied must be the very bytes previewed.
   */
  preview?: Omit<Extract<HolidayImportPreview, { ok: true }>, "content"> & { encodedContent: string };
};
