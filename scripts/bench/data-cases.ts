import type pg from "pg";

import { AUDIT_ACTIONS } from "@/lib/audit/actions";

import { demoTexts, replyRows } from "./data-texts";
import { integer, pick, text, textArray, timestamp, weighted } from "./data-sql";

/**
 * Writes the planned cases (./data-plan.ts) into the app's tables, each in one INSERT ... SELECT:
 * the cases in the order they were received (so the heap follows time like a real archive's),
 * ratings on a share of the closed ones, and for the "detailed" share (recent cases and a sample of
 * older ones) their status steps as the conversation (CaseMessage) and the audit events, staged in
 * `bench_event` for ./data-trail.ts to chain.
 */

const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_SPACE = CODE_ALPHABET.length ** 8;
/** Coprime with 30, so n -> (n * MULTIPLIER + offset) mod 30^8 never repeats a code. */
const CODE_MULTIPLIER = 2_654_435_761;

/** A tracking code (lib/reports/receipt.ts format LI-XXXX-XXXX) for case number `n`, unique per n. */
export function trackingCodeSql(n: string, offset: number): string {
  const value = `((${n})::bigint * ${CODE_MULTIPLIER} + ${offset % CODE_SPACE}) % ${CODE_SPACE}`;
  const digit = (position: number) => `substr('${CODE_ALPHABET}', (((${value}) / ${30 ** position}) % 30)::int + 1, 1)`;
  return `'LI-' || ${[7, 6, 5, 4].map(digit).join(" || ")} || '-' || ${[3, 2, 1, 0].map(digit).join(" || ")}`;
}

export async function insertCases(client: pg.Client, options: { receiptSecretHash: string; trackingCodeOffset: number; now: Date }): Promise<void> {
  const now = timestamp(options.now);
  await client.query(`
    INSERT INTO "Case" (
      "id", "trackingCode", "receiptSecretHash", "kind", "channel", "locale", "officeId", "serviceId", "categoryId", "incidentDate", "incidentPlace", "description",
      "amountDemandedRupiah", "amountPaidRupiah", "paymentMethod", "brokerInvolved", "receiptGiven", "accusedDescription", "officialFeeRupiah", "feeDifferenceRupiah",
      "reporterMode", "status", "deadlineTier", "receivedAt", "verificationDueAt", "verifiedAt", "resolutionDueAt", "clockPausedAt", "pausedWorkingDays", "closedAt",
      "verificationWorkingDays", "resolutionWorkingDays", "isEscalated", "escalatedAt", "rejectionReason", "forwardedTo", "forwardNote", "assigneeId", "intakeById",
      "version", "createdAt", "updatedAt")
    SELECT
      id, ${trackingCodeSql("n", options.trackingCodeOffset)}, ${text(options.receiptSecretHash)}, kind::"CaseKind", channel::"Channel", locale::"Locale",
      office_id, service_id, category_id, incident_date, incident_place, description,
      amount_demanded,
      CASE WHEN amount_demanded IS NULL THEN NULL WHEN r_paid1 < 0.55 THEN amount_demanded WHEN r_paid2 < 0.3 THEN amount_demanded - COALESCE(official_fee, 0) ELSE 0 END,
      payment_method::"PaymentMethod", broker_involved, receipt_given, accused_description, official_fee, amount_demanded - official_fee,
      (CASE WHEN is_anonymous THEN 'ANONYMOUS' ELSE 'IDENTIFIED' END)::"ReporterMode", status::"CaseStatus", tier::"DeadlineTier",
      received_at, verification_due_at, verified_at, resolution_due_at, clock_paused_at, paused_days, closed_at,
      verification_working_days, resolution_working_days, is_escalated, escalated_at, rejection_reason, forwarded_to::"ForwardTarget", forward_note,
      CASE WHEN is_assigned THEN officer_id END, CASE WHEN channel <> 'ONLINE' THEN officer_id END,
      version, received_at,
      GREATEST(received_at, closed_at, escalated_at, ${["decided_at", "wait_start_at", "wait_end_at"].map((step) => `CASE WHEN ${step} <= ${now} THEN ${step} END`).join(", ")},
        CASE WHEN outcome <> 'REJECTED' AND in_progress_at <= ${now} THEN in_progress_at END)
    FROM bench_plan
    ORDER BY received_at`);
}

