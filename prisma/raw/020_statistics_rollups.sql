-- Statistics rollups (lib/statistics/queries-rollups.ts and lib/transparency/compute.ts sum them).
--
-- Every change to a case or a rating appends, in the same transaction, the case's contribution
-- (minus the old one, plus the new one) to two change tables keyed by the full key: Jakarta
-- receipt day, office, service, category, kind and channel. Appending takes no lock on a shared
-- row, so concurrent filings do not queue on the statistics. statistics_compact() (a timer in
-- every instance, once a minute) drains the change tables into two cubes. Readers sum the cube
-- rows and the not yet drained changes in one statement, so no figure waits for the timer.
--
-- The cubes hold the same sums at several grains (which of office, service, kind, category,
-- channel are kept, the others summed out and NULL) and several time levels ('y' year,
-- 'm' month, 'd' day, and "day" is the first day of the bucket). A reader picks the smallest grain
-- that keeps every dimension it filters or groups by, and covers its period with few buckets:
-- whole years and months, a partial month as its days or as the month minus the other days.
-- So a national view over three years sums a few thousand rows, not a row per case.
-- - StatisticsCube: the counts, at the grains of statistics_count_grains(), levels y and m,
--   level d only at the full grain (31), for the days at the edges of a period.
-- - StatisticsCubeValue: histograms (working days, rupiah above the fee) and labels (rejection
--   reasons, forward targets), at the grains of statistics_value_grains(), levels as above.
-- The figures that depend on "now" are counted as states: open, clock running ("running"),
-- undecided (received minus verificationDecided) and verified with the clock running
-- ("resolutionPending"). A reader takes off the cases whose deadline is still ahead (late is due
-- before now, overdue is due before the overdue threshold), read from the case rows through the
-- partial deadline indexes below: only cases received or verified within about one deadline's
-- length are ahead of it, so that read does not grow with the archive. (An earlier version kept
-- the open cases by the hour of their deadline, 1.3 million rows at a million cases.)
-- Grain bits: office 1, service 2, kind 4, category 8, channel 16 (lib/statistics/rollups-sql.ts
-- keeps the same lists, and the integration test checks they agree).
-- statistics_rebuild() recomputes everything from the case rows (npm run statistics:rebuild).
-- The Prisma schema language cannot express these tables (no primary key, NULLS NOT DISTINCT),
-- nor the functions and triggers, so they live here and in the migrations.
-- The definitions mirror lib/statistics/definitions-sql.ts and the integration test
-- tests/integration/statistics-rollups.test.ts proves that both give the same figures for every
-- filter combination of the statistics page.

CREATE TABLE "StatisticsChange" (
  "day" date NOT NULL,
  "officeId" integer NOT NULL,
  "serviceId" integer,
  "categoryId" integer NOT NULL,
  "kind" "CaseKind" NOT NULL,
  "channel" "Channel" NOT NULL,
  "received" integer NOT NULL,
  "pungli" integer NOT NULL,
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
  "resolutionPending" integer NOT NULL,
  "running" integer NOT NULL
);

CREATE INDEX "StatisticsChange_day_idx" ON "StatisticsChange" ("day");

CREATE TABLE "StatisticsChangeValue" (
  "day" date NOT NULL,
  "officeId" integer NOT NULL,
  "serviceId" integer,
  "categoryId" integer NOT NULL,
  "kind" "CaseKind" NOT NULL,
  "channel" "Channel" NOT NULL,
  "measure" text NOT NULL,
  "value" bigint,
  "label" text,
  "count" integer NOT NULL
);

CREATE INDEX "StatisticsChangeValue_day_idx" ON "StatisticsChangeValue" ("day");

CREATE TABLE "StatisticsCube" (
  "grain" smallint NOT NULL,
  "level" "char" NOT NULL,
  "day" date NOT NULL,
  "officeId" integer,
  "serviceId" integer,
  "categoryId" integer,
  "kind" "CaseKind",
  "channel" "Channel",
  "received" integer NOT NULL,
  "pungli" integer NOT NULL,
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
  "resolutionPending" integer NOT NULL,
  "running" integer NOT NULL
);

