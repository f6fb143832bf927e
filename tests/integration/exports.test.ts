import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { listPublishedCheckpoints, takeDailyCheckpoint } from "@/lib/audit/checkpoints";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { getExportStorage } from "@/lib/exports/export-storage";
import { sweepExports } from "@/lib/exports/housekeeping";
import { listRecentExportJobs, requestExportJob } from "@/lib/exports/jobs";
import type { ExportParams } from "@/lib/exports/params";
import { MAX_ATTEMPTS } from "@/lib/exports/worker";
import { runQueuedJobs } from "@/lib/jobs/testing";

import { createFixtureCase, createScopeFixture, type ScopeFixture } from "./cases-fixtures";

// Many exports in one file: lift the per-hour request limit (read when first used).
process.env.RATE_LIMIT_EXPORTS_PER_HOUR = "1000";
// Low enough to reach in a test; no other test downloads more than three files as one user.
process.env.RATE_LIMIT_EXPORT_DOWNLOADS_PER_HOUR = "5";

const session = vi.hoisted(() => ({ current: null as StaffActor | null }));
vi.mock("@/lib/auth/session", async () => {
  const { redirect } = await import("next/navigation");
  return {
    getCurrentStaff: async () => session.current,
    requireStaff: async () => {
      if (!session.current) redirect("/masuk");
      return session.current;
    },
  };
});
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));
vi.mock("next/server", () => ({ after: () => undefined }));

const downloadRoute = await import("@/app/api/ekspor/[id]/route");
const { requestExportAction } = await import("@/lib/exports/actions");

const MARCH: ExportParams["filters"] = { period: { preset: "custom", from: "2026-03-01", to: "2026-03-31" } };
const REPORTER = { name: "Siti Rahayu Pelapor", phone: "+62 812 3456 7890", email: "siti.pelapor@example.id" };
const HYPERLINK = '=HYPERLINK("http://evil.example/x","klik di sini")';

let fixture: ScopeFixture;
let cases: Record<"a1" | "a2" | "b1" | "c1" | "april", { id: string; trackingCode: string }>;

/** RFC 4180 records of a ";"-separated file (quotes, doubled quotes, line breaks in fields). */
function parseSemicolonCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index]!;
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ";") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[index + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      index += 1;
    } else field += char;
  }
  return records;
}

async function exportAs(actor: StaffActor, overrides: Partial<ExportParams> = {}) {
  const params: ExportParams = { format: "csv", locale: "id", separator: ";", includeFreeText: false, filters: MARCH, ...overrides };
  const result = await requestExportJob(actor, params);
  if (result.status !== "queued") throw new Error(`export refused: ${JSON.stringify(result)}`);
  await runQueuedJobs("export-file");
  const job = await db.exportJob.findUniqueOrThrow({ where: { id: result.jobId } });
  expect(job.status, job.error ?? "").toBe("SUCCEEDED");
  const bytes = await getExportStorage().get(job.storageKey!);
  return { job, bytes: bytes! };
}

async function pdfText(bytes: Buffer): Promise<string> {
  const { getDocument } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const document = await getDocument({ data: new Uint8Array(bytes), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number += 1) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages.join("\n").replace(/\s+/g, " ");
}

async function xlsxTexts(bytes: Buffer): Promise<{ workbook: ExcelJS.Workbook; all: string }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const texts: string[] = [];
  workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.text)))));
  return { workbook, all: texts.join("\n") };
}

