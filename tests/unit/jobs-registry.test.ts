import { afterEach, describe, expect, it, vi } from "vitest";

import { advanceClock, clockOffsetMs, now, parseClockOffset, setClockOffset } from "@/lib/clock";
import { resolveJobWorkers } from "@/lib/env";
import { cronEveryMinutes } from "@/lib/jobs/cron";
import { JOB_DEFINITIONS, getJobDefinition } from "@/lib/jobs/registry";
import { queueOptionsOf } from "@/lib/jobs/types";

/** What replaced the per-instance timers (lib/periodic-timer.ts): the registry's schedules and policies. */
describe("the job registry", () => {
  it("has one entry per queue name, each a name pg-boss accepts", () => {
    const names = JOB_DEFINITIONS.map((definition) => definition.name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z][a-z0-9_-]{0,49}$/);
  });

  it("schedules every former timer's task, with a five-field cron expression", () => {
    const scheduled = JOB_DEFINITIONS.filter((definition) => "schedule" in definition && definition.schedule !== undefined).map((definition) => definition.name);
    expect(scheduled.sort()).toEqual(
      [
        "audit-checkpoint",
        "audit-seal",
        "contact-retention",
        "escalation-sweep",
        "export-housekeeping",
        "reports-housekeeping",
        "statistics-compaction",
        "statistics-prewarm",
        "transparency-refresh",
        "notification-new-case-batches",
        "notification-deadline-reminders",
        "notification-weekly-digest",
        "auto-close",
        "retaliation-check",
      ].sort(),
    );
    for (const definition of JOB_DEFINITIONS) {
      if (!("schedule" in definition) || definition.schedule === undefined) continue;
      const schedule = typeof definition.schedule === "function" ? definition.schedule() : definition.schedule;
      const fields = schedule.split(" ");
      expect(fields, `${definition.name}: ${schedule}`).toHaveLength(5);
      for (const field of fields) expect(field).toMatch(/^[\d*/,-]+$/);
    }
  });

  it("keeps at most one waiting and one running run of a periodic task, and retries sent jobs", () => {
    expect(queueOptionsOf(getJobDefinition("escalation-sweep"))).toMatchObject({ policy: "stately", retryLimit: 0 });
    expect(queueOptionsOf(getJobDefinition("export-file"))).toMatchObject({ policy: "standard", retryLimit: 3, retryBackoff: true });
    expect(() => getJobDefinition("no-such-job")).toThrow("No job named");
  });

  it("turns an interval in minutes into a cron expression", () => {
    expect(cronEveryMinutes(1)).toBe("* * * * *");
    expect(cronEveryMinutes(10)).toBe("*/10 * * * *");
    expect(cronEveryMinutes(60)).toBe("0 * * * *");
    expect(cronEveryMinutes(180)).toBe("0 */3 * * *");
    expect(cronEveryMinutes(0)).toBe("* * * * *");
  });
});

describe("JOB_WORKERS", () => {
  const allOff = { EXPORT_WORKER: "off", ESCALATION_SWEEP: "off", STATISTICS_PREWARM: "off", AUDIT_CHECKPOINTS: "off", CONTACT_RETENTION: "off" };

  it("runs workers by default and follows JOB_WORKERS", () => {
    expect(resolveJobWorkers({})).toEqual({ enabled: true, notes: [] });
    expect(resolveJobWorkers({ JOB_WORKERS: "off" })).toEqual({ enabled: false, notes: [] });
    expect(resolveJobWorkers({ JOB_WORKERS: "on", ...allOff }).enabled).toBe(true);
  });

  it("reads the five deprecated switches all off as JOB_WORKERS=off, and says that some off are ignored", () => {
    expect(resolveJobWorkers(allOff)).toMatchObject({ enabled: false, notes: [expect.stringContaining("read as JOB_WORKERS=off")] });
    expect(resolveJobWorkers({ EXPORT_WORKER: "off" })).toMatchObject({ enabled: true, notes: [expect.stringContaining("EXPORT_WORKER=off ignored")] });
  });
});

describe("the application clock", () => {
  afterEach(() => {
    vi.unstubAllEnvs();
    setClockOffset(null);
  });

  it("reads offsets with a unit", () => {
    expect(parseClockOffset("15d")).toBe(15 * 86_400_000);
    expect(parseClockOffset("-2h")).toBe(-7_200_000);
    expect(parseClockOffset("90m")).toBe(5_400_000);
    expect(parseClockOffset("2500ms")).toBe(2500);
    expect(parseClockOffset("ten days")).toBeNull();
    expect(parseClockOffset("15")).toBeNull();
  });

  it("moves by APP_CLOCK_OFFSET and by the tests, never in production", () => {
    vi.stubEnv("APP_CLOCK_OFFSET", "1d");
    expect(clockOffsetMs()).toBe(86_400_000);
    expect(now().getTime() - Date.now()).toBeGreaterThan(86_000_000);
    advanceClock(3_600_000);
    expect(clockOffsetMs()).toBe(90_000_000);
    setClockOffset(null);
    vi.stubEnv("NODE_ENV", "production");
    expect(clockOffsetMs()).toBe(0);
    expect(() => setClockOffset(1000)).toThrow("production");
  });
});
