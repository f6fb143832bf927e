import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { getEnvironment } from "@/lib/env";
import { createPrismaClient, type Database } from "@/lib/prisma-client";

/**
 * The application's Prisma clients. Created on first use, not at import,
 * so `next build` can load route modules without a database or environment.
 * Kept on globalThis in development so hot reloads do not open a new pool.
 */
const globalForPrisma = globalThis as unknown as { prisma?: Database; prismaRead?: Database };

function getClient(): Database {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = getEnvironment();
    globalForPrisma.prisma = createPrismaClient(new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX }));
  }
  return globalForPrisma.prisma;
}

function getReadClient(): Database {
  const { DATABASE_READ_URL, DATABASE_POOL_MAX } = getEnvironment();
  if (!DATABASE_READ_URL) return getClient();
  globalForPrisma.prismaRead ??= createPrismaClient(new PrismaPg({ connectionString: DATABASE_READ_URL, max: DATABASE_POOL_MAX }));
  return globalForPrisma.prismaRead;
}

function lazyClient(getTarget: () => Database): Database {
  return new Proxy({} as Database, {
    get(_target, property) {
      const client = getTarget();
      const value: unknown = Reflect.get(client, property, client);
      return typeof value === "function" ? value.bind(client) : value;
    },
  });
}

/** The primary database: every write, and every read that decides access or must see its own writes. */
export const db: Database = lazyClient(getClient);

/**
 * DATABASE_READ_URL's replica when it is set, else the primary: for heavy aggregates that may be a
 * few seconds behind (the statistics). Never write through it, and never list cases through it (a
 * replica may not have seen an involvement marked a moment ago; an aggregate then counts one case
 * too many, a list would show it).
 */
export const readDb: Database = lazyClient(getReadClient);

/** Closes both pools (scripts, tests): the replica's is a separate one when DATABASE_READ_URL is set. */
export async function disconnectDatabases(): Promise<void> {
  await Promise.all([globalForPrisma.prisma?.$disconnect(), globalForPrisma.prismaRead?.$disconnect()]);
}
