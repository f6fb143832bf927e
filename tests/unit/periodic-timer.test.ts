import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { startPeriodicTask } from "@/lib/periodic-timer";

describe("startPeriodicTask", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("waits for the first delay, then runs every interval", async () => {
    const task = vi.fn(async () => undefined);
    startPeriodicTask("unit: runs", task, { firstRunDelayMs: 1000, intervalMs: 5000 });
    await vi.advanceTimersByTimeAsync(999);
    expect(task).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(task).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5000 * 3);
    expect(task).toHaveBeenCalledTimes(4);
  });

  it("starts a name once per process, however often it is started", async () => {
    const task = vi.fn(async () => undefined);
    startPeriodicTask("unit: once", task, { firstRunDelayMs: 10, intervalMs: 100 });
    startPeriodicTask("unit: once", task, { firstRunDelayMs: 10, intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(10);
    expect(task).toHaveBeenCalledTimes(1);
  });

  it("logs a failure and runs again at the next interval", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const task = vi.fn(async () => {
      throw new Error("database away");
    });
    startPeriodicTask("unit: fails", task, { firstRunDelayMs: 10, intervalMs: 100 });
    await vi.advanceTimersByTimeAsync(110);
    expect(task).toHaveBeenCalledTimes(2);
    expect(logged).toHaveBeenCalledTimes(2);
    expect(String(logged.mock.calls[0]![0])).toBe("unit: fails failed; the next interval retries");
  });
});
