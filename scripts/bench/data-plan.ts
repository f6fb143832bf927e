import type pg from "pg";

import { RESOLUTION_WORKING_DAYS, VERIFICATION_WORKING_DAYS } from "@/lib/deadlines/tiers";
import { OFFICE_WEIGHTS } from "@/prisma/seed/demo-cases";

import { DETAIL_SENTENCES, WEEKDAYS, accusedTemplates, demoTexts, serviceNounRows, storyRows } from "./data-texts";
import {
  addWorkingDays,
  atOfficeHours,
  countWorkingDays,
  inlineCalendar,
  type Calendar,
  integer,
  intArray,
  jakartaDay,
  pick,
  text,
  textArray,
  timestamp,
  weighted,
  workingDayMoment,
} from "./data-sql";

/**
 * The plan of every bench case (`bench_plan`, one row a case), simulated in one SQL statement the
 * way prisma/seed/demo-cases.ts simulates a demo case: received at office hours over the archive's
 * span (more cases in recent months, as a growing service has), verified, in progress, maybe
 * waiting for the reporter, closed; its status is whatever had happened by `now`, so old cases are
 * closed and recent ones open. Deadlines use the rules of lib/deadlines (three working days to
 * verify, the tier's days after verification plus the days paused), found in the calendar arrays
 * of ./data-sql.ts. The plan keeps the step times, from which ./data-cases.ts writes the cases and,
 * for a share of them, the conversation and the audit trail.
 */

/** Cases older than this are rarely still open: a real archive's old backlog is small. */
const RECENT_DAYS = 90;
const FORWARD_TARGETS = ["REGIONAL_OFFICE", "INSPECTORATE_GENERAL", "SABER_PUNGLI", "OMBUDSMAN"] as const;

export type PlanOptions = { caseCount: number; now: Date; spanDays: number; detailDays: number; detailShareOfOlder: number };

type Reference = {
  offices: { id: number; code: string }[];
  services: { id: number; code: string; feeRupiah: number }[];
  categories: Map<string, number>;
};

async function loadReference(client: pg.Client): Promise<Reference> {
  const offices = (await client.query<{ id: number; code: string }>(`SELECT "id", "code" FROM "Office" WHERE "isActive" ORDER BY "id"`)).rows;
  const services = (
    await client.query<{ id: number; code: string; feeRupiah: number }>(`
      SELECT s."id", s."code", COALESCE((SELECT f."feeRupiah" FROM "ServiceFee" f WHERE f."serviceId" = s."id" ORDER BY f."effectiveFrom" DESC LIMIT 1), 0) AS "feeRupiah"
      FROM "Service" s ORDER BY s."id"`)
  ).rows;
  const categories = new Map((await client.query<{ id: number; code: string }>(`SELECT "id", "code" FROM "Category"`)).rows.map((row) => [row.code, row.id]));
  return { offices, services, categories };
}

/** Creates the lookup tables the plan joins: officers of each office, services, story templates. */
async function createLookups(client: pg.Client, reference: Reference): Promise<void> {
  const stories = storyRows();
  const nouns = serviceNounRows(reference.services.map((service) => service.code));
  await client.query(`
    DROP TABLE IF EXISTS bench_office_staff, bench_service, bench_story;
    CREATE UNLOGGED TABLE bench_office_staff AS
      SELECT o."id" AS office_id, COALESCE(array_agg(s."id" ORDER BY s."email") FILTER (WHERE s."id" IS NOT NULL), '{}') AS officers
      FROM "Office" o LEFT JOIN "StaffUser" s ON s."officeId" = o."id" AND s."role" = 'OFFICER' AND s."isActive"
      GROUP BY o."id";
    CREATE UNLOGGED TABLE bench_service (service_id int PRIMARY KEY, fee int, noun_id text, noun_en text);
    INSERT INTO bench_service VALUES ${[{ id: 0, code: "", feeRupiah: 0 }, ...reference.services]
      .map((service) => {
        const noun = (locale: "id" | "en") => nouns.find((row) => row.locale === locale && row.serviceCode === service.code)!.noun;
        return `(${service.id}, ${service.feeRupiah}, ${text(noun("id"))}, ${text(noun("en"))})`;
      })
      .join(", ")};
    CREATE UNLOGGED TABLE bench_story (locale text, category_id int, templates text[]);
    INSERT INTO bench_story ${[...new Set(stories.map((story) => `${story.locale}|${story.categoryCode}`))]
      .map((key) => {
        const [locale, categoryCode] = key.split("|") as ["id" | "en", string];
        const templates = stories.filter((story) => story.locale === locale && story.categoryCode === categoryCode).map((story) => story.template);
        return `SELECT ${text(locale)}, ${reference.categories.get(categoryCode)}, ${textArray(templates)}`;
      })
      .join(" UNION ALL ")};
  `);
}

