import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffActor } from "@/lib/auth/session-policy";
import { reviewSurveyBurstFlag, listSurveyBurstFlags } from "@/lib/surveys/bursts";
import { countedSurveyResponseWhere } from "@/lib/surveys/counted";
import { checkInvitationCode, listDayInvitations } from "@/lib/surveys/invitations";
import type { SurveyField } from "@/lib/surveys/schemas";
import { submitSurveyAnswers } from "@/lib/surveys/submit";

import { connectTestDatabase } from "./support/database";

const db = connectTestDatabase();
const suffix = randomUUID().slice(0, 8);

type Fixture = { jakarta: { id: number; code: string; regionalOfficeId: number }; jayapura: { id: number; code: string; regionalOfficeId: number }; serviceCode: string };
let fixture: Fixture;

function actor(overrides: Partial<StaffActor>): StaffActor {
  return { id: randomUUID(), name: "Uji", email: `uji-${randomUUID()}@example.test`, role: "OFFICER", scopeLevel: "OFFICE", officeId: null, regionalOfficeId: null, ...overrides };
}

function answers(overrides: Partial<Record<SurveyField, string>> = {}): Record<SurveyField, string> {
  return {
    serviceCode: fixture.serviceCode,
    requirements: "3",
    procedure: "3",
    time: "2",
    cost: "4",
    product: "3",
    staffCompetence: "3",
    staffConduct: "4",
    complaintHandling: "2",
    facilities: "3",
    askedToPay: "no",
    askedToPayAmount: "",
    askedToPayBy: "",
    offeredShortcut: "no",
    receiptGiven: "yes",
    comment: "",
    ...overrides,
  };
}

beforeAll(async () => {
  const region = await db.regionalOffice.create({ data: { code: `kanwil-survei-${suffix}`, name: `Kanwil Survei ${suffix}` } });
  const otherRegion = await db.regionalOffice.create({ data: { code: `kanwil-lain-${suffix}`, name: `Kanwil Lain ${suffix}` } });
  const jakarta = await db.office.create({ data: { code: `kanim-survei-jkt-${suffix}`, name: "Kanim Survei Jakarta", city: "Jakarta", province: "DKI Jakarta", regionalOfficeId: region.id } });
  const jayapura = await db.office.create({ data: { code: `kanim-survei-jpr-${suffix}`, name: "Kanim Survei Jayapura", city: "Jayapura", province: "Papua", regionalOfficeId: otherRegion.id } });
  const service = await db.service.create({ data: { code: `layanan-survei-${suffix}`, nameId: "Paspor uji", nameEn: "Test passport" } });
  fixture = {
    jakarta: { id: jakarta.id, code: jakarta.code, regionalOfficeId: region.id },
    jayapura: { id: jayapura.id, code: jayapura.code, regionalOfficeId: otherRegion.id },
    serviceCode: service.code,
  };
});

afterAll(async () => {
  await db.$disconnect();
});

