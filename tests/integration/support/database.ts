import { PrismaPg } from "@prisma/adapter-pg";

import { createPrismaClient, type Database } from "@/lib/prisma-client";

/** A client on the fresh database the integration suite created for this run. */
export function connectTestDatabase(): Database {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set: run the integration suite with `npm run test:integration`.");
  return createPrismaClient(new PrismaPg({ connectionString, max: 4 }));
}
