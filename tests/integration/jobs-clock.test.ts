import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { advanceClock, setClockOffset } from "@/lib/clock";
import { db, disconnectDatabases } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue";
import { runQueuedJobs } from "@/lib/jobs/testing";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";

/**
 * A scheduled job follows the application's clock (lib/clock.ts), so a test can let time pass:
 * the escalation sweep leaves a case due in two days alone, and escalates it once the clock has
 * moved five days on. The same helper runs the job as a worker would (lib/jobs/testing.ts).
 */

const DAY_MS = 24 * 60 * 60 * 1000;
let fixture: ScopeFixture;

beforeAll(async () => {
  fixture = await createScopeFixture("jobs-clock");
});

afterEach(() => setClockOffset(null));

afterAll(() => disconnectDatabases());

async function isEscalated(caseId: string): Promise<boolean> {
  return (await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { isEscalated: true } })).isEscalated;
}

describe("the escalation-sweep job and the test clock", () => {
  it("escalates a case only once the moved clock has passed its deadline", async () => {
    const due = await createFixtureCase(fixture, { officeId: fixture.offices.a.id, verificationDueAt: new Date(Date.now() + 2 * DAY_MS) });

    await db.$transaction((tx) => enqueueJob(tx, "escalation-sweep", {}));
    expect(await runQueuedJobs("escalation-sweep")).toMatchObject({ completed: 1, failed: 0 });
    expect(await isEscalated(due.id)).toBe(false);

    advanceClock(5 * DAY_MS);
    await db.$transaction((tx) => enqueueJob(tx, "escalation-sweep", {}));
    const run = await runQueuedJobs("escalation-sweep");
    expect(run).toMatchObject({ completed: 1, failed: 0 });
    expect(run.outputs).toEqual([{ status: "done", escalated: 1 }]);
    expect(await isEscalated(due.id)).toBe(true);
  });
});