beforeAll(async () => {
  fixture = await createScopeFixture("exports");
  const { offices } = fixture;
  const a1 = await createFixtureCase(fixture, {
    officeId: offices.a.id,
    kind: "PUNGLI",
    channel: "ONLINE",
    status: "RESOLVED",
    deadlineTier: "NORMATIVE",
    receivedAt: new Date("2026-03-02T02:00:00Z"),
    verificationDueAt: new Date("2026-03-05T16:59:59.999Z"),
    verifiedAt: new Date("2026-03-03T03:00:00Z"),
    resolutionDueAt: new Date("2026-03-10T16:59:59.999Z"),
    closedAt: new Date("2026-03-05T03:00:00Z"),
    verificationWorkingDays: 1,
    resolutionWorkingDays: 3,
    description: HYPERLINK,
    incidentPlace: "Loket 3",
    amountDemandedRupiah: 500_000,
    amountPaidRupiah: 500_000,
    officialFeeRupiah: 350_000,
    feeDifferenceRupiah: 150_000,
    brokerInvolved: true,
    contact: REPORTER,
  });
  await db.satisfactionRating.create({ data: { caseId: a1.id, score: 4, comment: "Cepat ditangani" } });
  await db.caseMessage.createMany({
    data: [
      { caseId: a1.id, kind: "REPORTER_MESSAGE", body: "Uang sudah dikembalikan, terima kasih.", createdAt: new Date("2026-03-04T05:00:00Z") },
      { caseId: a1.id, kind: "INTERNAL_NOTE", body: "Catatan internal yang tidak boleh keluar.", createdAt: new Date("2026-03-04T06:00:00Z") },
    ],
  });
  const a2 = await createFixtureCase(fixture, {
    officeId: offices.a.id,
    kind: "COMPLAINT",
    channel: "WALK_IN",
    serviceId: null,
    categoryId: fixture.otherCategory.id,
    receivedAt: new Date("2026-03-10T01:00:00Z"),
    verificationDueAt: new Date("2026-03-13T16:59:59.999Z"),
  });
  const b1 = await createFixtureCase(fixture, {
    officeId: offices.b.id,
    status: "REJECTED",
    receivedAt: new Date("2026-03-15T01:00:00Z"),
    verificationDueAt: new Date("2026-03-18T16:59:59.999Z"),
    closedAt: new Date("2026-03-20T01:00:00Z"),
    verificationWorkingDays: 4,
    rejectionReason: "Bukan wewenang imigrasi",
  });
  const c1 = await createFixtureCase(fixture, { officeId: offices.c.id, receivedAt: new Date("2026-03-20T01:00:00Z"), verificationDueAt: new Date("2026-03-25T16:59:59.999Z") });
  const april = await createFixtureCase(fixture, { officeId: offices.a.id, receivedAt: new Date("2026-04-01T01:00:00Z"), verificationDueAt: new Date("2026-04-06T16:59:59.999Z") });
  cases = { a1, a2, b1, c1, april };
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the CSV export", () => {
  it("holds one row per case of the scope received in the period, in receipt order, with the expected values", async () => {
    const { job, bytes } = await exportAs(fixture.staff.supervisorRegion1);
    const text = bytes.toString("utf8");
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const [header, ...rows] = parseSemicolonCsv(text.slice(1));
    expect(header).toEqual([
      "Kode laporan", "Diterima (WIB)", "Diverifikasi (WIB)", "Ditutup (WIB)", "Kode kantor", "Kantor", "Layanan", "Kategori", "Jenis", "Kanal", "Status",
      "Kategori tenggat", "Tenggat verifikasi (WIB)", "Tenggat penyelesaian (WIB)", "Verifikasi tepat waktu", "Penyelesaian tepat waktu",
      "Hari kerja sampai verifikasi", "Hari kerja sampai selesai", "Diteruskan ke", "Dieskalasi", "Nilai kepuasan (1-5)",
      "Jumlah diminta (Rp)", "Jumlah dibayar (Rp)", "Tarif resmi (Rp)", "Selisih dari tarif resmi (Rp)", "Melibatkan calo",
    ]);
    expect(rows.map((row) => row[0])).toEqual([cases.a1.trackingCode, cases.a2.trackingCode, cases.b1.trackingCode]);
    const { offices } = fixture;
    expect(rows[0]).toEqual([
      cases.a1.trackingCode, "2026-03-02 09:00", "2026-03-03 10:00", "2026-03-05 10:00", offices.a.code, offices.a.name, "Paspor uji", "Pungli uji", "Pungli", "Daring", "Selesai",
      "Normatif (5 hari kerja)", "2026-03-05 23:59", "2026-03-10 23:59", "Ya", "Ya", "1", "3", "", "Tidak", "4", "500000", "500000", "350000", "150000", "Ya",
    ]);
    // Never decided and past its verification deadline: late. Not verified: no resolution figure yet.
    expect(rows[1]).toEqual([
      cases.a2.trackingCode, "2026-03-10 08:00", "", "", offices.a.code, offices.a.name, "", "Lambat uji", "Pengaduan layanan", "Datang langsung", "Baru",
      "Normatif (5 hari kerja)", "2026-03-13 23:59", "", "Tidak", "", "", "", "", "Tidak", "", "", "", "", "", "",
    ]);
    // Rejected straight from NEW after its deadline: decided late.
    expect(rows[2]!.slice(10, 17)).toEqual(["Ditolak", "Normatif (5 hari kerja)", "2026-03-18 23:59", "", "Tidak", "", "4"]);
    expect(job.total).toBe(3);
    expect(job.progress).toBe(3);
    expect(job.fileName).toBe(`kasus-${fixture.region1.code}-2026-03-01_2026-03-31.csv`);
  });

  it("holds no case of another region for a regional supervisor, and every region's for a national one", async () => {
    const regional = (await exportAs(fixture.staff.supervisorRegion2)).bytes.toString("utf8");
    expect(regional).toContain(cases.c1.trackingCode);
    for (const other of [cases.a1, cases.a2, cases.b1]) expect(regional).not.toContain(other.trackingCode);
    const national = (await exportAs(fixture.staff.supervisorNational)).bytes.toString("utf8");
    for (const each of [cases.a1, cases.a2, cases.b1, cases.c1]) expect(national).toContain(each.trackingCode);
    expect(national).not.toContain(cases.april.trackingCode);
  });

  it("applies the filters like the queue does", async () => {
    const text = (await exportAs(fixture.staff.supervisorRegion1, { filters: { ...MARCH, office: fixture.offices.a.code, kind: "PUNGLI" } })).bytes.toString("utf8");
    expect(text).toContain(cases.a1.trackingCode);
    expect(text).not.toContain(cases.a2.trackingCode);
    expect(text).not.toContain(cases.b1.trackingCode);
  });

  it("leaves free text out unless asked for", async () => {
    const text = (await exportAs(fixture.staff.supervisorRegion1)).bytes.toString("utf8");
    for (const freeText of ["HYPERLINK", "Loket 3", "Bukan wewenang imigrasi", "Uang sudah dikembalikan", "Cepat ditangani", "Uraian"]) expect(text).not.toContain(freeText);
  });

  it("includes free text when asked, with formulas neutralised and internal notes left out", async () => {
    const text = (await exportAs(fixture.staff.supervisorRegion1, { includeFreeText: true })).bytes.toString("utf8");
    const [header, first, , third] = parseSemicolonCsv(text.slice(1));
    const cell = (row: string[] | undefined, name: string) => row![header!.indexOf(name)];
    expect(cell(first, "Uraian")).toBe(`'${HYPERLINK}`);
    expect(cell(first, "Tempat kejadian")).toBe("Loket 3");
    expect(cell(first, "Komentar penilaian")).toBe("Cepat ditangani");
    expect(cell(first, "Pesan pelapor dan balasan")).toBe("2026-03-04 12:00 [Pelapor] Uang sudah dikembalikan, terima kasih.");
    expect(cell(third, "Alasan penolakan")).toBe("Bukan wewenang imigrasi");
    expect(text).not.toContain("Catatan internal");
    expect(text).not.toMatch(/(^|;)=HYPERLINK/m);
  });

  it("uses the comma separator and English labels when asked", async () => {
    const text = (await exportAs(fixture.staff.supervisorRegion1, { separator: ",", locale: "en" })).bytes.toString("utf8");
    expect(text.split("\r\n")[0]).toMatch(/^\uFEFFTracking code,Received \(WIB\),/);
    expect(text).toContain(",Resolved,");
  });
});

