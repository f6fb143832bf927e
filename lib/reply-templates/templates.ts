import "server-only";

import { AdminConflictError, AdminNotFoundError, AdminRuleError } from "@/lib/admin/errors";
import { AUDIT_ACTIONS, type AuditAction } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { findAccessibleCase } from "@/lib/cases/access";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

import { canEditTemplatesOf, canManageTemplates } from "./access";
import type { TemplateCreateInput, TemplateStatusInput, TemplateUpdateInput } from "./schemas";

/**
 * Reply templates: the texts an officer can start a public reply from on the case page. National
 * templates (officeId null) and each office's own, both in Indonesian and English; the case page
 * offers the active national ones and those of the case's office, in the reporter's language.
 * Who may edit which is decided in ./access.ts; whoever may not gets AdminNotFoundError (a 404).
 * Templates are deactivated, never deleted. Every change checks the version the editor saw and
 * ends with its audit event, in one transaction.
 */

const templateSelect = {
  id: true,
  officeId: true,
  titleId: true,
  bodyId: true,
  titleEn: true,
  bodyEn: true,
  isActive: true,
  version: true,
  updatedAt: true,
} satisfies Prisma.ReplyTemplateSelect;

export type ReplyTemplateRecord = Prisma.ReplyTemplateGetPayload<{ select: typeof templateSelect }>;
export type ManagedTemplate = ReplyTemplateRecord & { canEdit: boolean };

export type TemplateOverview = {
  national: ManagedTemplate[];
  /** The office whose templates are shown: the supervisor's own, or the one an admin picked. */
  office: { id: number; name: string; isActive: boolean; templates: ManagedTemplate[] } | null;
  /** For admins: every office, to pick whose templates to see. Empty for supervisors. */
  officeChoices: { id: number; name: string; isActive: boolean }[];
};

function assertCanManage(actor: StaffActor): void {
  if (!canManageTemplates(actor)) throw new AdminNotFoundError();
}

const templateOrder: Prisma.ReplyTemplateOrderByWithRelationInput[] = [{ isActive: "desc" }, { sortOrder: "asc" }, { id: "asc" }];

/** The templates page: national templates and one office's. A supervisor always sees their own office. */
export async function getTemplateOverview(actor: StaffActor, requestedOfficeId: number | null): Promise<TemplateOverview> {
  assertCanManage(actor);
  const isAdmin = actor.role === "ADMIN";
  const officeId = isAdmin ? requestedOfficeId : actor.officeId;
  const [national, office, officeChoices] = await Promise.all([
    db.replyTemplate.findMany({ where: { officeId: null }, orderBy: templateOrder, select: templateSelect }),
    officeId === null
      ? null
      : db.office.findUnique({
          where: { id: officeId },
          select: { id: true, name: true, isActive: true, replyTemplates: { orderBy: templateOrder, select: templateSelect } },
        }),
    isAdmin ? db.office.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true, isActive: true } }) : [],
  ]);
  const withRights = (templates: ReplyTemplateRecord[]) => templates.map((template) => ({ ...template, canEdit: canEditTemplatesOf(actor, template.officeId) }));
  return {
    national: withRights(national),
    office: office ? { id: office.id, name: office.name, isActive: office.isActive, templates: withRights(office.replyTemplates) } : null,
    officeChoices,
  };
}

/** A template the actor may edit, with its office's name; anything else is a 404. */
export async function getTemplateForEdit(actor: StaffActor, templateId: number): Promise<ReplyTemplateRecord & { officeName: string | null }> {
  assertCanManage(actor);
  const template = await db.replyTemplate.findUnique({ where: { id: templateId }, select: { ...templateSelect, office: { select: { name: true } } } });
  if (!template || !canEditTemplatesOf(actor, template.officeId)) throw new AdminNotFoundError();
  const { office, ...rest } = template;
  return { ...rest, officeName: office?.name ?? null };
}

/** The name of an office the actor may add templates for (null: national); a 404 otherwise. */
export async function getTemplateTarget(actor: StaffActor, officeId: number | null): Promise<{ officeId: number | null; officeName: string | null }> {
  assertCanManage(actor);
  if (!canEditTemplatesOf(actor, officeId)) throw new AdminNotFoundError();
  if (officeId === null) return { officeId, officeName: null };
  const office = await db.office.findUnique({ where: { id: officeId }, select: { name: true } });
  if (!office) throw new AdminNotFoundError();
  return { officeId, officeName: office.name };
}

