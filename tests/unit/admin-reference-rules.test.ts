import { describe, expect, it } from "vitest";

import type { StaffActor } from "@/lib/auth/session-policy";
import { categoryCreateSchema } from "@/lib/categories/schemas";
import { officeCreateSchema, parseOfficeListFilters } from "@/lib/offices/schemas";
import { canEditTemplatesOf, canManageTemplates } from "@/lib/reply-templates/access";
import { feeAddSchema } from "@/lib/services/schemas";

type Actor = Pick<StaffActor, "role" | "scopeLevel" | "officeId">;

const admin: Actor = { role: "ADMIN", scopeLevel: "NATIONAL", officeId: null };
const officeSupervisor: Actor = { role: "SUPERVISOR", scopeLevel: "OFFICE", officeId: 7 };
const regionalSupervisor: Actor = { role: "SUPERVISOR", scopeLevel: "REGIONAL", officeId: null };
const nationalSupervisor: Actor = { role: "SUPERVISOR", scopeLevel: "NATIONAL", officeId: null };
const officer: Actor = { role: "OFFICER", scopeLevel: "OFFICE", officeId: 7 };

describe("who edits reply templates", () => {
  it("admins edit national templates and every office's", () => {
    expect(canEditTemplatesOf(admin, null)).toBe(true);
    expect(canEditTemplatesOf(admin, 7)).toBe(true);
  });

  it("an office supervisor edits their own office's templates only, never national ones", () => {
    expect(canEditTemplatesOf(officeSupervisor, 7)).toBe(true);
    expect(canEditTemplatesOf(officeSupervisor, 8)).toBe(false);
    expect(canEditTemplatesOf(officeSupervisor, null)).toBe(false);
  });

  it("officers and regional or national supervisors edit none", () => {
    for (const actor of [officer, regionalSupervisor, nationalSupervisor]) {
      expect(canEditTemplatesOf(actor, 7)).toBe(false);
      expect(canEditTemplatesOf(actor, null)).toBe(false);
      expect(canManageTemplates(actor)).toBe(false);
    }
    expect(canManageTemplates(admin)).toBe(true);
    expect(canManageTemplates(officeSupervisor)).toBe(true);
  });
});

describe("the reference forms' rules", () => {
  const office = { regionalOfficeId: "3", province: "Jawa Barat", city: "Bekasi", name: "Kantor Imigrasi Bekasi" };

  it("takes an office code in lower case and refuses anything but words joined by hyphens", () => {
    expect(officeCreateSchema.safeParse({ ...office, code: " Kanim-Bekasi-2 " }).data?.code).toBe("kanim-bekasi-2");
    const refused = officeCreateSchema.safeParse({ ...office, code: "kanim bekasi" });
    expect(refused.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([["code", "invalidFormat"]]);
  });

  it("takes only the known provinces and classes, and an empty class as unknown", () => {
    const parsed = officeCreateSchema.safeParse({ ...office, code: "kanim-x", province: "Jawa Barat", officeClass: "" });
    expect(parsed.data).toMatchObject({ province: "Jawa Barat", officeClass: null, address: null });
    const refused = officeCreateSchema.safeParse({ ...office, code: "kanim-x", province: "Atlantis", officeClass: "Kelas Z" });
    expect(refused.error?.issues.map((issue) => [issue.path[0], issue.message])).toEqual([
      ["province", "invalidChoice"],
      ["officeClass", "invalidChoice"],
    ]);
  });

  it("reads a fee written the Indonesian way, zero included, and refuses other amounts and dates", () => {
    const fee = (feeRupiah: string, effectiveFrom = "2027-01-01") => feeAddSchema.safeParse({ serviceId: "1", version: "1", feeRupiah, effectiveFrom });
    expect(fee("Rp 1.250.000").data?.feeRupiah).toBe(1_250_000);
    expect(fee("0").data?.feeRupiah).toBe(0);
    expect(fee("1,5").error?.issues[0]?.message).toBe("invalidAmount");
    expect(fee("-5").error?.issues[0]?.message).toBe("invalidAmount");
    expect(fee("950000", "2027-02-30").error?.issues[0]?.message).toBe("invalidDate");
  });

  it("takes a category code in upper case with underscores and a national problem code", () => {
    expect(categoryCreateSchema.safeParse({ code: "slow_service", problemCode: "02", nameId: "Lambat", nameEn: "Slow" }).data?.code).toBe("SLOW_SERVICE");
    expect(categoryCreateSchema.safeParse({ code: "SLOW", problemCode: "04", nameId: "Lambat", nameEn: "Slow" }).error?.issues[0]?.message).toBe("invalidChoice");
  });

  it("reads the office list's filters from the URL, ignoring what it cannot read", () => {
    expect(parseOfficeListFilters({ q: " bekasi ", region: "4", status: "closed" })).toEqual({ q: "bekasi", regionalOfficeId: 4, status: "closed" });
    expect(parseOfficeListFilters({ region: "x", status: "gone" })).toEqual({ q: "", regionalOfficeId: null, status: "all" });
  });
});

describe("a record chosen from a list", () => {
  it("asks for a choice when none was made, and refuses anything but a positive id", () => {
    const issues = (regionalOfficeId: string) =>
      officeCreateSchema.safeParse({ code: "kanim-x", regionalOfficeId, province: "Bali", city: "Gianyar", name: "Kanim" }).error?.issues.map((issue) => issue.message);
    expect(issues("")).toEqual(["required"]);
    expect(issues("0")).toEqual(["invalidFormat"]);
    expect(issues("12")).toBeUndefined();
  });
});

describe("a fee typed by an admin", () => {
  it("is refused as a field error above what the fee column holds, rather than failing the write", async () => {
    const { rupiahAmount } = await import("@/lib/admin/reference-form");
    expect(rupiahAmount.safeParse("Rp 2.147.483.647").success).toBe(true);
    expect(rupiahAmount.safeParse("3.000.000.000").success).toBe(false);
  });
});
