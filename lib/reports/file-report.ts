import "server-only";

import { randomUUID } from "node:crypto";

import { createEvidenceTransfer, isKnownRolledBack, readStagedEvidenceTokens } from "@/lib/attachments/staging";
import { StoredFileMissingError } from "@/lib/attachments/storage";
import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import { encryptContact, encryptContactValue } from "@/lib/contacts/encryption";
import { db } from "@/lib/db";
import { lockAndLoadHolidayKeysForOffice } from "@/lib/deadlines/holidays";
import { findFeeInForce } from "@/lib/fees/fees";
import { VERIFICATION_WORKING_DAYS } from "@/lib/deadlines/tiers";
import { addWorkingDays } from "@/lib/deadlines/working-days";
import { deriveAppKey } from "@/lib/env";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import { openSealedSecret, sealSecret } from "@/lib/idempotency/sealed-secret";
import { claimIdempotencyKey, findIdempotencyResult, idempotencyStorageKey, saveIdempotencyResult } from "@/lib/idempotency/store";
import { hashSecret } from "@/lib/security/secret-hash";

import type { ReportErrorCode } from "./error-codes";
import { computeFeeDifference } from "./fees";
import { isUniqueViolation } from "./prisma-errors";
import { generateSecretKey, generateTrackingCode } from "./receipt";
import { buildReceipt, type Receipt } from "./receipt-details";
import { REPORT_LIMITS, type FieldErrors, type ReportField, type ReportFormData } from "./schemas";

/**
 * Files a report: the case, the reporter's contact (identified reporters only), the evidence
 * and the CASE_FILED event, all in one transaction, exactly once per submission.
 *
 * Retried submissions. The form carries a random idempotency key; the first filing stores its
 * result under it, a retry (double click, resubmission after a timeout) gets the same receipt.
 * The receipt's secret key is a problem: only its argon2id hash is kept, yet the reporter whose
 * first response was lost has never seen the key and needs it. So the key is kept with the
 * idempotency result, encrypted (AES-256-GCM under a key derived from APP_SECRET, bound to the
 * row), for one hour only: after that it is ignored on read and deleted by the housekeeping
 * sweep, and a retry gets "alreadyFiled". A database dump alone therefore never yields a key,
 * and the window in which the app itself could return one is short.
 */

export type FileReportInput = {
  form: ReportFormData;
  /** Tokens of the staged evidence files (lib/attachments/staging.ts). */
  evidenceTokens: readonly string[];
  /** The reporter's interface language, kept for anything sent back to them. */
  locale: Locale;
  now?: Date;
  /**
   * Set when an officer files at the complaint desk for a walk-in, phone, SMS, email or letter
   * reporter (lib/cases/intake.ts): the case records the channel and who took it in.
   */
  intake?: { channel: Exclude<Channel, "ONLINE">; staffId: string };
};

export type FileReportResult =
  | { status: "filed"; caseId: string; receipt: Receipt }
  | { status: "invalid"; fieldErrors: FieldErrors<ReportField>; formErrors: ReportErrorCode[] };

/** A retry may still see its receipt while the original filing is this recent. */
const IDEMPOTENCY_LIFETIME_MS = 24 * 60 * 60 * 1000;
/** New tracking codes to try when one is taken (1 in ~10^11 per filing). */
const TRACKING_CODE_ATTEMPTS = 3;

type StoredFilingResult = { caseId: string; trackingCode: string; sealed?: string };

const invalid = (fieldErrors: FieldErrors<ReportField>, formErrors: ReportErrorCode[] = []) =>
  ({ status: "invalid", fieldErrors, formErrors }) as const;

