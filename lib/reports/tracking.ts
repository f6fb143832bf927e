import "server-only";

import { randomUUID } from "node:crypto";

import { createEvidenceTransfer, isKnownRolledBack, readStagedEvidenceTokens } from "@/lib/attachments/staging";
import { StoredFileMissingError } from "@/lib/attachments/storage";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { loadHolidayKeysForOffice, lockAndLoadHolidayKeysForOffice, lockHolidaysForDeadlineWrite } from "@/lib/deadlines/holidays";
import { addWorkingDays, countWorkingDaysBetween } from "@/lib/deadlines/working-days";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseKind, CaseStatus, Locale } from "@/lib/generated/prisma/enums";
import { claimIdempotencyKey, saveIdempotencyResult } from "@/lib/idempotency/store";
import { checkRateLimit, refundRateLimit } from "@/lib/rate-limit/limits";
import { verifySecret } from "@/lib/security/secret-hash";

import type { ReportErrorCode } from "./error-codes";
import { isUniqueViolation } from "./prisma-errors";
import { normalizeSecretKey, normalizeTrackingCode } from "./receipt";
import { reportedContentSelect, toReportedContent, type ReportedContent } from "./reported-content";
import { REPORT_LIMITS, type FieldErrors, type MessageField, type RatingField } from "./schemas";
import { readTrackingSession } from "./tracking-session";

/**
 * The reporter's side of a case after filing: proving the receipt, reading the case, writing
 * to the office, rating the outcome. Every function that touches a case takes the case id that
 * the caller got from a verified receipt (a tracking session); the actions in
 * ./tracking-actions.ts check the session themselves on every call.
 */

// ---------------------------------------------------------------------------
// Proving the receipt
// ---------------------------------------------------------------------------

/**
 * The argon2id hash of a random key nobody knows, with the same parameters as real receipt
 * hashes: verifying against it when the code does not exist costs the same time as a real
 * check, so the answer time does not tell whether a tracking code exists.
 */
const DUMMY_RECEIPT_HASH = "$argon2id$v=19$m=19456,t=2,p=1$1GpH6K9a58n1b764SdCpYA$8Pg0ZIYo36Q0FowqM0ItC+VIWRUsARLl4LF+fw9iDpc";

export type ReceiptCheck =
  | { status: "verified"; caseId: string }
  | { status: "rejected"; error: Extract<ReportErrorCode, "trackingNotFound" | "rateLimited">; retryAfterSeconds: number };

/**
 * Checks a tracking code and secret key. A wrong code and a wrong key get the same answer.
 * Failures count against the client and against the tracking code. Every attempt is counted
 * against both before the key is checked (so parallel guesses cannot all pass a limit between a
 * look and a count), and a verified one is given back: only failures use up a limit. A client
 * over its limit is refused outright. A code over its limit still opens with the right key:
 * tracking codes are seen by the office, and an 83-bit key cannot be guessed in any window, so
 * refusing the right key would only let someone who knows the code lock the reporter out.
 */
export async function verifyReceipt(input: { trackingCode: string; secretKey: string; clientAddress: string; now?: Date }): Promise<ReceiptCheck> {
  const now = input.now ?? new Date();
  const trackingCode = normalizeTrackingCode(input.trackingCode);
  // A malformed code still gets a bucket of its own, so typing junk is counted like guessing.
  const codeSubject = trackingCode ?? input.trackingCode.trim().toUpperCase().slice(0, 64);

  const [byClient, byCode] = await Promise.all([
    checkRateLimit("trackingFailureByClient", input.clientAddress, { now }),
    checkRateLimit("trackingFailureByCode", codeSubject, { now }),
  ]);
  if (!byClient.allowed) return { status: "rejected", error: "rateLimited", retryAfterSeconds: byClient.retryAfterSeconds };

  const secretKey = normalizeSecretKey(input.secretKey) ?? input.secretKey;
  const found = trackingCode
    ? await db.case.findUnique({ where: { trackingCode }, select: { id: true, receiptSecretHash: true } })
    : null;
  const isValid = await verifySecret(found?.receiptSecretHash ?? DUMMY_RECEIPT_HASH, secretKey);
  if (found && isValid) {
    await Promise.all([
      refundRateLimit("trackingFailureByClient", input.clientAddress, { now }),
      refundRateLimit("trackingFailureByCode", codeSubject, { now }),
    ]);
    return { status: "verified", caseId: found.id };
  }
  if (!byCode.allowed) return { status: "rejected", error: "rateLimited", retryAfterSeconds: byCode.retryAfterSeconds };
  return { status: "rejected", error: "trackingNotFound", retryAfterSeconds: 0 };
}

