import type { useFormatter } from "next-intl";

const MEBIBYTE = 1024 * 1024;

type NumberFormatter = Pick<ReturnType<typeof useFormatter>, "number">;

/** "12 kB" or "1,3 MB" in the visitor's language; works with useFormatter and getFormatter alike. */
export function formatFileSize(format: NumberFormatter, bytes: number): string {
  return bytes < MEBIBYTE
    ? format.number(Math.max(1, Math.round(bytes / 1024)), { style: "unit", unit: "kilobyte" })
    : format.number(bytes / MEBIBYTE, { style: "unit", unit: "megabyte", maximumFractionDigits: 1 });
}