describe("invitation codes", () => {
  it("work exactly once, even when sent twice at the same moment", async () => {
    const officer = actor({ officeId: fixture.jakarta.id });
    const now = new Date("2031-03-03T03:00:00Z");
    const day = await listDayInvitations(officer, fixture.jakarta.code, now);
    expect(day!.invitations.length).toBeGreaterThan(0);
    const { code } = day!.invitations[0]!;

    const results = await Promise.all([0, 1].map(() => submitSurveyAnswers({ officeCode: fixture.jakarta.code, values: answers(), wayIn: { kind: "code", code }, now })));
    expect(results.map((result) => result.status).sort()).toEqual(["recorded", "refused"]);
    expect(results.find((result) => result.status === "refused")).toMatchObject({ error: "codeUsed" });
    expect(await checkInvitationCode(fixture.jakarta.id, code, now)).toBe("used");
    const recorded = await db.surveyResponse.findMany({ where: { officeId: fixture.jakarta.id, channel: "RANDOM_INVITATION" } });
    expect(recorded).toHaveLength(1);
    expect(recorded[0]!.submittedOn.toISOString().slice(0, 10)).toBe("2031-03-03");
  });

  it("expire at the end of the office's own day (WIT for an office in Papua)", async () => {
    const officer = actor({ officeId: fixture.jayapura.id });
    // 23:30 WIT on 3 March is 14:30 UTC; the Jayapura day ends at 15:00 UTC.
    const printedAt = new Date("2031-03-03T14:30:00Z");
    const day = await listDayInvitations(officer, fixture.jayapura.code, printedAt);
    expect(day!.dayKey).toBe("2031-03-03");
    expect(day!.expiresAt).toBe("2031-03-03T15:00:00.000Z");
    const [first, second] = day!.invitations;

    const before = await submitSurveyAnswers({ officeCode: fixture.jayapura.code, values: answers(), wayIn: { kind: "code", code: first!.code }, now: new Date("2031-03-03T14:59:00Z") });
    expect(before.status).toBe("recorded");
    const after = await submitSurveyAnswers({ officeCode: fixture.jayapura.code, values: answers(), wayIn: { kind: "code", code: second!.code }, now: new Date("2031-03-03T15:00:00Z") });
    expect(after).toMatchObject({ status: "refused", error: "codeExpired" });
  });

  it("do not work at another office, and a refused answer writes nothing", async () => {
    const officer = actor({ officeId: fixture.jakarta.id });
    const now = new Date("2031-03-04T03:00:00Z");
    const day = await listDayInvitations(officer, fixture.jakarta.code, now);
    const count = await db.surveyResponse.count();
    const result = await submitSurveyAnswers({ officeCode: fixture.jayapura.code, values: answers(), wayIn: { kind: "code", code: day!.invitations[0]!.code }, now });
    expect(result).toMatchObject({ status: "refused", error: "codeUnknown" });
    expect(await db.surveyResponse.count()).toBe(count);
    expect(await checkInvitationCode(fixture.jakarta.id, day!.invitations[0]!.code, now)).toBe("valid");
  });
});

describe("answers", () => {
  it("refuse a half-filled survey with what is missing, keeping every answer", async () => {
    const values = answers({ time: "", askedToPay: "yes", askedToPayAmount: "Rp 500.000", askedToPayBy: "" });
    const result = await submitSurveyAnswers({ officeCode: fixture.jakarta.code, values, wayIn: { kind: "poster", clientAddress: "198.51.100.60" }, now: new Date("2031-04-01T03:00:00Z") });
    expect(result).toEqual({ status: "invalid", fieldErrors: { time: "required", askedToPayBy: "required" }, values });
  });

  it("limit poster answers per client per hour without storing the address", async () => {
    const now = new Date("2031-05-01T03:00:00Z");
    const client = "203.0.113.77";
    const results = [];
    for (let index = 0; index < 4; index += 1) results.push(await submitSurveyAnswers({ officeCode: fixture.jakarta.code, values: answers(), wayIn: { kind: "poster", clientAddress: client }, now }));
    expect(results.map((result) => result.status)).toEqual(["recorded", "recorded", "recorded", "refused"]);
    expect(results[3]).toMatchObject({ error: "rateLimited" });
    const stored = JSON.stringify(await db.$queryRaw`SELECT * FROM "RateLimitBucket"`) + JSON.stringify(await db.surveyResponse.findMany());
    expect(stored).not.toContain(client);
  });

  it("flag a burst of poster answers to the office's supervisors and leave it out of the counted answers until accepted", async () => {
    const now = new Date("2031-06-01T03:01:00Z");
    for (let index = 0; index < 8; index += 1) {
      const result = await submitSurveyAnswers({ officeCode: fixture.jakarta.code, values: answers(), wayIn: { kind: "poster", clientAddress: `198.51.100.${100 + index}` }, now });
      expect(result.status).toBe("recorded");
    }
    const flagged = await db.surveyResponse.findMany({ where: { officeId: fixture.jakarta.id, submittedOn: new Date("2031-06-01T00:00:00Z") }, select: { burstFlagId: true } });
    expect(flagged).toHaveLength(8);
    expect(new Set(flagged.map((row) => row.burstFlagId)).size).toBe(1);
    expect(flagged[0]!.burstFlagId).not.toBeNull();

    const supervisorRow = await db.staffUser.create({ data: { name: "Kanwil", email: `kanwil-${suffix}@example.test`, role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: fixture.jakarta.regionalOfficeId } });
    const supervisor = actor({ id: supervisorRow.id, role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: fixture.jakarta.regionalOfficeId });
    const officer = actor({ officeId: fixture.jakarta.id });
    // The office's own head would be accepting answers about their own office: only those above it review.
    const officeHead = actor({ role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: fixture.jakarta.id });
    const otherSupervisor = actor({ role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: fixture.jayapura.regionalOfficeId });
    const flags = await listSurveyBurstFlags(supervisor, { officeId: fixture.jakarta.id });
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({ channel: "OPEN_POSTER", answerCount: 8, status: "OPEN" });
    expect(await listSurveyBurstFlags(officer)).toEqual([]);
    expect(await listSurveyBurstFlags(otherSupervisor)).toEqual([]);
    expect(await listSurveyBurstFlags(officeHead)).toEqual([]);

    const counted = () => db.surveyResponse.count({ where: { AND: [{ officeId: fixture.jakarta.id, submittedOn: new Date("2031-06-01T00:00:00Z") }, countedSurveyResponseWhere] } });
    expect(await counted()).toBe(0);
    expect(await reviewSurveyBurstFlag(otherSupervisor, flags[0]!.id, "ACCEPTED")).toBe("notFound");
    expect(await reviewSurveyBurstFlag(officer, flags[0]!.id, "ACCEPTED")).toBe("notFound");
    expect(await reviewSurveyBurstFlag(officeHead, flags[0]!.id, "ACCEPTED")).toBe("notFound");
    expect(await reviewSurveyBurstFlag(supervisor, flags[0]!.id, "ACCEPTED")).toBe("reviewed");
    expect(await counted()).toBe(8);
    // The decision that changes what the index counts is in the audit trail, by whom.
    const reviewed = await db.caseEvent.findMany({ where: { action: "SURVEY_BURST_REVIEWED", actorId: supervisor.id } });
    expect(reviewed).toHaveLength(1);
    expect(reviewed[0]!.after).toEqual({ status: "ACCEPTED" });
  });
});