export async function fileReport(input: FileReportInput): Promise<FileReportResult> {
  const now = input.now ?? new Date();
  const { form, intake } = input;
  const channel: Channel = intake?.channel ?? "ONLINE";
  const idempotencyContext = idempotencyContextFor(intake);

  const tokens = readStagedEvidenceTokens(input.evidenceTokens, now);
  if (tokens.invalidCount > 0) return invalid({ evidence: ["evidenceExpired"] });
  if (tokens.valid.length > REPORT_LIMITS.files) return invalid({ evidence: ["tooManyFiles"] });

  const references = await resolveReferences(form);
  if (!references.ok) return invalid(references.fieldErrors);

  // The CPU work (the argon2id hash above all) happens before the transaction, which then only
  // writes: it holds its case's chain and the idempotency key for as short a time as it can.
  const secretKey = generateSecretKey();
  const receiptSecretHash = await hashSecret(secretKey);
  const sealedSecretKey = sealSecret(secretKey, deriveAppKey("sealed-receipt"), idempotencyStorageKey("report", form.idempotencyKey, idempotencyContext));

  for (let attempt = 1; ; attempt += 1) {
    const caseId = randomUUID();
    const trackingCode = generateTrackingCode();
    const transfer = createEvidenceTransfer();
    const encryptedContact =
      form.reporter.mode === "IDENTIFIED" ? encryptContact({ name: form.reporter.name, email: form.reporter.email, phone: form.reporter.phone }, caseId) : null;
    let isCommitSent = false;
    let outcome: { status: "created" } | { status: "replayed"; stored: unknown };
    try {
      outcome = await db.$transaction(
        async (tx) => {
          const claim = await claimIdempotencyKey(tx, {
            scope: "report",
            clientKey: form.idempotencyKey,
            context: idempotencyContext,
            now,
            lifetimeMs: IDEMPOTENCY_LIFETIME_MS,
          });
          if (claim.status === "replayed") return { status: "replayed" as const, stored: claim.result };

          // Counted inside the transaction with the holiday lock held, so a holiday change
          // committing meanwhile cannot leave this case with a deadline from the old calendar.
          const holidays = await lockAndLoadHolidayKeysForOffice(tx, references.officeId);
          const verificationDueAt = addWorkingDays(now, VERIFICATION_WORKING_DAYS, holidays);

          await tx.case.create({
            data: {
              id: caseId,
              trackingCode,
              receiptSecretHash,
              kind: form.kind,
              channel,
              intakeById: intake?.staffId ?? null,
              locale: input.locale,
              officeId: references.officeId,
              serviceId: references.service?.id ?? null,
              categoryId: references.categoryId,
              incidentDate: new Date(`${form.incidentDate}T00:00:00.000Z`),
              incidentPlace: form.incidentPlace,
              description: form.description,
              amountDemandedRupiah: form.pungli?.amountDemandedRupiah ?? null,
              amountPaidRupiah: form.pungli?.amountPaidRupiah ?? null,
              paymentMethod: form.pungli?.paymentMethod ?? null,
              brokerInvolved: form.pungli?.brokerInvolved ?? null,
              receiptGiven: form.pungli?.receiptGiven ?? null,
              accusedDescription: form.pungli?.accusedDescription ?? null,
              officialFeeRupiah: references.service?.feeRupiah ?? null,
              feeDifferenceRupiah: form.pungli ? computeFeeDifference(form.pungli.amountDemandedRupiah, references.service?.feeRupiah) : null,
              reporterMode: form.reporter.mode,
              status: "NEW",
              receivedAt: now,
              verificationDueAt,
            },
            select: { id: true },
          });

          if (encryptedContact) await tx.reporterContact.create({ data: { caseId, ...encryptedContact, createdAt: now } });
          if (form.reporter.mode === "ANONYMOUS" && form.reporter.noticeEmail) {
            await tx.reporterNoticeEmail.create({ data: { caseId, email: encryptContactValue(form.reporter.noticeEmail, caseId, "notice-email"), createdAt: now } });
          }

          await transfer.attachToCase(tx, tokens.valid, { caseId, now });

          await recordEvent(tx, {
            caseId,
            actorKind: intake ? "STAFF" : "REPORTER",
            actorId: intake?.staffId ?? null,
            action: AUDIT_ACTIONS.CASE_FILED,
            isPublic: true,
            after: { status: "NEW", channel, kind: form.kind },
            createdAt: now,
          });

          const stored: StoredFilingResult = { caseId, trackingCode, sealed: sealedSecretKey };
          await saveIdempotencyResult(tx, claim.storageKey, stored);
          // From here on a failure may come after the database committed (a connection lost during COMMIT).
          isCommitSent = true;
          return { status: "created" as const };
        },
        // Moving a few files happens inside; generous, yet bounded so a stuck disk cannot hold the locks for long.
        { maxWait: 10_000, timeout: 20_000 },
      );
    } catch (error) {
      // A case that may exist keeps its files (lib/attachments/staging.ts, isKnownRolledBack).
      if (!(await isKnownRolledBack({ isCommitSent, findCommitted: async () => (await db.case.count({ where: { id: caseId } })) > 0 }))) throw error;
      await transfer.undo();
      if (error instanceof StoredFileMissingError) return invalid({ evidence: ["evidenceExpired"] });
      if (attempt < TRACKING_CODE_ATTEMPTS && isUniqueViolation(error, { index: "Case_trackingCode_key", fields: ["trackingCode"] })) continue;
      throw error;
    }

    // Committed: from here on nothing may undo the transfer. A failure leaves a filed case whose
    // receipt a retry with the same idempotency key gets.
    if (outcome.status === "replayed") return replayFiling(outcome.stored, form.idempotencyKey, idempotencyContext);
    const receipt = await buildReceipt(db, caseId, secretKey);
    if (!receipt) throw new Error(`Case ${caseId} vanished right after it was filed`);
    return { status: "filed", caseId, receipt };
  }
}