describe("no export holds the reporter's identity", () => {
  it.each(["csv", "xlsx", "pdf"] as const)("in %s, even with free text", async (format) => {
    const { bytes } = await exportAs(fixture.staff.supervisorRegion1, { format, includeFreeText: true });
    const text = format === "csv" ? bytes.toString("utf8") : format === "xlsx" ? (await xlsxTexts(bytes)).all : await pdfText(bytes);
    expect(text.length).toBeGreaterThan(100);
    for (const value of Object.values(REPORTER)) expect(text).not.toContain(value);
    expect(text).not.toContain("812 3456");
  });
});

describe("the XLSX export", () => {
  it("has a summary sheet and a sheet of typed case rows", async () => {
    const { bytes, job } = await exportAs(fixture.staff.supervisorRegion1, { format: "xlsx", includeFreeText: true });
    expect(bytes.subarray(0, 2).toString("latin1")).toBe("PK");
    expect(job.fileName).toMatch(/\.xlsx$/);
    const { workbook } = await xlsxTexts(bytes);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Ringkasan", "Kasus"]);

    const summary = workbook.getWorksheet("Ringkasan")!;
    const summaryRows = new Map<string, string>();
    summary.eachRow((row) => summaryRows.set(String(row.getCell(1).text), String(row.getCell(2).text)));
    expect(summaryRows.get("Cakupan")).toBe(fixture.region1.name);
    expect(summaryRows.get("Periode")).toBe("2026-03-01 – 2026-03-31");
    expect(summaryRows.get("Laporan diterima")).toBe("3");
    // Each heading once: the satisfaction table is not headed "Kepuasan pelapor" a second time.
    const summaryLabels: string[] = [];
    summary.eachRow((row) => summaryLabels.push(String(row.getCell(1).text)));
    expect(summaryLabels.filter((label) => label === "Kepuasan pelapor")).toHaveLength(1);
    expect(summaryLabels).toContain("Sebaran nilai kepuasan");

    // Figures are typed: numbers with a number format, a share's numerator/denominator beside it.
    const rowLabelled = (label: string) => {
      let found: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (!found && row.getCell(1).text === label) found = row;
      });
      if (!found) throw new Error(`no summary row "${label}"`);
      return found;
    };
    const received = rowLabelled("Laporan diterima").getCell(2);
    expect(received.type).toBe(ExcelJS.ValueType.Number);
    expect(received.value).toBe(3);
    const verifiedShare = rowLabelled("Verifikasi tepat waktu (paling lama 3 hari kerja)");
    expect(verifiedShare.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(verifiedShare.getCell(2).numFmt).toBe("0.0%");
    // a1 verified in 1 working day; b1 took 4; a2 is still unverified past its deadline.
    expect(verifiedShare.getCell(2).value).toBeCloseTo(1 / 3);
    expect(verifiedShare.getCell(3).value).toBe("1/3");
    const totalAboveFee = rowLabelled("Total selisih di atas tarif resmi").getCell(2);
    expect(totalAboveFee.value).toBe(150_000);
    expect(totalAboveFee.numFmt).toBe('"Rp" #,##0');

    const sheet = workbook.getWorksheet("Kasus")!;
    expect(sheet.getRow(1).getCell(1).value).toBe("Kode laporan");
    const first = sheet.getRow(2);
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const cellOf = (name: string) => first.getCell(headers.indexOf(name));
    expect(cellOf("Kode laporan").value).toBe(cases.a1.trackingCode);
    // Dates are date cells showing the Jakarta wall clock.
    expect(cellOf("Diterima (WIB)").value).toEqual(new Date("2026-03-02T09:00:00Z"));
    expect(cellOf("Jumlah diminta (Rp)").value).toBe(500_000);
    expect(cellOf("Selisih dari tarif resmi (Rp)").value).toBe(150_000);
    // Text starting with "=" is a text cell, never a formula.
    expect(cellOf("Uraian").type).toBe(ExcelJS.ValueType.String);
    expect(cellOf("Uraian").value).toBe(HYPERLINK);
    expect(sheet.rowCount).toBe(4);
  });
});

