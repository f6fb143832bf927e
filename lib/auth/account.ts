import "server-only";

import QRCode from "qrcode";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { hashSecret } from "@/lib/security/secret-hash";

import { replaceRecoveryCodes } from "./recovery-codes";
import { findTotpStep } from "./second-factor";
import { isTotpRequiredFor, type StaffActor } from "./session-policy";
import { buildOtpauthUri, generateTotpSecret, groupSecretForDisplay } from "./totp";
import { decryptTotpSecret, encryptTotpSecret } from "./totp-secret";

/**
 * A staff user's own account security: TOTP enrollment and password change. Each function
 * takes the signed-in actor (from requireStaff) and touches only that user's row. Enrolling and
 * changing the password both end every other session of the user (sessionVersion + 1); the
 * caller re-issues the current one.
 */

const TOTP_ISSUER = "Lapor Imigrasi";

export type TotpEnrollment = {
  /** Base32, grouped by four for typing into an app by hand. */
  secretForDisplay: string;
  /** The otpauth:// URI as an SVG QR code (markup from the qrcode package, nothing user-supplied in it but the URI). */
  qrCodeSvg: string;
};

export type AccountSecurity = {
  isTotpRequired: boolean;
  totpEnabledAt: Date | null;
  /** A secret generated but not confirmed yet. */
  pendingEnrollment: TotpEnrollment | null;
  unusedRecoveryCodes: number;
};

export async function getAccountSecurity(actor: StaffActor): Promise<AccountSecurity> {
  const user = await db.staffUser.findUniqueOrThrow({
    where: { id: actor.id },
    select: { totpEnabledAt: true, totpSecret: true, _count: { select: { recoveryCodes: { where: { usedAt: null } } } } },
  });
  const pendingSecret = !user.totpEnabledAt && user.totpSecret ? decryptTotpSecret(user.totpSecret, actor.id) : null;
  return {
    isTotpRequired: isTotpRequiredFor(actor.role),
    totpEnabledAt: user.totpEnabledAt,
    pendingEnrollment: pendingSecret ? await describeEnrollment(pendingSecret, actor.email) : null,
    unusedRecoveryCodes: user._count.recoveryCodes,
  };
}

async function describeEnrollment(secret: string, email: string): Promise<TotpEnrollment> {
  const uri = buildOtpauthUri({ secret, accountName: email, issuer: TOTP_ISSUER });
  const qrCodeSvg = await QRCode.toString(uri, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return { secretForDisplay: groupSecretForDisplay(secret), qrCodeSvg };
}

/** Generates a new pending secret (replacing an unconfirmed one). No-op once TOTP is enabled. */
export async function beginTotpEnrollment(actor: StaffActor): Promise<void> {
  await db.staffUser.updateMany({
    where: { id: actor.id, totpEnabledAt: null },
    data: { totpSecret: encryptTotpSecret(generateTotpSecret(), actor.id), totpLastUsedStep: null },
  });
}

/**
 * Turns TOTP on when the code matches the pending secret; that code's step counts as used, and a
 * first set of recovery codes is made. Returns the user's new session version and the codes (to
 * show once), or null for a wrong code (or no pending secret).
 */
export async function confirmTotpEnrollment(actor: StaffActor, code: string, now: Date = new Date()): Promise<{ sessionVersion: number; recoveryCodes: string[] } | null> {
  const user = await db.staffUser.findUniqueOrThrow({ where: { id: actor.id }, select: { totpEnabledAt: true, totpSecret: true } });
  if (user.totpEnabledAt || !user.totpSecret) return null;
  const step = findTotpStep(user.totpSecret, actor.id, code, now);
  if (step === null) return null;

  return db.$transaction(async (tx) => {
    // Guarded on the very secret the code was checked against, in case a restart raced us.
    const { count } = await tx.staffUser.updateMany({
      where: { id: actor.id, totpEnabledAt: null, totpSecret: user.totpSecret },
      data: { totpEnabledAt: now, totpLastUsedStep: step, sessionVersion: { increment: 1 } },
    });
    if (count !== 1) return null;
    const { sessionVersion } = await tx.staffUser.findUniqueOrThrow({ where: { id: actor.id }, select: { sessionVersion: true } });
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id, now);
    await recordEvent(tx, {
      caseId: null,
      actorKind: "STAFF",
      actorId: actor.id,
      action: AUDIT_ACTIONS.STAFF_TOTP_ENROLLED,
      isPublic: false,
      after: { recoveryCodesIssued: recoveryCodes.length },
      createdAt: now,
    });
    return { sessionVersion, recoveryCodes };
  });
}

/** Stores the new password's hash and ends every session of the user. Returns the new session version. */
export async function changeStaffPassword(actor: StaffActor, newPassword: string, now: Date = new Date()): Promise<number> {
  const passwordHash = await hashSecret(newPassword);
  return db.$transaction(async (tx) => {
    const { sessionVersion } = await tx.staffUser.update({
      where: { id: actor.id },
      data: { passwordHash, passwordChangedAt: now, sessionVersion: { increment: 1 } },
      select: { sessionVersion: true },
    });
    await recordEvent(tx, { caseId: null, actorKind: "STAFF", actorId: actor.id, action: AUDIT_ACTIONS.STAFF_PASSWORD_CHANGED, isPublic: false, createdAt: now });
    return sessionVersion;
  });
}
