import { Writable } from "node:stream";

import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { streamExportCaseRows } from "@/lib/exports/case-rows";
import { buildExportColumns, toCsvCell } from "@/lib/exports/columns";
import { CSV_BOM, formatCsvCell, formatCsvRow, type CsvSeparator } from "@/lib/exports/csv";
import { csvTextCellSql } from "@/lib/exports/csv-sql";
import type { ExportParams } from "@/lib/exports/params";
import { loadExportTranslators } from "@/lib/exports/texts";
import { writeCaseCsv } from "@/lib/exports/write-csv";
import { Prisma } from "@/lib/generated/prisma/client";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";

/**
 * The CSV is written by PostgreSQL (lib/exports/csv-sql.ts, each column's csvCell); the column
 * definitions (each column's `value`) and ./csv.ts say what it must hold. These tests hold the
 * one to the other byte for byte on values chosen to break a CSV writer.
 */

const MAY: ExportParams["filters"] = { period: { preset: "custom", from: "2026-05-01", to: "2026-05-31" } };
const NOW = new Date("2026-06-15T05:00:00Z");

const TRICKY_TEXTS = [
  '=HYPERLINK("http://evil.example/x","klik")',
  "+62 812 3456",
  "-50000",
  "@SUM(A1:A9)",
  "\tdiawali tab",
  "\rdiawali CR",
  'Dia bilang "uang rokok"; lalu pergi, katanya',
  "baris satu\r\nbaris dua\nbaris tiga\rempat",
  "Pungutan liar — Rp 500.000 di loket № 3, ñ é ü, 😀👍🏽, عربى, 中文, e\u0301",
  "",
  "'sudah diawali apostrof",
  "a=b tidak di awal",
  "garis\\miring terbalik",
];

let fixture: ScopeFixture;
let caseCodes: { a: string[]; b: string; c: string };

/** The file as the column definitions say it: the rows read by the XLSX's reader, formatted by ./csv.ts. */
async function expectedCsv(actor: StaffActor, options: { locale: "id" | "en"; separator: CsvSeparator; includeFreeText: boolean }): Promise<string> {
  const columns = buildExportColumns(await loadExportTranslators(options.locale), { ...options, now: NOW });
  let text = CSV_BOM + formatCsvRow(columns.map((column) => column.header), options.separator);
  for await (const rows of streamExportCaseRows(actor, MAY, { ...options, now: NOW, batchSize: 2 })) {
    for (const row of rows) text += formatCsvRow(columns.map((column) => toCsvCell(column.value(row))), options.separator);
  }
  return text;
}

/** The file as the export writes it. */
async function writtenCsv(actor: StaffActor, options: { locale: "id" | "en"; separator: CsvSeparator; includeFreeText: boolean }): Promise<{ text: string; rows: number; progress: number[] }> {
  const columns = buildExportColumns(await loadExportTranslators(options.locale), { ...options, now: NOW });
  const chunks: Buffer[] = [];
  const output = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      chunks.push(Buffer.from(chunk));
      callback();
    },
  });
  const progress: number[] = [];
  const rows = await writeCaseCsv(output, { actor, filters: MAY, columns, separator: options.separator, onProgress: async (done) => void progress.push(done) });
  return { text: Buffer.concat(chunks).toString("utf8"), rows, progress };
}

