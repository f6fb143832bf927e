import { describe, expect, it } from "vitest";

import { matchesOfficeSearch, officeSearchText } from "@/lib/transparency/office-search";

const denpasar = officeSearchText({ name: "Kantor Imigrasi Kelas I TPI Denpasar", city: "Denpasar", province: "Bali" });

describe("office search", () => {
  it("finds an office by its city, its province or words of its name, ignoring case", () => {
    expect(matchesOfficeSearch(denpasar, "denpasar")).toBe(true);
    expect(matchesOfficeSearch(denpasar, "BALI")).toBe(true);
    expect(matchesOfficeSearch(denpasar, "kelas i tpi")).toBe(true);
  });

  it("needs every word typed", () => {
    expect(matchesOfficeSearch(denpasar, "bali denpasar")).toBe(true);
    expect(matchesOfficeSearch(denpasar, "bali jakarta")).toBe(false);
  });

  it("ignores accents and extra spaces", () => {
    expect(matchesOfficeSearch(denpasar, "  Dénpasar  ")).toBe(true);
  });

  it("finds every office with an empty search", () => {
    expect(matchesOfficeSearch(denpasar, "   ")).toBe(true);
  });
});
