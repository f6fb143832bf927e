/** What a handler learns about the run it is doing. */
export type JobRun = {
  id: string;
  name: string;
  /** 0 on the first run, 1 on the first retry, ... */
  retryCount: number;
};

export type JobPolicy = "standard" | "short" | "singleton" | "stately";

/** One entry of lib/jobs/registry.ts (see there for what each field means). */
export type JobDefinition<Data extends object> = {
  name: string;
  /** One line for the logs and the bench. */
  description: string;
  handler: (data: Data, run: JobRun) => Promise<unknown>;
  /** Cron expression in Asia/Jakarta time (or a function returning one, read when the workers start). */
  schedule?: string | (() => string);
  /** Default "stately" for scheduled jobs, "standard" for the others. */
  policy?: JobPolicy;
  /** Retries after the first run fails. Default 0 for scheduled jobs (the next tick runs again), 3 for the others. */
  retryLimit?: number;
  /** Seconds before a retry. Default 30. */
  retryDelaySeconds?: number;
  /** Double the delay at each retry. Default true. */
  retryBackoff?: boolean;
  /** A run still active after this is failed as expired (and retried). Default 15 minutes. */
  expireInSeconds?: number;
  /** How often an idle worker of this queue looks for work. Default 5 s for sent jobs, 15 s for scheduled ones. */
  pollingIntervalSeconds?: number;
};

/** The queue options pg-boss stores for a definition (its defaults for every job of the queue). */
export type QueueOptions = {
  policy: JobPolicy;
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
};

export function queueOptionsOf(definition: JobDefinition<never> | JobDefinition<object>): QueueOptions {
  const scheduled = definition.schedule !== undefined;
  return {
    policy: definition.policy ?? (scheduled ? "stately" : "standard"),
    retryLimit: definition.retryLimit ?? (scheduled ? 0 : 3),
    retryDelay: definition.retryDelaySeconds ?? 30,
    retryBackoff: definition.retryBackoff ?? true,
    expireInSeconds: definition.expireInSeconds ?? 15 * 60,
  };
}

export function pollingIntervalOf(definition: JobDefinition<never> | JobDefinition<object>): number {
  return definition.pollingIntervalSeconds ?? (definition.schedule !== undefined ? 15 : 5);
}
