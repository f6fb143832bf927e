import { describe, expect, it } from "vitest";

import { createProcessingSlots } from "@/lib/attachments/processing-slots";

/** A task that starts (visibly) when its slot comes, and ends when told. */
function controlledTask(value: string) {
  let started = false;
  let finish!: () => void;
  let fail!: (error: Error) => void;
  const done = new Promise<string>((resolve, reject) => {
    finish = () => resolve(value);
    fail = reject;
  });
  let signalStart!: () => void;
  const whenStarted = new Promise<void>((resolve) => {
    signalStart = resolve;
  });
  return {
    task: () => {
      started = true;
      signalStart();
      return done;
    },
    get started() {
      return started;
    },
    whenStarted,
    finish: () => finish(),
    fail: (error: Error) => fail(error),
  };
}

describe("processing slots", () => {
  it("runs as many tasks as there are slots, lines up as many as the line holds, and answers busy beyond", async () => {
    const slots = createProcessingSlots({ running: 2, waiting: 1 });
    const [first, second, third, fourth] = ["a", "b", "c", "d"].map(controlledTask);

    const runs = [first!, second!, third!].map((task) => slots.run(task.task));
    const refused = await slots.run(fourth!.task);

    expect(refused).toEqual({ status: "busy" });
    expect([first!.started, second!.started, third!.started, fourth!.started]).toEqual([true, true, false, false]);
    expect(slots.load).toEqual({ running: 2, waiting: 1 });

    first!.finish();
    await third!.whenStarted;
    expect(await runs[0]).toEqual({ status: "done", value: "a" });
    expect(slots.load).toEqual({ running: 2, waiting: 0 });

    second!.finish();
    third!.finish();
    expect(await Promise.all(runs.slice(1))).toEqual([
      { status: "done", value: "b" },
      { status: "done", value: "c" },
    ]);
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
  });

  it("starts the waiting tasks in the order they arrived", async () => {
    const slots = createProcessingSlots({ running: 1, waiting: 2 });
    const [first, second, third] = ["a", "b", "c"].map(controlledTask);
    const runs = [first!, second!, third!].map((task) => slots.run(task.task));

    first!.finish();
    await second!.whenStarted;
    expect(third!.started).toBe(false);
    second!.finish();
    await third!.whenStarted;
    third!.finish();
    expect((await Promise.all(runs)).map((outcome) => outcome.status === "done" && outcome.value)).toEqual(["a", "b", "c"]);
  });

  it("frees the slot of a task that fails, and passes the failure on", async () => {
    const slots = createProcessingSlots({ running: 1, waiting: 0 });
    const failing = controlledTask("a");
    const run = slots.run(failing.task);
    expect(await slots.run(async () => "refused")).toEqual({ status: "busy" });

    failing.fail(new Error("decoder crashed"));
    await expect(run).rejects.toThrow("decoder crashed");
    expect(slots.load).toEqual({ running: 0, waiting: 0 });
    expect(await slots.run(async () => "next")).toEqual({ status: "done", value: "next" });
  });
});