// ---------------------------------------------------------------------------
// Reading the case
// ---------------------------------------------------------------------------

export type TrackedEvidence = { fileName: string; mediaType: string; sizeBytes: number; sha256: string; createdAt: string };

export type TrackedMessage = {
  id: string;
  /** Who wrote it: the office (a public reply) or the reporter. */
  from: "office" | "reporter";
  body: string;
  createdAt: string;
  /** The officer's name, only on a reply the office chose to sign. */
  authorName: string | null;
  /** The reporter's files sent with this message. */
  evidence: TrackedEvidence[];
};

export type TrackedCase = {
  trackingCode: string;
  status: CaseStatus;
  kind: CaseKind;
  officeName: string;
  serviceName: string | null;
  categoryCode: string;
  categoryName: string;
  filedAt: string;
  /** The working-day deadline that applies now: verification while NEW, resolution after; none once closed. */
  deadline: { kind: "verification" | "resolution"; dueAt: string } | null;
  /** While the office waits for the reporter, the resolution clock stands still. */
  isClockPaused: boolean;
  /** Working days (of the case's office) from today to the deadline, negative once it has passed; null without a running deadline. */
  workingDaysLeft: number | null;
  /** Public replies and the reporter's messages, oldest first. Never internal notes. */
  messages: TrackedMessage[];
  /** Every file the reporter sent (with the report and with messages). No download: hashes let them check. */
  evidence: TrackedEvidence[];
  /** Public events only, oldest first. */
  timeline: {
    action: string;
    createdAt: string;
    statusBefore: CaseStatus | null;
    statusAfter: CaseStatus | null;
    /** The working days an auto-closed case waited (CASE_AUTO_CLOSED), the round of a retaliation check (lib/rules). */
    workingDays: number | null;
    round: number | null;
  }[];
  rating: { score: number; comment: string | null; createdAt: string } | null;
  /** What the reporter wrote, for them to read again. */
  report: ReportedContent;
  canRate: boolean;
  canPostMessage: boolean;
};

const CLOSED_STATUSES: readonly CaseStatus[] = ["RESOLVED", "REJECTED"];
const RESOLUTION_STATUSES: readonly CaseStatus[] = ["VERIFIED", "IN_PROGRESS", "WAITING_FOR_REPORTER"];

const evidenceSelect = { fileName: true, mediaType: true, sizeBytes: true, sha256: true, createdAt: true } as const;

function toTrackedEvidence(file: { fileName: string; mediaType: string; sizeBytes: number; sha256: string; createdAt: Date }): TrackedEvidence {
  return { ...file, createdAt: file.createdAt.toISOString() };
}

function statusOf(value: unknown): CaseStatus | null {
  if (value && typeof value === "object" && "status" in value && typeof value.status === "string") return value.status as CaseStatus;
  return null;
}

function numberOf(value: unknown, key: string): number | null {
  if (value && typeof value === "object" && key in value) {
    const found = (value as Record<string, unknown>)[key];
    return typeof found === "number" ? found : null;
  }
  return null;
}

