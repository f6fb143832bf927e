import "server-only";

import { z } from "@/lib/zod";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { newPasswordSchema } from "@/lib/auth/schemas";
import type { Database } from "@/lib/prisma-client";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";
import { hashSecret } from "@/lib/security/secret-hash";

import { staffEmailSchema, staffNameSchema } from "./schemas";

/**
 * Creates an admin from the command line (`npm run admin:create`, scripts/admin-create.ts): the
 * way into a fresh production database, where no admin exists to create one in the app. The
 * account has a password and no TOTP, so its first sign-in ends on enrollment (session-policy.ts).
 * It takes its own database client because it runs outside the app (no APP_SECRET needed).
 */

export const bootstrapIdentitySchema = z.object({ email: staffEmailSchema, name: staffNameSchema });

export const bootstrapPasswordSchema = newPasswordSchema;

export type BootstrapOutcome = { outcome: "created"; staffId: string; email: string } | { outcome: "emailTaken"; email: string };

export async function createBootstrapAdmin(
  database: Database,
  input: { email: string; name: string; password: string },
  now: Date = new Date(),
): Promise<BootstrapOutcome> {
  const identity = bootstrapIdentitySchema.parse({ email: input.email, name: input.name });
  const password = bootstrapPasswordSchema.parse(input.password);
  const taken = await database.staffUser.findFirst({ where: { email: { equals: identity.email, mode: "insensitive" } }, select: { id: true } });
  if (taken) return { outcome: "emailTaken", email: identity.email };

  const passwordHash = await hashSecret(password);
  try {
    return await database.$transaction(async (tx) => {
      const created = await tx.staffUser.create({
        data: { ...identity, passwordHash, passwordChangedAt: now, role: "ADMIN", scopeLevel: "NATIONAL", createdAt: now },
        select: { id: true },
      });
      await recordEvent(tx, {
        caseId: null,
        actorKind: "SYSTEM",
        action: AUDIT_ACTIONS.STAFF_ACCOUNT_CREATED,
        isPublic: false,
        after: { staffUserId: created.id, ...identity, role: "ADMIN", scopeLevel: "NATIONAL", via: "admin:create" },
        createdAt: now,
      });
      return { outcome: "created" as const, staffId: created.id, email: identity.email };
    });
  } catch (error) {
    if (isUniqueViolation(error, { index: "StaffUser_email_key", fields: ["email"] })) return { outcome: "emailTaken", email: identity.email };
    throw error;
  }
}