describe("authorization", () => {
  it("lets office staff and supervisors in scope draw codes, and nobody else", async () => {
    const now = new Date("2031-07-01T03:00:00Z");
    const allowed = [
      actor({ officeId: fixture.jakarta.id }),
      actor({ role: "SUPERVISOR", scopeLevel: "REGIONAL", regionalOfficeId: fixture.jakarta.regionalOfficeId }),
      actor({ role: "ADMIN", scopeLevel: "NATIONAL" }),
    ];
    const refused = [
      actor({ officeId: fixture.jayapura.id }),
      actor({ role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: fixture.jayapura.id }),
      actor({ role: "SURVEYOR", scopeLevel: "NATIONAL" }),
    ];
    for (const staff of allowed) expect(await listDayInvitations(staff, fixture.jakarta.code, now), staff.role).not.toBeNull();
    for (const staff of refused) expect(await listDayInvitations(staff, fixture.jakarta.code, now), staff.role).toBeNull();
  });

  it("lets surveyors and supervisors above the office enter interviews, marked as such, and refuses the office's officers and head", async () => {
    const now = new Date("2031-07-02T03:00:00Z");
    const surveyorRow = await db.staffUser.create({ data: { name: "Surveior", email: `surveior-${suffix}@example.test`, role: "SURVEYOR", scopeLevel: "REGIONAL", regionalOfficeId: fixture.jakarta.regionalOfficeId } });
    const surveyor = actor({ id: surveyorRow.id, role: "SURVEYOR", scopeLevel: "REGIONAL", regionalOfficeId: fixture.jakarta.regionalOfficeId });
    const recorded = await submitSurveyAnswers({ officeCode: fixture.jakarta.code, values: answers(), wayIn: { kind: "interview", actor: surveyor }, now });
    expect(recorded.status).toBe("recorded");
    const row = await db.surveyResponse.findUniqueOrThrow({ where: { id: (recorded as { responseId: string }).responseId } });
    expect(row).toMatchObject({ channel: "INTERVIEWER", interviewerId: surveyorRow.id });

    const elsewhere = await submitSurveyAnswers({ officeCode: fixture.jayapura.code, values: answers(), wayIn: { kind: "interview", actor: surveyor }, now });
    expect(elsewhere).toMatchObject({ status: "refused", error: "forbidden" });
    const officer = await submitSurveyAnswers({ officeCode: fixture.jakarta.code, values: answers(), wayIn: { kind: "interview", actor: actor({ officeId: fixture.jakarta.id }) }, now });
    expect(officer).toMatchObject({ status: "refused", error: "forbidden" });
    const officeHead = await submitSurveyAnswers({ officeCode: fixture.jakarta.code, values: answers(), wayIn: { kind: "interview", actor: actor({ role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: fixture.jakarta.id }) }, now });
    expect(officeHead).toMatchObject({ status: "refused", error: "forbidden" });
  });
});
