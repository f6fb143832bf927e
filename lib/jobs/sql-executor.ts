import type { Prisma } from "@/lib/generated/prisma/client";

/** What pg-boss needs of a database connection to run one statement (its `db` option). */
export type SqlExecutor = { executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }> };

/** A Prisma client or interactive transaction, as far as raw statements go. */
export type RawQueryClient = Pick<Prisma.TransactionClient, "$queryRawUnsafe">;

/**
 * Runs pg-boss's statements through a Prisma client or, above all, through the caller's
 * interactive transaction: a job inserted this way commits and rolls back with the caller's change.
 * Objects are passed as JSON text (pg-boss's payload is cast to jsonb in its SQL).
 */
export function prismaSqlExecutor(client: RawQueryClient): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const parameters = values.map((value) => {
        if (value === undefined) return null;
        if (value instanceof Date) return value.toISOString();
        if (value !== null && typeof value === "object" && !Array.isArray(value)) return JSON.stringify(value);
        return value;
      });
      const rows = await client.$queryRawUnsafe<Record<string, unknown>[]>(text, ...parameters);
      return { rows };
    },
  };
}