describe("the XLSX export of long free text", () => {
  it("cuts a cell at Excel's limit of 32,767 characters and says where the whole text is", async () => {
    const long = await createFixtureCase(fixture, {
      officeId: fixture.offices.a.id,
      receivedAt: new Date("2026-05-04T02:00:00Z"),
      verificationDueAt: new Date("2026-05-07T16:59:59.999Z"),
    });
    // Twelve messages of 3,000 characters: about 36,000 characters joined, more than a cell holds.
    await db.caseMessage.createMany({
      data: Array.from({ length: 12 }, (_, index) => ({ caseId: long.id, kind: "REPORTER_MESSAGE" as const, body: `${index}`.padEnd(3000, "ü"), createdAt: new Date(Date.UTC(2026, 4, 5, index)) })),
    });
    const may = { period: { preset: "custom", from: "2026-05-01", to: "2026-05-31" } } as const;
    const { bytes } = await exportAs(fixture.staff.supervisorOfficeA, { format: "xlsx", includeFreeText: true, filters: may });
    const { workbook } = await xlsxTexts(bytes);
    const sheet = workbook.getWorksheet("Kasus")!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const messages = String(sheet.getRow(2).getCell(headers.indexOf("Pesan pelapor dan balasan")).value);
    expect(messages.length).toBeLessThanOrEqual(32_767);
    expect(messages.length).toBeGreaterThan(32_000);
    expect(messages.endsWith("[teks dipotong karena batas sel XLSX; teks lengkap ada di ekspor CSV]")).toBe(true);

    // The CSV keeps the whole text.
    const csv = await exportAs(fixture.staff.supervisorOfficeA, { format: "csv", includeFreeText: true, filters: may });
    expect(csv.bytes.toString("utf8")).toContain(`11${"ü".repeat(2998)}`);
  });
});

