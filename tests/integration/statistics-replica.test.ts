import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

import { createPrismaClient, type Database } from "@/lib/prisma-client";

import { provideTestFileDatabase } from "./_setup/test-file-database";

/**
 * DATABASE_READ_URL: the statistics aggregates read from the replica, while writes (the stored
 * snapshot), the queue and the check for involvement marks stay on the primary. The "replica"
 * here is a second database whose rows differ from the primary's on purpose, so a figure shows
 * which one it was read from.
 */

const replica = await provideTestFileDatabase(inject("migratedDatabase"));
process.env.DATABASE_READ_URL = replica.url;

const { PrismaPg } = await import("@prisma/adapter-pg");
const { db, readDb } = await import("@/lib/db");
const { findQueueCases } = await import("@/lib/cases/queue");
const { parseQueueFilters } = await import("@/lib/cases/queue-filters");
const { getStatistics } = await import("@/lib/statistics/queries");
const { getStatisticsSnapshot } = await import("@/lib/statistics/snapshots");
const { createFixtureCase, createScopeFixture } = await import("./cases-fixtures");

const MARCH = { period: { preset: "custom", from: "2026-03-01", to: "2026-03-31" } } as const;
const NOW = new Date("2026-04-02T03:00:00Z");

let replicaClient: Database;
let fixture: Awaited<ReturnType<typeof createScopeFixture>>;

beforeAll(async () => {
  fixture = await createScopeFixture("replica");
  // Primary: one March case in office A.
  await createFixtureCase(fixture, { officeId: fixture.offices.a.id, receivedAt: new Date("2026-03-10T03:00:00Z"), verificationDueAt: new Date("2026-03-13T16:59:59.999Z") });

  // Replica: another office with two March cases.
  replicaClient = createPrismaClient(new PrismaPg({ connectionString: replica.url, max: 2 }));
  const region = await replicaClient.regionalOffice.create({ data: { code: "kanwil-replika", name: "Kanwil Replika" } });
  const office = await replicaClient.office.create({ data: { code: "kanim-replika", name: "Kanim Replika", city: "Kota", province: "Provinsi", regionalOfficeId: region.id } });
  const category = await replicaClient.category.create({ data: { code: "REPLIKA", nameId: "Replika", nameEn: "Replica", problemCode: "02" } });
  for (const [index, day] of ["03", "04"].entries()) {
    await replicaClient.case.create({
      data: {
        trackingCode: `LI-REPL-000${index}`,
        receiptSecretHash: "not-a-real-hash",
        kind: "COMPLAINT",
        channel: "ONLINE",
        officeId: office.id,
        categoryId: category.id,
        description: "Kasus di replika",
        reporterMode: "ANONYMOUS",
        receivedAt: new Date(`2026-03-${day}T03:00:00Z`),
        verificationDueAt: new Date(`2026-03-${day}T16:59:59.999Z`),
      },
    });
  }
});

afterAll(async () => {
  await replicaClient.$disconnect();
  await readDb.$disconnect();
  await db.$disconnect();
  await replica.dispose();
});

describe("with DATABASE_READ_URL set", () => {
  it("computes the statistics from the replica", async () => {
    const report = await getStatistics(fixture.staff.supervisorNational, MARCH, { now: NOW });
    expect(report.volume.received).toBe(2);
    expect(report.offices.map((office) => office.name)).toEqual(["Kanim Replika"]);
  });

  it("keeps the queue on the primary", async () => {
    const page = await findQueueCases(fixture.staff.supervisorNational, parseQueueFilters({ status: "all" }), { now: NOW });
    expect(page.cases).toHaveLength(1);
  });

  it("stores the computed view on the primary, never on the replica", async () => {
    const report = await getStatisticsSnapshot(fixture.staff.supervisorNational, MARCH, { now: NOW });
    expect(report.volume.received).toBe(2);
    expect(await db.statisticsSnapshot.count()).toBe(1);
    expect(await replicaClient.statisticsSnapshot.count()).toBe(0);
  });
});
