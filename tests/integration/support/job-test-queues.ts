/** Queues only the job tests use (their handlers are the tests'). */

/** Short expiry, so a run whose worker was killed is failed and retried soon; retries at once. */
export const KILL_TEST_QUEUE = {
  name: "test-kill-worker",
  description: "test: a job whose first worker is killed mid-run",
  retryLimit: 5,
  retryDelaySeconds: 0,
  retryBackoff: false,
  expireInSeconds: 2,
  pollingIntervalSeconds: 0.5,
};
