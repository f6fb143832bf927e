import "server-only";

import PgBoss from "pg-boss";

import { clockOffsetMs } from "@/lib/clock";
import type { Prisma } from "@/lib/generated/prisma/client";

import { JOB_SCHEMA } from "./boss";
import { getJobDefinition, type JobData, type JobName } from "./registry";
import { prismaSqlExecutor, type SqlExecutor } from "./sql-executor";
import { queueOptionsOf, type JobDefinition } from "./types";

/**
 * The transactional outbox: a job enqueued here is a row of pgboss.job written through the
 * caller's Prisma interactive transaction, so it exists exactly when the caller's change commits
 * (a reply that commits always gets its notice, a reply rolled back never does). Workers see it
 * after the commit.
 *
 *   await db.$transaction(async (tx) => {
 *     const reply = await tx.caseMessage.create(...);
 *     await enqueueJob(tx, "notify-reply", { messageId: reply.id });
 *   });
 */

export type EnqueueOptions = {
  /**
   * With a singletonKey, a job is not added while another job of the same queue and key is
   * waiting (policy "short"/"stately") or running ("singleton"/"stately"); enqueueJob then
   * returns null.
   */
  singletonKey?: string;
  /** Not before this application time (lib/clock.ts), or this many seconds from now. */
  startAfter?: Date | number;
};

/**
 * An instance never started and without a pool: only its SQL building is used, every statement
 * goes through the executor given with each call.
 */
let sender: PgBoss | undefined;

function getSender(): PgBoss {
  sender ??= new PgBoss({
    schema: JOB_SCHEMA,
    db: {
      executeSql: () => {
        throw new Error("enqueueJob always passes the caller's transaction");
      },
    },
  });
  return sender;
}

/**
 * Adds a job to `name`'s queue inside `tx`. Returns the job's id, or null when a singletonKey
 * kept it out (see EnqueueOptions).
 */
export async function enqueueJob<Name extends JobName>(tx: Prisma.TransactionClient, name: Name, data: JobData<Name>, options: EnqueueOptions = {}): Promise<string | null> {
  return sendJobThrough(prismaSqlExecutor(tx), getJobDefinition(name), data, options);
}

/** enqueueJob for any definition (tests use their own) and any executor. */
export async function sendJobThrough(executor: SqlExecutor, definition: JobDefinition<never> | JobDefinition<object>, data: object, options: EnqueueOptions = {}): Promise<string | null> {
  const queue = queueOptionsOf(definition);
  const startAfter = options.startAfter instanceof Date ? new Date(options.startAfter.getTime() - clockOffsetMs()) : options.startAfter;
  const send = () =>
    getSender().send(definition.name, data, {
      db: executor,
      singletonKey: options.singletonKey,
      startAfter,
      retryLimit: queue.retryLimit,
      retryDelay: queue.retryDelay,
      retryBackoff: queue.retryBackoff,
      expireInSeconds: queue.expireInSeconds,
    });
  const id = await send();
  if (id !== null) return id;
  // Nothing inserted: a singleton held it out, or the queue does not exist yet in this database
  // (its first job). Create the queue in the same transaction and send again.
  const { rows } = await executor.executeSql(`SELECT 1 FROM ${JOB_SCHEMA}.queue WHERE name = $1`, [definition.name]);
  if (rows.length > 0) {
    if (options.singletonKey !== undefined || queue.policy !== "standard") return null;
    throw new Error(`Job "${definition.name}" was not enqueued`);
  }
  await executor.executeSql(`SELECT 1 AS "created" FROM ${JOB_SCHEMA}.create_queue($1, $2::json)`, [definition.name, JSON.stringify(queue)]);
  const retried = await send();
  if (retried === null && options.singletonKey === undefined && queue.policy === "standard") throw new Error(`Job "${definition.name}" was not enqueued`);
  return retried;
}
