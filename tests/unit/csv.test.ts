import { describe, expect, it } from "vitest";

import { parseCsv } from "@/prisma/seed/csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks", () => {
    const rows = parseCsv('code,name\r\na,"Paspor, ""elektronik""\nbaru"\nb,plain\n');
    expect(rows).toEqual([
      { code: "a", name: 'Paspor, "elektronik"\nbaru' },
      { code: "b", name: "plain" },
    ]);
  });

  it("ignores a byte-order mark and blank lines", () => {
    expect(parseCsv("\uFEFFx,y\n\n1,2\n\n")).toEqual([{ x: "1", y: "2" }]);
  });
});
