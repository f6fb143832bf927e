import type { Database } from "@/lib/prisma-client";

/**
 * The number of rows of every application table, to prove that a refused input wrote nothing
 * (no partial write). RateLimitBucket is left out: counting an attempt against the abuse
 * limits is what a refused request is meant to do.
 */

const BOOKKEEPING_TABLES = new Set(["RateLimitBucket", "_prisma_migrations"]);

let tables: string[] | null = null;

async function listTables(db: Database): Promise<string[]> {
  if (tables) return tables;
  const rows = await db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  tables = rows.map((row) => row.name).filter((name) => !BOOKKEEPING_TABLES.has(name));
  return tables;
}

export async function countRows(db: Database): Promise<Record<string, number>> {
  const names = await listTables(db);
  const select = names.map((name) => `(SELECT count(*) FROM "${name}")::int AS "${name}"`).join(", ");
  const [row] = await db.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${select}`);
  return row!;
}

/** The tables whose row count differs, with before and after. */
export function diffRowCounts(before: Record<string, number>, after: Record<string, number>): Record<string, [number, number]> {
  const changed: Record<string, [number, number]> = {};
  for (const name of Object.keys(before)) if (before[name] !== after[name]) changed[name] = [before[name]!, after[name]!];
  return changed;
}