/** Ratings: 65 % of resolved and 30 % of rejected cases, 1 to 96 hours after closing (never in the future). */
export async function insertRatings(client: pg.Client, now: Date): Promise<void> {
  const comment = (kind: "good" | "bad") => ({
    id: pick(textArray(demoTexts("id").ratingComments[kind]), "r_person"),
    en: pick(textArray(demoTexts("en").ratingComments[kind]), "r_person"),
  });
  const good = comment("good");
  const bad = comment("bad");
  await client.query(`
    INSERT INTO "SatisfactionRating" ("caseId", "score", "comment", "createdAt")
    SELECT id, score, CASE WHEN r_comment < 0.4 THEN (CASE WHEN score >= 4 THEN (CASE WHEN locale = 'en' THEN ${good.en} ELSE ${good.id} END) ELSE (CASE WHEN locale = 'en' THEN ${bad.en} ELSE ${bad.id} END) END) END, rated_at
    FROM (
      SELECT id, locale, r_comment, r_person, closed_at + ${integer("r_rated_h", 1, 96)} * interval '1 hour' AS rated_at,
        CASE WHEN status = 'REJECTED' THEN ${weighted("r_score", [["1", 30], ["2", 30], ["3", 25], ["4", 15]])}
             WHEN is_late THEN ${weighted("r_score", [["2", 25], ["3", 40], ["4", 25], ["5", 10]])}
             ELSE ${weighted("r_score", [["3", 15], ["4", 40], ["5", 45]])} END AS score
      FROM bench_plan
      WHERE (status = 'RESOLVED' AND r_rate < 0.65) OR (status = 'REJECTED' AND r_rate < 0.3)
    ) rated
    WHERE rated_at <= ${timestamp(now)}
    ORDER BY rated_at`);
}

/**
 * The detailed cases (`bench_detail`, small, which the later statements read instead of the whole
 * plan) and their status steps that had happened by `now`, one row each (`bench_step`).
 */
async function createSteps(client: pg.Client, now: Date): Promise<void> {
  await client.query(`
    DROP TABLE IF EXISTS bench_detail;
    CREATE UNLOGGED TABLE bench_detail AS SELECT * FROM bench_plan WHERE is_detailed;
    CREATE UNIQUE INDEX ON bench_detail (id);
    ANALYZE bench_detail;
    DROP TABLE IF EXISTS bench_step;
    CREATE UNLOGGED TABLE bench_step AS
    SELECT p.id AS case_id, p.locale, s.from_status, s.to_status, s.at
    FROM bench_detail p
    CROSS JOIN LATERAL (VALUES
      ('NEW', CASE WHEN p.outcome = 'REJECTED' THEN 'REJECTED' ELSE 'VERIFIED' END, p.decided_at),
      ('VERIFIED', 'IN_PROGRESS', CASE WHEN p.outcome <> 'REJECTED' THEN p.in_progress_at END),
      ('IN_PROGRESS', 'WAITING_FOR_REPORTER', p.wait_start_at),
      ('WAITING_FOR_REPORTER', 'IN_PROGRESS', p.wait_end_at),
      ('IN_PROGRESS', p.status, CASE WHEN p.outcome NOT IN ('REJECTED', 'STUCK') THEN p.closed_at END)
    ) AS s(from_status, to_status, at)
    WHERE s.at IS NOT NULL AND s.at <= ${timestamp(now)}`);
}

/**
 * The conversation of the detailed cases: a public reply 5 minutes after each step that has one,
 * an internal note on 40 % of the starts of work, and the reporter's answer 10 minutes before work
 * resumes after a wait. Every message gets its event in `bench_event`, as do the steps, the filing,
 * the assignment, the escalation and the rating.
 */
