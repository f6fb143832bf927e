import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { z } from "zod";

import { openSealedText } from "@/lib/auth/sealed-box";
import { changePasswordSchema, passwordStepSchema, totpCodeSchema } from "@/lib/auth/schemas";
import { refreshSessionClaims } from "@/lib/auth/session-policy";
import * as caseSchemas from "@/lib/cases/schemas";
import { CASE_STATUSES, FORWARD_TARGETS } from "@/lib/cases/workflow";
import { categoryCreateSchema, categoryStatusSchema, categoryUpdateSchema } from "@/lib/categories/schemas";
import { parseHolidayCsv } from "@/lib/holidays/csv-import";
import { addHolidaySchema, deleteHolidaySchema, holidayYearSchema, updateHolidaySchema } from "@/lib/holidays/schemas";
import { OFFICE_CLASSES, PROVINCES } from "@/lib/offices/provinces";
import { officeCreateSchema, officeStatusSchema, officeUpdateSchema } from "@/lib/offices/schemas";
import { templateCreateSchema, templateStatusSchema, templateUpdateSchema } from "@/lib/reply-templates/schemas";
import { feeAddSchema, feeDeleteSchema, serviceCreateSchema, serviceUpdateSchema } from "@/lib/services/schemas";
import { bootstrapIdentitySchema } from "@/lib/staff/bootstrap-admin";
import { createStaffSchema, roleScopeSchema, scopeRequestSchema, setPasswordSchema, staffIdSchema, staffVersionSchema } from "@/lib/staff/schemas";

import { checkProperty, FUZZ_TEST_TIMEOUT_MS, hugeString, findStorageProblems, fuzzedInput, hostileString, wrongType } from "../fixtures/fuzz";

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

/**
 * Every zod schema of the staff side (case forms, reference data, holidays, staff, sign-in)
 * under generated hostile input: safeParse never throws, and what it accepts can be written
 * as it is (no NUL, every number fits its INT4 column, every text within its limit).
 */

type SchemaCase = {
  name: string;
  schema: z.ZodType;
  fields: Record<string, readonly string[]>;
  /** Fields never written as text (passwords are hashed; a holiday's place must equal a known one). */
  notStored?: string[];
  check?: (data: never) => void;
};

const UUID = ["0b7c1a56-0d43-4f0e-9d2b-2b1b7a0b8c11", "0B7C1A56-0D43-4F0E-9D2B-2B1B7A0B8C11"];
const ID = ["1", "42", "2147483647"];
const VERSION = ["1", "7", "2147483647"];
const REASON = ["Alasan yang cukup panjang untuk formulir ini."];

/** Runs one property over many schemas: each generated input goes to one of them. */
async function fuzzSchemas(name: Parameters<typeof checkProperty>[0], cases: SchemaCase[]): Promise<void> {
  const input = fc.oneof(...cases.map((entry) => fuzzedInput(entry.fields).map((value) => ({ entry, value }))));
  await checkProperty(
    name,
    fc.property(input, ({ entry, value }) => {
      const result = entry.schema.safeParse(value);
      if (!result.success) return;
      const stored = Object.fromEntries(Object.entries(result.data as object).filter(([key]) => !entry.notStored?.includes(key)));
      expect(findStorageProblems(stored), entry.name).toEqual([]);
      entry.check?.(result.data as never);
    }),
  );
}

