import "server-only";

import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { officeScopeWhere } from "@/lib/cases/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { canManageVolumes } from "./access";
import { parseVolumeCsv, type ImportedVolume, type VolumeCsvError } from "./csv";

/**
 * Service volumes (ServiceVolume): how many times each office delivered each service in a month.
 *
 * Who: admins (every office) and supervisors (the offices of their scope: one office, a region,
 * or all). Officers neither read nor write them. The scope is the cases' (lib/cases/access.ts
 * officeScopeWhere), checked here on every read and write, so an action or a crafted form cannot
 * reach an office outside it: an office outside the scope is "unknown", as if it did not exist.
 *
 * A save or an import replaces the counts of the (office, service) pairs it names for that month
 * and leaves the others; it writes all of them or none (one transaction), records who entered them
 * and when on every row, and appends one SERVICE_VOLUMES_CHANGED audit event with the counts
 * before and after.
 */

export class VolumeAccessError extends Error {
  constructor() {
    super("Not found");
    this.name = "VolumeAccessError";
  }
}

function assertCanManageVolumes(actor: StaffActor): void {
  if (!canManageVolumes(actor)) throw new VolumeAccessError();
}

/** "YYYY-MM" -> the month's first day as stored in the DATE column. */
export function monthDate(monthKey: string): Date {
  return new Date(`${monthKey}-01T00:00:00.000Z`);
}

export type VolumeOffice = { id: number; code: string; name: string };
export type VolumeService = { id: number; code: string; nameId: string; nameEn: string };

export async function findVolumeChoices(actor: StaffActor): Promise<{ offices: VolumeOffice[]; services: VolumeService[] }> {
  assertCanManageVolumes(actor);
  const [offices, services] = await Promise.all([
    db.office.findMany({ where: officeScopeWhere(actor), orderBy: { name: "asc" }, select: { id: true, code: true, name: true } }),
    db.service.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, code: true, nameId: true, nameEn: true } }),
  ]);
  return { offices, services };
}

export type VolumeMonthEntry = { serviceId: number; count: number | null; enteredAt: Date | null; enteredByName: string | null };

/** One office's counts for one month, a row per service (null where none was entered). */
export async function findOfficeVolumeMonth(actor: StaffActor, input: { officeId: number; month: string }): Promise<VolumeMonthEntry[]> {
  assertCanManageVolumes(actor);
  await assertOfficesInScope(db, actor, [input.officeId]);
  const [services, stored] = await Promise.all([
    db.service.findMany({ orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true } }),
    db.serviceVolume.findMany({
      where: { officeId: input.officeId, month: monthDate(input.month) },
      select: { serviceId: true, count: true, enteredAt: true, enteredBy: { select: { name: true } } },
    }),
  ]);
  const byService = new Map(stored.map((row) => [row.serviceId, row]));
  return services.map((service) => {
    const row = byService.get(service.id);
    return { serviceId: service.id, count: row?.count ?? null, enteredAt: row?.enteredAt ?? null, enteredByName: row?.enteredBy.name ?? null };
  });
}

async function assertOfficesInScope(client: Pick<Prisma.TransactionClient, "office">, actor: StaffActor, officeIds: readonly number[]): Promise<void> {
  const unique = [...new Set(officeIds)];
  if (unique.length === 0) return;
  const found = await client.office.count({ where: { AND: [officeScopeWhere(actor), { id: { in: unique } }] } });
  if (found !== unique.length) throw new VolumeAccessError();
}

type VolumeWrite = { officeId: number; serviceId: number; count: number };

/** Writes the counts (upserts) and the audit event, in one transaction. */
async function writeVolumes(actor: StaffActor, input: { month: string; rows: readonly VolumeWrite[]; source: "form" | "csv" }, now: Date): Promise<{ written: number }> {
  const month = monthDate(input.month);
  return db.$transaction(async (tx) => {
    await assertOfficesInScope(tx, actor, input.rows.map((row) => row.officeId));
    const serviceIds = [...new Set(input.rows.map((row) => row.serviceId))];
    if ((await tx.service.count({ where: { id: { in: serviceIds } } })) !== serviceIds.length) throw new VolumeAccessError();
    const before = await tx.serviceVolume.findMany({
      where: { month, OR: input.rows.map((row) => ({ officeId: row.officeId, serviceId: row.serviceId })) },
      select: { officeId: true, serviceId: true, count: true },
    });
    for (const row of input.rows) {
      await tx.serviceVolume.upsert({
        where: { officeId_serviceId_month: { officeId: row.officeId, serviceId: row.serviceId, month } },
        create: { officeId: row.officeId, serviceId: row.serviceId, month, count: row.count, enteredById: actor.id, enteredAt: now },
        update: { count: row.count, enteredById: actor.id, enteredAt: now },
      });
    }
    await recordEvent(tx, {
      caseId: null,
      actorKind: "STAFF",
      actorId: actor.id,
      action: "SERVICE_VOLUMES_CHANGED",
      isPublic: false,
      before: { month: input.month, volumes: before.map(({ officeId, serviceId, count }) => ({ officeId, serviceId, count })) },
      after: { month: input.month, source: input.source, volumes: input.rows.map(({ officeId, serviceId, count }) => ({ officeId, serviceId, count })) },
      createdAt: now,
    });
    return { written: input.rows.length };
  });
}

/** The counts typed on the form for one office (services left blank are not touched). */
export async function saveOfficeVolumes(
  actor: StaffActor,
  input: { officeId: number; month: string; counts: readonly { serviceId: number; count: number }[] },
  options: { now?: Date } = {},
): Promise<{ written: number }> {
  assertCanManageVolumes(actor);
  if (input.counts.length === 0) return { written: 0 };
  return writeVolumes(actor, { month: input.month, source: "form", rows: input.counts.map((entry) => ({ officeId: input.officeId, ...entry })) }, options.now ?? new Date());
}

export type VolumeImportResult = { ok: true; written: number } | { ok: false; errors: VolumeCsvError[] };

/** A month from a CSV file (./csv.ts): every row or none. Offices outside the scope are unknown rows. */
export async function importVolumeCsv(actor: StaffActor, input: { month: string; content: string }, options: { now?: Date } = {}): Promise<VolumeImportResult> {
  assertCanManageVolumes(actor);
  const { offices, services } = await findVolumeChoices(actor);
  const parsed = parseVolumeCsv(input.content, {
    officeIdsByCode: new Map(offices.map((office) => [office.code.toLowerCase(), office.id])),
    serviceIdsByCode: new Map(services.map((service) => [service.code.toLowerCase(), service.id])),
  });
  if (!parsed.ok) return parsed;
  const rows: ImportedVolume[] = parsed.rows;
  const { written } = await writeVolumes(actor, { month: input.month, source: "csv", rows }, options.now ?? new Date());
  return { ok: true, written };
}