beforeAll(async () => {
  fixture = await createScopeFixture("exports-csv-sql");
  const { offices } = fixture;
  // Reference names are text too: a separator, a quote and a formula start in an office's name.
  await db.office.update({ where: { id: offices.a.id }, data: { name: `=Kanim "A"; Jakarta, ${offices.a.name}` } });
  const a: string[] = [];
  for (const [index, text] of TRICKY_TEXTS.entries()) {
    const created = await createFixtureCase(fixture, {
      officeId: offices.a.id,
      kind: index % 2 === 0 ? "PUNGLI" : "COMPLAINT",
      channel: index % 3 === 0 ? "WALK_IN" : "ONLINE",
      status: index % 4 === 0 ? "RESOLVED" : index % 4 === 1 ? "FORWARDED" : "IN_PROGRESS",
      forwardedTo: index % 4 === 1 ? "OMBUDSMAN" : null,
      receivedAt: new Date(Date.UTC(2026, 4, 2 + index, 16, 59, 59, 999)),
      verificationDueAt: new Date(Date.UTC(2026, 4, 5 + index, 16, 59, 59, 999)),
      verifiedAt: index % 3 === 2 ? null : new Date(Date.UTC(2026, 4, 3 + index, 0, 0, 30)),
      resolutionDueAt: index % 3 === 2 ? null : new Date(Date.UTC(2026, 4, 10 + index, 16, 59, 59, 999)),
      closedAt: index % 4 <= 1 ? new Date(Date.UTC(2026, 4, 12 + index, 23, 30)) : null,
      isEscalated: index % 5 === 0,
      description: text,
      incidentPlace: index % 2 === 0 ? text : null,
      accusedDescription: TRICKY_TEXTS[(index + 1) % TRICKY_TEXTS.length]!,
      rejectionReason: index % 3 === 0 ? text : null,
      forwardNote: index % 4 === 1 ? text : null,
      amountDemandedRupiah: index % 2 === 0 ? 500_000 : null,
      officialFeeRupiah: index % 2 === 0 ? 650_000 : null,
      feeDifferenceRupiah: index % 2 === 0 ? -150_000 : null,
      brokerInvolved: index % 2 === 0 ? index % 4 === 0 : null,
    });
    if (index % 2 === 0) await db.satisfactionRating.create({ data: { caseId: created.id, score: 1 + (index % 5), comment: text } });
    if (index % 3 !== 1) {
      await db.caseMessage.createMany({
        data: [
          { caseId: created.id, kind: "REPORTER_MESSAGE", body: text, createdAt: new Date(Date.UTC(2026, 4, 20, 17, 0, 0)) },
          { caseId: created.id, kind: "PUBLIC_REPLY", body: "Balasan: \"baik\"; terima kasih", createdAt: new Date(Date.UTC(2026, 4, 20, 17, 0, 0)) },
          { caseId: created.id, kind: "INTERNAL_NOTE", body: "catatan internal", createdAt: new Date(Date.UTC(2026, 4, 21)) },
        ],
      });
    }
    a.push(created.trackingCode);
  }
  const b = await createFixtureCase(fixture, { officeId: offices.b.id, receivedAt: new Date("2026-05-20T01:00:00Z"), verificationDueAt: new Date("2026-05-25T16:59:59.999Z") });
  const c = await createFixtureCase(fixture, { officeId: offices.c.id, receivedAt: new Date("2026-05-21T01:00:00Z"), verificationDueAt: new Date("2026-05-26T16:59:59.999Z") });
  caseCodes = { a, b: b.trackingCode, c: c.trackingCode };
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the CSV written by PostgreSQL", () => {
  it.each([
    { locale: "id", separator: ";", includeFreeText: true },
    { locale: "en", separator: ",", includeFreeText: true },
    { locale: "id", separator: ",", includeFreeText: false },
    { locale: "en", separator: ";", includeFreeText: false },
  ] as const)("is byte for byte what the column definitions say ($locale, '$separator', free text: $includeFreeText)", async (options) => {
    const actor = fixture.staff.supervisorRegion1;
    const expected = await expectedCsv(actor, options);
    const written = await writtenCsv(actor, options);
    expect(written.text).toBe(expected);
    expect(written.rows).toBe(TRICKY_TEXTS.length + 1);
    // The file really holds the tricky values (not two equally empty files).
    if (options.includeFreeText) expect(written.text).toContain(`"'=HYPERLINK(""http://evil.example/x"",""klik"")"`);
    expect(written.text).toContain(`"'=Kanim ""A""; Jakarta`);
    expect(written.text).toContain("-150000");
  });

  it("formats any text as ./csv.ts does", async () => {
    const unit = fc.oneof(fc.constantFrom("=", "+", "-", "@", "\t", "\r", "\n", ";", ",", '"', "'", "\\", " ", "é", "😀", "\u0301"), fc.string({ unit: "grapheme", maxLength: 3 }));
    await fc.assert(
      fc.asyncProperty(fc.string({ unit, maxLength: 12 }).filter((text) => !text.includes("\0")), async (text) => {
        const [row] = await db.$queryRaw<{ cell: string }[]>`SELECT ${csvTextCellSql(Prisma.sql`${text}::text`)} AS "cell"`;
        expect(row!.cell).toBe(formatCsvCell(text));
      }),
      { numRuns: 300 },
    );
    const [empty] = await db.$queryRaw<{ cell: string }[]>`SELECT ${csvTextCellSql(Prisma.sql`NULL::text`)} AS "cell"`;
    expect(empty!.cell).toBe(formatCsvCell(null));
  });
});

describe("the CSV's scope", () => {
  const codesOf = (text: string) => new Set([...text.matchAll(/(?:^|\r\n)([A-Z0-9-]{6,})[;,]/g)].map((match) => match[1]!));

  it("holds exactly the cases the requester may see", async () => {
    const options = { locale: "id", separator: ";", includeFreeText: false } as const;
    expect(codesOf((await writtenCsv(fixture.staff.supervisorOfficeA, options)).text)).toEqual(new Set(caseCodes.a));
    expect(codesOf((await writtenCsv(fixture.staff.supervisorRegion1, options)).text)).toEqual(new Set([...caseCodes.a, caseCodes.b]));
    expect(codesOf((await writtenCsv(fixture.staff.supervisorRegion2, options)).text)).toEqual(new Set([caseCodes.c]));
    const national = codesOf((await writtenCsv(fixture.staff.supervisorNational, options)).text);
    for (const code of [...caseCodes.a, caseCodes.b, caseCodes.c]) expect(national).toContain(code);
  });

  it("leaves out a case its requester is involved in, and an incomplete scope sees nothing", async () => {
    const options = { locale: "en", separator: ",", includeFreeText: true } as const;
    const supervisor = fixture.staff.supervisorRegion2;
    const [caseC] = await db.case.findMany({ where: { trackingCode: caseCodes.c }, select: { id: true } });
    await db.caseInvolvement.create({ data: { caseId: caseC!.id, staffUserId: supervisor.id, markedById: fixture.staff.admin.id, reason: "Kerabat" } });
    try {
      const written = await writtenCsv(supervisor, options);
      expect(written.rows).toBe(0);
      expect(written.text.split("\r\n")).toHaveLength(2);
    } finally {
      await db.caseInvolvement.delete({ where: { caseId_staffUserId: { caseId: caseC!.id, staffUserId: supervisor.id } } });
    }
    const noRegion: StaffActor = { ...fixture.staff.supervisorRegion1, regionalOfficeId: null };
    expect((await writtenCsv(noRegion, options)).rows).toBe(0);
  });
});
