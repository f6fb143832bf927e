import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { listCategoriesForForm, listOfficesForForm, listServicesForForm } from "@/lib/reports/lookups";

import { ensureReportReferenceData, OTHER_OFFICE, OTHER_SERVICE, TEST_SERVICE, TEST_SERVICE_FEE, whileInactive } from "../fixtures/reports";
import { connectTestDatabase } from "./support/database";

const db = connectTestDatabase();

beforeAll(async () => {
  await ensureReportReferenceData(db);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the report form's choices", () => {
  it("list active offices by province, then name", async () => {
    await whileInactive(db, { office: OTHER_OFFICE, service: OTHER_SERVICE }, async () => {
      const offices = await listOfficesForForm();
      expect(offices.map((office) => office.code)).not.toContain(OTHER_OFFICE);
      const sortKeys = offices.map((office) => [office.province, office.name] as const);
      const sorted = [...sortKeys].sort(([provinceA, nameA], [provinceB, nameB]) => provinceA.localeCompare(provinceB, "en") || nameA.localeCompare(nameB, "en"));
      expect(sortKeys.map(([province]) => province)).toEqual(sorted.map(([province]) => province));
      expect(Object.keys(offices[0]!).sort()).toEqual(["city", "code", "name", "province"]);
    });
  });

  it("name active services and their official fees in the visitor's language", async () => {
    await whileInactive(db, { office: OTHER_OFFICE, service: OTHER_SERVICE }, async () => {
      const [indonesian, english] = await Promise.all([listServicesForForm("id"), listServicesForForm("en")]);
      expect(indonesian.map((service) => service.code)).not.toContain(OTHER_SERVICE);
      expect(indonesian.find((service) => service.code === TEST_SERVICE)).toEqual({
        code: TEST_SERVICE,
        name: expect.stringContaining("Paspor biasa elektronik"),
        feeRupiah: TEST_SERVICE_FEE,
        // The whole history, so the form shows the fee of the incident date the reporter enters.
        fees: [{ feeRupiah: TEST_SERVICE_FEE, effectiveFrom: "2024-12-17" }],
      });
      expect(english.find((service) => service.code === TEST_SERVICE)?.name).toContain("Ordinary electronic passport");
    });
  });

  it("name the categories with their national problem code", async () => {
    const categories = await listCategoriesForForm("en");
    expect(categories.find((category) => category.code === "PUNGLI")).toEqual({ code: "PUNGLI", name: "Illegal levy (pungli)", problemCode: "03" });
  });
});