describe("the PDF report", () => {
  it("states the scope, the period and the headline figures, with numbered pages", async () => {
    const { bytes, job } = await exportAs(fixture.staff.supervisorRegion1, { format: "pdf" });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(job.fileName).toBe(`laporan-${fixture.region1.code}-2026-03-01_2026-03-31.pdf`);
    const text = await pdfText(bytes);
    expect(text).toContain("Laporan Pengaduan dan Pungli Layanan Keimigrasian");
    expect(text).toContain(fixture.region1.name);
    expect(text).toContain("2026-03-01 – 2026-03-31");
    expect(text).toMatch(/Laporan diterima 3/);
    expect(text).toContain("Kepatuhan tenggat");
    expect(text).toMatch(/Halaman 1 dari \d/);
    expect(text).toContain(fixture.offices.a.name);
    // Each heading once: the satisfaction table is not headed "Kepuasan pelapor" a second time.
    expect(text.match(/Kepuasan pelapor/g)).toHaveLength(1);
    expect(text).toContain("Sebaran nilai kepuasan");
  });

  it("is written in English when asked", async () => {
    const text = await pdfText((await exportAs(fixture.staff.supervisorRegion1, { format: "pdf", locale: "en" })).bytes);
    expect(text).toContain("Report on Complaints and Pungli in Immigration Services");
    expect(text).toMatch(/Reports received 3/);
    expect(text).toMatch(/Page 1 of \d/);
  });
});

describe("who may export", () => {
  it("refuses officers", async () => {
    const result = await requestExportJob(fixture.staff.officerA, { format: "csv", locale: "id", separator: ";", includeFreeText: false, filters: MARCH });
    expect(result).toEqual({ status: "refused", error: "forbidden" });
    session.current = fixture.staff.officerA;
    const form = new FormData();
    form.set("format", "csv");
    form.set("locale", "id");
    expect(await requestExportAction({ status: "idle" }, form)).toMatchObject({ status: "error", error: "forbidden" });
  });

  it("validates the form of the Server Action", async () => {
    session.current = fixture.staff.supervisorRegion1;
    const form = new FormData();
    form.set("format", "docx");
    form.set("locale", "id");
    expect(await requestExportAction({ status: "idle" }, form)).toMatchObject({ status: "error", error: "invalid", choices: { format: "csv" } });
    form.set("format", "csv");
    form.set("period", "custom");
    form.set("from", "2026-03-31");
    form.set("to", "2026-03-01");
    expect(await requestExportAction({ status: "idle" }, form)).toMatchObject({ status: "error", error: "invalidPeriod" });
  });

  it("answers with the choices the form sent, so the form keeps them after an error or a success", async () => {
    session.current = fixture.staff.supervisorRegion1;
    const form = new FormData();
    form.set("format", "xlsx");
    form.set("locale", "en");
    form.set("separator", ",");
    form.set("includeFreeText", "on");
    form.set("period", "custom");
    form.set("from", "2026-03-31");
    form.set("to", "2026-03-01");
    const refused = await requestExportAction({ status: "idle" }, form);
    expect(refused).toEqual({ status: "error", error: "invalidPeriod", choices: { format: "xlsx", locale: "en", separator: ",", includeFreeText: true }, answer: 1 });

    form.set("from", "2026-03-01");
    form.set("to", "2026-03-31");
    const queued = await requestExportAction(refused, form);
    expect(queued).toMatchObject({ status: "queued", choices: { format: "xlsx", locale: "en", separator: ",", includeFreeText: true }, answer: 2 });
    await runQueuedJobs("export-file");

    // A crafted previous state or unknown values cannot end up in the form.
    form.set("format", "exe");
    form.set("separator", "|");
    form.delete("includeFreeText");
    const crafted = await requestExportAction({ status: "error", error: "invalid", answer: "9; drop" } as never, form);
    expect(crafted).toMatchObject({ status: "error", error: "invalid", choices: { format: "csv", locale: "en", includeFreeText: false }, answer: 1 });
    expect((crafted as { choices: { separator?: string } }).choices.separator).toBeUndefined();
  });

  it("fails a waiting job whose requester lost the right to statistics", async () => {
    const supervisor = fixture.staff.supervisorOfficeA;
    const result = await requestExportJob(supervisor, { format: "csv", locale: "id", separator: ";", includeFreeText: false, filters: MARCH });
    if (result.status !== "queued") throw new Error("not queued");
    await db.staffUser.update({ where: { id: supervisor.id }, data: { role: "OFFICER" } });
    try {
      await runQueuedJobs("export-file");
      const job = await db.exportJob.findUniqueOrThrow({ where: { id: result.jobId } });
      expect(job.status).toBe("FAILED");
      expect(job.error).toBe("accessRevoked");
      expect(job.storageKey).toBeNull();
    } finally {
      await db.staffUser.update({ where: { id: supervisor.id }, data: { role: "SUPERVISOR" } });
    }
  });
});

