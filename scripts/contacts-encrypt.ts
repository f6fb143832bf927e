/**
 * `npm run contacts:encrypt`: brings every stored reporter contact on the database in
 * DATABASE_URL under the current key (lib/contacts/reencrypt.ts): encrypts the plaintext rows an
 * upgrade left, and re-encrypts rows under an older key version after CONTACT_ENCRYPTION_KEY_VERSION
 * was raised. The app does the same once at each start; safe beside it.
 */
import { PrismaPg } from "@prisma/adapter-pg";

import { reencryptStoredContacts } from "@/lib/contacts/reencrypt";
import { createPrismaClient } from "@/lib/prisma-client";

async function main(): Promise<number> {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString || !process.env.APP_SECRET) {
    console.error("DATABASE_URL and APP_SECRET must be set (the contact keys are derived from APP_SECRET).");
    return 2;
  }
  const db = createPrismaClient(new PrismaPg({ connectionString, max: 1 }));
  try {
    const result = await reencryptStoredContacts(db);
    console.log(`${result.checked} reporter contact(s) checked, ${result.rewritten} encrypted under the current key.`);
    if (result.unreadable > 0) {
      console.error(`${result.unreadable} contact(s) did not decrypt and were left as they are (see the case ids above).`);
      return 1;
    }
    return 0;
  } catch (error) {
    console.error(`Encrypting contacts failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await db.$disconnect();
  }
}

process.exitCode = await main();
