import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue";

/**
 * Enqueues the delivery of one notification's mail through the caller's transaction, so the job
 * exists exactly when the notification does (transactional outbox, lib/jobs/enqueue.ts).
 */
export async function enqueueNotificationMail(tx: Prisma.TransactionClient, notificationId: string): Promise<void> {
  await enqueueJob(tx, "notification-mail", { notificationId });
}
