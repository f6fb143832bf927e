import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

import { describe, expect, it } from "vitest";

import { CopyBinaryFormatError, CopyBinaryTextColumn } from "@/lib/exports/copy-binary";

/** What PostgreSQL sends for COPY ... TO STDOUT (FORMAT binary) of one text column (NULL as null). */
function copyBinary(values: (string | null)[], extension = Buffer.alloc(0)): Buffer {
  const header = Buffer.alloc(19);
  Buffer.from("PGCOPY\n\xff\r\n\0", "latin1").copy(header);
  header.writeUInt32BE(extension.length, 15);
  const rows = values.map((value) => {
    const bytes = value === null ? Buffer.alloc(0) : Buffer.from(value, "utf8");
    const frame = Buffer.alloc(6);
    frame.writeInt16BE(1, 0);
    frame.writeInt32BE(value === null ? -1 : bytes.length, 2);
    return Buffer.concat([frame, bytes]);
  });
  const trailer = Buffer.alloc(2);
  trailer.writeInt16BE(-1, 0);
  return Buffer.concat([header, extension, ...rows, trailer]);
}

async function decode(chunks: Buffer[], progress?: { everyRows: number; seen: number[] }): Promise<{ bytes: Buffer; rows: number }> {
  const output: Buffer[] = [];
  const decoder = new CopyBinaryTextColumn(progress && { everyRows: progress.everyRows, report: async (rows) => void progress.seen.push(rows) });
  await pipeline(
    Readable.from(chunks),
    decoder,
    new Writable({
      write(chunk: Buffer, _encoding, callback) {
        output.push(chunk);
        callback();
      },
    }),
  );
  return { bytes: Buffer.concat(output), rows: decoder.rows };
}

const RECORDS = ['LI-1;"a ""b""";2026-05-01 09:00\r\n', "LI-2;'=1+1;😀 ñ\r\n", "", "LI-3;\"baris\r\ndua\"\r\n"];

describe("the COPY binary reader", () => {
  it("passes on the column's bytes row after row, nothing added", async () => {
    const { bytes, rows } = await decode([copyBinary(RECORDS)]);
    expect(bytes.toString("utf8")).toBe(RECORDS.join(""));
    expect(rows).toBe(RECORDS.length);
  });

  it("gives the same bytes however the input is split, even inside a character", async () => {
    const whole = copyBinary(RECORDS, Buffer.from("ext"));
    for (let cut = 1; cut < whole.length; cut += 1) {
      const { bytes } = await decode([whole.subarray(0, cut), whole.subarray(cut)]);
      expect(bytes.toString("utf8"), `cut at ${cut}`).toBe(RECORDS.join(""));
    }
    const byteByByte = await decode([...whole].map((byte) => Buffer.from([byte])));
    expect(byteByByte.bytes.toString("utf8")).toBe(RECORDS.join(""));
  });

  it("reports progress about every so many rows and waits for the report", async () => {
    const seen: number[] = [];
    const values = Array.from({ length: 10 }, (_, index) => `row ${index}\r\n`);
    const whole = copyBinary(values);
    await decode([...whole].map((byte) => Buffer.from([byte])), { everyRows: 3, seen });
    expect(seen).toEqual([3, 6, 9]);
  });

  it("refuses a NULL, a second column, a missing signature and a cut-off end", async () => {
    await expect(decode([copyBinary(["a", null])])).rejects.toBeInstanceOf(CopyBinaryFormatError);
    const twoColumns = copyBinary(["ab"]);
    twoColumns.writeInt16BE(2, 19);
    await expect(decode([twoColumns])).rejects.toThrow(/2 fields/);
    await expect(decode([Buffer.from("LI-1;x\r\n".repeat(4))])).rejects.toThrow(/signature/);
    const whole = copyBinary(RECORDS);
    await expect(decode([whole.subarray(0, whole.length - 2)])).rejects.toThrow(/before its trailer/);
  });
});