describe("the case page's schemas", () => {
  it("never throw and accept only storable values", async () => {
    const caseRef = { caseId: UUID, version: VERSION };
    await fuzzSchemas("cases: every case form", [
      { name: "assign", schema: caseSchemas.assignSchema, fields: { ...caseRef, assigneeId: ["", ...UUID] } },
      {
        name: "status",
        schema: caseSchemas.statusChangeSchema,
        fields: { ...caseRef, to: CASE_STATUSES, rejectionReason: REASON, forwardTarget: ["", ...FORWARD_TARGETS], forwardNote: REASON, replyToReporter: ["", ...REASON], isReplySigned: ["on", "true", ""] },
        check: (data: z.infer<typeof caseSchemas.statusChangeSchema>) => {
          if (data.to === "REJECTED") expect(data.rejectionReason?.length ?? 0).toBeGreaterThanOrEqual(caseSchemas.CASE_TEXT_LIMITS.reasonMin);
        },
      },
      { name: "tier", schema: caseSchemas.deadlineTierSchema, fields: { ...caseRef, tier: caseSchemas.DEADLINE_TIERS } },
      { name: "link", schema: caseSchemas.linkSchema, fields: { ...caseRef, targetTrackingCode: ["LPR-2026-ABCD"], kind: caseSchemas.LINK_KINDS } },
      { name: "involvement", schema: caseSchemas.involvementSchema, fields: { caseId: UUID, staffUserId: UUID, reason: REASON } },
      { name: "declareInvolvement", schema: caseSchemas.declareInvolvementSchema, fields: { caseId: UUID, reason: REASON } },
      { name: "decideInvolvement", schema: caseSchemas.involvementDecisionSchema, fields: { caseId: UUID, reportId: UUID, decision: caseSchemas.INVOLVEMENT_DECISIONS, note: REASON } },
      {
        name: "message",
        schema: caseSchemas.messageSchema,
        fields: { ...caseRef, kind: caseSchemas.STAFF_MESSAGE_KINDS, body: ["Terima kasih atas laporan Anda."], isSigned: ["on", ""], isPublicConfirmed: ["on", ""] },
        check: (data: z.infer<typeof caseSchemas.messageSchema>) => expect(data.body.length).toBeLessThanOrEqual(caseSchemas.CASE_TEXT_LIMITS.messageMax),
      },
      { name: "escalation", schema: caseSchemas.escalationSchema, fields: { caseId: UUID, note: REASON } },
      { name: "identity", schema: caseSchemas.identitySchema, fields: { caseId: UUID, reason: REASON } },
    ]);
  });
});

describe("the reference data's schemas", () => {
  it("never throw and accept only storable values", async () => {
    const officeDetails = { name: ["Kantor Imigrasi Bekasi"], officeClass: ["", ...OFFICE_CLASSES.slice(0, 2)], address: ["", "Jl. Raya 1"], phone: ["", "021-123"], openingHours: ["", "08.00-16.00"] };
    const fee = { feeRupiah: ["350000", "Rp 350.000", "0", "2147483647", "2147483648"], effectiveFrom: ["2025-01-01", "2025-02-29"], legalBasis: ["", "PP 28/2019"] };
    const names = { nameId: ["Paspor"], nameEn: ["Passport"] };
    await fuzzSchemas("reference: every reference form", [
      { name: "officeCreate", schema: officeCreateSchema, fields: { code: ["kanim-bekasi", "Kanim-Bekasi"], regionalOfficeId: ID, province: PROVINCES.slice(0, 2), city: ["Bekasi"], ...officeDetails } },
      { name: "officeUpdate", schema: officeUpdateSchema, fields: { officeId: ID, version: VERSION, ...officeDetails } },
      { name: "officeStatus", schema: officeStatusSchema, fields: { officeId: ID, version: VERSION } },
      { name: "serviceCreate", schema: serviceCreateSchema, fields: { code: ["paspor-el-10th"], ...names, feeUnit: ["", "per buku"], ...fee } },
      { name: "serviceUpdate", schema: serviceUpdateSchema, fields: { serviceId: ID, version: VERSION, ...names, feeUnit: ["", "per buku"] } },
      { name: "feeAdd", schema: feeAddSchema, fields: { serviceId: ID, version: VERSION, ...fee } },
      { name: "feeDelete", schema: feeDeleteSchema, fields: { serviceId: ID, version: VERSION, feeId: ID } },
      { name: "categoryCreate", schema: categoryCreateSchema, fields: { code: ["SLOW_SERVICE", "slow_service"], problemCode: ["01", "02", "03"], ...names } },
      { name: "categoryUpdate", schema: categoryUpdateSchema, fields: { categoryId: ID, version: VERSION, ...names } },
      { name: "categoryStatus", schema: categoryStatusSchema, fields: { categoryId: ID, version: VERSION } },
      { name: "templateCreate", schema: templateCreateSchema, fields: { officeId: ["", "national", ...ID], titleId: ["Judul"], bodyId: ["Isi"], titleEn: ["Title"], bodyEn: ["Body"] } },
      { name: "templateUpdate", schema: templateUpdateSchema, fields: { templateId: ID, version: VERSION, titleId: ["Judul"], bodyId: ["Isi"], titleEn: ["Title"], bodyEn: ["Body"] } },
      { name: "templateStatus", schema: templateStatusSchema, fields: { templateId: ID, version: VERSION } },
    ]);
  });
});

