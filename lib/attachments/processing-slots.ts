/**
 * A fixed number of slots for expensive work in this process, and a short, bounded line of
 * work waiting for one. Work that finds the line full is not started: the caller answers "busy,
 * try again" instead, so the memory the work can take at once is bounded by the slots, however
 * many requests arrive together.
 *
 * This state lives in process memory on purpose, unlike the rate limits (Postgres): it bounds
 * what this process itself holds. Each instance behind the load balancer has its own slots.
 */

export type SlotOutcome<T> = { status: "done"; value: T } | { status: "busy" };

export type ProcessingSlots = {
  /** Runs the task in a free slot, after waiting in line for one, or answers busy when the line is full. */
  run<T>(task: () => Promise<T>): Promise<SlotOutcome<T>>;
  /** How many tasks run and wait right now. */
  readonly load: { running: number; waiting: number };
};

export function createProcessingSlots(limits: { running: number; waiting: number }): ProcessingSlots {
  let running = 0;
  const line: (() => void)[] = [];

  function release(): void {
    const next = line.shift();
    // The slot passes straight to the next in line, so `running` does not change.
    if (next) next();
    else running -= 1;
  }

  return {
    async run<T>(task: () => Promise<T>): Promise<SlotOutcome<T>> {
      if (running < limits.running) running += 1;
      else if (line.length < limits.waiting) await new Promise<void>((resolve) => line.push(resolve));
      else return { status: "busy" };
      try {
        return { status: "done", value: await task() };
      } finally {
        release();
      }
    },
    get load() {
      return { running, waiting: line.length };
    },
  };
}
