import "server-only";

import { cookies } from "next/headers";

import { deriveAppKey, getEnvironment } from "@/lib/env";

import { signTrackingSession, TRACKING_COOKIE_NAME, TRACKING_SESSION_SECONDS, verifyTrackingSession } from "./tracking-cookie";

/**
 * The tracking cookie through next/headers. Cookies can be written only by Server Actions and
 * route handlers, so the session slides on every tracking action (opening, a message, a rating),
 * not on a plain page view.
 */

export async function startTrackingSession(caseId: string, now: Date = new Date()): Promise<void> {
  const expiresAt = new Date(now.getTime() + TRACKING_SESSION_SECONDS * 1000);
  (await cookies()).set(TRACKING_COOKIE_NAME, signTrackingSession(caseId, expiresAt, deriveAppKey("tracking-cookie")), {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnvironment().NODE_ENV === "production",
    path: "/",
    maxAge: TRACKING_SESSION_SECONDS,
  });
}

/** The case the visitor opened, or null when there is no valid session. */
export async function readTrackingSession(now: Date = new Date()): Promise<string | null> {
  return verifyTrackingSession((await cookies()).get(TRACKING_COOKIE_NAME)?.value, deriveAppKey("tracking-cookie"), now);
}

export async function endTrackingSession(): Promise<void> {
  (await cookies()).delete(TRACKING_COOKIE_NAME);
}
