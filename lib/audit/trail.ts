import "server-only";

import { z } from "@/lib/zod";

import { assertAdmin } from "@/lib/admin/guard";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { canSeeInvolvementEvent } from "@/lib/cases/involvement";
import { toSearchText } from "@/lib/search-text";

import { AUDIT_ACTIONS, type AuditAction } from "./actions";

/**
 * The audit trail as admins read it at /dasbor/admin/audit: every event, newest first, filtered
 * by action, by who acted and by whether it concerns a case. Admins only (others: not found).
 * An admin marked as involved in a case does not see that case's events here either, nor the
 * events of a pending or dismissed report about themselves (who reported them, and why): the
 * trail must not become a way around the conflict-of-interest rules of lib/cases.
 */

export const AUDIT_PAGE_SIZE = 50;

const ACTION_VALUES = Object.values(AUDIT_ACTIONS) as [string, ...string[]];

export const auditFiltersSchema = z.object({
  action: z.enum(ACTION_VALUES).optional().catch(undefined),
  /** Part of the acting staff member's name or email (lib/search-text.ts says why it is cleaned). */
  actor: z
    .string()
    .max(100)
    .transform((text) => toSearchText(text, 100) || undefined)
    .optional()
    .catch(undefined),
  /** "case": events of cases only; "other": administration and account events only. */
  subject: z.enum(["case", "other"]).optional().catch(undefined),
  /** Keyset cursor: events with a smaller id than this. */
  before: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional()
    .catch(undefined),
});

export type AuditFilters = z.infer<typeof auditFiltersSchema>;

export function parseAuditFilters(searchParams: Record<string, string | string[] | undefined>): AuditFilters {
  const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) || undefined;
  return auditFiltersSchema.parse({
    action: single(searchParams.action),
    actor: single(searchParams.actor),
    subject: single(searchParams.subject),
    before: single(searchParams.before),
  });
}

export type AuditTrailEntry = {
  id: string;
  createdAt: Date;
  action: string;
  actorKind: "REPORTER" | "STAFF" | "SYSTEM";
  actorName: string | null;
  actorEmail: string | null;
  caseId: string | null;
  trackingCode: string | null;
  before: Prisma.JsonValue;
  after: Prisma.JsonValue;
};

export type AuditTrailPage = { entries: AuditTrailEntry[]; nextBefore: string | null };

export async function findAuditEvents(actor: StaffActor, filters: AuditFilters): Promise<AuditTrailPage> {
  assertAdmin(actor);
  const where: Prisma.CaseEventWhereInput = {
    AND: [
      { OR: [{ caseId: null }, { case: { involvements: { none: { staffUserId: actor.id } } } }] },
      filters.action ? { action: filters.action } : {},
      filters.subject === "case" ? { caseId: { not: null } } : filters.subject === "other" ? { caseId: null } : {},
      filters.actor
        ? { actor: { OR: [{ name: { contains: filters.actor, mode: "insensitive" } }, { email: { contains: filters.actor, mode: "insensitive" } }] } }
        : {},
      filters.before ? { id: { lt: BigInt(filters.before) } } : {},
    ],
  };
  const rows = await db.caseEvent.findMany({
    where,
    orderBy: { id: "desc" },
    take: AUDIT_PAGE_SIZE + 1,
    select: {
      id: true,
      createdAt: true,
      action: true,
      actorKind: true,
      actorId: true,
      caseId: true,
      before: true,
      after: true,
      actor: { select: { name: true, email: true } },
      case: { select: { trackingCode: true } },
    },
  });
  const page = rows.slice(0, AUDIT_PAGE_SIZE);
  return {
    // Filtered after paging, so a page may show a few fewer rows; the cursor still follows the raw ids.
    entries: page.filter((row) => canSeeInvolvementEvent(actor, row)).map((row) => ({
      id: row.id.toString(),
      createdAt: row.createdAt,
      action: row.action,
      actorKind: row.actorKind,
      actorName: row.actor?.name ?? null,
      actorEmail: row.actor?.email ?? null,
      caseId: row.caseId,
      trackingCode: row.case?.trackingCode ?? null,
      before: row.before,
      after: row.after,
    })),
    nextBefore: rows.length > AUDIT_PAGE_SIZE ? page[page.length - 1]!.id.toString() : null,
  };
}

/** The audit actions an admin can filter by. */
export function listAuditActions(): AuditAction[] {
  return [...(ACTION_VALUES as AuditAction[])].sort();
}
