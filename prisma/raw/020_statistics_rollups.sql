-- Daily statistics rollups (lib/statistics/queries-rollups.ts sums them).
-- Every case contributes one row of counts to StatisticsDaily and a few rows to
-- StatisticsDailyValue (working-day and rupiah histograms, rejection reasons, forward
-- targets, and the open cases with the hour their current deadline falls due), keyed by its
-- Jakarta receipt day, office, service, category, kind and channel.
-- Triggers on Case and SatisfactionRating append the change as delta rows (minus the old
-- contribution, plus the new one) in the same transaction as the change. Appending never
-- takes a lock on a shared row, so concurrent filings do not queue on the rollups.
-- statistics_compact() folds the deltas of the touched days into one row per key (a timer),
-- statistics_rebuild() recomputes everything from the case rows (npm run statistics:rebuild).
-- Readers sum every row, compacted or not, so no figure waits for either.
-- The Prisma schema language cannot express these tables without a primary key, nor the
-- functions and triggers, so they live here and in the migration that introduced them.
-- The definitions mirror lib/statistics/definitions-sql.ts and the integration test
-- tests/integration/statistics-rollups.test.ts proves that both give the same figures.

CREATE TABLE "StatisticsDaily" (
  "day" date NOT NULL,
  "officeId" integer NOT NULL,
  "serviceId" integer,
  "categoryId" integer NOT NULL,
  "kind" "CaseKind" NOT NULL,
  "channel" "Channel" NOT NULL,
  "received" integer NOT NULL,
  "resolved" integer NOT NULL,
  "rejected" integer NOT NULL,
  "forwarded" integer NOT NULL,
  "open" integer NOT NULL,
  "verificationDecided" integer NOT NULL,
  "verificationOnTime" integer NOT NULL,
  "resolutionSettled" integer NOT NULL,
  "resolutionOnTime" integer NOT NULL,
  "escalated" integer NOT NULL,
  "ratings" integer NOT NULL,
  "ratingSum" integer NOT NULL,
  "score1" integer NOT NULL,
  "score2" integer NOT NULL,
  "score3" integer NOT NULL,
  "score4" integer NOT NULL,
  "score5" integer NOT NULL,
  "ratedResolved" integer NOT NULL,
  "withAmount" integer NOT NULL,
  "aboveFee" integer NOT NULL,
  "aboveFeeRupiah" bigint NOT NULL,
  "withBroker" integer NOT NULL,
  "isDelta" boolean NOT NULL DEFAULT true
);

CREATE INDEX "StatisticsDaily_day_idx" ON "StatisticsDaily" ("day");
CREATE INDEX "StatisticsDaily_delta_idx" ON "StatisticsDaily" ("day") WHERE "isDelta";

CREATE TABLE "StatisticsDailyValue" (
  "day" date NOT NULL,
  "officeId" integer NOT NULL,
  "serviceId" integer,
  "categoryId" integer NOT NULL,
  "kind" "CaseKind" NOT NULL,
  "channel" "Channel" NOT NULL,
  "measure" text NOT NULL,
  "dueHour" timestamp(3),
  "value" bigint,
  "label" text,
  "count" integer NOT NULL,
  "isDelta" boolean NOT NULL DEFAULT true
);

CREATE INDEX "StatisticsDailyValue_measure_day_idx" ON "StatisticsDailyValue" ("measure", "day");
CREATE INDEX "StatisticsDailyValue_delta_idx" ON "StatisticsDailyValue" ("day") WHERE "isDelta";

-- The deadlines that fall due in the current hour are counted from the case rows (the rollups
-- know the hour only): these two indexes keep that to the cases due in one hour.
CREATE INDEX "Case_statistics_undecided_due_idx" ON "Case" ("verificationDueAt") WHERE "verifiedAt" IS NULL AND "closedAt" IS NULL;
-- The oldest open case of a scope: the rollups give its day, this index its first instant.
CREATE INDEX "Case_statistics_open_received_idx" ON "Case" ("receivedAt") WHERE "status" IN ('NEW'::"CaseStatus", 'VERIFIED'::"CaseStatus", 'IN_PROGRESS'::"CaseStatus", 'WAITING_FOR_REPORTER'::"CaseStatus");
CREATE INDEX "Case_statistics_running_due_idx" ON "Case" ((CASE WHEN "verifiedAt" IS NULL THEN "verificationDueAt" ELSE COALESCE("resolutionDueAt", "verificationDueAt") END)) WHERE "status" IN ('NEW'::"CaseStatus", 'VERIFIED'::"CaseStatus", 'IN_PROGRESS'::"CaseStatus");