CREATE UNIQUE INDEX "StatisticsCube_key" ON "StatisticsCube" ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel") NULLS NOT DISTINCT;
CREATE INDEX "StatisticsCube_office_idx" ON "StatisticsCube" ("grain", "level", "officeId", "day");

CREATE TABLE "StatisticsCubeValue" (
  "grain" smallint NOT NULL,
  "level" "char" NOT NULL,
  "day" date NOT NULL,
  "officeId" integer,
  "serviceId" integer,
  "categoryId" integer,
  "kind" "CaseKind",
  "channel" "Channel",
  "measure" text NOT NULL,
  "value" bigint,
  "label" text,
  "count" integer NOT NULL
);

CREATE UNIQUE INDEX "StatisticsCubeValue_key" ON "StatisticsCubeValue" ("grain", "level", "day", "measure", "officeId", "serviceId", "categoryId", "kind", "channel", "value", md5("label")) NULLS NOT DISTINCT;
CREATE INDEX "StatisticsCubeValue_office_idx" ON "StatisticsCubeValue" ("grain", "level", "officeId", "day");

-- The pending cases whose deadline is still ahead are counted from the case rows: these
-- indexes keep that to them (the undecided by verification deadline, the clock-running by
-- current deadline).
-- They carry every column those reads use (INCLUDE), so they are index-only: the pending cases
-- are spread over the whole table (10,000 pages for 24,000 cases at a million), the index is not.
CREATE INDEX IF NOT EXISTS "Case_statistics_undecided_due_idx" ON "Case" ("verificationDueAt") INCLUDE ("receivedAt", "officeId", "serviceId", "categoryId", "kind", "channel") WHERE "verifiedAt" IS NULL AND "closedAt" IS NULL;
CREATE INDEX IF NOT EXISTS "Case_statistics_resolution_due_idx" ON "Case" ("resolutionDueAt") INCLUDE ("receivedAt", "officeId", "serviceId", "categoryId", "kind", "channel") WHERE "verifiedAt" IS NOT NULL AND "resolutionDueAt" IS NOT NULL AND "status" IN ('NEW'::"CaseStatus", 'VERIFIED'::"CaseStatus", 'IN_PROGRESS'::"CaseStatus");
-- The oldest open case of a scope: the rollups give its day, this index its first instant.
CREATE INDEX IF NOT EXISTS "Case_statistics_open_received_idx" ON "Case" ("receivedAt") WHERE "status" IN ('NEW'::"CaseStatus", 'VERIFIED'::"CaseStatus", 'IN_PROGRESS'::"CaseStatus", 'WAITING_FOR_REPORTER'::"CaseStatus");
CREATE INDEX IF NOT EXISTS "Case_statistics_running_due_idx" ON "Case" ((CASE WHEN "verifiedAt" IS NULL THEN "verificationDueAt" ELSE COALESCE("resolutionDueAt", "verificationDueAt") END)) INCLUDE ("verifiedAt", "verificationDueAt", "resolutionDueAt", "id", "officeId", "serviceId", "categoryId", "kind", "channel") WHERE "status" IN ('NEW'::"CaseStatus", 'VERIFIED'::"CaseStatus", 'IN_PROGRESS'::"CaseStatus");

CREATE FUNCTION "statistics_count_grains"() RETURNS smallint[] LANGUAGE sql IMMUTABLE AS $$ SELECT '{1,28,30,3,7,19,29,15,23,31}'::smallint[] $$;
CREATE FUNCTION "statistics_value_grains"() RETURNS smallint[] LANGUAGE sql IMMUTABLE AS $$ SELECT '{0,4,16,12,20,2,28,6,18,14,22,30,1,5,17,3,13,21,7,19,31}'::smallint[] $$;