/**
 * The receipt of a submission already filed under this idempotency key, if any: lets a retry
 * answer at once, before its files are processed again. Null when the key is unused.
 */
export async function findFiledReport(idempotencyKey: string, now: Date = new Date()): Promise<FileReportResult | null> {
  const stored = await findIdempotencyResult({ scope: "report", clientKey: idempotencyKey, now });
  return stored ? replayFiling(stored, idempotencyKey, "") : null;
}

/** Desk filings keep their idempotency keys apart per officer. */
function idempotencyContextFor(intake: FileReportInput["intake"]): string {
  return intake ? `intake:${intake.staffId}` : "";
}

/** The first filing's receipt again, while its sealed key is still kept; "alreadyFiled" after. */
async function replayFiling(stored: unknown, idempotencyKey: string, idempotencyContext: string): Promise<FileReportResult> {
  const result = stored as Partial<StoredFilingResult> | null;
  const secretKey =
    typeof result?.sealed === "string"
      ? openSealedSecret(result.sealed, deriveAppKey("sealed-receipt"), idempotencyStorageKey("report", idempotencyKey, idempotencyContext))
      : null;
  if (!result?.caseId || !secretKey) return invalid({}, ["alreadyFiled"]);
  const receipt = await buildReceipt(db, result.caseId, secretKey);
  return receipt ? { status: "filed", caseId: result.caseId, receipt } : invalid({}, ["alreadyFiled"]);
}

type ResolvedReferences =
  | { ok: true; officeId: number; service: { id: number; feeRupiah: number | null } | null; categoryId: number }
  | { ok: false; fieldErrors: FieldErrors<ReportField> };

/**
 * The chosen office, service and category, each existing and active, with the service's official
 * fee in force on the incident date: a pungli report is compared with the fee of its day, and
 * keeps it (Case.officialFeeRupiah) when the fee changes later.
 */
async function resolveReferences(form: ReportFormData): Promise<ResolvedReferences> {
  const [office, service, category] = await Promise.all([
    db.office.findUnique({ where: { code: form.officeCode }, select: { id: true, isActive: true } }),
    form.serviceCode ? db.service.findUnique({ where: { code: form.serviceCode }, select: { id: true, isActive: true } }) : null,
    db.category.findUnique({ where: { code: form.categoryCode }, select: { id: true, isActive: true } }),
  ]);
  const fieldErrors: FieldErrors<ReportField> = {};
  if (!office?.isActive) fieldErrors.officeCode = ["officeUnknown"];
  if (form.serviceCode && !service?.isActive) fieldErrors.serviceCode = ["serviceUnknown"];
  if (!category?.isActive) fieldErrors.categoryCode = ["categoryUnknown"];
  if (!office?.isActive || !category?.isActive || (form.serviceCode && !service?.isActive)) return { ok: false, fieldErrors };
  const feeRupiah = service ? await findFeeInForce(service.id, form.incidentDate) : null;
  return { ok: true, officeId: office.id, service: service && { id: service.id, feeRupiah }, categoryId: category.id };
}
