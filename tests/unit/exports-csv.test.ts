import { describe, expect, it } from "vitest";

import { CSV_BOM, csvFileStart, formatCsvCell, formatCsvRow, neutralizeFormula } from "@/lib/exports/csv";

describe("CSV cells", () => {
  it("leaves plain text and integers as they are", () => {
    expect(formatCsvRow(["LI-7K3M-9QX2", 350000, "Kanim Jakarta Selatan"], ";")).toBe("LI-7K3M-9QX2;350000;Kanim Jakarta Selatan\r\n");
  });

  it("writes empty cells for null and undefined", () => {
    expect(formatCsvRow([null, "a", undefined, ""], ";")).toBe(";a;;\r\n");
  });

  it("quotes a cell holding either separator, whichever the file uses", () => {
    expect(formatCsvCell("Paspor; elektronik")).toBe('"Paspor; elektronik"');
    expect(formatCsvCell("Paspor, elektronik")).toBe('"Paspor, elektronik"');
  });

  it("keeps a formula after the other separator inside one quoted cell", () => {
    // Excel on an Indonesian computer splits on ";" even in a comma file.
    expect(formatCsvRow(['x;=HYPERLINK("http://evil")', "b"], ",")).toBe('"x;=HYPERLINK(""http://evil"")",b\r\n');
    expect(formatCsvRow(["x,=1+1", "b"], ";")).toBe('"x,=1+1";b\r\n');
  });

  it("doubles quotes inside a quoted cell", () => {
    expect(formatCsvCell('Dia bilang "uang rokok"')).toBe('"Dia bilang ""uang rokok"""');
  });

  it("quotes cells with line breaks and keeps them", () => {
    expect(formatCsvCell("baris satu\r\nbaris dua\nbaris tiga")).toBe('"baris satu\r\nbaris dua\nbaris tiga"');
  });

  it.each(["=HYPERLINK(\"http://evil.example\",\"klik\")", "+62 812 555", "-1+cmd|' /C calc'!A0", "@SUM(A1:A2)", "\tTAB", "\rCR"])("neutralises text a spreadsheet would evaluate: %j", (text) => {
    expect(neutralizeFormula(text)).toBe(`'${text}`);
    expect(formatCsvCell(text).replace(/^"/, "").startsWith("'")).toBe(true);
  });

  it("quotes a neutralised cell when it also holds the separator", () => {
    expect(formatCsvCell('=1;2')).toBe(`"'=1;2"`);
  });

  it("writes real numbers, negative ones included, as numbers without an apostrophe", () => {
    expect(formatCsvCell(-50000)).toBe("-50000");
    expect(formatCsvCell(0)).toBe("0");
    expect(formatCsvCell(Number.NaN)).toBe("");
  });

  it("neutralises a negative number given as text", () => {
    expect(formatCsvCell("-50000")).toBe("'-50000");
  });

  it("leaves text with an equals sign inside alone", () => {
    expect(formatCsvCell("a=b")).toBe("a=b");
  });
});

describe("CSV file start", () => {
  it("is a UTF-8 byte-order mark and the header, ended with CRLF", () => {
    const text = csvFileStart(["Kode", "Kantor"], ";");
    expect(text).toBe(`${CSV_BOM}Kode;Kantor\r\n`);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("uses the chosen separator and quotes a header holding either one", () => {
    expect(csvFileStart(["Kode", "Jumlah (Rp, bulat)"], ",")).toBe(`${CSV_BOM}Kode,"Jumlah (Rp, bulat)"\r\n`);
  });

  it("keeps non-ASCII letters intact", () => {
    expect(csvFileStart(["Uraian — № 3"], ";")).toBe(`${CSV_BOM}Uraian — № 3\r\n`);
  });
});
