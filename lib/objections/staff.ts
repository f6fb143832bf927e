import "server-only";

import type { StaffActor } from "@/lib/auth/session";
import { findAccessibleCase } from "@/lib/cases/access";
import { db } from "@/lib/db";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

/**
 * The reporter's objection as staff see it on the case page: through the one access rule
 * (lib/cases/access.ts), so a case outside the actor's scope, or one they are involved in, is
 * not found. Every role that can open the case reads it: the officer reviewing it needs the reason.
 */

export type CaseObjectionView = { reason: string; decidedStatus: CaseStatus; decidedAt: Date; createdAt: Date; reviewDueAt: Date };

export async function findCaseObjection(actor: StaffActor, caseId: string): Promise<CaseObjectionView | null> {
  const found = await findAccessibleCase(db, actor, caseId, {
    objection: { select: { reason: true, decidedStatus: true, decidedAt: true, createdAt: true, reviewDueAt: true } },
  });
  return found.objection;
}
