import "server-only";

import { JOB_SCHEMA } from "./boss";
import type { SqlExecutor } from "./sql-executor";
import { queueOptionsOf, type JobDefinition } from "./types";

/**
 * pg-boss 10 keeps each queue's jobs in a partition of pgboss.job made when the queue is created,
 * and refuses jobs of a queue that does not exist. Queues are created from the registry on the
 * first enqueue of a process and when the workers start, whichever comes first; both are cheap
 * when the queues exist. Creating one twice at once is harmless (pgboss.create_queue inserts the
 * queue row with ON CONFLICT DO NOTHING before it makes the partition).
 */
export async function ensureJobQueues(executor: SqlExecutor, definitions: readonly (JobDefinition<never> | JobDefinition<object>)[], options: { updateExisting?: boolean } = {}): Promise<void> {
  const { rows } = await executor.executeSql(`SELECT name FROM ${JOB_SCHEMA}.queue`);
  const existing = new Set(rows.map((row) => String(row.name)));
  for (const definition of definitions) {
    const queueOptions = queueOptionsOf(definition);
    if (!existing.has(definition.name)) {
      await executor.executeSql(`SELECT 1 AS "created" FROM ${JOB_SCHEMA}.create_queue($1, $2::json)`, [definition.name, JSON.stringify(queueOptions)]);
    } else if (options.updateExisting) {
      // The registry is the truth: a changed retry policy applies to the jobs sent from now on.
      await executor.executeSql(
        `UPDATE ${JOB_SCHEMA}.queue SET policy = $2::text, retry_limit = $3::int, retry_delay = $4::int, retry_backoff = $5::bool, expire_seconds = $6::int, updated_on = now()
         WHERE name = $1 AND (policy, retry_limit, retry_delay, retry_backoff, expire_seconds) IS DISTINCT FROM ($2::text, $3::int, $4::int, $5::bool, $6::int)`,
        [definition.name, queueOptions.policy, queueOptions.retryLimit, queueOptions.retryDelay, queueOptions.retryBackoff, queueOptions.expireInSeconds],
      );
    }
  }
}