export async function createReplyTemplate(actor: StaffActor, input: TemplateCreateInput): Promise<{ id: number }> {
  assertCanManage(actor);
  if (!canEditTemplatesOf(actor, input.officeId)) throw new AdminNotFoundError();
  return db.$transaction(async (tx) => {
    if (input.officeId !== null) {
      const office = await tx.office.findUnique({ where: { id: input.officeId }, select: { id: true } });
      if (!office) throw new AdminRuleError("officeUnknown");
    }
    const last = await tx.replyTemplate.aggregate({ where: { officeId: input.officeId }, _max: { sortOrder: true } });
    const created = await tx.replyTemplate.create({ data: { ...input, sortOrder: (last._max.sortOrder ?? 0) + 1 }, select: { id: true } });
    await recordTemplateEvent(tx, actor, AUDIT_ACTIONS.REPLY_TEMPLATE_CREATED, created.id, null, input);
    return created;
  });
}

export async function updateReplyTemplate(actor: StaffActor, input: TemplateUpdateInput): Promise<{ officeId: number | null }> {
  const { templateId, version, ...texts } = input;
  return changeTemplateAtVersion(actor, { templateId, version }, texts, AUDIT_ACTIONS.REPLY_TEMPLATE_UPDATED);
}

/** No longer offered on case pages; kept for the record and to be reactivated. */
export async function deactivateReplyTemplate(actor: StaffActor, input: TemplateStatusInput): Promise<{ officeId: number | null }> {
  return changeTemplateAtVersion(actor, input, { isActive: false }, AUDIT_ACTIONS.REPLY_TEMPLATE_DEACTIVATED);
}

export async function reactivateReplyTemplate(actor: StaffActor, input: TemplateStatusInput): Promise<{ officeId: number | null }> {
  return changeTemplateAtVersion(actor, input, { isActive: true }, AUDIT_ACTIONS.REPLY_TEMPLATE_REACTIVATED);
}

async function changeTemplateAtVersion(
  actor: StaffActor,
  ref: { templateId: number; version: number },
  data: Partial<Pick<ReplyTemplateRecord, "titleId" | "bodyId" | "titleEn" | "bodyEn" | "isActive">>,
  action: AuditAction,
): Promise<{ officeId: number | null }> {
  assertCanManage(actor);
  return db.$transaction(async (tx) => {
    const before = await tx.replyTemplate.findUnique({
      where: { id: ref.templateId },
      select: { officeId: true, titleId: true, bodyId: true, titleEn: true, bodyEn: true, isActive: true },
    });
    if (!before || !canEditTemplatesOf(actor, before.officeId)) throw new AdminNotFoundError();
    const updated = await tx.replyTemplate.updateMany({ where: { id: ref.templateId, version: ref.version }, data: { ...data, version: { increment: 1 } } });
    if (updated.count !== 1) throw new AdminConflictError();
    await recordTemplateEvent(tx, actor, action, ref.templateId, before, { ...before, ...data });
    return { officeId: before.officeId };
  });
}

function recordTemplateEvent(
  tx: Prisma.TransactionClient,
  actor: StaffActor,
  action: AuditAction,
  templateId: number,
  before: Prisma.InputJsonObject | null,
  after: Prisma.InputJsonObject,
) {
  return recordEvent(tx, {
    caseId: null,
    actorKind: "STAFF",
    actorId: actor.id,
    action,
    isPublic: false,
    before: before ? { templateId, ...before } : null,
    after: { templateId, ...after },
  });
}

export type CaseReplyTemplate = { key: string; title: string; body: string };

/**
 * The templates the case page offers: the active national ones, then those of the case's office,
 * in the reporter's language (replies go to the reporter). Only for a case the actor can see.
 */
export async function listCaseReplyTemplates(actor: StaffActor, caseId: string): Promise<CaseReplyTemplate[]> {
  const found = await findAccessibleCase(db, actor, caseId, { officeId: true, locale: true });
  const templates = await db.replyTemplate.findMany({
    where: { isActive: true, OR: [{ officeId: null }, { officeId: found.officeId }] },
    orderBy: [{ officeId: { sort: "asc", nulls: "first" } }, { sortOrder: "asc" }, { id: "asc" }],
    select: { id: true, titleId: true, bodyId: true, titleEn: true, bodyEn: true },
  });
  return templates.map((template) => ({
    key: String(template.id),
    title: found.locale === "en" ? template.titleEn : template.titleId,
    body: found.locale === "en" ? template.bodyEn : template.bodyId,
  }));
}
