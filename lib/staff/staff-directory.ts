import "server-only";

import { assertAdmin } from "@/lib/admin/guard";
import { AdminNotFoundError } from "@/lib/admin/errors";
import type { StaffActor } from "@/lib/auth/session";
import { findAccountSignInFailures } from "@/lib/auth/sign-in-limits";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { passwordLinkStateOf } from "./rules";
import type { StaffListFilters } from "./schemas";

/**
 * What the staff administration reads: the list with its filters, one person's account, and the
 * offices and regional offices a scope can name. Admins only (assertAdmin); DTOs carry no secret
 * (no hash, no TOTP secret, no token), only whether one is set.
 */

export const STAFF_PAGE_SIZE = 25;

const staffRowSelect = {
  id: true,
  name: true,
  email: true,
  role: true,
  scopeLevel: true,
  isActive: true,
  lastSignInAt: true,
  totpEnabledAt: true,
  office: { select: { id: true, name: true } },
  regionalOffice: { select: { id: true, name: true } },
} satisfies Prisma.StaffUserSelect;

type StaffRowRecord = Prisma.StaffUserGetPayload<{ select: typeof staffRowSelect }>;

export type StaffRow = {
  id: string;
  name: string;
  email: string;
  role: StaffRowRecord["role"];
  scopeLevel: StaffRowRecord["scopeLevel"];
  /** The office or regional office the scope names, null for national. */
  scopeName: string | null;
  isActive: boolean;
  lastSignInAt: Date | null;
  hasTotp: boolean;
};

function toStaffRow(record: StaffRowRecord): StaffRow {
  return {
    id: record.id,
    name: record.name,
    email: record.email,
    role: record.role,
    scopeLevel: record.scopeLevel,
    scopeName: record.office?.name ?? record.regionalOffice?.name ?? null,
    isActive: record.isActive,
    lastSignInAt: record.lastSignInAt,
    hasTotp: record.totpEnabledAt !== null,
  };
}

function staffListWhere(filters: StaffListFilters): Prisma.StaffUserWhereInput {
  const conditions: Prisma.StaffUserWhereInput[] = [];
  if (filters.q) conditions.push({ OR: [{ name: { contains: filters.q, mode: "insensitive" } }, { email: { contains: filters.q, mode: "insensitive" } }] });
  if (filters.role) conditions.push({ role: filters.role });
  if (filters.officeId) conditions.push({ officeId: filters.officeId });
  if (filters.status !== "all") conditions.push({ isActive: filters.status === "active" });
  return { AND: conditions };
}

export type StaffListPage = { rows: StaffRow[]; total: number; page: number; pageCount: number };

export async function findStaffList(actor: StaffActor, filters: StaffListFilters): Promise<StaffListPage> {
  assertAdmin(actor);
  const where = staffListWhere(filters);
  const [total, records] = await Promise.all([
    db.staffUser.count({ where }),
    db.staffUser.findMany({
      where,
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (filters.page - 1) * STAFF_PAGE_SIZE,
      take: STAFF_PAGE_SIZE,
      select: staffRowSelect,
    }),
  ]);
  return { rows: records.map(toStaffRow), total, page: filters.page, pageCount: Math.max(1, Math.ceil(total / STAFF_PAGE_SIZE)) };
}

export type StaffDetail = StaffRow & {
  version: number;
  totpEnabledAt: Date | null;
  officeId: number | null;
  regionalOfficeId: number | null;
  hasPassword: boolean;
  passwordChangedAt: Date | null;
  createdAt: Date;
  /** The newest set-password link: when it expires and whether it still works. */
  latestLink: { createdAt: Date; expiresAt: Date; state: ReturnType<typeof passwordLinkStateOf> } | null;
  signInFailures: { count: number; isLocked: boolean };
};

export async function getStaffDetail(actor: StaffActor, staffId: string, now: Date = new Date()): Promise<StaffDetail> {
  assertAdmin(actor);
  const record = await db.staffUser.findUnique({
    where: { id: staffId },
    select: {
      ...staffRowSelect,
      version: true,
      officeId: true,
      regionalOfficeId: true,
      passwordChangedAt: true,
      createdAt: true,
      // Asked for by name: the client omits it by default. Only its presence leaves this function.
      passwordHash: true,
      passwordTokens: { orderBy: { createdAt: "desc" }, take: 1, select: { createdAt: true, expiresAt: true, usedAt: true } },
    },
  });
  if (!record) throw new AdminNotFoundError();
  const link = record.passwordTokens[0];
  return {
    ...toStaffRow(record),
    version: record.version,
    totpEnabledAt: record.totpEnabledAt,
    officeId: record.officeId,
    regionalOfficeId: record.regionalOfficeId,
    hasPassword: record.passwordHash !== null,
    passwordChangedAt: record.passwordChangedAt,
    createdAt: record.createdAt,
    latestLink: link ? { createdAt: link.createdAt, expiresAt: link.expiresAt, state: passwordLinkStateOf(link, now) } : null,
    signInFailures: await findAccountSignInFailures(record.email, now),
  };
}

export type ScopeOptions = {
  offices: { id: number; name: string; isActive: boolean }[];
  regionalOffices: { id: number; name: string }[];
};

export async function getScopeOptions(actor: StaffActor): Promise<ScopeOptions> {
  assertAdmin(actor);
  const [offices, regionalOffices] = await Promise.all([
    db.office.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, isActive: true } }),
    db.regionalOffice.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true } }),
  ]);
  return { offices, regionalOffices };
}
