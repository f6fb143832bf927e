import { Transform, type TransformCallback } from "node:stream";

/**
 * Reads the output of `COPY (SELECT <one text column>) TO STDOUT (FORMAT binary)` and passes on
 * the column's bytes, row after row, nothing added or escaped. (The text format would escape
 * tabs, backslashes and line breaks; the CSV format would quote every record holding a line
 * break.) Text travels in the client encoding, UTF-8 with node-postgres.
 *
 * The format (PostgreSQL manual, "COPY", "Binary Format"): an 11-byte signature, a 32-bit flags
 * field, a 32-bit header-extension length and that many bytes; then per row a 16-bit field
 * count (1 here), a 32-bit length (-1 for NULL) and the bytes; then a 16-bit -1. All big-endian.
 * Pure (no database), so it is unit-tested on hand-made input split at every byte.
 */

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const HEADER_FIXED_LENGTH = SIGNATURE.length + 4 + 4;

export class CopyBinaryFormatError extends Error {
  constructor(message: string) {
    super(`Unexpected COPY binary data: ${message}`);
    this.name = "CopyBinaryFormatError";
  }
}

/** Called with the rows passed on so far, about every `everyRows` rows; the stream waits for it. */
export type CopyProgress = { everyRows: number; report: (rows: number) => Promise<void> };

export class CopyBinaryTextColumn extends Transform {
  /** Rows passed on so far. */
  rows = 0;
  private reportedRows = 0;
  private pending: Buffer = Buffer.alloc(0);
  private state: "header" | "rows" | "done" = "header";

  constructor(private readonly progress?: CopyProgress) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      const output = this.decode(this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk);
      if (output.length > 0) this.push(output);
    } catch (error) {
      return callback(error as Error);
    }
    if (!this.progress || this.rows - this.reportedRows < this.progress.everyRows) return callback();
    this.reportedRows = this.rows;
    this.progress.report(this.rows).then(() => callback(), callback);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.state === "done" && this.pending.length === 0 ? null : new CopyBinaryFormatError("the data ended before its trailer"));
  }

  /** Decodes what `input` holds whole, keeps the rest for the next chunk, returns the rows' bytes. */
  private decode(input: Buffer): Buffer {
    let offset = 0;
    if (this.state === "header") {
      if (input.length < HEADER_FIXED_LENGTH) {
        this.pending = input;
        return Buffer.alloc(0);
      }
      if (!input.subarray(0, SIGNATURE.length).equals(SIGNATURE)) throw new CopyBinaryFormatError("no signature");
      const extensionLength = input.readUInt32BE(SIGNATURE.length + 4);
      if (input.length < HEADER_FIXED_LENGTH + extensionLength) {
        this.pending = input;
        return Buffer.alloc(0);
      }
      offset = HEADER_FIXED_LENGTH + extensionLength;
      this.state = "rows";
    }
    const parts: Buffer[] = [];
    while (this.state === "rows" && input.length - offset >= 2) {
      const fields = input.readInt16BE(offset);
      if (fields === -1) {
        offset += 2;
        this.state = "done";
        break;
      }
      if (fields !== 1) throw new CopyBinaryFormatError(`a row of ${fields} fields`);
      if (input.length - offset < 6) break;
      const length = input.readInt32BE(offset + 2);
      if (length < 0) throw new CopyBinaryFormatError("a NULL value");
      if (input.length - offset - 6 < length) break;
      parts.push(input.subarray(offset + 6, offset + 6 + length));
      offset += 6 + length;
      this.rows += 1;
    }
    if (this.state === "done" && offset < input.length) throw new CopyBinaryFormatError("data after the trailer");
    // Copied, so a small remainder does not keep the whole chunk alive.
    this.pending = offset < input.length ? Buffer.from(input.subarray(offset)) : Buffer.alloc(0);
    // Copied too: the chunk's memory may be reused by whoever read it from the socket.
    return Buffer.concat(parts);
  }
}
