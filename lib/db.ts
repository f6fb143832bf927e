import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { getEnvironment } from "@/lib/env";
import { createPrismaClient, type Database } from "@/lib/prisma-client";

/**
 * The application's one Prisma client. Created on first use, not at import,
 * so `next build` can load route modules without a database or environment.
 * Kept on globalThis in development so hot reloads do not open a new pool.
 */
const globalForPrisma = globalThis as unknown as { prisma?: Database };

function getClient(): Database {
  if (!globalForPrisma.prisma) {
    const { DATABASE_URL, DATABASE_POOL_MAX } = getEnvironment();
    globalForPrisma.prisma = createPrismaClient(new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX }));
  }
  return globalForPrisma.prisma;
}

export const db: Database = new Proxy({} as Database, {
  get(_target, property) {
    const client = getClient();
    const value: unknown = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
