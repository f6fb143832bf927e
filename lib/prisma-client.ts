import type { PrismaPg } from "@prisma/adapter-pg";

import { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Builds a Prisma client that never returns secret columns unless a query asks
 * for them by name (`omit: { passwordHash: false }`), so no DTO can leak them
 * by accident. Shared by the app (lib/db.ts), the seed and the tests.
 */
export function createPrismaClient(adapter: PrismaPg) {
  return new PrismaClient({
    adapter,
    omit: {
      staffUser: { passwordHash: true, totpSecret: true },
      case: { receiptSecretHash: true },
    },
  });
}

export type Database = ReturnType<typeof createPrismaClient>;
