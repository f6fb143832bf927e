import fc from "fast-check";
import type { NextRequest as NextRequestType } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { POST as downloadReceiptPdf } from "@/app/(public)/lapor/tanda-terima/pdf/route";
import { GET as downloadEvidence } from "@/app/api/bukti/[id]/route";
import { GET as downloadExport } from "@/app/api/ekspor/[id]/route";
import { POST as uploadEvidence } from "@/app/api/laporan/bukti/route";
import { parseAuditFilters, findAuditEvents } from "@/lib/audit/trail";
import type { StaffActor } from "@/lib/auth/session";
import { parseQueueFilters } from "@/lib/cases/queue-filters";
import { findQueueCases } from "@/lib/cases/queue";
import { listOfficesForAdmin } from "@/lib/offices/offices";
import { parseOfficeListFilters } from "@/lib/offices/schemas";
import { parseStaffListFilters } from "@/lib/staff/schemas";
import { findStaffList } from "@/lib/staff/staff-directory";

import { checkProperty, describeEntries, type FormEntry, FUZZ_TEST_TIMEOUT_MS, fuzzedFormEntries, hostileString, hugeString, nearMiss, toFormData } from "../fixtures/fuzz";
import type { createNextRequestStandIn } from "../fixtures/next-request";
import { ensureReportReferenceData, listStoredFiles } from "../fixtures/reports";
import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";
import { connectTestDatabase } from "./support/database";
import { countRows, diffRowCounts } from "./support/row-counts";

/**
 * The route handlers and the staff list pages' URL filters under generated hostile requests,
 * against the real test database: never a 5xx, never a thrown error, and a refused request
 * writes nothing (every table's row count unchanged, no staged file left).
 */

vi.setConfig({ testTimeout: FUZZ_TEST_TIMEOUT_MS });