-- One case with its rating score (null when unrated) as its counts (StatisticsChange).
CREATE FUNCTION "statistics_case_counts"(c "Case", score integer)
RETURNS TABLE (
  "day" date, "officeId" integer, "serviceId" integer, "categoryId" integer, "kind" "CaseKind", "channel" "Channel",
  "received" integer, "pungli" integer, "resolved" integer, "rejected" integer, "forwarded" integer, "open" integer,
  "verificationDecided" integer, "verificationOnTime" integer, "resolutionSettled" integer, "resolutionOnTime" integer,
  "escalated" integer, "ratings" integer, "ratingSum" integer,
  "score1" integer, "score2" integer, "score3" integer, "score4" integer, "score5" integer, "ratedResolved" integer,
  "withAmount" integer, "aboveFee" integer, "aboveFeeRupiah" bigint, "withBroker" integer,
  "resolutionPending" integer, "running" integer
)
LANGUAGE sql IMMUTABLE AS $$
  SELECT
    (c."receivedAt" + interval '7 hours')::date, c."officeId", c."serviceId", c."categoryId", c."kind", c."channel",
    1,
    (c."kind" = 'PUNGLI')::integer,
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
    (c."kind" = 'PUNGLI' AND c."brokerInvolved" IS TRUE)::integer,
    (c."verifiedAt" IS NOT NULL AND c."resolutionDueAt" IS NOT NULL AND c."status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS'))::integer,
    (c."status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS'))::integer
$$;

-- One case as its StatisticsChangeValue rows. The open cases are keyed by the hour their
-- current deadline falls due in (UTC, as the deadline columns hold it).
CREATE FUNCTION "statistics_case_values"(c "Case")
RETURNS TABLE (
  "day" date, "officeId" integer, "serviceId" integer, "categoryId" integer, "kind" "CaseKind", "channel" "Channel",
  "measure" text, "value" bigint, "label" text
)
LANGUAGE sql IMMUTABLE AS $$
  SELECT (c."receivedAt" + interval '7 hours')::date, c."officeId", c."serviceId", c."categoryId", c."kind", c."channel",
    m."measure", m."value", m."label"
  FROM (VALUES
    ('verifyDays', c."verificationWorkingDays"::bigint, NULL::text, c."verificationWorkingDays" IS NOT NULL),
    ('resolveDays', c."resolutionWorkingDays"::bigint, NULL, c."status" = 'RESOLVED' AND c."resolutionWorkingDays" IS NOT NULL),
    ('aboveFeeRupiah', c."feeDifferenceRupiah"::bigint, NULL, c."kind" = 'PUNGLI' AND c."feeDifferenceRupiah" > 0),
    ('rejectionReason', NULL, c."rejectionReason", c."status" IN ('REJECTED', 'FORWARDED') AND c."rejectionReason" IS NOT NULL),
    ('forwardedTo', NULL, c."forwardedTo"::text, c."status" IN ('REJECTED', 'FORWARDED') AND c."forwardedTo" IS NOT NULL)
  ) AS m("measure", "value", "label", "included")
  WHERE m."included"
$$;

-- Appends one case contribution, times sign (1 or -1). Without values, only the counts.
CREATE FUNCTION "statistics_record_case"(c "Case", score integer, sign integer, with_values boolean)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "StatisticsChange" ("day", "officeId", "serviceId", "categoryId", "kind", "channel", "received", "pungli", "resolved", "rejected", "forwarded", "open", "verificationDecided", "verificationOnTime", "resolutionSettled", "resolutionOnTime", "escalated", "ratings", "ratingSum", "score1", "score2", "score3", "score4", "score5", "ratedResolved", "withAmount", "aboveFee", "aboveFeeRupiah", "withBroker", "resolutionPending", "running")
  SELECT s."day", s."officeId", s."serviceId", s."categoryId", s."kind", s."channel", sign * s."received", sign * s."pungli", sign * s."resolved", sign * s."rejected", sign * s."forwarded", sign * s."open", sign * s."verificationDecided", sign * s."verificationOnTime", sign * s."resolutionSettled", sign * s."resolutionOnTime", sign * s."escalated", sign * s."ratings", sign * s."ratingSum", sign * s."score1", sign * s."score2", sign * s."score3", sign * s."score4", sign * s."score5", sign * s."ratedResolved", sign * s."withAmount", sign * s."aboveFee", sign * s."aboveFeeRupiah", sign * s."withBroker", sign * s."resolutionPending", sign * s."running"
  FROM "statistics_case_counts"(c, score) s;
  IF with_values THEN
    INSERT INTO "StatisticsChangeValue" ("day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value", "label", "count")
    SELECT v."day", v."officeId", v."serviceId", v."categoryId", v."kind", v."channel", v."measure", v."value", v."label", sign
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

-- Drains the change tables into the cubes and returns how many change rows it drained. Rows
-- appended by transactions that commit while it runs are not seen and wait for the next run.
-- A cube row whose sums fall to zero stays until the next rebuild (the readers skip zeros).
CREATE FUNCTION "statistics_compact"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  drained integer;
  drained_values integer;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('statistics_compact'));
  PERFORM set_config('work_mem', '256MB', true);
  CREATE TEMPORARY TABLE statistics_drained ON COMMIT DROP AS
    WITH moved AS (DELETE FROM "StatisticsChange" RETURNING *)
    SELECT "day", "officeId", "serviceId", "categoryId", "kind", "channel", sum("received") AS "received", sum("pungli") AS "pungli", sum("resolved") AS "resolved", sum("rejected") AS "rejected", sum("forwarded") AS "forwarded", sum("open") AS "open", sum("verificationDecided") AS "verificationDecided", sum("verificationOnTime") AS "verificationOnTime", sum("resolutionSettled") AS "resolutionSettled", sum("resolutionOnTime") AS "resolutionOnTime", sum("escalated") AS "escalated", sum("ratings") AS "ratings", sum("ratingSum") AS "ratingSum", sum("score1") AS "score1", sum("score2") AS "score2", sum("score3") AS "score3", sum("score4") AS "score4", sum("score5") AS "score5", sum("ratedResolved") AS "ratedResolved", sum("withAmount") AS "withAmount", sum("aboveFee") AS "aboveFee", sum("aboveFeeRupiah") AS "aboveFeeRupiah", sum("withBroker") AS "withBroker", sum("resolutionPending") AS "resolutionPending", sum("running") AS "running", count(*)::integer AS "rows"
    FROM moved GROUP BY "day", "officeId", "serviceId", "categoryId", "kind", "channel";
  CREATE TEMPORARY TABLE statistics_drained_values ON COMMIT DROP AS
    WITH moved AS (DELETE FROM "StatisticsChangeValue" RETURNING *)
    SELECT "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value", "label", sum("count")::integer AS "count", count(*)::integer AS "rows"
    FROM moved GROUP BY "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value", "label";
  SELECT COALESCE(sum("rows"), 0) INTO drained FROM statistics_drained;
  SELECT COALESCE(sum("rows"), 0) INTO drained_values FROM statistics_drained_values;

  INSERT INTO "StatisticsCube" AS t ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel", "received", "pungli", "resolved", "rejected", "forwarded", "open", "verificationDecided", "verificationOnTime", "resolutionSettled", "resolutionOnTime", "escalated", "ratings", "ratingSum", "score1", "score2", "score3", "score4", "score5", "ratedResolved", "withAmount", "aboveFee", "aboveFeeRupiah", "withBroker", "resolutionPending", "running")
  SELECT g."grain", l."level",
    CASE l."level" WHEN 'y' THEN date_trunc('year', m."day")::date WHEN 'm' THEN date_trunc('month', m."day")::date ELSE m."day" END,
    CASE WHEN g."grain" & 1 <> 0 THEN m."officeId" END, CASE WHEN g."grain" & 2 <> 0 THEN m."serviceId" END, CASE WHEN g."grain" & 8 <> 0 THEN m."categoryId" END, CASE WHEN g."grain" & 4 <> 0 THEN m."kind" END, CASE WHEN g."grain" & 16 <> 0 THEN m."channel" END,
    sum(m."received"), sum(m."pungli"), sum(m."resolved"), sum(m."rejected"), sum(m."forwarded"), sum(m."open"), sum(m."verificationDecided"), sum(m."verificationOnTime"), sum(m."resolutionSettled"), sum(m."resolutionOnTime"), sum(m."escalated"), sum(m."ratings"), sum(m."ratingSum"), sum(m."score1"), sum(m."score2"), sum(m."score3"), sum(m."score4"), sum(m."score5"), sum(m."ratedResolved"), sum(m."withAmount"), sum(m."aboveFee"), sum(m."aboveFeeRupiah"), sum(m."withBroker"), sum(m."resolutionPending"), sum(m."running")
  FROM statistics_drained m
  CROSS JOIN unnest("statistics_count_grains"()) g("grain")
  CROSS JOIN (VALUES ('y'::"char"), ('m'::"char"), ('d'::"char")) l("level")
  WHERE l."level" <> 'd' OR g."grain" = 31
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8
  ON CONFLICT ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel") DO UPDATE SET
    "received" = t."received" + EXCLUDED."received",
    "pungli" = t."pungli" + EXCLUDED."pungli",
    "resolved" = t."resolved" + EXCLUDED."resolved",
    "rejected" = t."rejected" + EXCLUDED."rejected",
    "forwarded" = t."forwarded" + EXCLUDED."forwarded",
    "open" = t."open" + EXCLUDED."open",
    "verificationDecided" = t."verificationDecided" + EXCLUDED."verificationDecided",
    "verificationOnTime" = t."verificationOnTime" + EXCLUDED."verificationOnTime",
    "resolutionSettled" = t."resolutionSettled" + EXCLUDED."resolutionSettled",
    "resolutionOnTime" = t."resolutionOnTime" + EXCLUDED."resolutionOnTime",
    "escalated" = t."escalated" + EXCLUDED."escalated",
    "ratings" = t."ratings" + EXCLUDED."ratings",
    "ratingSum" = t."ratingSum" + EXCLUDED."ratingSum",
    "score1" = t."score1" + EXCLUDED."score1",
    "score2" = t."score2" + EXCLUDED."score2",
    "score3" = t."score3" + EXCLUDED."score3",
    "score4" = t."score4" + EXCLUDED."score4",
    "score5" = t."score5" + EXCLUDED."score5",
    "ratedResolved" = t."ratedResolved" + EXCLUDED."ratedResolved",
    "withAmount" = t."withAmount" + EXCLUDED."withAmount",
    "aboveFee" = t."aboveFee" + EXCLUDED."aboveFee",
    "aboveFeeRupiah" = t."aboveFeeRupiah" + EXCLUDED."aboveFeeRupiah",
    "withBroker" = t."withBroker" + EXCLUDED."withBroker",
    "resolutionPending" = t."resolutionPending" + EXCLUDED."resolutionPending",
    "running" = t."running" + EXCLUDED."running";

  INSERT INTO "StatisticsCubeValue" AS t ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value", "label", "count")
  SELECT g."grain", l."level",
    CASE l."level" WHEN 'y' THEN date_trunc('year', m."day")::date WHEN 'm' THEN date_trunc('month', m."day")::date ELSE m."day" END,
    CASE WHEN g."grain" & 1 <> 0 THEN m."officeId" END, CASE WHEN g."grain" & 2 <> 0 THEN m."serviceId" END, CASE WHEN g."grain" & 8 <> 0 THEN m."categoryId" END, CASE WHEN g."grain" & 4 <> 0 THEN m."kind" END, CASE WHEN g."grain" & 16 <> 0 THEN m."channel" END,
    m."measure", m."value", m."label", sum(m."count")
  FROM statistics_drained_values m
  CROSS JOIN unnest("statistics_value_grains"()) g("grain")
  CROSS JOIN (VALUES ('y'::"char"), ('m'::"char"), ('d'::"char")) l("level")
  WHERE l."level" <> 'd' OR g."grain" = 31
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11
  ON CONFLICT ("grain", "level", "day", "measure", "officeId", "serviceId", "categoryId", "kind", "channel", "value", md5("label")) DO UPDATE SET
    "count" = t."count" + EXCLUDED."count";

  DROP TABLE statistics_drained, statistics_drained_values;
  RETURN drained + drained_values;
END
$$;

-- Recomputes the cubes from the case rows. TRUNCATE waits for the writers that appended
-- changes and holds back new ones until the commit, and each statement below reads the cases
-- as committed after that, so no change is counted twice or lost. The sums go up level by
-- level (the cases by day at the full grain, then by month, then each grain by month, then by
-- year), so each statement groups the rows of the level below, not the cases again. Each grain's
-- rows go in by bucket (ORDER BY "day"), so the rows a view reads lie on few pages.
CREATE FUNCTION "statistics_rebuild"() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  g smallint;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('statistics_compact'));
  PERFORM set_config('work_mem', '256MB', true);
  TRUNCATE "StatisticsChange", "StatisticsChangeValue", "StatisticsCube", "StatisticsCubeValue";

  INSERT INTO "StatisticsCube" ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel", "received", "pungli", "resolved", "rejected", "forwarded", "open", "verificationDecided", "verificationOnTime", "resolutionSettled", "resolutionOnTime", "escalated", "ratings", "ratingSum", "score1", "score2", "score3", "score4", "score5", "ratedResolved", "withAmount", "aboveFee", "aboveFeeRupiah", "withBroker", "resolutionPending", "running")
  SELECT 31, 'd', s."day", s."officeId", s."serviceId", s."categoryId", s."kind", s."channel", sum(s."received"), sum(s."pungli"), sum(s."resolved"), sum(s."rejected"), sum(s."forwarded"), sum(s."open"), sum(s."verificationDecided"), sum(s."verificationOnTime"), sum(s."resolutionSettled"), sum(s."resolutionOnTime"), sum(s."escalated"), sum(s."ratings"), sum(s."ratingSum"), sum(s."score1"), sum(s."score2"), sum(s."score3"), sum(s."score4"), sum(s."score5"), sum(s."ratedResolved"), sum(s."withAmount"), sum(s."aboveFee"), sum(s."aboveFeeRupiah"), sum(s."withBroker"), sum(s."resolutionPending"), sum(s."running")
  FROM "Case" c
  LEFT JOIN "SatisfactionRating" r ON r."caseId" = c."id"
  CROSS JOIN LATERAL "statistics_case_counts"(c, r."score") s
  GROUP BY s."day", s."officeId", s."serviceId", s."categoryId", s."kind", s."channel";
  CREATE TEMPORARY TABLE statistics_month ON COMMIT DROP AS
    SELECT date_trunc('month', "day")::date AS "day", "officeId", "serviceId", "categoryId", "kind", "channel", sum("received") AS "received", sum("pungli") AS "pungli", sum("resolved") AS "resolved", sum("rejected") AS "rejected", sum("forwarded") AS "forwarded", sum("open") AS "open", sum("verificationDecided") AS "verificationDecided", sum("verificationOnTime") AS "verificationOnTime", sum("resolutionSettled") AS "resolutionSettled", sum("resolutionOnTime") AS "resolutionOnTime", sum("escalated") AS "escalated", sum("ratings") AS "ratings", sum("ratingSum") AS "ratingSum", sum("score1") AS "score1", sum("score2") AS "score2", sum("score3") AS "score3", sum("score4") AS "score4", sum("score5") AS "score5", sum("ratedResolved") AS "ratedResolved", sum("withAmount") AS "withAmount", sum("aboveFee") AS "aboveFee", sum("aboveFeeRupiah") AS "aboveFeeRupiah", sum("withBroker") AS "withBroker", sum("resolutionPending") AS "resolutionPending", sum("running") AS "running"
    FROM "StatisticsCube" WHERE "grain" = 31 AND "level" = 'd'
    GROUP BY 1, 2, 3, 4, 5, 6;
  FOREACH g IN ARRAY "statistics_count_grains"() LOOP
    INSERT INTO "StatisticsCube" ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel", "received", "pungli", "resolved", "rejected", "forwarded", "open", "verificationDecided", "verificationOnTime", "resolutionSettled", "resolutionOnTime", "escalated", "ratings", "ratingSum", "score1", "score2", "score3", "score4", "score5", "ratedResolved", "withAmount", "aboveFee", "aboveFeeRupiah", "withBroker", "resolutionPending", "running")
    SELECT g, 'm', m."day", CASE WHEN g & 1 <> 0 THEN m."officeId" END, CASE WHEN g & 2 <> 0 THEN m."serviceId" END, CASE WHEN g & 8 <> 0 THEN m."categoryId" END, CASE WHEN g & 4 <> 0 THEN m."kind" END, CASE WHEN g & 16 <> 0 THEN m."channel" END, sum(m."received"), sum(m."pungli"), sum(m."resolved"), sum(m."rejected"), sum(m."forwarded"), sum(m."open"), sum(m."verificationDecided"), sum(m."verificationOnTime"), sum(m."resolutionSettled"), sum(m."resolutionOnTime"), sum(m."escalated"), sum(m."ratings"), sum(m."ratingSum"), sum(m."score1"), sum(m."score2"), sum(m."score3"), sum(m."score4"), sum(m."score5"), sum(m."ratedResolved"), sum(m."withAmount"), sum(m."aboveFee"), sum(m."aboveFeeRupiah"), sum(m."withBroker"), sum(m."resolutionPending"), sum(m."running")
    FROM statistics_month m
    GROUP BY 3, 4, 5, 6, 7, 8
    ORDER BY 3;
    INSERT INTO "StatisticsCube" ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel", "received", "pungli", "resolved", "rejected", "forwarded", "open", "verificationDecided", "verificationOnTime", "resolutionSettled", "resolutionOnTime", "escalated", "ratings", "ratingSum", "score1", "score2", "score3", "score4", "score5", "ratedResolved", "withAmount", "aboveFee", "aboveFeeRupiah", "withBroker", "resolutionPending", "running")
    SELECT g, 'y', date_trunc('year', m."day")::date, m."officeId", m."serviceId", m."categoryId", m."kind", m."channel", sum(m."received"), sum(m."pungli"), sum(m."resolved"), sum(m."rejected"), sum(m."forwarded"), sum(m."open"), sum(m."verificationDecided"), sum(m."verificationOnTime"), sum(m."resolutionSettled"), sum(m."resolutionOnTime"), sum(m."escalated"), sum(m."ratings"), sum(m."ratingSum"), sum(m."score1"), sum(m."score2"), sum(m."score3"), sum(m."score4"), sum(m."score5"), sum(m."ratedResolved"), sum(m."withAmount"), sum(m."aboveFee"), sum(m."aboveFeeRupiah"), sum(m."withBroker"), sum(m."resolutionPending"), sum(m."running")
    FROM "StatisticsCube" m WHERE m."grain" = g AND m."level" = 'm'
    GROUP BY 3, 4, 5, 6, 7, 8
    ORDER BY 3;
  END LOOP;

  CREATE TEMPORARY TABLE statistics_values ON COMMIT DROP AS
    SELECT v."day", v."officeId", v."serviceId", v."categoryId", v."kind", v."channel", v."measure", v."value", v."label", count(*)::integer AS "count"
    FROM "Case" c
    CROSS JOIN LATERAL "statistics_case_values"(c) v
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  INSERT INTO "StatisticsCubeValue" ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value", "label", "count")
  SELECT 31, 'd', "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value", "label", "count"
  FROM statistics_values;
  CREATE TEMPORARY TABLE statistics_values_month ON COMMIT DROP AS
    SELECT date_trunc('month', "day")::date AS "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value", "label", sum("count")::integer AS "count"
    FROM statistics_values
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
  FOREACH g IN ARRAY "statistics_value_grains"() LOOP
    INSERT INTO "StatisticsCubeValue" ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value", "label", "count")
    SELECT g, 'm', m."day", CASE WHEN g & 1 <> 0 THEN m."officeId" END, CASE WHEN g & 2 <> 0 THEN m."serviceId" END, CASE WHEN g & 8 <> 0 THEN m."categoryId" END, CASE WHEN g & 4 <> 0 THEN m."kind" END, CASE WHEN g & 16 <> 0 THEN m."channel" END, m."measure", m."value", m."label", sum(m."count")
    FROM statistics_values_month m
    GROUP BY 3, 4, 5, 6, 7, 8, 9, 10, 11
    ORDER BY 3;
    INSERT INTO "StatisticsCubeValue" ("grain", "level", "day", "officeId", "serviceId", "categoryId", "kind", "channel", "measure", "value", "label", "count")
    SELECT g, 'y', date_trunc('year', m."day")::date, m."officeId", m."serviceId", m."categoryId", m."kind", m."channel", m."measure", m."value", m."label", sum(m."count")
    FROM "StatisticsCubeValue" m WHERE m."grain" = g AND m."level" = 'm'
    GROUP BY 3, 4, 5, 6, 7, 8, 9, 10, 11
    ORDER BY 3;
  END LOOP;
  DROP TABLE statistics_month, statistics_values, statistics_values_month;
  ANALYZE "StatisticsCube", "StatisticsCubeValue";
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
