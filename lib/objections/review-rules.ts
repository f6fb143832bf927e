import "server-only";

import type { Prisma } from "@/lib/generated/prisma/client";

/**
 * An objection is reviewed by someone other than the person whose decision it objects to: they
 * may neither change the case's status again nor be assigned the case (they can still read it and
 * write to the reporter). Checked inside the case's update transaction, so it holds for every
 * form, Server Action and script that goes through lib/cases.
 */
export async function isObjectedDecider(tx: Prisma.TransactionClient, caseId: string, staffId: string): Promise<boolean> {
  const objection = await tx.caseObjection.findUnique({ where: { caseId }, select: { decidedById: true } });
  return objection?.decidedById === staffId;
}