describe("the holiday administration's parsers", () => {
  it("the forms' schemas never throw and accept only storable values", async () => {
    const holiday = { date: ["2026-08-17", "2026-02-30"], nameId: ["Hari Kemerdekaan"], nameEn: ["Independence Day"], kind: ["NATIONAL_HOLIDAY", "CUTI_BERSAMA", "REGIONAL_HOLIDAY"], source: ["", "SKB 3 Menteri"] };
    await fuzzSchemas("holidays: forms", [
      { name: "add", schema: addHolidaySchema, fields: { ...holiday, place: ["national", "province:Bali", "office:1"] }, notStored: ["place"] },
      { name: "update", schema: updateHolidaySchema, fields: { id: ID, version: VERSION, ...holiday } },
      { name: "delete", schema: deleteHolidaySchema, fields: { id: ID, version: VERSION } },
      { name: "year", schema: holidayYearSchema as z.ZodType, fields: {} },
    ]);
  });

  it("the CSV import never throws and imports only storable rows of the chosen year", async () => {
    const cell = fc.oneof(hostileString.map((text) => text.slice(0, 300)), fc.constantFrom("2026-08-17", "2026-02-30", "nasional", "cuti_bersama", "provinsi", "Bali", "kantor", "kanim-bekasi", "\"quoted, cell\"", "\"unclosed"));
    const csv = fc.oneof(
      hostileString,
      hugeString,
      fc
        .tuple(fc.array(fc.array(cell, { maxLength: 7 }), { maxLength: 12 }), fc.constantFrom(",", ";"), fc.constantFrom("\n", "\r\n"))
        .map(([rows, separator, newline]) => ["date,name_id,name_en,kind,place,source", ...rows.map((cells) => cells.join(separator))].join(newline)),
    );
    const context = { year: 2026, provinces: new Set(["Bali"]), officeIdsByCode: new Map([["kanim-bekasi", 1]]) };
    await checkProperty(
      "holidays: csv import",
      fc.property(csv, (text) => {
        const result = parseHolidayCsv(text, context);
        if (!result.ok) {
          expect(result.errors.length).toBeGreaterThan(0);
          return;
        }
        expect(findStorageProblems(result.rows)).toEqual([]);
        for (const row of result.rows) expect(row.dateKey.startsWith("2026-")).toBe(true);
      }),
    );
  });
});

describe("the staff administration's and sign-in's schemas", () => {
  it("the staff forms never throw and accept only storable values", async () => {
    const scope = { role: ["OFFICER", "SUPERVISOR", "ADMIN"], scopeLevel: ["OFFICE", "REGIONAL", "NATIONAL"], officeId: ["", ...ID], regionalOfficeId: ["", ...ID] };
    const identity = { name: ["Budi Santoso"], email: ["budi@imigrasi.go.id", "BUDI@IMIGRASI.GO.ID"] };
    await fuzzSchemas("staff: forms", [
      { name: "create", schema: createStaffSchema, fields: { ...identity, ...scope } },
      { name: "roleScope", schema: roleScopeSchema, fields: { staffId: UUID, version: VERSION, ...scope } },
      { name: "scopeRequest", schema: scopeRequestSchema, fields: scope },
      { name: "version", schema: staffVersionSchema, fields: { staffId: UUID, version: VERSION } },
      { name: "staffId", schema: staffIdSchema, fields: { staffId: UUID } },
      { name: "setPassword", schema: setPasswordSchema, fields: { token: ["abc"], newPassword: ["kata-sandi-panjang-1"], confirmPassword: ["kata-sandi-panjang-1"] }, notStored: ["newPassword", "confirmPassword"] },
      { name: "bootstrap", schema: bootstrapIdentitySchema, fields: identity },
    ]);
  });

  it("the sign-in and account forms never throw", async () => {
    await fuzzSchemas("auth: forms", [
      { name: "passwordStep", schema: passwordStepSchema, fields: { email: ["budi@imigrasi.go.id"], password: ["rahasia"] }, notStored: ["password"] },
      { name: "totp", schema: totpCodeSchema, fields: { code: ["123456", "123 456"] } },
      { name: "changePassword", schema: changePasswordSchema, fields: { currentPassword: ["lama"], newPassword: ["kata-sandi-panjang-1"], confirmPassword: ["kata-sandi-panjang-1"] }, notStored: ["currentPassword", "newPassword", "confirmPassword"] },
    ]);
  });

  it("a forged or garbled session cookie opens to nothing, without throwing", async () => {
    const key = Buffer.alloc(32, 7);
    const now = new Date("2026-11-28T05:00:00Z");
    await checkProperty(
      "auth: sealed session claims",
      fc.property(fc.oneof({ arbitrary: hostileString, weight: 20 }, { arbitrary: hugeString, weight: 1 }), wrongType, (sealed, claims) => {
        expect(openSealedText(sealed, key, "session")).toBeNull();
        const refreshed = refreshSessionClaims(claims, now);
        if (refreshed !== null) expect(typeof refreshed.staffId).toBe("string");
      }),
    );
  });
});
