import "server-only";

import { cookies, headers } from "next/headers";

import { deriveAppKey, getEnvironment } from "@/lib/env";
import { z } from "@/lib/zod";

import { isForwardedHttps } from "./forwarded-https";
import { openExpiringJson, sealExpiringJson } from "./sealed-box";

/**
 * Enrollment ends every session of the user and re-issues this one, which takes a redirect (the
 * page cannot render with the old cookie). The first recovery codes cross that redirect in a
 * sealed, HTTP-only cookie bound to the user, readable only on /dasbor/akun for ten minutes, and
 * deleted when the person moves on: nothing in clear is stored, in the database or the browser.
 */

const DISPLAY_CONTEXT = "recovery-codes-display";
const DISPLAY_LIFETIME_SECONDS = 10 * 60;
const DISPLAY_PATH = "/dasbor/akun";

const displaySchema = z.object({ userId: z.uuid(), codes: z.array(z.string()).min(1).max(20) });

async function cookieName(): Promise<{ name: string; secure: boolean }> {
  const secure = isForwardedHttps(await headers(), getEnvironment().TRUST_PROXY);
  return { name: secure ? "__Secure-lapor-recovery-codes" : "lapor-recovery-codes", secure };
}

export async function setRecoveryCodesForDisplay(userId: string, codes: string[], now: Date = new Date()): Promise<void> {
  const { name, secure } = await cookieName();
  const value = sealExpiringJson(
    { userId, codes },
    { key: deriveAppKey("recovery-codes-display"), context: DISPLAY_CONTEXT, expiresAt: new Date(now.getTime() + DISPLAY_LIFETIME_SECONDS * 1000) },
  );
  (await cookies()).set(name, value, { httpOnly: true, secure, sameSite: "strict", path: DISPLAY_PATH, maxAge: DISPLAY_LIFETIME_SECONDS });
}

/** The codes to show this user, if the cookie is theirs and fresh. */
export async function readRecoveryCodesForDisplay(userId: string, now: Date = new Date()): Promise<string[] | null> {
  const { name } = await cookieName();
  const sealed = (await cookies()).get(name)?.value;
  if (!sealed) return null;
  const parsed = displaySchema.safeParse(openExpiringJson(sealed, { key: deriveAppKey("recovery-codes-display"), context: DISPLAY_CONTEXT, now }));
  return parsed.success && parsed.data.userId === userId ? parsed.data.codes : null;
}

export async function clearRecoveryCodesForDisplay(): Promise<void> {
  const { name, secure } = await cookieName();
  (await cookies()).set(name, "", { httpOnly: true, secure, sameSite: "strict", path: DISPLAY_PATH, maxAge: 0 });
}
