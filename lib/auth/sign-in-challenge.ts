import "server-only";

import { cookies, headers } from "next/headers";
import { z } from "@/lib/zod";

import { deriveAppKey, getEnvironment } from "@/lib/env";

import { isForwardedHttps } from "./forwarded-https";
import { openExpiringJson, sealExpiringJson } from "./sealed-box";

/**
 * Between the password step and the code step the browser holds a sealed, HttpOnly cookie that
 * says "this user passed the password step a moment ago". It opens only with the server's key,
 * expires after five minutes, and is bound to the user's session version.
 */

const CHALLENGE_CONTEXT = "sign-in-challenge";
const CHALLENGE_LIFETIME_SECONDS = 5 * 60;

const challengeSchema = z.object({
  userId: z.uuid(),
  sessionVersion: z.number().int(),
});

export type SignInChallenge = z.infer<typeof challengeSchema>;

/** `__Host-` (Secure, whole site, this host only) over HTTPS; a plain name on http://localhost. */
async function cookieName(): Promise<{ name: string; secure: boolean }> {
  const secure = isForwardedHttps(await headers(), getEnvironment().TRUST_PROXY);
  return { name: secure ? "__Host-lapor-sign-in-challenge" : "lapor-sign-in-challenge", secure };
}

export async function setSignInChallenge(challenge: SignInChallenge, now: Date = new Date()): Promise<void> {
  const { name, secure } = await cookieName();
  const value = sealExpiringJson(challenge, {
    key: deriveAppKey("sign-in-challenge"),
    context: CHALLENGE_CONTEXT,
    expiresAt: new Date(now.getTime() + CHALLENGE_LIFETIME_SECONDS * 1000),
  });
  (await cookies()).set(name, value, { httpOnly: true, secure, sameSite: "lax", path: "/", maxAge: CHALLENGE_LIFETIME_SECONDS });
}

export async function readSignInChallenge(now: Date = new Date()): Promise<SignInChallenge | null> {
  const { name } = await cookieName();
  const sealed = (await cookies()).get(name)?.value;
  if (!sealed) return null;
  const parsed = challengeSchema.safeParse(openExpiringJson(sealed, { key: deriveAppKey("sign-in-challenge"), context: CHALLENGE_CONTEXT, now }));
  return parsed.success ? parsed.data : null;
}

export async function clearSignInChallenge(): Promise<void> {
  const { name, secure } = await cookieName();
  // Deleted with the same attributes it was set with: a `__Host-` cookie ignores anything else.
  (await cookies()).set(name, "", { httpOnly: true, secure, sameSite: "lax", path: "/", maxAge: 0 });
}
