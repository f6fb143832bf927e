import "server-only";

import type { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

import pg from "pg";
import { to as copyTo } from "pg-copy-streams";

import { getEnvironment } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";

import { CopyBinaryTextColumn, type CopyProgress } from "./copy-binary";

/**
 * Streams the one text column of a query into `output` through `COPY (...) TO STDOUT`: one
 * statement planned once (PostgreSQL may run it in parallel), the rows leaving the server as
 * they are produced, and the socket read only as fast as `output` takes them, so memory stays
 * flat whatever the number of rows. It runs on a connection of its own (Prisma has no COPY),
 * opened for the export and closed after it, on the primary (DATABASE_URL): a replica may not
 * have seen an involvement marked a moment ago (lib/db.ts).
 *
 * COPY takes no bound parameters, so the query's values are written into it as literals by
 * inlineSql below. Every value still comes from a Prisma.Sql fragment (the same builders the
 * other queries bind them with), and every literal is quoted by node-postgres's escapeLiteral.
 */

export type CopyOutResult = { rows: number };

export async function copyTextColumnTo(query: Prisma.Sql, output: Writable, options: { progress?: CopyProgress } = {}): Promise<CopyOutResult> {
  const client = new pg.Client({ connectionString: getEnvironment().DATABASE_URL, application_name: "lapor-export" });
  await client.connect();
  try {
    // ISO dates for ./csv-sql.ts jakartaDateTimeSql. No JIT: the records' one long expression
    // would be compiled with LLVM in every parallel worker for seconds, to save less than that.
    await client.query("SET DateStyle = 'ISO, YMD'; SET jit = off");
    const source = client.query(copyTo(`COPY (${inlineSql(query)}) TO STDOUT (FORMAT binary)`));
    const decoder = new CopyBinaryTextColumn(options.progress);
    await pipeline(source, decoder, output);
    return { rows: decoder.rows };
  } finally {
    // After a failure the server may still be sending: closing the connection ends the statement.
    await client.end().catch(() => undefined);
  }
}

/** A Prisma.Sql with its values written in as SQL literals (for statements that take no parameters). */
export function inlineSql(query: Prisma.Sql): string {
  return query.strings.reduce((text, part, index) => text + (index === 0 ? "" : sqlLiteral(query.values[index - 1])) + part, "");
}

function sqlLiteral(value: unknown): string {
  if (value === null || value === undefined) return "NULL";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "bigint") return value < BigInt(0) ? `(${value})` : value.toString();
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new TypeError(`Cannot write ${value} into SQL`);
    // In parentheses, so a negative number after a minus sign cannot start a "--" comment.
    return value < 0 ? `(${value})` : String(value);
  }
  if (typeof value === "string") return pg.escapeLiteral(value);
  // The columns are UTC timestamps without zone; an explicit +00 reads the same into either kind.
  if (value instanceof Date) return `'${value.toISOString().replace("T", " ").replace("Z", "+00")}'`;
  throw new TypeError(`Cannot write a value of type ${Object.prototype.toString.call(value)} into SQL`);
}