describe("the audit trail", () => {
  it("records every export request with its filters", async () => {
    const filters = { ...MARCH, office: fixture.offices.b.code, channel: "ONLINE" as const };
    const result = await requestExportJob(fixture.staff.supervisorRegion1, { format: "xlsx", locale: "en", separator: ",", includeFreeText: true, filters });
    if (result.status !== "queued") throw new Error("not queued");
    const events = await db.caseEvent.findMany({ where: { action: "EXPORT_CREATED", actorId: fixture.staff.supervisorRegion1.id }, orderBy: { id: "asc" } });
    const event = events.find((candidate) => (candidate.after as { jobId?: string }).jobId === result.jobId);
    expect(event).toMatchObject({ caseId: null, actorKind: "STAFF", isPublic: false });
    expect(event!.after).toEqual({ jobId: result.jobId, format: "xlsx", locale: "en", includeFreeText: true, filters });
    await runQueuedJobs("export-file");
  });
});

describe("the worker", () => {
  it("takes over a job left running with an expired lease, and leaves a live lease alone", async () => {
    const params: ExportParams = { format: "csv", locale: "id", separator: ";", includeFreeText: false, filters: MARCH };
    const stale = await requestExportJob(fixture.staff.supervisorNational, params);
    const live = await requestExportJob(fixture.staff.admin, params);
    if (stale.status !== "queued" || live.status !== "queued") throw new Error("not queued");
    const past = new Date(Date.now() - 10 * 60 * 1000);
    await db.exportJob.update({ where: { id: stale.jobId }, data: { status: "RUNNING", startedAt: past, lockedUntil: new Date(Date.now() - 1000), progress: 1, total: 4 } });
    await db.exportJob.update({ where: { id: live.jobId }, data: { status: "RUNNING", startedAt: past, lockedUntil: new Date(Date.now() + 60 * 1000) } });

    await runQueuedJobs("export-file");
    const [taken, untouched] = await Promise.all([db.exportJob.findUniqueOrThrow({ where: { id: stale.jobId } }), db.exportJob.findUniqueOrThrow({ where: { id: live.jobId } })]);
    expect(taken.status).toBe("SUCCEEDED");
    expect(taken.progress).toBe(4);
    expect((await getExportStorage().get(taken.storageKey!))!.toString("utf8")).toContain(cases.c1.trackingCode);
    expect(untouched.status).toBe("RUNNING");
    expect(untouched.storageKey).toBeNull();
    await db.exportJob.update({ where: { id: live.jobId }, data: { status: "FAILED", error: "failed", lockedUntil: null } });
  });

  it("counts its attempts, and fails a job that took its worker down on every allowed attempt", async () => {
    const params: ExportParams = { format: "csv", locale: "id", separator: ";", includeFreeText: false, filters: MARCH };
    const { job } = await exportAs(fixture.staff.supervisorNational, params);
    expect(job.attempts).toBe(1);

    const crashing = await requestExportJob(fixture.staff.supervisorNational, params);
    const retried = await requestExportJob(fixture.staff.admin, params);
    if (crashing.status !== "queued" || retried.status !== "queued") throw new Error("not queued");
    const past = new Date(Date.now() - 10 * 60 * 1000);
    const expired = { status: "RUNNING" as const, startedAt: past, lockedUntil: new Date(Date.now() - 1000) };
    await db.exportJob.update({ where: { id: crashing.jobId }, data: { ...expired, attempts: MAX_ATTEMPTS } });
    await db.exportJob.update({ where: { id: retried.jobId }, data: { ...expired, attempts: MAX_ATTEMPTS - 1 } });

    await runQueuedJobs("export-file");
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: crashing.jobId } })).toMatchObject({ status: "FAILED", error: "failed", storageKey: null, lockedUntil: null });
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: retried.jobId } })).toMatchObject({ status: "SUCCEEDED", attempts: MAX_ATTEMPTS });
  });

  it("limits how many exports one user may have waiting at once", async () => {
    const params: ExportParams = { format: "csv", locale: "id", separator: ";", includeFreeText: false, filters: MARCH };
    const actor = fixture.staff.supervisorRegion2;
    for (let index = 0; index < 3; index += 1) expect((await requestExportJob(actor, params)).status).toBe("queued");
    expect(await requestExportJob(actor, params)).toEqual({ status: "refused", error: "tooManyActive", count: 3 });
    await runQueuedJobs("export-file");
    expect((await requestExportJob(actor, params)).status).toBe("queued");
    await runQueuedJobs("export-file");
  });
});

