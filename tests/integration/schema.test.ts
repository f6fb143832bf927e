import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { addWorkingDays } from "@/lib/deadlines/working-days";
import { Prisma } from "@/lib/generated/prisma/client";
import { generateTrackingCode } from "@/lib/reports/receipt";

import { connectTestDatabase } from "./support/database";

const db = connectTestDatabase();
let officeId: number;
let categoryId: number;

async function createCase(description: string) {
  const receivedAt = new Date();
  return db.case.create({
    data: {
      trackingCode: generateTrackingCode(),
      receiptSecretHash: "not-a-real-hash",
      kind: "PUNGLI",
      channel: "ONLINE",
      officeId,
      categoryId,
      description,
      reporterMode: "ANONYMOUS",
      receivedAt,
      verificationDueAt: addWorkingDays(receivedAt, 3, new Set()),
    },
  });
}

beforeAll(async () => {
  const regional = await db.regionalOffice.upsert({
    where: { code: "kanwil-test-schema" },
    create: { code: "kanwil-test-schema", name: "Kanwil Uji" },
    update: {},
  });
  officeId = (
    await db.office.upsert({
      where: { code: "kanim-test-schema" },
      create: { code: "kanim-test-schema", name: "Kantor Imigrasi Uji", city: "Uji", province: "Uji", regionalOfficeId: regional.id },
      update: {},
    })
  ).id;
  categoryId = (
    await db.category.upsert({
      where: { code: "TEST_SCHEMA" },
      create: { code: "TEST_SCHEMA", nameId: "Uji", nameEn: "Test", problemCode: "02" },
      update: {},
    })
  ).id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("case full-text search", () => {
  it("finds cases by the stem of an Indonesian word", async () => {
    const created = await createCase("Petugas meminta uang pelicin untuk mempercepat pelayanan paspor.");
    await createCase("Ruang tunggu panas dan kursinya kurang.");
    const found = await db.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT id FROM "Case" WHERE "searchVector" @@ plainto_tsquery('indonesian', ${"layanan dipercepat"})`);
    expect(found.map((row) => row.id)).toContain(created.id);
    expect(found).toHaveLength(1);
  });
});

describe("case constraints", () => {
  it("refuses a second case with the same tracking code", async () => {
    const first = await createCase("Kasus pertama");
    await expect(
      db.case.create({
        data: {
          trackingCode: first.trackingCode,
          receiptSecretHash: "x",
          kind: "COMPLAINT",
          channel: "ONLINE",
          officeId,
          categoryId,
          description: "Kasus kedua",
          reporterMode: "ANONYMOUS",
          verificationDueAt: new Date(),
        },
      }),
    ).rejects.toMatchObject({ code: "P2002" });
  });

  it("lets exactly one of two updates of the same version win", async () => {
    const item = await createCase("Dua petugas menyunting bersamaan");
    const update = (status: "VERIFIED" | "REJECTED") =>
      db.case.updateMany({ where: { id: item.id, version: item.version }, data: { status, version: { increment: 1 } } });
    const results = await Promise.all([update("VERIFIED"), update("REJECTED")]);
    expect(results.map((result) => result.count).sort()).toEqual([0, 1]);
    expect((await db.case.findUniqueOrThrow({ where: { id: item.id } })).version).toBe(item.version + 1);
  });

  it("does not return the receipt hash unless asked for by name", async () => {
    const item = await createCase("Rahasia");
    expect(await db.case.findUniqueOrThrow({ where: { id: item.id } })).not.toHaveProperty("receiptSecretHash");
  });
});