export async function insertConversationAndStageEvents(client: pg.Client, now: Date): Promise<void> {
  await createSteps(client, now);
  const replies = replyRows();
  const nowSql = timestamp(now);
  await client.query(`
    DROP TABLE IF EXISTS bench_reply;
    CREATE UNLOGGED TABLE bench_reply (locale text, key text, body text);
    INSERT INTO bench_reply VALUES ${replies.map((reply) => `(${text(reply.locale)}, ${text(reply.key)}, ${text(reply.body)})`).join(", ")};
    DROP TABLE IF EXISTS bench_message;
    CREATE UNLOGGED TABLE bench_message AS
    SELECT gen_random_uuid() AS id, s.case_id, 'PUBLIC_REPLY' AS kind, reply.body, CASE WHEN p.is_assigned THEN p.officer_id END AS author_id, p.r_signed < 0.3 AS is_signed, s.at + interval '5 minutes' AS created_at
    FROM bench_step s JOIN bench_detail p ON p.id = s.case_id
    JOIN bench_reply reply ON reply.locale = s.locale AND reply.key = CASE s.to_status
      WHEN 'REJECTED' THEN 'REJECTED:' || floor(p.r_reason * CASE WHEN s.locale = 'en' THEN ${demoTexts("en").rejectionReasons.length} ELSE ${demoTexts("id").rejectionReasons.length} END)
      WHEN 'FORWARDED' THEN 'FORWARDED:' || p.forwarded_to
      ELSE s.to_status END
    WHERE s.at + interval '5 minutes' <= ${nowSql}
    UNION ALL
    SELECT gen_random_uuid(), s.case_id, 'INTERNAL_NOTE', CASE WHEN s.locale = 'en' THEN ${pick(textArray(demoTexts("en").internalNotes), "p.r_note")} ELSE ${pick(textArray(demoTexts("id").internalNotes), "p.r_note")} END,
      CASE WHEN p.is_assigned THEN p.officer_id END, FALSE, s.at + interval '30 minutes'
    FROM bench_step s JOIN bench_detail p ON p.id = s.case_id
    WHERE s.from_status = 'VERIFIED' AND s.to_status = 'IN_PROGRESS' AND p.r_note < 0.4 AND s.at + interval '30 minutes' <= ${nowSql}
    UNION ALL
    SELECT gen_random_uuid(), s.case_id, 'REPORTER_MESSAGE', CASE WHEN s.locale = 'en' THEN ${pick(textArray(demoTexts("en").reporterAnswers), "p.r_note")} ELSE ${pick(textArray(demoTexts("id").reporterAnswers), "p.r_note")} END,
      NULL, FALSE, s.at - interval '10 minutes'
    FROM bench_step s JOIN bench_detail p ON p.id = s.case_id
    WHERE s.from_status = 'WAITING_FOR_REPORTER';
    INSERT INTO "CaseMessage" ("id", "caseId", "kind", "body", "authorId", "isSigned", "createdAt")
    SELECT id, case_id, kind::"MessageKind", body, author_id, is_signed, created_at FROM bench_message ORDER BY created_at;
  `);
  const actor = (staffId: string) => `CASE WHEN ${staffId} IS NULL THEN 'SYSTEM' ELSE 'STAFF' END`;
  const assignee = "(CASE WHEN p.is_assigned THEN p.officer_id END)";
  await client.query(`
    DROP TABLE IF EXISTS bench_event;
    CREATE UNLOGGED TABLE bench_event AS
    SELECT p.id AS case_id, CASE WHEN p.channel <> 'ONLINE' AND p.officer_id IS NOT NULL THEN 'STAFF' ELSE 'REPORTER' END AS actor_kind,
      CASE WHEN p.channel <> 'ONLINE' THEN p.officer_id END AS actor_id, ${text(AUDIT_ACTIONS.CASE_FILED)} AS action, TRUE AS is_public,
      NULL::jsonb AS before, jsonb_build_object('status', 'NEW', 'channel', p.channel, 'kind', p.kind) AS after, p.received_at AS created_at
    FROM bench_detail p
    UNION ALL
    SELECT p.id, 'STAFF', p.officer_id, ${text(AUDIT_ACTIONS.ASSIGNED)}, FALSE, jsonb_build_object('assigneeId', NULL), jsonb_build_object('assigneeId', p.officer_id),
      GREATEST(p.received_at, LEAST(p.decided_at, ${nowSql}) - interval '1 minute')
    FROM bench_detail p WHERE p.is_assigned AND p.officer_id IS NOT NULL
    UNION ALL
    SELECT s.case_id, ${actor(assignee)}, ${assignee}, ${text(AUDIT_ACTIONS.STATUS_CHANGED)}, TRUE, jsonb_build_object('status', s.from_status), jsonb_build_object('status', s.to_status), s.at
    FROM bench_step s JOIN bench_detail p ON p.id = s.case_id
    UNION ALL
    SELECT m.case_id, CASE m.kind WHEN 'REPORTER_MESSAGE' THEN 'REPORTER' ELSE ${actor("m.author_id")} END, m.author_id,
      CASE m.kind WHEN 'PUBLIC_REPLY' THEN ${text(AUDIT_ACTIONS.PUBLIC_REPLY_POSTED)} WHEN 'INTERNAL_NOTE' THEN ${text(AUDIT_ACTIONS.INTERNAL_NOTE_ADDED)} ELSE ${text(AUDIT_ACTIONS.REPORTER_MESSAGE_POSTED)} END,
      m.kind <> 'INTERNAL_NOTE', NULL, NULL, m.created_at
    FROM bench_message m
    UNION ALL
    SELECT p.id, 'SYSTEM', NULL, ${text(AUDIT_ACTIONS.ESCALATED)}, FALSE, jsonb_build_object('isEscalated', FALSE), jsonb_build_object('isEscalated', TRUE, 'reason', 'overdue'), p.escalated_at
    FROM bench_detail p WHERE p.is_escalated
    UNION ALL
    SELECT r."caseId", 'REPORTER', NULL, ${text(AUDIT_ACTIONS.RATED)}, TRUE, NULL, jsonb_build_object('score', r."score"), r."createdAt"
    FROM "SatisfactionRating" r JOIN bench_detail p ON p.id = r."caseId";
  `);
}
