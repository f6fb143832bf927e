import "server-only";

import { randomUUID } from "node:crypto";

import { cookies } from "next/headers";

import { db } from "@/lib/db";
import { deriveAppKey, getEnvironment } from "@/lib/env";

import { signTrackingSession, TRACKING_COOKIE_NAME, TRACKING_SESSION_SECONDS, verifyTrackingSession } from "./tracking-cookie";

/**
 * The tracking session: a TrackingSession row in Postgres, named by a signed cookie. The row is
 * what counts: closing the tracked case deletes it, so a copy of the cookie taken before stops
 * working on every instance. Cookies can be written only by Server Actions and route handlers,
 * so the session slides on every tracking action (opening, a message, a rating), not on a plain
 * page view.
 */

export type TrackingSession = { id: string; caseId: string };

function expiryFrom(now: Date): Date {
  return new Date(now.getTime() + TRACKING_SESSION_SECONDS * 1000);
}

async function writeTrackingCookie(sessionId: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(TRACKING_COOKIE_NAME, signTrackingSession(sessionId, expiresAt, deriveAppKey("tracking-cookie")), {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnvironment().NODE_ENV === "production",
    path: "/",
    maxAge: TRACKING_SESSION_SECONDS,
  });
}

async function readTrackingSessionId(now: Date): Promise<string | null> {
  const sessionId = verifyTrackingSession((await cookies()).get(TRACKING_COOKIE_NAME)?.value, deriveAppKey("tracking-cookie"), now);
  return sessionId && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(sessionId) ? sessionId : null;
}

/** Opens a session on the case (after a verified receipt); a session this browser had before ends. */
export async function startTrackingSession(caseId: string, now: Date = new Date()): Promise<void> {
  const previous = await readTrackingSessionId(now);
  if (previous) await db.trackingSession.deleteMany({ where: { id: previous } });
  const id = randomUUID();
  const expiresAt = expiryFrom(now);
  await db.trackingSession.create({ data: { id, caseId, expiresAt }, select: { id: true } });
  await writeTrackingCookie(id, expiresAt);
}

/** Slides a live session 30 minutes from now (after a tracking action). */
export async function renewTrackingSession(session: TrackingSession, now: Date = new Date()): Promise<void> {
  const expiresAt = expiryFrom(now);
  const { count } = await db.trackingSession.updateMany({ where: { id: session.id, expiresAt: { gt: now } }, data: { expiresAt } });
  if (count === 1) await writeTrackingCookie(session.id, expiresAt);
}

/** The visitor's live session, or null when there is none (no cookie, a forged one, expired or closed). */
export async function readTrackingSession(now: Date = new Date()): Promise<TrackingSession | null> {
  const id = await readTrackingSessionId(now);
  if (!id) return null;
  return db.trackingSession.findFirst({ where: { id, expiresAt: { gt: now } }, select: { id: true, caseId: true } });
}

/** Closes the session: its row is deleted (a copy of the cookie is worthless now), then the cookie. */
export async function endTrackingSession(now: Date = new Date()): Promise<void> {
  const id = await readTrackingSessionId(now);
  if (id) await db.trackingSession.deleteMany({ where: { id } });
  (await cookies()).delete(TRACKING_COOKIE_NAME);
}

/** Deletes the rows of sessions that expired unused. */
export async function sweepExpiredTrackingSessions(now: Date = new Date()): Promise<number> {
  const { count } = await db.trackingSession.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