/** What the reporter may see of a case. No contact data, no internal notes, no staff names unless signed. */
export async function findTrackedCase(caseId: string, locale: Locale, options: { now?: Date } = {}): Promise<TrackedCase | null> {
  const now = options.now ?? new Date();
  const found = await db.case.findUnique({
    where: { id: caseId },
    select: {
      ...reportedContentSelect,
      trackingCode: true,
      status: true,
      receivedAt: true,
      verificationDueAt: true,
      resolutionDueAt: true,
      clockPausedAt: true,
      officeId: true,
      office: { select: { name: true } },
      service: { select: { nameId: true, nameEn: true } },
      category: { select: { code: true, nameId: true, nameEn: true } },
      messages: {
        where: { kind: { in: ["PUBLIC_REPLY", "REPORTER_MESSAGE"] } },
        orderBy: { createdAt: "asc" },
        select: {
          id: true,
          kind: true,
          body: true,
          createdAt: true,
          isSigned: true,
          author: { select: { name: true } },
          attachments: { where: { uploadedBy: "REPORTER" }, orderBy: { createdAt: "asc" }, select: evidenceSelect },
        },
      },
      attachments: { where: { uploadedBy: "REPORTER" }, orderBy: [{ createdAt: "asc" }, { fileName: "asc" }], select: evidenceSelect },
      events: {
        where: { isPublic: true },
        orderBy: { id: "asc" },
        select: { action: true, createdAt: true, before: true, after: true },
      },
      rating: { select: { score: true, comment: true, createdAt: true } },
    },
  });
  if (!found) return null;

  const isClosed = CLOSED_STATUSES.includes(found.status);
  const deadline =
    found.status === "NEW"
      ? { kind: "verification" as const, dueAt: found.verificationDueAt.toISOString() }
      : RESOLUTION_STATUSES.includes(found.status) && found.resolutionDueAt
        ? { kind: "resolution" as const, dueAt: found.resolutionDueAt.toISOString() }
        : null;
  const isClockPaused = found.status === "WAITING_FOR_REPORTER" && found.clockPausedAt !== null;
  const workingDaysLeft = deadline && !isClockPaused ? countWorkingDaysLeft(new Date(deadline.dueAt), now, await loadHolidayKeysForOffice(db, found.officeId)) : null;

  return {
    trackingCode: found.trackingCode,
    status: found.status,
    kind: found.kind,
    officeName: found.office.name,
    serviceName: found.service ? (locale === "en" ? found.service.nameEn : found.service.nameId) : null,
    categoryCode: found.category.code,
    categoryName: locale === "en" ? found.category.nameEn : found.category.nameId,
    filedAt: found.receivedAt.toISOString(),
    deadline,
    isClockPaused,
    workingDaysLeft,
    messages: found.messages.map((message) => ({
      id: message.id,
      from: message.kind === "REPORTER_MESSAGE" ? "reporter" : "office",
      body: message.body,
      createdAt: message.createdAt.toISOString(),
      authorName: message.kind === "PUBLIC_REPLY" && message.isSigned ? (message.author?.name ?? null) : null,
      evidence: message.attachments.map(toTrackedEvidence),
    })),
    evidence: found.attachments.map(toTrackedEvidence),
    timeline: found.events.map((event) => ({
      action: event.action,
      createdAt: event.createdAt.toISOString(),
      statusBefore: statusOf(event.before),
      statusAfter: statusOf(event.after),
      workingDays: numberOf(event.after, "workingDays"),
      round: numberOf(event.after, "round"),
    })),
    rating: found.rating && { ...found.rating, createdAt: found.rating.createdAt.toISOString() },
    report: toReportedContent(found),
    canRate: isClosed && !found.rating,
    canPostMessage: !isClosed,
  };
}

/** Working days from today (Jakarta) to the deadline: negative once it has passed. */
function countWorkingDaysLeft(dueAt: Date, now: Date, holidays: ReadonlySet<string>): number {
  return dueAt < now ? -countWorkingDaysBetween(dueAt, now, holidays) : countWorkingDaysBetween(now, dueAt, holidays);
}

