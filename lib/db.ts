import "server-only";

import { PrismaPg } from "@prisma/adapter-pg";

import { getEnvironment } from "@/lib/env";
import { createPrismaClient, type Database } from "@/lib/prisma-client";

/**
 * The application's one Prisma client. Kept on globalThis in development so
 * hot reloads do not open a new pool each time.
 */
const globalForPrisma = globalThis as unknown as { prisma?: Database };

function connect(): Database {
  const { DATABASE_URL, DATABASE_POOL_MAX } = getEnvironment();
  return createPrismaClient(new PrismaPg({ connectionString: DATABASE_URL, max: DATABASE_POOL_MAX }));
}

export const db: Database = globalForPrisma.prisma ?? connect();

if (process.env.NODE_ENV !== "production") globalForPrisma.prisma = db;
