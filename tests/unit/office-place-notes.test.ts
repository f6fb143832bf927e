import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { parseCsv } from "@/prisma/seed/csv";

/**
 * An office's city is shown as it is stored on every page in both languages, so its place note
 * must not be English ("Agam (near Bukittinggi)" read so on the Indonesian /transparansi).
 */
const offices = parseCsv(readFileSync("data/immigration-offices.csv", "utf8"));
const ENGLISH_PLACE_WORDS = /\b(near|area|around|close to|city of|regency|district|island|north|south|east|west)\b/i;

describe("the offices' place notes", () => {
  it("are written without English words, like \"Aceh Barat (Meulaboh)\"", () => {
    const english = offices.filter((office) => ENGLISH_PLACE_WORDS.test(office.city ?? "")).map((office) => `${office.code}: ${office.city}`);
    expect(english).toEqual([]);
  });

  it("are brought to installations seeded before by the migration, to the same values as the data file", () => {
    const migration = readFileSync("prisma/migrations/20261208150000_office_place_notes/migration.sql", "utf8");
    for (const [, city, code] of migration.matchAll(/SET "city" = '([^']+)' WHERE "code" = '([^']+)'/g)) {
      expect(offices.find((office) => office.code === code)?.city).toBe(city);
    }
    expect([...migration.matchAll(/UPDATE "Office"/g)]).toHaveLength(2);
    // The migration runner splits on every ";", comments included: one per statement only.
    expect(migration.split(";").slice(0, -1).every((statement) => /UPDATE "Office"[^;]+$/.test(statement))).toBe(true);
  });
});
