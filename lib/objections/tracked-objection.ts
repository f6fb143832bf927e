import "server-only";

import { db } from "@/lib/db";
import { loadHolidayKeysForOffice } from "@/lib/deadlines/holidays";
import { getEnvironment } from "@/lib/env";
import type { CaseStatus } from "@/lib/generated/prisma/enums";
import { readTrackingSession } from "@/lib/reports/tracking-session";

import { getObjectionWindow, type ObjectionWindow } from "./window";

/**
 * What the tracking page shows about objecting: whether the window is open (and until when), and
 * the reporter's own objection once filed. Read for the case of the visitor's tracking session
 * only, like everything else on /lacak.
 */

export type TrackedObjection = {
  window: ObjectionWindow;
  /** The working days the window lasts (OBJECTION_WINDOW_WORKING_DAYS), to say it before and after. */
  windowWorkingDays: number;
  objection: { reason: string; decidedStatus: CaseStatus; createdAt: Date; reviewDueAt: Date } | null;
};

export async function findTrackedObjection(caseId: string, options: { now?: Date; windowWorkingDays?: number } = {}): Promise<TrackedObjection | null> {
  const now = options.now ?? new Date();
  const windowWorkingDays = options.windowWorkingDays ?? getEnvironment().OBJECTION_WINDOW_WORKING_DAYS;
  const found = await db.case.findUnique({
    where: { id: caseId },
    select: {
      status: true,
      closedAt: true,
      officeId: true,
      objection: { select: { reason: true, decidedStatus: true, createdAt: true, reviewDueAt: true } },
    },
  });
  if (!found) return null;
  const holidays = await loadHolidayKeysForOffice(db, found.officeId);
  return {
    window: getObjectionWindow({ status: found.status, decidedAt: found.closedAt, hasObjection: found.objection !== null, now, windowWorkingDays, holidays }),
    windowWorkingDays,
    objection: found.objection,
  };
}

/** The objection state of the visitor's tracked case, or null without a tracking session. */
export async function getTrackedObjection(): Promise<TrackedObjection | null> {
  const session = await readTrackingSession();
  return session ? findTrackedObjection(session.caseId) : null;
}