/** The case of the visitor's tracking session, or null when there is none (or it expired). */
export async function getTrackedCase(locale: Locale): Promise<TrackedCase | null> {
  const session = await readTrackingSession();
  return session ? findTrackedCase(session.caseId, locale) : null;
}

// ---------------------------------------------------------------------------
// Writing to the office
// ---------------------------------------------------------------------------

export type TrackingWriteResult<Field extends string> =
  | { status: "done" }
  | { status: "invalid"; fieldErrors: FieldErrors<Field>; formErrors: ReportErrorCode[] };

class TrackingWriteRejected extends Error {
  constructor(readonly code: ReportErrorCode) {
    super(code);
  }
}

/**
 * Adds the reporter's message (with evidence) to the case. When the office was waiting for the
 * reporter, the case goes back to IN_PROGRESS and the resolution deadline moves by the working
 * days the clock stood still.
 */
export async function addReporterMessage(input: {
  caseId: string;
  body: string;
  evidenceTokens: readonly string[];
  idempotencyKey: string;
  now?: Date;
}): Promise<TrackingWriteResult<MessageField>> {
  const now = input.now ?? new Date();
  const tokens = readStagedEvidenceTokens(input.evidenceTokens, now);
  if (tokens.invalidCount > 0) return { status: "invalid", fieldErrors: { evidence: ["evidenceExpired"] }, formErrors: [] };
  if (tokens.valid.length > REPORT_LIMITS.files) return { status: "invalid", fieldErrors: { evidence: ["tooManyFiles"] }, formErrors: [] };

  const transfer = createEvidenceTransfer();
  const messageId = randomUUID();
  let isCommitSent = false;
  try {
    await db.$transaction(
      async (tx) => {
        const claim = await claimIdempotencyKey(tx, {
          scope: "reporterMessage",
          clientKey: input.idempotencyKey,
          context: input.caseId,
          now,
          lifetimeMs: 24 * 60 * 60 * 1000,
        });
        if (claim.status === "replayed") return;

        // The resumption below may move the deadline: hold holiday changes off first (before any
        // other lock, see lib/deadlines/holidays.ts).
        await lockHolidaysForDeadlineWrite(tx);
        // Locks the case row: a staff status change cannot interleave with the resumption below.
        const [current] = await tx.$queryRaw<{ status: CaseStatus; officeId: number; version: number; clockPausedAt: Date | null; resolutionDueAt: Date | null; pausedWorkingDays: number }[]>`
          SELECT "status", "officeId", "version", "clockPausedAt", "resolutionDueAt", "pausedWorkingDays"
          FROM "Case" WHERE "id" = ${input.caseId}::uuid FOR UPDATE`;
        if (!current) throw new TrackingWriteRejected("trackingSessionExpired");
        if (CLOSED_STATUSES.includes(current.status)) throw new TrackingWriteRejected("caseClosed");

        await tx.caseMessage.create({
          data: { id: messageId, caseId: input.caseId, kind: "REPORTER_MESSAGE", body: input.body, createdAt: now },
          select: { id: true },
        });
        await transfer.attachToCase(tx, tokens.valid, { caseId: input.caseId, messageId, now });

        await recordEvent(tx, {
          caseId: input.caseId,
          actorKind: "REPORTER",
          action: AUDIT_ACTIONS.REPORTER_MESSAGE_POSTED,
          isPublic: true,
          after: { messageId, evidenceCount: tokens.valid.length },
          createdAt: now,
        });

        if (current.status === "WAITING_FOR_REPORTER") await resumeClock(tx, input.caseId, current, now);

        await saveIdempotencyResult(tx, claim.storageKey, { messageId });
        isCommitSent = true;
      },
      { maxWait: 10_000, timeout: 20_000 },
    );
    return { status: "done" };
  } catch (error) {
    // A message that may exist keeps its files (lib/attachments/staging.ts, isKnownRolledBack).
    if (!(await isKnownRolledBack({ isCommitSent, findCommitted: async () => (await db.caseMessage.count({ where: { id: messageId } })) > 0 }))) throw error;
    await transfer.undo();
    if (error instanceof TrackingWriteRejected) return { status: "invalid", fieldErrors: {}, formErrors: [error.code] };
    if (error instanceof StoredFileMissingError) return { status: "invalid", fieldErrors: { evidence: ["evidenceExpired"] }, formErrors: [] };
    throw error;
  }
}

