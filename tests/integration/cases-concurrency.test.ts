import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import type { CaseActionState } from "@/lib/cases/action-state";
import { CaseConflictError } from "@/lib/cases/errors";
import { postCaseMessage } from "@/lib/cases/messages";
import { changeCaseStatus } from "@/lib/cases/status";
import { db } from "@/lib/db";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";

const session = vi.hoisted(() => ({ current: null as StaffActor | null }));
vi.mock("@/lib/auth/session", () => ({
  getCurrentStaff: async () => session.current,
  requireStaff: async () => session.current,
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

const actions = await import("@/lib/cases/actions");

let fixture: ScopeFixture;

beforeAll(async () => {
  fixture = await createScopeFixture("concurrency");
});

afterAll(async () => {
  await db.$disconnect();
});

describe("two officers saving the same version of a case", () => {
  it("lets exactly one status change win; the other gets a conflict", async () => {
    const { offices, staff } = fixture;
    const target = await createFixtureCase(fixture, { officeId: offices.a.id });
    const results = await Promise.allSettled([
      changeCaseStatus(staff.officerA, { caseId: target.id, version: 1, to: "VERIFIED" }),
      changeCaseStatus(staff.colleagueA, { caseId: target.id, version: 1, to: "REJECTED", rejectionReason: "Bukan kewenangan kantor ini." }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((result) => result.status === "rejected");
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toBeInstanceOf(CaseConflictError);

    const row = await db.case.findUniqueOrThrow({ where: { id: target.id }, select: { version: true, status: true } });
    expect(row.version).toBe(2);
    expect(await db.caseEvent.count({ where: { caseId: target.id, action: "STATUS_CHANGED" } })).toBe(1);
  });

  it("lets exactly one of many simultaneous replies through", async () => {
    const { offices, staff } = fixture;
    const target = await createFixtureCase(fixture, { officeId: offices.a.id });
    const results = await Promise.allSettled(
      [staff.officerA, staff.colleagueA, staff.admin, staff.officerA].map((actor, index) =>
        postCaseMessage(actor, { caseId: target.id, version: 1, kind: "PUBLIC_REPLY", body: `Balasan ${index}`, isSigned: false }),
      ),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(await db.caseMessage.count({ where: { caseId: target.id } })).toBe(1);
  });

  it("answers the second save with the fresh state and everything that was typed", async () => {
    const { offices, staff } = fixture;
    const target = await createFixtureCase(fixture, { officeId: offices.a.id });
    session.current = staff.officerA;
    const idle: CaseActionState = { status: "idle" };
    const first = new FormData();
    Object.entries({ caseId: target.id, version: "1", to: "VERIFIED" }).forEach(([key, value]) => first.set(key, value));
    expect(await actions.changeCaseStatusAction(idle, first)).toEqual({ status: "success", form: "status" });

    session.current = staff.colleagueA;
    const second = new FormData();
    const typed = { caseId: target.id, version: "1", kind: "PUBLIC_REPLY", body: "Mohon kirim foto kuitansi yang Anda terima.", isSigned: "on", isPublicConfirmed: "on" };
    Object.entries(typed).forEach(([key, value]) => second.set(key, value));
    const answer = await actions.postCaseMessageAction(idle, second);

    expect(answer).toMatchObject({
      status: "conflict",
      message: "conflict",
      values: typed,
      fresh: { version: 2, status: "VERIFIED", lastChange: { action: "STATUS_CHANGED", actorName: staff.officerA.name } },
    });
    expect(await db.caseMessage.count({ where: { caseId: target.id } })).toBe(0);
  });
});
