import type { Database } from "@/lib/prisma-client";

import { currentContactKeyVersion, decryptContact, encryptContact, needsContactReencryption } from "./encryption";

/**
 * Brings every stored reporter contact under the current key: encrypts the plaintext rows left by
 * the migration that introduced encryption, and re-encrypts rows under an older key version after
 * a rotation. Idempotent and safe beside a running app and other instances: each row is rewritten
 * only if it still holds what was read (a compare-and-set on the stored values), so a concurrent
 * erasure or re-encryption is never overwritten. Run at every server start (instrumentation.ts)
 * and by `npm run contacts:encrypt`. Not server-only: the command runs it outside Next.
 */

const BATCH_SIZE = 200;

/** `unreadable`: rows that did not decrypt (edited, or from another APP_SECRET), left as they are. */
export type ContactReencryptionResult = { checked: number; rewritten: number; unreadable: number };

export async function reencryptStoredContacts(
  db: Pick<Database, "reporterContact">,
  options: { keyVersion?: number } = {},
): Promise<ContactReencryptionResult> {
  const keyVersion = options.keyVersion ?? currentContactKeyVersion();
  let checked = 0;
  let rewritten = 0;
  let unreadable = 0;
  let afterCaseId: string | undefined;
  for (;;) {
    const batch = await db.reporterContact.findMany({
      where: afterCaseId === undefined ? {} : { caseId: { gt: afterCaseId } },
      orderBy: { caseId: "asc" },
      take: BATCH_SIZE,
      select: { caseId: true, name: true, email: true, phone: true },
    });
    for (const row of batch) {
      checked += 1;
      const stored = { name: row.name, email: row.email, phone: row.phone };
      if (!needsContactReencryption(stored, keyVersion)) continue;
      let plain: ReturnType<typeof decryptContact>;
      try {
        plain = decryptContact(stored, row.caseId);
      } catch {
        // One unreadable row must not stop the others (nor, in the timer, the retention job).
        unreadable += 1;
        console.error(`contact encryption: the contact of case ${row.caseId} does not decrypt; left as it is`);
        continue;
      }
      const encrypted = encryptContact(plain, row.caseId, keyVersion);
      const { count } = await db.reporterContact.updateMany({ where: { caseId: row.caseId, ...stored }, data: encrypted });
      rewritten += count;
    }
    if (batch.length < BATCH_SIZE) return { checked, rewritten, unreadable };
    afterCaseId = batch[batch.length - 1]!.caseId;
  }
}