describe("the download route", () => {
  it("streams the file to its requester and answers 404 to anyone else", async () => {
    const { job, bytes } = await exportAs(fixture.staff.supervisorRegion1);
    const context = { params: Promise.resolve({ id: job.id }) };

    session.current = fixture.staff.supervisorRegion1;
    const response = await downloadRoute.GET(new Request(`http://localhost/api/ekspor/${job.id}`), context);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("content-disposition")).toContain(`filename="kasus-${fixture.region1.code}-2026-03-01_2026-03-31.csv"`);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
    const downloads = await db.caseEvent.findMany({ where: { action: "EXPORT_DOWNLOADED", actorId: fixture.staff.supervisorRegion1.id } });
    expect(downloads.map((event) => event.after)).toEqual([{ jobId: job.id, format: "csv", fileName: job.fileName }]);
    expect(downloads[0]!.caseId).toBeNull();

    for (const other of [fixture.staff.supervisorRegion2, fixture.staff.supervisorNational, fixture.staff.admin, fixture.staff.officerA, null]) {
      session.current = other;
      const refused = await downloadRoute.GET(new Request(`http://localhost/api/ekspor/${job.id}`), { params: Promise.resolve({ id: job.id }) });
      expect(refused.status, other?.name ?? "signed out").toBe(404);
    }
    session.current = fixture.staff.supervisorRegion1;
    expect((await downloadRoute.GET(new Request("http://localhost/api/ekspor/x"), { params: Promise.resolve({ id: "not-a-uuid" }) })).status).toBe(404);
    // Refused downloads are not recorded as downloads.
    expect(await db.caseEvent.count({ where: { action: "EXPORT_DOWNLOADED" } })).toBe(1);
  });
});

describe("the download route's limits", () => {
  it("refuses HEAD without writing an audit entry, and limits downloads per user and hour", async () => {
    const requester = fixture.staff.supervisorRegion2;
    const { job } = await exportAs(requester);
    session.current = requester;
    const get = () => downloadRoute.GET(new Request(`http://localhost/api/ekspor/${job.id}`), { params: Promise.resolve({ id: job.id }) });

    const audited = () => db.caseEvent.count({ where: { action: "EXPORT_DOWNLOADED", actorId: requester.id } });
    const head = downloadRoute.HEAD();
    expect(head.status).toBe(405);
    expect(head.headers.get("allow")).toBe("GET");
    expect(await audited()).toBe(0);

    for (let index = 0; index < 5; index += 1) expect((await get()).status).toBe(200);
    const refused = await get();
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await audited()).toBe(5);
  });
});

describe("a finished file and its requester's scope", () => {
  async function download(actor: StaffActor, jobId: string): Promise<number> {
    session.current = actor;
    const response = await downloadRoute.GET(new Request(`http://localhost/api/ekspor/${jobId}`), { params: Promise.resolve({ id: jobId }) });
    return response.status;
  }

  it("records the scope it was written for, and is refused once the requester's scope changed", async () => {
    const regional = fixture.staff.supervisorRegion1;
    const { job } = await exportAs(regional);
    expect(job.scopeKey).toBe(`region:${fixture.region1.id}`);
    expect(await download(regional, job.id)).toBe(200);

    // Narrowed to one office: the regional file holds cases they may no longer see.
    const narrowed: StaffActor = { ...regional, scopeLevel: "OFFICE", officeId: fixture.offices.a.id, regionalOfficeId: null };
    expect(await download(narrowed, job.id)).toBe(404);
    const listed = (await listRecentExportJobs(narrowed)).find((entry) => entry.id === job.id);
    expect(listed).toMatchObject({ status: "FAILED", error: "scopeChanged", fileName: null });

    // Moved to another region: refused as well; back in the same scope: served again.
    expect(await download({ ...regional, regionalOfficeId: fixture.region2.id }, job.id)).toBe(404);
    expect(await download(regional, job.id)).toBe(200);
    expect((await listRecentExportJobs(regional)).find((entry) => entry.id === job.id)).toMatchObject({ status: "SUCCEEDED", error: null, fileName: job.fileName });
  });

  it("is refused once its requester is marked as involved in a case, and a new export leaves that case out", async () => {
    const supervisor = fixture.staff.supervisorOfficeA;
    const before = await exportAs(supervisor);
    expect(before.bytes.toString("utf8")).toContain(cases.a2.trackingCode);
    await db.caseInvolvement.create({ data: { caseId: cases.a2.id, staffUserId: supervisor.id, markedById: fixture.staff.admin.id, reason: "Kerabat pelapor" } });
    try {
      expect(await download(supervisor, before.job.id)).toBe(404);
      expect((await listRecentExportJobs(supervisor)).find((entry) => entry.id === before.job.id)).toMatchObject({ status: "FAILED", error: "scopeChanged" });
      const after = await exportAs(supervisor);
      expect(after.bytes.toString("utf8")).not.toContain(cases.a2.trackingCode);
      expect(await download(supervisor, after.job.id)).toBe(200);
    } finally {
      await db.caseInvolvement.delete({ where: { caseId_staffUserId: { caseId: cases.a2.id, staffUserId: supervisor.id } } });
    }
  });

  it("refuses a file recorded without a scope (made before scopes were recorded)", async () => {
    const { job } = await exportAs(fixture.staff.supervisorNational);
    await db.exportJob.update({ where: { id: job.id }, data: { scopeKey: null } });
    expect(await download(fixture.staff.supervisorNational, job.id)).toBe(404);
  });
});

