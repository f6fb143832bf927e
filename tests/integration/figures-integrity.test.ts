import { beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { buildIntegritySections } from "@/lib/exports/integrity-sections";
import { cellText } from "@/lib/exports/summary";
import { getPublicIkm } from "@/lib/figures/public";
import { FiguresForbiddenError, getIntegrityFigures } from "@/lib/figures/queries";
import type { StatisticsFilters } from "@/lib/statistics/types";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";

let fixture: ScopeFixture;
const filters = (office?: string): StatisticsFilters => ({ period: { preset: "custom", from: "2026-10-01", to: "2026-10-31" }, ...(office ? { office } : {}) });

type Scores = [number, number, number, number, number, number, number, number, number];

async function addAnswers(officeId: number, channel: "RANDOM_INVITATION" | "INTERVIEWER" | "OPEN_POSTER", howMany: number, scores: Scores, askedToPay = false) {
  const [scoreRequirements, scoreProcedure, scoreTime, scoreCost, scoreProduct, scoreStaffCompetence, scoreStaffConduct, scoreComplaintHandling, scoreFacilities] = scores;
  await db.surveyResponse.createMany({
    data: Array.from({ length: howMany }, () => ({
      officeId,
      serviceId: fixture.service.id,
      channel,
      submittedOn: new Date("2026-10-15T00:00:00Z"),
      scoreRequirements,
      scoreProcedure,
      scoreTime,
      scoreCost,
      scoreProduct,
      scoreStaffCompetence,
      scoreStaffConduct,
      scoreComplaintHandling,
      scoreFacilities,
      askedToPay,
      offeredShortcutByBroker: false,
    })),
  });
}

beforeAll(async () => {
  fixture = await createScopeFixture("figures");
  const { a, b } = fixture.offices;
  // Office A: 50 services in October -> Krejcie-Morgan minimum 44. 40 random answers at 3 and
  // 4 interviews at 4: 44 respondents, NRR per element = (40*3 + 4*4) / 44 = 3.0909, IKM 77.27 (B).
  // 6 of them asked to pay extra (13.6%). 10 poster answers at 1 stay apart.
  await db.serviceVolume.create({ data: { officeId: a.id, serviceId: fixture.service.id, month: new Date("2026-10-01T00:00:00Z"), count: 50, enteredById: fixture.staff.admin.id } });
  await addAnswers(a.id, "RANDOM_INVITATION", 34, [3, 3, 3, 3, 3, 3, 3, 3, 3]);
  await addAnswers(a.id, "RANDOM_INVITATION", 6, [3, 3, 3, 3, 3, 3, 3, 3, 3], true);
  await addAnswers(a.id, "INTERVIEWER", 4, [4, 4, 4, 4, 4, 4, 4, 4, 4]);
  await addAnswers(a.id, "OPEN_POSTER", 10, [1, 1, 1, 1, 1, 1, 1, 1, 1]);
  // Office B: 1,000 services -> minimum 278; only 20 answers: sample too small.
  await db.serviceVolume.create({ data: { officeId: b.id, serviceId: fixture.service.id, month: new Date("2026-10-01T00:00:00Z"), count: 1000, enteredById: fixture.staff.admin.id } });
  await addAnswers(b.id, "RANDOM_INVITATION", 20, [4, 4, 4, 4, 4, 4, 4, 4, 4], true);
  // Reports in October: office A 2 complaints and no pungli; office B 1 pungli.
  const october = new Date("2026-10-20T03:00:00Z");
  await createFixtureCase(fixture, { officeId: a.id, kind: "COMPLAINT", receivedAt: october });
  await createFixtureCase(fixture, { officeId: a.id, kind: "COMPLAINT", receivedAt: october });
  await createFixtureCase(fixture, { officeId: b.id, kind: "PUNGLI", receivedAt: october });
});

describe("integrity figures of a supervisor's scope", () => {
  it("computes the office's IKM from random and interview answers only, with its category", async () => {
    const figures = await getIntegrityFigures(fixture.staff.supervisorOfficeA, filters());
    expect(figures.offices.map((office) => office.officeId)).toEqual([fixture.offices.a.id]);
    const office = figures.offices[0]!;
    expect(office.ikm.kind).toBe("index");
    if (office.ikm.kind !== "index") return;
    expect(office.ikm.minimum).toBe(44);
    expect(office.ikm.result.respondents).toBe(44);
    expect(office.ikm.result.index).toBe(77.27);
    expect(office.ikm.result.category).toBe("B");
    expect(office.poster).toEqual({ respondents: 10, index: 25 });
  });

  it("gives complaints and pungli per 10,000 services, and flags the office where visitors were asked to pay but nobody reported", async () => {
    const office = (await getIntegrityFigures(fixture.staff.supervisorOfficeA, filters())).offices[0]!;
    expect(office.volume).toBe(50);
    expect(office.complaintsPer10k).toBe(400);
    expect(office.pungliPer10k).toBe(0);
    expect(office.askedToPayShare).toBeCloseTo(6 / 44, 10);
    expect(office.isPungliLikelyUnderReported).toBe(true);
  });

  it("shows 'sample too small' for an office below the minimum, and never flags it", async () => {
    const figures = await getIntegrityFigures(fixture.staff.supervisorRegion1, filters(fixture.offices.b.code));
    const office = figures.offices[0]!;
    expect(office.ikm).toMatchObject({ kind: "sampleTooSmall", minimum: 278, respondents: 20 });
    expect(office.pungliPer10k).toBe(10);
    expect(office.isPungliLikelyUnderReported).toBe(false);
  });

  it("keeps to the scope: another region's supervisor sees neither office, and officers are refused", async () => {
    const figures = await getIntegrityFigures(fixture.staff.supervisorRegion2, filters());
    expect(figures.offices.some((office) => office.officeId === fixture.offices.a.id || office.officeId === fixture.offices.b.id)).toBe(false);
    await expect(getIntegrityFigures(fixture.staff.officerA, filters())).rejects.toBeInstanceOf(FiguresForbiddenError);
  });

  it("has no rate for a month without a volume entered", async () => {
    const figures = await getIntegrityFigures(fixture.staff.supervisorOfficeA, { period: { preset: "custom", from: "2026-09-01", to: "2026-10-31" } });
    expect(figures.offices[0]!.volume).toBeNull();
    expect(figures.offices[0]!.complaintsPer10k).toBeNull();
  });
});

describe("the IKM on /transparansi", () => {
  it("lists an office per half-year only where its random sample reached the minimum, and counts the others", async () => {
    const ikm = await getPublicIkm({ now: new Date("2027-01-15T03:00:00Z") });
    expect(ikm.halfYears.map((halfYear) => halfYear.label)).toEqual(["2026-S2", "2026-S1"]);
    const second = ikm.halfYears[0]!;
    expect(second.offices.find((office) => office.code === fixture.offices.a.code)).toEqual({ code: fixture.offices.a.code, name: fixture.offices.a.name, index: 77.27, category: "B", respondents: 44 });
    expect(second.offices.some((office) => office.code === fixture.offices.b.code)).toBe(false);
    expect(second.officesBelowSample).toBeGreaterThanOrEqual(1);
  });
});

describe("the survey results in the XLSX and PDF exports", () => {
  it("state the method, the sample, the index with its category and the per-element table", async () => {
    const figures = await getIntegrityFigures(fixture.staff.supervisorOfficeA, filters());
    const [survey, offices] = await buildIntegritySections(figures, "id");
    const lines = Object.fromEntries(survey!.lines.map((line) => [line.label, cellText(line.value)]));
    expect(survey!.title).toBe("Hasil Survei Kepuasan Masyarakat (Zona Integritas)");
    expect(lines["Metode"]).toContain("PermenPAN-RB 14/2017");
    expect(lines["Responden acak"]).toBe("44");
    expect(lines["Sampel minimal (Krejcie–Morgan)"]).toBe("44");
    expect(lines["IKM"]).toBe("77,27");
    expect(lines["Mutu pelayanan"]).toBe("B (Baik)");
    expect(survey!.tables[0]!.rows).toHaveLength(9);
    expect(cellText(survey!.tables[0]!.rows[0]![1]!)).toBe("3,091");
    expect(offices!.tables[0]!.rows[0]!.map(cellText)).toContain("pungli kemungkinan kurang dilaporkan");
  });
});
