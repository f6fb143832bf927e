import { describe, expect, it } from "vitest";

import { fitXlsxText, XLSX_MAX_CELL_CHARACTERS } from "@/lib/exports/write-xlsx";

const MARKER = "[cut]";

describe("fitXlsxText", () => {
  it("leaves text up to Excel's cell limit as it is", () => {
    const text = "a".repeat(XLSX_MAX_CELL_CHARACTERS);
    expect(fitXlsxText(text, MARKER)).toBe(text);
  });

  it("cuts longer text to the limit, marker included", () => {
    const cut = fitXlsxText("a".repeat(XLSX_MAX_CELL_CHARACTERS + 1), MARKER);
    expect(cut).toHaveLength(XLSX_MAX_CELL_CHARACTERS);
    expect(cut.endsWith(` ${MARKER}`)).toBe(true);
  });

  it("never splits an emoji (a surrogate pair) at the cut", () => {
    const keep = XLSX_MAX_CELL_CHARACTERS - MARKER.length - 1;
    // The emoji's first half is the last unit that would be kept.
    const text = `${"a".repeat(keep - 1)}😀${"b".repeat(100)}`;
    const cut = fitXlsxText(text, MARKER);
    expect(cut).toBe(`${"a".repeat(keep - 1)} ${MARKER}`);
    expect(cut.isWellFormed()).toBe(true);
  });
});