describe("the exports' housekeeping", () => {
  it("deletes jobs and files past their retention, and fails jobs that never finished", async () => {
    const { job } = await exportAs(fixture.staff.supervisorRegion2);
    const stuck = await requestExportJob(fixture.staff.supervisorRegion2, { format: "pdf", locale: "id", separator: ";", includeFreeText: false, filters: MARCH });
    if (stuck.status !== "queued") throw new Error("not queued");
    const twoHoursAgo = new Date(Date.now() - 2 * 60 * 60 * 1000);
    await db.exportJob.update({ where: { id: stuck.jobId }, data: { createdAt: twoHoursAgo } });

    expect(await sweepExports()).toMatchObject({ timedOut: 1 });
    expect(await db.exportJob.findUniqueOrThrow({ where: { id: stuck.jobId } })).toMatchObject({ status: "FAILED", error: "timedOut" });
    expect(await getExportStorage().get(job.storageKey!)).not.toBeNull();

    // A day and a bit later (EXPORT_RETENTION_HOURS defaults to 24), both are gone, file included.
    const later = new Date(Date.now() + 25 * 60 * 60 * 1000);
    await sweepExports(later);
    expect(await db.exportJob.count({ where: { id: { in: [job.id, stuck.jobId] } } })).toBe(0);
    expect(await getExportStorage().get(job.storageKey!)).toBeNull();
  });

  it("lists a user's own recent exports only", async () => {
    const { job } = await exportAs(fixture.staff.supervisorRegion1, { format: "pdf" });
    const mine = await listRecentExportJobs(fixture.staff.supervisorRegion1);
    expect(mine[0]).toMatchObject({ id: job.id, format: "pdf", status: "SUCCEEDED", fileName: job.fileName, period: { from: "2026-03-01", to: "2026-03-31" } });
    expect((await listRecentExportJobs(fixture.staff.supervisorNational)).map((entry) => entry.id)).not.toContain(job.id);
    expect(await listRecentExportJobs(fixture.staff.officerA)).toEqual([]);
  });
});

describe("the audit anchor in every export file", () => {
  it("carries the latest signed checkpoint of the audit trail in the XLSX summary and the PDF", async () => {
    // The earlier exports wrote EXPORT_CREATED events, so the chain has a head to sign.
    const taken = await takeDailyCheckpoint(db);
    const checkpoint = taken.status === "taken" ? taken.checkpoint : (await listPublishedCheckpoints(db, { take: 1 }))[0]!;

    const { workbook } = await xlsxTexts((await exportAs(fixture.staff.supervisorRegion1, { format: "xlsx" })).bytes);
    const summaryRows = new Map<string, string>();
    workbook.getWorksheet("Ringkasan")!.eachRow((row) => summaryRows.set(String(row.getCell(1).text), String(row.getCell(2).text)));
    const anchor = summaryRows.get("Titik periksa audit");
    expect(anchor).toContain(checkpoint.headHash);
    expect(anchor).toContain(checkpoint.signature);
    expect(anchor).toContain(`${checkpoint.day}: peristiwa ${checkpoint.sequence}`);

    const pdf = await pdfText((await exportAs(fixture.staff.supervisorRegion1, { format: "pdf", locale: "en" })).bytes);
    expect(pdf).toContain("Audit checkpoint");
    expect(pdf.replace(/\s+/g, "")).toContain(checkpoint.headHash);
  });
});