const LEVEL_1_RANDOMS = [
  "office", "kind", "cat", "chan", "foreign", "has_service", "svc_group", "svc", "anon", "age", "hours", "online_any", "recv_min",
  "now_fix", "story", "place", "counter", "detail", "weekday", "time", "queue", "extra", "demanded", "paid1", "paid2",
  "paymethod", "broker", "receipt", "accused", "tier", "outcome", "vlag", "vmin", "vbump", "iplag", "ipmin", "ipbump", "waits",
  "wmin", "wbump", "wdays", "wemin", "webump", "late", "lag", "cmin", "cbump", "forward", "reason", "assign", "assignee",
  "incident", "rate", "rated_h", "score", "comment", "detailed", "signed", "note", "person", "email", "phone",
] as const;

/** Creates `bench_plan`. */
export async function createPlan(client: pg.Client, options: PlanOptions): Promise<void> {
  const reference = await loadReference(client);
  await createLookups(client, reference);
  const category = (code: string) => String(reference.categories.get(code)!);
  const officeWeights = reference.offices.flatMap((office) => Array.from({ length: OFFICE_WEIGHTS[office.code] ?? 1 }, () => office.id));
  const servicesWhere = (test: (code: string) => boolean) => intArray(reference.services.filter((service) => test(service.code)).map((service) => service.id));
  const passportServices = servicesWhere((code) => code.startsWith("paspor") || code.startsWith("percepatan") || code.startsWith("beban-paspor"));
  const foreignerServices = servicesWhere((code) => /^(itk|itas|itap|imk|voa|visa|vitas|beban-overstay)/.test(code));
  const allServices = servicesWhere(() => true);
  const now = timestamp(options.now);
  const tierDays = (tier: string) => `(CASE ${tier} ${Object.entries(RESOLUTION_WORKING_DAYS).map(([name, days]) => `WHEN '${name}' THEN ${days}`).join(" ")} END)`;
  const localeText = (id: string, en: string) => `(CASE WHEN locale = 'en' THEN ${en} ELSE ${id} END)`;
  const r = (name: (typeof LEVEL_1_RANDOMS)[number]) => `r_${name}`;

  // Level 1: the random draws, one column each, so an expression that reads one twice reads the same value.
  const draws = `SELECT n, gen_random_uuid() AS id, ${LEVEL_1_RANDOMS.map((name) => `random() AS r_${name}`).join(", ")} FROM generate_series(1, ${options.caseCount}) AS n`;

  // Level 2: who, where, what, when received.
  const received = `
    SELECT d.*,
      ${pick(intArray(officeWeights), r("office"))} AS office_id,
      CASE WHEN ${r("kind")} < 0.35 THEN 'PUNGLI' ELSE 'COMPLAINT' END AS kind,
      ${r("foreign")} < 0.1 AS is_foreigner,
      CASE WHEN ${r("foreign")} < 0.1 THEN 'en' ELSE 'id' END AS locale,
      ${weighted(r("chan"), [["'ONLINE'", 60], ["'WALK_IN'", 20], ["'PHONE'", 8], ["'EMAIL'", 5], ["'SMS'", 3], ["'LETTER'", 4]])} AS channel,
      -- The age: density growing linearly from 0.5 (the archive's first day) to 1.5 (today).
      floor((1 - (-0.5 + sqrt(0.25 + 2 * ${r("age")}))) * ${options.spanDays})::int AS age_days
    FROM (${draws} OFFSET 0) d`;
  const classified = `
    SELECT v.*,
      CASE WHEN kind = 'PUNGLI' THEN (CASE WHEN ${r("cat")} < 0.6 THEN ${category("PUNGLI")} ELSE ${category("CALO")} END)
           ELSE ${weighted(r("cat"), [[category("SLOW_SERVICE"), 35], [category("RUDE_OFFICER"), 15], [category("PROCEDURE_NOT_FOLLOWED"), 15], [category("INFORMATION_NOT_GIVEN"), 20], [category("OTHER"), 15]])} END AS category_id,
      CASE WHEN ${r("has_service")} >= 0.92 THEN NULL
           WHEN is_foreigner OR (kind = 'PUNGLI' AND ${r("svc_group")} < 0.1) THEN ${pick(foreignerServices, r("svc"))}
           WHEN ${r("svc_group")} < 0.9 THEN ${pick(passportServices, r("svc"))}
           ELSE ${pick(allServices, r("svc"))} END AS service_id,
      CASE WHEN kind = 'PUNGLI' THEN ${r("anon")} < 0.7 ELSE ${r("anon")} < 0.45 END AS is_anonymous,
      CASE WHEN kind = 'PUNGLI' THEN ${weighted(r("tier"), [["'NO_INVESTIGATION'", 45], ["'INVESTIGATION'", 40], ["'NORMATIVE'", 15]])}
           ELSE ${weighted(r("tier"), [["'LIGHT'", 30], ["'NORMATIVE'", 50], ["'NO_INVESTIGATION'", 20]])} END AS tier,
      CASE WHEN kind = 'PUNGLI' THEN ${weighted(r("outcome"), [["'RESOLVED'", 72], ["'REJECTED'", 10], ["'FORWARDED'", 14], ["'STUCK'", 8]])}
           ELSE ${weighted(r("outcome"), [["'RESOLVED'", 72], ["'REJECTED'", 10], ["'FORWARDED'", 5], ["'STUCK'", 8]])} END AS planned_outcome,
      ${now} - age_days * interval '1 day' - ${integer(r("hours"), 1, 8)} * interval '1 hour' AS received_day
    FROM (${received} OFFSET 0) v`;
  const receivedAt = `
    SELECT c.*,
      -- Old cases are rarely left open: a stuck old case is resolved late instead.
      CASE WHEN planned_outcome = 'STUCK' AND age_days > ${RECENT_DAYS} AND ${r("late")} < 0.95 THEN 'RESOLVED' ELSE planned_outcome END AS outcome,
      CASE WHEN x.at >= ${now} THEN ${now} - ${integer(r("now_fix"), 1, 6)} * interval '1 hour' ELSE x.at END AS received_at
    FROM (${classified} OFFSET 0) c
    CROSS JOIN LATERAL (SELECT CASE WHEN channel = 'ONLINE' AND ${r("online_any")} < 0.3 THEN received_day ELSE ${atOfficeHours(jakartaDay("received_day"), r("recv_min"))} END AS at) x`;
  // Level 3: verification, work, the wait for the reporter.
  const verified = `
    SELECT v.*,
      ${addWorkingDays("received_at", String(VERIFICATION_WORKING_DAYS))} AS verification_due_at,
      ${workingDayMoment("received_at", weighted(r("vlag"), [["0", 10], ["1", 25], ["2", 25], ["3", 20], ["4", 10], ["6", 10]]), r("vmin"), r("vbump"))} AS decided_at,
      outcome <> 'REJECTED' AND ${r("waits")} < 0.2 AS waits,
      CASE WHEN outcome <> 'REJECTED' AND ${r("waits")} < 0.2 THEN ${integer(r("wdays"), 1, 6)} ELSE 0 END AS wait_days,
      ${tierDays("tier")} AS tier_days
    FROM (${receivedAt} OFFSET 0) v, bench_calendar cal`;
  const inProgress = `SELECT v.*, ${workingDayMoment("decided_at", integer(r("iplag"), 0, 2), r("ipmin"), r("ipbump"))} AS in_progress_at FROM (${verified} OFFSET 0) v, bench_calendar cal`;
  const waitStart = `SELECT v.*, CASE WHEN waits THEN ${workingDayMoment("in_progress_at", "1", r("wmin"), r("wbump"))} END AS wait_start_at FROM (${inProgress} OFFSET 0) v, bench_calendar cal`;
  const waitEnd = `
    SELECT v.*,
      CASE WHEN waits THEN ${workingDayMoment("wait_start_at", "wait_days", r("wemin"), r("webump"))} END AS wait_end_at,
      ${r("late")} < 0.2 AS is_late
    FROM (${waitStart} OFFSET 0) v, bench_calendar cal`;
  // Level 4: closing, no earlier than the step before it.
  const closing = `
    SELECT v.*,
      CASE WHEN outcome = 'REJECTED' THEN decided_at
           WHEN outcome = 'STUCK' THEN NULL
           ELSE GREATEST(
             ${workingDayMoment("decided_at", `(CASE WHEN is_late THEN tier_days + wait_days + ${integer(r("lag"), 1, 10)} ELSE GREATEST(0, round(tier_days * (0.2 + 0.8 * ${r("lag")}))::int + wait_days) END)`, r("cmin"), r("cbump"))},
             COALESCE(wait_end_at, in_progress_at) + interval '30 minutes')
      END AS closed_planned_at
    FROM (${waitEnd} OFFSET 0) v, bench_calendar cal`;
  // Level 5: what had happened by now.
  const state = `
    SELECT v.*,
      CASE WHEN outcome = 'REJECTED' THEN (CASE WHEN decided_at <= ${now} THEN 'REJECTED' ELSE 'NEW' END)
           WHEN closed_planned_at <= ${now} THEN (CASE WHEN outcome = 'FORWARDED' THEN 'FORWARDED' ELSE 'RESOLVED' END)
           WHEN wait_end_at <= ${now} THEN 'IN_PROGRESS'
           WHEN wait_start_at <= ${now} THEN 'WAITING_FOR_REPORTER'
           WHEN in_progress_at <= ${now} THEN 'IN_PROGRESS'
           WHEN decided_at <= ${now} THEN 'VERIFIED'
           ELSE 'NEW' END AS status,
      outcome <> 'REJECTED' AND decided_at <= ${now} AS is_verified,
      CASE WHEN wait_end_at <= ${now} THEN wait_days ELSE 0 END AS paused_days
    FROM (${closing} OFFSET 0) v`;
  const deadlines = `
    SELECT v.*,
      CASE WHEN is_verified THEN decided_at END AS verified_at,
      CASE WHEN is_verified THEN ${addWorkingDays("decided_at", "tier_days + paused_days")} END AS resolution_due_at,
      CASE WHEN status IN ('RESOLVED', 'REJECTED', 'FORWARDED') THEN COALESCE(closed_planned_at, decided_at) END AS closed_at
    FROM (${state} OFFSET 0) v, bench_calendar cal`;
  const final = `
    SELECT v.*,
      status IN ('NEW', 'VERIFIED', 'IN_PROGRESS') AND (CASE WHEN verified_at IS NULL THEN verification_due_at ELSE COALESCE(resolution_due_at, verification_due_at) END) < ${now} AS is_escalated,
      CASE WHEN decided_at <= ${now} THEN ${countWorkingDays("received_at", "decided_at")} END AS verification_working_days,
      CASE WHEN closed_at IS NOT NULL THEN GREATEST(0, ${countWorkingDays("received_at", "closed_at")} - paused_days) END AS resolution_working_days,
      1 + ${["decided_at <= " + now, "outcome <> 'REJECTED' AND in_progress_at <= " + now, "wait_start_at <= " + now, "wait_end_at <= " + now, "outcome <> 'REJECTED' AND closed_planned_at <= " + now]
        .map((happened) => `COALESCE((${happened})::int, 0)`)
        .join(" + ")} AS version,
      age_days <= ${options.detailDays} OR ${r("detailed")} < ${options.detailShareOfOlder} AS is_detailed
    FROM (${deadlines} OFFSET 0) v, bench_calendar cal`;

  const stories = `(SELECT templates FROM bench_story s WHERE s.locale = p.locale AND s.category_id = p.category_id)`;
  const fillDetail = (locale: "id" | "en") => {
    const texts = demoTexts(locale);
    return `replace(replace(replace(replace(${pick(textArray(DETAIL_SENTENCES[locale]), r("detail"))},
      '{place}', lower(${pick(textArray(texts.places), r("place"))})),
      '{weekday}', ${pick(textArray(WEEKDAYS[locale]), r("weekday"))}),
      '{time}', lpad(${integer(r("time"), 7, 15)}::text, 2, '0') || '.' || lpad((${integer(r("queue"), 0, 11)} * 5)::text, 2, '0')),
      '{queue}', chr(65 + ${integer(r("queue"), 0, 3)}) || '-' || ${integer(r("time"), 1, 300)})`;
  };
  const extras = [150_000, 250_000, 300_000, 500_000, 750_000, 1_000_000, 1_500_000, 2_500_000];
  const demanded = `CASE WHEN kind = 'PUNGLI' AND ${r("demanded")} < 0.9 THEN COALESCE(svc.official_fee, 0) + ${pick(intArray(extras), r("extra"))} END`;
  const forwardedTo = `CASE WHEN status <> 'FORWARDED' THEN NULL WHEN kind = 'PUNGLI' THEN ${pick(textArray(["SABER_PUNGLI", "INSPECTORATE_GENERAL", "REGIONAL_OFFICE"]), r("forward"))} ELSE ${pick(textArray(["REGIONAL_OFFICE", "OMBUDSMAN"]), r("forward"))} END`;
  const forwardNote = (target: string) =>
    `CASE ${target} ${FORWARD_TARGETS.map((name) => `WHEN '${name}' THEN ${localeText(text(demoTexts("id").forwardNote(name)), text(demoTexts("en").forwardNote(name)))}`).join(" ")} END`;
  const counter = integer(r("counter"), 1, 12);
  const calendar = (await client.query<Calendar>(`SELECT to_char(base, 'YYYY-MM-DD') AS base, ord, wday FROM bench_calendar`)).rows[0]!;
  await client.query(inlineCalendar(`
    DROP TABLE IF EXISTS bench_plan;
    CREATE UNLOGGED TABLE bench_plan AS
    SELECT q.*, ${forwardNote("q.forwarded_to")} AS forward_note
    FROM (
      SELECT
        p.id, p.n, p.kind, p.channel, p.locale, p.office_id, p.service_id, p.category_id, p.is_anonymous, p.tier, p.outcome, p.status,
        p.received_at, p.verification_due_at, p.verified_at, p.decided_at, p.resolution_due_at, p.in_progress_at, p.wait_start_at, p.wait_end_at,
        p.wait_days, p.paused_days, p.closed_at, p.verification_working_days, p.resolution_working_days, p.is_escalated, p.version, p.is_detailed, p.is_late,
        CASE WHEN p.is_escalated THEN (CASE WHEN p.verified_at IS NULL THEN p.verification_due_at ELSE COALESCE(p.resolution_due_at, p.verification_due_at) END) + interval '1 millisecond' END AS escalated_at,
        CASE WHEN p.status = 'WAITING_FOR_REPORTER' THEN p.wait_start_at END AS clock_paused_at,
        replace(replace(${pick(stories, r("story"))}, '{service}', ${localeText("svc.noun_id", "svc.noun_en")}), '{counter}', ${counter}::text)
          || ' ' || ${localeText(fillDetail("id"), fillDetail("en"))} AS description,
        ${localeText(pick(textArray(demoTexts("id").places), r("place")), pick(textArray(demoTexts("en").places), r("place")))} AS incident_place,
        (${jakartaDay("p.received_at")} - ${integer(r("incident"), 0, 6)})::timestamp AS incident_date,
        CASE WHEN p.kind = 'PUNGLI' THEN svc.official_fee END AS official_fee,
        ${demanded} AS amount_demanded,
        CASE WHEN p.kind = 'PUNGLI' THEN ${weighted(r("paymethod"), [["'CASH'", 55], ["'TRANSFER'", 25], ["'E_WALLET'", 15], ["'OTHER'", 5]])} END AS payment_method,
        CASE WHEN p.kind = 'PUNGLI' THEN p.category_id = ${category("CALO")} OR ${r("broker")} < 0.2 END AS broker_involved,
        CASE WHEN p.kind = 'PUNGLI' THEN ${r("receipt")} < 0.05 END AS receipt_given,
        CASE WHEN p.kind = 'PUNGLI' THEN replace(${localeText(pick(textArray(accusedTemplates("id")), r("accused")), pick(textArray(accusedTemplates("en")), r("accused")))}, '{counter}', ${counter}::text) END AS accused_description,
        CASE WHEN p.status = 'REJECTED' THEN ${localeText(pick(textArray(demoTexts("id").rejectionReasons), r("reason")), pick(textArray(demoTexts("en").rejectionReasons), r("reason")))} END AS rejection_reason,
        ${forwardedTo} AS forwarded_to,
        CASE WHEN p.officer_ids = '{}' THEN NULL ELSE ${pick("p.officer_ids", r("assignee"))} END AS officer_id,
        p.is_verified OR ${r("assign")} < 0.5 AS is_assigned,
        r_paid1, r_paid2, r_rate, r_rated_h, r_score, r_comment, r_signed, r_note, r_person, r_email, r_phone, r_reason
      FROM (
        SELECT f.*, staff.officers AS officer_ids
        FROM (${final} OFFSET 0) f JOIN bench_office_staff staff ON staff.office_id = f.office_id
      ) p
      JOIN (SELECT service_id, noun_id, noun_en, CASE WHEN service_id = 0 THEN NULL ELSE fee END AS official_fee FROM bench_service) svc ON svc.service_id = COALESCE(p.service_id, 0)
    ) q;
  `, calendar));
}