const nextRequest = vi.hoisted(() => ({ standIn: undefined as unknown as ReturnType<typeof createNextRequestStandIn> }));
vi.mock("next/headers", async () => {
  const { createNextRequestStandIn: create } = await import("../fixtures/next-request");
  nextRequest.standIn = create();
  return nextRequest.standIn.headersModule;
});
vi.mock("next/server", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/server")>()), after: vi.fn() }));
const session = vi.hoisted(() => ({ current: null as StaffActor | null }));
vi.mock("@/lib/auth/session", async () => ({ getCurrentStaff: async () => session.current }));

const { NextRequest } = await import("next/server");

const db = connectTestDatabase();
let fixture: ScopeFixture;
let trackingCode: string;

beforeAll(async () => {
  await ensureReportReferenceData(db);
  fixture = await createScopeFixture("fuzz-routes");
  ({ trackingCode } = await createFixtureCase(fixture, { officeId: fixture.offices.a.id }));
});

afterAll(async () => {
  session.current = null;
  await db.$disconnect();
});

let clientNumber = 0;
/** Each generated request comes from its own client, so the abuse limits answer only where they are the point. */
function asNewClient(): void {
  clientNumber += 1;
  nextRequest.standIn.useClientAddress(`198.51.${Math.floor(clientNumber / 250) % 250}.${clientNumber % 250}`);
}

const ORIGIN = "http://localhost:3000";
const sameSiteHeaders = { origin: ORIGIN, host: "localhost:3000" };

/** A body as a browser, a script or an attacker could send it: FormData, url-encoded, JSON or raw bytes. */
function requestBody(fields: Record<string, readonly string[]>): fc.Arbitrary<FuzzedBody> {
  return fc.oneof(
    { arbitrary: fuzzedFormEntries(fields).map((entries) => ({ kind: "multipart" as const, entries })), weight: 6 },
    { arbitrary: fuzzedFormEntries(fields).map((entries) => ({ kind: "urlencoded" as const, entries })), weight: 3 },
    { arbitrary: fc.tuple(fc.oneof(hostileString, hugeString), fc.constantFrom("application/json", "multipart/form-data", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", "")).map(([text, contentType]) => ({ kind: "raw" as const, text, contentType })), weight: 2 },
  );
}

type FuzzedBody = { kind: "multipart"; entries: FormEntry[] } | { kind: "urlencoded"; entries: FormEntry[] } | { kind: "raw"; text: string; contentType: string };

function postRequest(path: string, body: FuzzedBody, headers: Record<string, string> = {}): NextRequestType {
  const init = { method: "POST", headers: { ...sameSiteHeaders, ...headers } as Record<string, string> };
  if (body.kind === "multipart") return new NextRequest(`${ORIGIN}${path}`, { ...init, body: toFormData(body.entries) });
  if (body.kind === "urlencoded") {
    const params = new URLSearchParams(body.entries.map(({ name, value }) => [name, typeof value === "string" ? value : value.fileName]));
    return new NextRequest(`${ORIGIN}${path}`, { ...init, body: params });
  }
  return new NextRequest(`${ORIGIN}${path}`, { ...init, headers: { ...init.headers, ...(body.contentType ? { "content-type": body.contentType } : {}) }, body: body.text });
}

function describeBody(body: FuzzedBody): string {
  return body.kind === "raw" ? `raw ${body.contentType} ${JSON.stringify(body.text.slice(0, 80))}` : `${body.kind} ${describeEntries(body.entries)}`;
}

describe("public route handlers", () => {
  it("POST /api/laporan/bukti answers every upload below 500 and stages nothing it refuses", async () => {
    const requestHeaders = fc.oneof(
      { arbitrary: fc.constant({}), weight: 8 },
      { arbitrary: fc.record({ origin: fc.constantFrom("http://evil.example", "null", "not a url", "http://localhost:3000.evil.example") }), weight: 1 },
      { arbitrary: fc.record({ "x-forwarded-for": hostileString.map((text) => text.replace(/[^\x20-\x7e]/g, "")) }), weight: 1 },
    );
    await checkProperty(
      "routes: evidence upload",
      fc.asyncProperty(requestBody({ file: ["bukti.pdf"] }), requestHeaders, async (body, headers) => {
        asNewClient();
        const stagedBefore = listStoredFiles("staging").length;
        const rowsBefore = await countRows(db);
        const response = await uploadEvidence(postRequest("/api/laporan/bukti", body, headers));
        expect(response.status, describeBody(body)).toBeLessThan(500);
        if (response.status !== 200) {
          expect(listStoredFiles("staging").length, describeBody(body)).toBe(stagedBefore);
          expect((await response.json()).error).toEqual(expect.any(String));
        }
        expect(diffRowCounts(rowsBefore, await countRows(db))).toEqual({});
      }),
    );
  });

  it("POST /lapor/tanda-terima/pdf answers every form below 500 and writes nothing", async () => {
    const fields = { trackingCode: [trackingCode, trackingCode.toLowerCase()], secretKey: ["abcd-efgh-ijkl-mnop"], locale: ["id", "en"] };
    await checkProperty(
      "routes: receipt pdf",
      fc.asyncProperty(requestBody(fields), fc.constantFrom("application/json", "text/html", ""), async (body, accept) => {
        asNewClient();
        const rowsBefore = await countRows(db);
        const response = await downloadReceiptPdf(postRequest("/lapor/tanda-terima/pdf", body, accept ? { accept } : {}));
        expect(response.status, describeBody(body)).toBeLessThan(500);
        // A wrong key never opens the receipt.
        expect(response.status, describeBody(body)).not.toBe(200);
        expect(diffRowCounts(rowsBefore, await countRows(db))).toEqual({});
      }),
    );
  });
});

describe("staff route handlers", () => {
  const ids = fc.oneof(hostileString, hugeString, fc.uuid(), nearMiss(["0b7c1a56-0d43-4f0e-9d2b-2b1b7a0b8c11"]));

  it("GET /api/bukti/[id] answers any id below 500 and writes nothing when it serves nothing", async () => {
    session.current = fixture.staff.officerA;
    await checkProperty(
      "routes: evidence download",
      fc.asyncProperty(ids, async (id) => {
        const rowsBefore = await countRows(db);
        const response = await downloadEvidence(new NextRequest(`${ORIGIN}/api/bukti/x`), { params: Promise.resolve({ id }) });
        expect(response.status, JSON.stringify(id.slice(0, 80))).toBeLessThan(500);
        expect(response.status).toBe(404);
        expect(diffRowCounts(rowsBefore, await countRows(db))).toEqual({});
      }),
    );
  });

  it("GET /api/ekspor/[id] answers any id below 500 and writes nothing when it serves nothing", async () => {
    session.current = fixture.staff.supervisorNational;
    await checkProperty(
      "routes: export download",
      fc.asyncProperty(ids, async (id) => {
        const rowsBefore = await countRows(db);
        const response = await downloadExport(new NextRequest(`${ORIGIN}/api/ekspor/x`), { params: Promise.resolve({ id }) });
        expect(response.status, JSON.stringify(id.slice(0, 80))).toBe(404);
        expect(diffRowCounts(rowsBefore, await countRows(db))).toEqual({});
      }),
    );
  });
});

describe("the staff list pages' URL filters", () => {
  it("reach the database as they are parsed, whatever the URL holds, without an error", async () => {
    // Node refuses request heads over 16 KiB, so no URL parameter is longer than that.
    const longString = hugeString.map((text) => text.slice(0, 16 * 1024));
    const value = fc.oneof({ arbitrary: hostileString, weight: 10 }, { arbitrary: fc.array(hostileString, { maxLength: 2 }), weight: 1 }, { arbitrary: longString, weight: 1 });
    const params = (keys: string[]) => fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] }) as fc.Arbitrary<Record<string, string | string[]>>;
    const page = fc.oneof(
      params(["q", "role", "office", "status", "page"]).map((search) => ({ page: "staff" as const, search })),
      params(["q", "region", "status"]).map((search) => ({ page: "offices" as const, search })),
      params(["action", "actor", "subject", "before"]).map((search) => ({ page: "audit" as const, search })),
      params(["q", "category", "service", "office", "assignee", "from", "to", "cursor", "sort", "status"]).map((search) => ({ page: "queue" as const, search })),
    );
    await checkProperty(
      "pages: list filters",
      fc.asyncProperty(page, async ({ page: name, search }) => {
        const admin = fixture.staff.admin;
        if (name === "staff") await findStaffList(admin, parseStaffListFilters(search));
        else if (name === "offices") await listOfficesForAdmin(admin, parseOfficeListFilters(search));
        else if (name === "audit") await findAuditEvents(admin, parseAuditFilters(search));
        else await findQueueCases(fixture.staff.supervisorNational, parseQueueFilters(search));
      }),
      // Each once failed the page: PostgreSQL refused the NUL ("invalid byte sequence for encoding UTF8: 0x00"), Prisma the
      // half emoji left by cutting the search to its length ("unexpected end of hex escape").
      {
        examples: [
          [{ page: "offices", search: { q: "\u0000" } }],
          [{ page: "staff", search: { q: "budi\u0000" } }],
          [{ page: "audit", search: { actor: "\u0000" } }],
          [{ page: "offices", search: { q: `a${"😀".repeat(60)}` } }],
          [{ page: "staff", search: { q: `a${"😀".repeat(120)}` } }],
        ],
        shrink: false,
      },
    );
  });
});