-- One case with its rating score (null when unrated) as its StatisticsDaily counts.
CREATE FUNCTION "statistics_case_counts"(c "Case", score integer)
RETURNS TABLE (
  "day" date, "officeId" integer, "serviceId" integer, "categoryId" integer, "kind" "CaseKind", "channel" "Channel",
  "received" integer, "resolved" integer, "rejected" integer, "forwarded" integer, "open" integer,
  "verificationDecided" integer, "verificationOnTime" integer, "resolutionSettled" integer, "resolutionOnTime" integer,
  "escalated" integer, "ratings" integer, "ratingSum" integer,
  "score1" integer, "score2" integer, "score3" integer, "score4" integer, "score5" integer, "ratedResolved" integer,
  "withAmount" integer, "aboveFee" integer, "aboveFeeRupiah" bigint, "withBroker" integer
)
LANGUAGE sql IMMUTABLE AS $$
  SELECT
    (c."receivedAt" + interval '7 hours')::date, c."officeId", c."serviceId", c."categoryId", c."kind", c."channel",
    1,
    (c."status" = 'RESOLVED')::integer,
    (c."status" = 'REJECTED')::integer,
    (c."status" = 'FORWARDED')::integer,
    (c."status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_REPORTER'))::integer,
    (COALESCE(c."verifiedAt", c."closedAt") IS NOT NULL)::integer,
    (COALESCE(c."verifiedAt", c."closedAt") IS NOT NULL AND COALESCE(c."verifiedAt", c."closedAt") <= c."verificationDueAt")::integer,
    (c."verifiedAt" IS NOT NULL AND c."resolutionDueAt" IS NOT NULL AND (
      c."status" IN ('RESOLVED', 'REJECTED', 'FORWARDED')
      OR (c."status" = 'WAITING_FOR_REPORTER' AND c."clockPausedAt" IS NOT NULL AND c."resolutionDueAt" < c."clockPausedAt")
    ))::integer,
    (c."verifiedAt" IS NOT NULL AND c."closedAt" IS NOT NULL AND c."resolutionDueAt" IS NOT NULL AND c."closedAt" <= c."resolutionDueAt")::integer,
    (c."isEscalated" OR c."escalatedAt" IS NOT NULL)::integer,
    (score IS NOT NULL)::integer,
    COALESCE(score, 0),
    (score IS NOT DISTINCT FROM 1)::integer,
    (score IS NOT DISTINCT FROM 2)::integer,
    (score IS NOT DISTINCT FROM 3)::integer,
    (score IS NOT DISTINCT FROM 4)::integer,
    (score IS NOT DISTINCT FROM 5)::integer,
    (c."status" = 'RESOLVED' AND score IS NOT NULL)::integer,
    (c."kind" = 'PUNGLI' AND c."amountDemandedRupiah" IS NOT NULL)::integer,
    (c."kind" = 'PUNGLI' AND c."feeDifferenceRupiah" > 0 IS TRUE)::integer,
    CASE WHEN c."kind" = 'PUNGLI' AND c."feeDifferenceRupiah" > 0 THEN c."feeDifferenceRupiah"::bigint ELSE 0 END,
    (c."kind" = 'PUNGLI' AND c."brokerInvolved" IS TRUE)::integer
$$;

-- One case as its StatisticsDailyValue rows. The open cases are keyed by the hour their
-- current deadline falls due in (UTC, as the deadline columns hold it).
CREATE FUNCTION "statistics_case_values"(c "Case")
RETURNS TABLE (
  "day" date, "officeId" integer, "serviceId" integer, "categoryId" integer, "kind" "CaseKind", "channel" "Channel",
  "measure" text, "dueHour" timestamp(3), "value" bigint, "label" text
)
LANGUAGE sql IMMUTABLE AS $$
  SELECT (c."receivedAt" + interval '7 hours')::date, c."officeId", c."serviceId", c."categoryId", c."kind", c."channel",
    m."measure", m."dueHour", m."value", m."label"
  FROM (VALUES
    ('verifyDays', NULL::timestamp(3), c."verificationWorkingDays"::bigint, NULL::text, c."verificationWorkingDays" IS NOT NULL),
    ('resolveDays', NULL, c."resolutionWorkingDays"::bigint, NULL, c."status" = 'RESOLVED' AND c."resolutionWorkingDays" IS NOT NULL),
    ('aboveFeeRupiah', NULL, c."feeDifferenceRupiah"::bigint, NULL, c."kind" = 'PUNGLI' AND c."feeDifferenceRupiah" > 0),
    ('rejectionReason', NULL, NULL, c."rejectionReason", c."status" IN ('REJECTED', 'FORWARDED') AND c."rejectionReason" IS NOT NULL),
    ('forwardedTo', NULL, NULL, c."forwardedTo"::text, c."status" IN ('REJECTED', 'FORWARDED') AND c."forwardedTo" IS NOT NULL),
    ('open', NULL, NULL, NULL, c."status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_REPORTER')),
    ('running', date_trunc('hour', CASE WHEN c."verifiedAt" IS NULL THEN c."verificationDueAt" ELSE COALESCE(c."resolutionDueAt", c."verificationDueAt") END), NULL, NULL,
      c."status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS')),
    ('verificationPending', date_trunc('hour', c."verificationDueAt"), NULL, NULL, c."verifiedAt" IS NULL AND c."closedAt" IS NULL),
    ('resolutionPending', date_trunc('hour', c."resolutionDueAt"), NULL, NULL,
      c."verifiedAt" IS NOT NULL AND c."resolutionDueAt" IS NOT NULL AND c."status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS'))
  ) AS m("measure", "dueHour", "value", "label", "included")
  WHERE m."included"
$$;

-- Appends one case contribution, times sign (1 or -1). Without values, only the counts.
CREATE FUNCTION "statistics_record_case"(c "Case", score integer, sign integer, with_values boolean)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StatisticsDaily" (
    "day", "officeId", "serviceId", "categoryId", "kind", "channel",
    "received", "resolved", "rejected", "forwarded", "open",
    "verificationDecided", "verificationOnTime", "resolutionSettled", "resolutionOnTime",
    "escalated", "ratings", "ratingSum", "score1", "score2", "score3", "score4", "score5", "ratedResolved",
    "withAmount", "aboveFee", "aboveFeeRupiah", "withBroker")
  SELECT
    s."day", s."officeId", s."serviceId", s."categoryId", s."kind", s."channel",
    sign * s."received", sign * s."resolved", sign * s."rejected", sign * s."forwarded", sign * s."open",
    sign * s."verificationDecided", sign * s."verificationOnTime", sign * s."resolutionSettled", sign * s."resolutionOnTime",
    sign * s."escalated", sign * s."ratings", sign * s."ratingSum",
    sign * s."score1", sign * s."score2", sign * s."score3", sign * s."score4", sign * s."score5", sign * s."ratedResolved",
    sign * s."withAmount", sign * s."aboveFee", sign * s."aboveFeeRupiah", sign * s."withBroker"
  FROM "statistics_case_counts"(c, score) s;
  IF with_values THEN
    INSERT INTO "StatisticsDailyValue" ("day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "dueHour", "value", "label", "count")
    SELECT v."day", v."officeId", v."serviceId", v."categoryId", v."kind", v."channel", v."measure", v."dueHour", v."value", v."label", sign
    FROM "statistics_case_values"(c) v;
  END IF;
END
$$;

CREATE FUNCTION "statistics_case_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  score integer;
BEGIN
  IF TG_OP = 'UPDATE' AND ROW(
      OLD."receivedAt", OLD."officeId", OLD."serviceId", OLD."categoryId", OLD."kind", OLD."channel", OLD."status",
      OLD."verifiedAt", OLD."closedAt", OLD."verificationDueAt", OLD."resolutionDueAt", OLD."clockPausedAt",
      OLD."isEscalated", OLD."escalatedAt", OLD."verificationWorkingDays", OLD."resolutionWorkingDays",
      OLD."amountDemandedRupiah", OLD."feeDifferenceRupiah", OLD."brokerInvolved", OLD."rejectionReason", OLD."forwardedTo")
    IS NOT DISTINCT FROM ROW(
      NEW."receivedAt", NEW."officeId", NEW."serviceId", NEW."categoryId", NEW."kind", NEW."channel", NEW."status",
      NEW."verifiedAt", NEW."closedAt", NEW."verificationDueAt", NEW."resolutionDueAt", NEW."clockPausedAt",
      NEW."isEscalated", NEW."escalatedAt", NEW."verificationWorkingDays", NEW."resolutionWorkingDays",
      NEW."amountDemandedRupiah", NEW."feeDifferenceRupiah", NEW."brokerInvolved", NEW."rejectionReason", NEW."forwardedTo") THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    SELECT r."score" INTO score FROM "SatisfactionRating" r WHERE r."caseId" = OLD."id";
    PERFORM "statistics_record_case"(OLD, score, -1, true);
    RETURN OLD;
  END IF;
  SELECT r."score" INTO score FROM "SatisfactionRating" r WHERE r."caseId" = NEW."id";
  IF TG_OP = 'UPDATE' THEN
    PERFORM "statistics_record_case"(OLD, score, -1, true);
  END IF;
  PERFORM "statistics_record_case"(NEW, score, 1, true);
  RETURN NULL;
END
$$;

-- A deleted case leaves before its rating is deleted by the cascade, so the case is
-- subtracted with its rating (BEFORE DELETE) and the rating trigger then finds no case.
CREATE TRIGGER "statistics_case_written" AFTER INSERT OR UPDATE ON "Case" FOR EACH ROW EXECUTE FUNCTION "statistics_case_changed"();
CREATE TRIGGER "statistics_case_deleted" BEFORE DELETE ON "Case" FOR EACH ROW EXECUTE FUNCTION "statistics_case_changed"();

CREATE FUNCTION "statistics_rating_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  rated "Case";
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."caseId" = NEW."caseId" AND OLD."score" IS NOT DISTINCT FROM NEW."score" THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    SELECT * INTO rated FROM "Case" WHERE "id" = OLD."caseId";
    IF FOUND THEN
      PERFORM "statistics_record_case"(rated, OLD."score", -1, false);
      PERFORM "statistics_record_case"(rated, NULL, 1, false);
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') THEN
    SELECT * INTO rated FROM "Case" WHERE "id" = NEW."caseId";
    IF FOUND THEN
      PERFORM "statistics_record_case"(rated, NULL, -1, false);
      PERFORM "statistics_record_case"(rated, NEW."score", 1, false);
    END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "statistics_rating_written" AFTER INSERT OR UPDATE OR DELETE ON "SatisfactionRating" FOR EACH ROW EXECUTE FUNCTION "statistics_rating_changed"();

-- Folds the delta rows of every touched day into one row per key and returns how many
-- delta rows it folded. Rows appended while it runs are not seen and wait for the next run.
CREATE FUNCTION "statistics_compact"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  folded integer;
  folded_values integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('statistics_compact'));
  SELECT count(*) INTO folded FROM "StatisticsDaily" WHERE "isDelta";
  SELECT count(*) INTO folded_values FROM "StatisticsDailyValue" WHERE "isDelta";
  WITH touched AS (SELECT DISTINCT "day" FROM "StatisticsDaily" WHERE "isDelta"),
  moved AS (DELETE FROM "StatisticsDaily" s USING touched WHERE s."day" = touched."day" RETURNING s.*)
  INSERT INTO "StatisticsDaily" (
    "day", "officeId", "serviceId", "categoryId", "kind", "channel",
    "received", "resolved", "rejected", "forwarded", "open",
    "verificationDecided", "verificationOnTime", "resolutionSettled", "resolutionOnTime",
    "escalated", "ratings", "ratingSum", "score1", "score2", "score3", "score4", "score5", "ratedResolved",
    "withAmount", "aboveFee", "aboveFeeRupiah", "withBroker", "isDelta")
  SELECT
    "day", "officeId", "serviceId", "categoryId", "kind", "channel",
    sum("received"), sum("resolved"), sum("rejected"), sum("forwarded"), sum("open"),
    sum("verificationDecided"), sum("verificationOnTime"), sum("resolutionSettled"), sum("resolutionOnTime"),
    sum("escalated"), sum("ratings"), sum("ratingSum"),
    sum("score1"), sum("score2"), sum("score3"), sum("score4"), sum("score5"), sum("ratedResolved"),
    sum("withAmount"), sum("aboveFee"), sum("aboveFeeRupiah"), sum("withBroker"), false
  FROM moved
  GROUP BY "day", "officeId", "serviceId", "categoryId", "kind", "channel"
  HAVING sum("received") <> 0;
  WITH touched AS (SELECT DISTINCT "day" FROM "StatisticsDailyValue" WHERE "isDelta"),
  moved AS (DELETE FROM "StatisticsDailyValue" s USING touched WHERE s."day" = touched."day" RETURNING s.*)
  INSERT INTO "StatisticsDailyValue" ("day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "dueHour", "value", "label", "count", "isDelta")
  SELECT "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "dueHour", "value", "label", sum("count"), false
  FROM moved
  GROUP BY "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "dueHour", "value", "label"
  HAVING sum("count") <> 0;
  RETURN folded + folded_values;
END
$$;

-- Recomputes both tables from the case rows. TRUNCATE waits for the writers that appended
-- deltas and holds back new ones until the commit, and each statement below reads the cases
-- as committed after that, so no change is counted twice or lost.
CREATE FUNCTION "statistics_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('statistics_compact'));
  TRUNCATE "StatisticsDaily", "StatisticsDailyValue";
  INSERT INTO "StatisticsDaily" (
    "day", "officeId", "serviceId", "categoryId", "kind", "channel",
    "received", "resolved", "rejected", "forwarded", "open",
    "verificationDecided", "verificationOnTime", "resolutionSettled", "resolutionOnTime",
    "escalated", "ratings", "ratingSum", "score1", "score2", "score3", "score4", "score5", "ratedResolved",
    "withAmount", "aboveFee", "aboveFeeRupiah", "withBroker", "isDelta")
  SELECT
    s."day", s."officeId", s."serviceId", s."categoryId", s."kind", s."channel",
    sum(s."received"), sum(s."resolved"), sum(s."rejected"), sum(s."forwarded"), sum(s."open"),
    sum(s."verificationDecided"), sum(s."verificationOnTime"), sum(s."resolutionSettled"), sum(s."resolutionOnTime"),
    sum(s."escalated"), sum(s."ratings"), sum(s."ratingSum"),
    sum(s."score1"), sum(s."score2"), sum(s."score3"), sum(s."score4"), sum(s."score5"), sum(s."ratedResolved"),
    sum(s."withAmount"), sum(s."aboveFee"), sum(s."aboveFeeRupiah"), sum(s."withBroker"), false
  FROM "Case" c
  LEFT JOIN "SatisfactionRating" r ON r."caseId" = c."id"
  CROSS JOIN LATERAL "statistics_case_counts"(c, r."score") s
  GROUP BY s."day", s."officeId", s."serviceId", s."categoryId", s."kind", s."channel";
  INSERT INTO "StatisticsDailyValue" ("day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "dueHour", "value", "label", "count", "isDelta")
  SELECT v."day", v."officeId", v."serviceId", v."categoryId", v."kind", v."channel", v."measure", v."dueHour", v."value", v."label", count(*), false
  FROM "Case" c
  CROSS JOIN LATERAL "statistics_case_values"(c) v
  GROUP BY v."day", v."officeId", v."serviceId", v."categoryId", v."kind", v."channel", v."measure", v."dueHour", v."value", v."label";
END
$$;

-- TRUNCATE fires no row triggers: emptying the cases or the ratings recomputes the rollups.
CREATE FUNCTION "statistics_tables_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "statistics_rebuild"();
  RETURN NULL;
END
$$;

CREATE TRIGGER "statistics_case_truncated" AFTER TRUNCATE ON "Case" FOR EACH STATEMENT EXECUTE FUNCTION "statistics_tables_truncated"();
CREATE TRIGGER "statistics_rating_truncated" AFTER TRUNCATE ON "SatisfactionRating" FOR EACH STATEMENT EXECUTE FUNCTION "statistics_tables_truncated"();

SELECT "statistics_rebuild"();
