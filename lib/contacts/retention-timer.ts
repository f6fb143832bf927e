import "server-only";

import { db } from "@/lib/db";
import { startPeriodicTask } from "@/lib/periodic-timer";

import { reencryptStoredContacts } from "./reencrypt";
import { eraseExpiredContacts } from "./retention";

/**
 * Started from instrumentation.ts in each server instance (unless CONTACT_RETENTION=off). On its
 * first run it brings the stored contacts under the current key (./reencrypt.ts: the plaintext
 * rows of an upgrade, older key versions after a rotation); then every hour it erases the contact
 * data of cases closed longer than CONTACT_RETENTION_DAYS (./retention.ts). Instances coordinate
 * through the erasure's advisory lock and the re-encryption's compare-and-set.
 */

let isReencrypted = false;

const INTERVAL_MS = 60 * 60 * 1000;
/** The first run waits a little, so a starting server answers requests before it works. */
const FIRST_RUN_DELAY_MS = 90 * 1000;

export function startContactRetentionTimer(): void {
  startPeriodicTask(
    "contact retention",
    async () => {
      if (!isReencrypted) {
        try {
          const result = await reencryptStoredContacts(db);
          isReencrypted = true;
          if (result.rewritten > 0) console.info(`contact encryption: ${result.rewritten} reporter contact(s) encrypted under the current key`);
        } catch (error) {
          // Retried on the next run; the erasure below must not wait for it.
          console.error("contact encryption failed; the next run retries", error instanceof Error ? error.message : error);
        }
      }
      // Several batches per run, so a backlog (the first run after an upgrade) clears in one hour.
      for (let round = 0; round < 20; round += 1) {
        const result = await eraseExpiredContacts();
        if (result.status !== "done" || result.erased === 0) return;
        console.info(`contact retention: ${result.erased} closed case(s) had their reporter contact erased`);
      }
    },
    { firstRunDelayMs: FIRST_RUN_DELAY_MS, intervalMs: INTERVAL_MS },
  );
}
