/**
 * Instants as Jakarta wall-clock time for the exports (every office works in WIB for its
 * deadlines, see lib/deadlines). Pure.
 */

const JAKARTA_OFFSET_MS = 7 * 60 * 60 * 1000;

/** "YYYY-MM-DD HH:mm" in Jakarta: a form every spreadsheet reads as a date and time, in any locale. */
export function formatJakartaDateTime(instant: Date): string {
  return new Date(instant.getTime() + JAKARTA_OFFSET_MS).toISOString().slice(0, 16).replace("T", " ");
}

/**
 * An instant shifted so that its UTC fields read as the Jakarta wall clock. Spreadsheets store
 * dates without a time zone and exceljs writes a Date's UTC fields, so this is what makes a cell
 * show the Jakarta time.
 */
export function toJakartaWallClock(instant: Date): Date {
  return new Date(instant.getTime() + JAKARTA_OFFSET_MS);
}