/**
 * WAITING_FOR_REPORTER -> IN_PROGRESS. The working days spent waiting are added to
 * pausedWorkingDays and the resolution deadline moves by as many working days.
 */
async function resumeClock(
  tx: Prisma.TransactionClient,
  caseId: string,
  current: { officeId: number; version: number; clockPausedAt: Date | null; resolutionDueAt: Date | null; pausedWorkingDays: number },
  now: Date,
): Promise<void> {
  const holidays = await lockAndLoadHolidayKeysForOffice(tx, current.officeId);
  const pausedDays = current.clockPausedAt ? countWorkingDaysBetween(current.clockPausedAt, now, holidays) : 0;
  const resolutionDueAt = current.resolutionDueAt ? addWorkingDays(current.resolutionDueAt, pausedDays, holidays) : null;

  const updated = await tx.case.updateMany({
    where: { id: caseId, version: current.version },
    data: {
      status: "IN_PROGRESS",
      clockPausedAt: null,
      pausedWorkingDays: current.pausedWorkingDays + pausedDays,
      resolutionDueAt,
      version: { increment: 1 },
    },
  });
  if (updated.count !== 1) throw new Error(`Case ${caseId} changed while locked`);

  await recordEvent(tx, {
    caseId,
    actorKind: "REPORTER",
    action: AUDIT_ACTIONS.STATUS_CHANGED,
    isPublic: true,
    before: { status: "WAITING_FOR_REPORTER", resolutionDueAt: current.resolutionDueAt?.toISOString() ?? null },
    after: { status: "IN_PROGRESS", resolutionDueAt: resolutionDueAt?.toISOString() ?? null, pausedWorkingDays: pausedDays },
    createdAt: now,
  });
}

/** Rates a resolved or rejected case, once. */
export async function rateTrackedCase(input: { caseId: string; score: number; comment: string | null; now?: Date }): Promise<TrackingWriteResult<RatingField>> {
  const now = input.now ?? new Date();
  try {
    await db.$transaction(async (tx) => {
      const found = await tx.case.findUnique({ where: { id: input.caseId }, select: { status: true, rating: { select: { caseId: true } } } });
      if (!found) throw new TrackingWriteRejected("trackingSessionExpired");
      if (found.rating) throw new TrackingWriteRejected("alreadyRated");
      if (!CLOSED_STATUSES.includes(found.status)) throw new TrackingWriteRejected("cannotRateYet");

      await tx.satisfactionRating.create({ data: { caseId: input.caseId, score: input.score, comment: input.comment, createdAt: now }, select: { caseId: true } });
      await recordEvent(tx, {
        caseId: input.caseId,
        actorKind: "REPORTER",
        action: AUDIT_ACTIONS.RATED,
        isPublic: true,
        after: { score: input.score },
        createdAt: now,
      });
    });
    return { status: "done" };
  } catch (error) {
    if (error instanceof TrackingWriteRejected) return { status: "invalid", fieldErrors: {}, formErrors: [error.code] };
    // Two ratings at the same moment: the primary key lets one through.
    if (isUniqueViolation(error, { index: "SatisfactionRating_pkey", fields: ["caseId"] })) {
      return { status: "invalid", fieldErrors: {}, formErrors: ["alreadyRated"] };
    }
    throw error;
  }
}
