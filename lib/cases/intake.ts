import "server-only";

import { randomUUID } from "node:crypto";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";
import { recordEvent } from "@/lib/audit/record";
import type { StaffActor } from "@/lib/auth/session";
import { db } from "@/lib/db";
import { computeVerificationDueAt } from "@/lib/deadlines/case-clock";
import { loadHolidayKeys } from "@/lib/deadlines/holidays";
import type { Channel, Locale } from "@/lib/generated/prisma/enums";
import { claimIdempotencyKey, saveIdempotencyResult } from "@/lib/idempotency/store";
import type { ReportErrorCode } from "@/lib/reports/error-codes";
import { computeFeeDifference } from "@/lib/reports/fees";
import { isUniqueViolation } from "@/lib/reports/prisma-errors";
import { generateSecretKey, generateTrackingCode } from "@/lib/reports/receipt";
import { buildReceipt, type Receipt } from "@/lib/reports/receipt-details";
import { parseReportForm, type FieldErrors, type ReportField } from "@/lib/reports/schemas";
import { hashSecret } from "@/lib/security/secret-hash";

import { assertCasePermission } from "./access";
import { CaseRuleError } from "./errors";

/**
 * Walk-in, phone, SMS, email and letter reports: an officer at the complaint desk files the case
 * for the visitor with the online form's fields and rules (lib/reports/schemas.ts), the office
 * fixed to the officer's own, and hands over the receipt (code and key) so the visitor can
 * follow the case online. The case records the channel and who took it in (intakeById).
 *
 * The online filing (lib/reports/file-report.ts) writes channel ONLINE and has no intake officer,
 * so the case row is written here with the same columns; evidence is not taken at the desk yet.
 */

export const INTAKE_CHANNELS = ["WALK_IN", "PHONE", "SMS", "EMAIL", "LETTER"] as const satisfies readonly Channel[];
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

export type IntakeResult =
  | { status: "filed"; caseId: string; receipt: Receipt }
  | { status: "invalid"; fieldErrors: FieldErrors<ReportField | "channel">; formErrors: ReportErrorCode[] };

const TRACKING_CODE_ATTEMPTS = 3;
const IDEMPOTENCY_LIFETIME_MS = 24 * 60 * 60 * 1000;

export async function fileIntakeReport(
  actor: StaffActor,
  input: { fields: Record<string, string | undefined>; channel: string; locale: Locale },
  options: { now?: Date } = {},
): Promise<IntakeResult> {
  const now = options.now ?? new Date();
  assertCasePermission(actor, "intake");
  if (actor.officeId == null) throw new CaseRuleError("noOfficeForIntake");
  const office = await db.office.findUnique({ where: { id: actor.officeId }, select: { code: true, isActive: true } });
  if (!office?.isActive) throw new CaseRuleError("noOfficeForIntake");

  // Whatever office the form carried, the case belongs to the officer's own.
  const parsed = parseReportForm({ ...input.fields, officeCode: office.code }, { now });
  const channel = (INTAKE_CHANNELS as readonly string[]).includes(input.channel) ? (input.channel as IntakeChannel) : null;
  if (!parsed.success || !channel) {
    const fieldErrors: FieldErrors<ReportField | "channel"> = parsed.success ? {} : { ...parsed.fieldErrors };
    if (!channel) fieldErrors.channel = [input.channel ? "invalidChoice" : "required"];
    const formErrors: ReportErrorCode[] = fieldErrors.idempotencyKey ? ["formOutdated"] : [];
    delete fieldErrors.idempotencyKey;
    return { status: "invalid", fieldErrors, formErrors };
  }
  const form = parsed.data;

  const [service, category, holidays] = await Promise.all([
    form.serviceCode ? db.service.findUnique({ where: { code: form.serviceCode }, select: { id: true, isActive: true, feeRupiah: true } }) : null,
    db.category.findUnique({ where: { code: form.categoryCode }, select: { id: true, isActive: true } }),
    loadHolidayKeys(),
  ]);
  const fieldErrors: FieldErrors<ReportField> = {};
  if (form.serviceCode && !service?.isActive) fieldErrors.serviceCode = ["serviceUnknown"];
  if (!category?.isActive) fieldErrors.categoryCode = ["categoryUnknown"];
  if (!category?.isActive || (form.serviceCode && !service?.isActive)) return { status: "invalid", fieldErrors, formErrors: [] };

  const secretKey = generateSecretKey();
  const receiptSecretHash = await hashSecret(secretKey);
  const officialFee = service?.isActive ? service.feeRupiah : null;

  for (let attempt = 1; ; attempt += 1) {
    const caseId = randomUUID();
    try {
      const outcome = await db.$transaction(async (tx) => {
        // A double click or a retried post files one case: the second answers "already filed".
        const claim = await claimIdempotencyKey(tx, { scope: "report", clientKey: form.idempotencyKey, context: `intake:${actor.id}`, now, lifetimeMs: IDEMPOTENCY_LIFETIME_MS });
        if (claim.status === "replayed") return "replayed" as const;

        await tx.case.create({
          data: {
            id: caseId,
            trackingCode: generateTrackingCode(),
            receiptSecretHash,
            kind: form.kind,
            channel,
            locale: input.locale,
            officeId: actor.officeId!,
            serviceId: service?.id ?? null,
            categoryId: category.id,
            incidentDate: new Date(`${form.incidentDate}T00:00:00.000Z`),
            incidentPlace: form.incidentPlace,
            description: form.description,
            amountDemandedRupiah: form.pungli?.amountDemandedRupiah ?? null,
            amountPaidRupiah: form.pungli?.amountPaidRupiah ?? null,
            paymentMethod: form.pungli?.paymentMethod ?? null,
            brokerInvolved: form.pungli?.brokerInvolved ?? null,
            receiptGiven: form.pungli?.receiptGiven ?? null,
            accusedDescription: form.pungli?.accusedDescription ?? null,
            officialFeeRupiah: officialFee,
            feeDifferenceRupiah: form.pungli ? computeFeeDifference(form.pungli.amountDemandedRupiah, officialFee) : null,
            reporterMode: form.reporter.mode,
            status: "NEW",
            receivedAt: now,
            verificationDueAt: computeVerificationDueAt(now, holidays),
            intakeById: actor.id,
          },
          select: { id: true },
        });
        if (form.reporter.mode === "IDENTIFIED") {
          const { name, email, phone } = form.reporter;
          await tx.reporterContact.create({ data: { caseId, name, email, phone, createdAt: now } });
        }
        await saveIdempotencyResult(tx, claim.storageKey, { caseId });
        await recordEvent(tx, {
          caseId,
          actorKind: "STAFF",
          actorId: actor.id,
          action: AUDIT_ACTIONS.CASE_FILED,
          isPublic: true,
          after: { status: "NEW", channel, kind: form.kind },
          createdAt: now,
        });
        return "created" as const;
      });
      if (outcome === "replayed") return { status: "invalid", fieldErrors: {}, formErrors: ["alreadyFiled"] };
      const receipt = await buildReceipt(db, caseId, secretKey);
      if (!receipt) throw new Error(`Case ${caseId} vanished right after intake`);
      return { status: "filed", caseId, receipt };
    } catch (error) {
      if (attempt < TRACKING_CODE_ATTEMPTS && isUniqueViolation(error, { index: "Case_trackingCode_key", fields: ["trackingCode"] })) continue;
      throw error;
    }
  }
}
