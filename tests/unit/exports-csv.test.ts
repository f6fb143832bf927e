import { describe, expect, it } from "vitest";

import { CSV_BOM, formatCsvCell, formatCsvRow, generateCsv, neutralizeFormula } from "@/lib/exports/csv";

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

async function* batches<T>(...items: T[]): AsyncGenerator<T> {
  for (const item of items) yield item;
}

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

describe("CSV file", () => {
  it("starts with a UTF-8 byte-order mark and the header, and ends each line with CRLF", async () => {
    const text = await collect(generateCsv(["Kode", "Kantor"], batches([["LI-1", "Kanim Ngurah Rai"]], [["LI-2", "Kanim Tanjung Perak"]]), ";"));
    expect(text.startsWith(CSV_BOM)).toBe(true);
    expect(text).toBe(`${CSV_BOM}Kode;Kantor\r\nLI-1;Kanim Ngurah Rai\r\nLI-2;Kanim Tanjung Perak\r\n`);
    expect(Buffer.from(text, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it("uses the chosen separator for the header too", async () => {
    const text = await collect(generateCsv(["Kode", "Kantor"], batches([["LI-1", "Bandung, Jawa Barat"]]), ","));
    expect(text).toBe(`${CSV_BOM}Kode,Kantor\r\nLI-1,"Bandung, Jawa Barat"\r\n`);
  });

  it("writes only the header when there are no rows", async () => {
    expect(await collect(generateCsv(["Kode"], batches<string[][]>(), ";"))).toBe(`${CSV_BOM}Kode\r\n`);
  });

  it("keeps non-ASCII letters intact", async () => {
    const text = await collect(generateCsv(["Uraian"], batches([["Pungutan liar — Rp 500.000 di loket № 3"]]), ";"));
    expect(Buffer.from(text, "utf8").toString("utf8")).toContain("Pungutan liar — Rp 500.000 di loket № 3");
  });
});
