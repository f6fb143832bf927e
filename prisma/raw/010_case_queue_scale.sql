-- The case queue and the escalation sweep at a national scale (issue 16).
-- (No semicolons or apostrophes in comments: the migration runner splits on them.)
--
-- 1. CaseStatusCount holds the number of cases per office, status and escalation flag, kept
-- right by statement-level triggers on Case in the same transaction as every write, whatever
-- wrote it (Prisma, raw SQL, a bulk INSERT or COPY). The queue reads its status tabs and its
-- escalated count from here instead of counting the scope. One row per office and key, so
-- concurrent writes only meet when they touch the same office and status.
-- 2. Indexes on the current due date (the verification deadline until verified, then the
-- resolution deadline), the sort key of the default view, and partial indexes on the open
-- statuses, so that each sort of the queue reads a page straight from an index, per office and
-- nationally, and the escalation sweep finds what is overdue without walking the table.

-- The function bodies are E strings with the semicolons written as \073 because the migration
-- runner splits the file on every semicolon, even inside dollar quotes.
CREATE FUNCTION case_status_count_on_insert() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    INSERT INTO "CaseStatusCount" ("officeId", "status", "isEscalated", "count")
    SELECT "officeId", "status", "isEscalated", count(*) FROM new_cases
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("officeId", "status", "isEscalated") DO UPDATE SET "count" = "CaseStatusCount"."count" + EXCLUDED."count"\073
    RETURN NULL\073
  END
';

CREATE FUNCTION case_status_count_on_delete() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    INSERT INTO "CaseStatusCount" ("officeId", "status", "isEscalated", "count")
    SELECT "officeId", "status", "isEscalated", -count(*) FROM old_cases
    GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
    ON CONFLICT ("officeId", "status", "isEscalated") DO UPDATE SET "count" = "CaseStatusCount"."count" + EXCLUDED."count"\073
    RETURN NULL\073
  END
';

CREATE FUNCTION case_status_count_on_update() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    INSERT INTO "CaseStatusCount" ("officeId", "status", "isEscalated", "count")
    SELECT "officeId", "status", "isEscalated", sum(delta) FROM (
      SELECT "officeId", "status", "isEscalated", 1 AS delta FROM new_cases
      UNION ALL
      SELECT "officeId", "status", "isEscalated", -1 AS delta FROM old_cases
    ) AS changes
    GROUP BY 1, 2, 3 HAVING sum(delta) <> 0 ORDER BY 1, 2, 3
    ON CONFLICT ("officeId", "status", "isEscalated") DO UPDATE SET "count" = "CaseStatusCount"."count" + EXCLUDED."count"\073
    RETURN NULL\073
  END
';

CREATE FUNCTION case_status_count_on_truncate() RETURNS trigger LANGUAGE plpgsql AS E'
  BEGIN
    DELETE FROM "CaseStatusCount"\073
    RETURN NULL\073
  END
';

-- Recounts everything from the case rows (the migration fills the table with it, and an operator
-- can run it any time). The lock keeps writers out while it counts, so none is missed or counted
-- twice, and a function may take it where a bare statement outside a transaction may not.
CREATE FUNCTION case_status_count_rebuild() RETURNS void LANGUAGE plpgsql AS E'
  BEGIN
    LOCK TABLE "Case" IN SHARE ROW EXCLUSIVE MODE\073
    DELETE FROM "CaseStatusCount"\073
    INSERT INTO "CaseStatusCount" ("officeId", "status", "isEscalated", "count")
    SELECT "officeId", "status", "isEscalated", count(*) FROM "Case" GROUP BY 1, 2, 3\073
  END
';

CREATE TRIGGER "Case_status_count_insert" AFTER INSERT ON "Case"
  REFERENCING NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION case_status_count_on_insert();
CREATE TRIGGER "Case_status_count_update" AFTER UPDATE ON "Case"
  REFERENCING OLD TABLE AS old_cases NEW TABLE AS new_cases FOR EACH STATEMENT EXECUTE FUNCTION case_status_count_on_update();
CREATE TRIGGER "Case_status_count_delete" AFTER DELETE ON "Case"
  REFERENCING OLD TABLE AS old_cases FOR EACH STATEMENT EXECUTE FUNCTION case_status_count_on_delete();
CREATE TRIGGER "Case_status_count_truncate" AFTER TRUNCATE ON "Case"
  FOR EACH STATEMENT EXECUTE FUNCTION case_status_count_on_truncate();

CREATE INDEX "Case_currentDue_id_idx" ON "Case" ((CASE WHEN "verifiedAt" IS NULL THEN "verificationDueAt" ELSE COALESCE("resolutionDueAt", "verificationDueAt") END), "id");
CREATE INDEX "Case_officeId_currentDue_id_idx" ON "Case" ("officeId", (CASE WHEN "verifiedAt" IS NULL THEN "verificationDueAt" ELSE COALESCE("resolutionDueAt", "verificationDueAt") END), "id");
CREATE INDEX "Case_status_currentDue_id_idx" ON "Case" ("status", (CASE WHEN "verifiedAt" IS NULL THEN "verificationDueAt" ELSE COALESCE("resolutionDueAt", "verificationDueAt") END), "id");
CREATE INDEX "Case_officeId_status_currentDue_id_idx" ON "Case" ("officeId", "status", (CASE WHEN "verifiedAt" IS NULL THEN "verificationDueAt" ELSE COALESCE("resolutionDueAt", "verificationDueAt") END), "id");
CREATE INDEX "Case_open_currentDue_id_idx" ON "Case" ((CASE WHEN "verifiedAt" IS NULL THEN "verificationDueAt" ELSE COALESCE("resolutionDueAt", "verificationDueAt") END), "id")
  WHERE "status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_REPORTER');
CREATE INDEX "Case_open_officeId_currentDue_id_idx" ON "Case" ("officeId", (CASE WHEN "verifiedAt" IS NULL THEN "verificationDueAt" ELSE COALESCE("resolutionDueAt", "verificationDueAt") END), "id")
  WHERE "status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_REPORTER');
CREATE INDEX "Case_open_receivedAt_id_idx" ON "Case" ("receivedAt", "id")
  WHERE "status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_REPORTER');
CREATE INDEX "Case_open_officeId_receivedAt_id_idx" ON "Case" ("officeId", "receivedAt", "id")
  WHERE "status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_REPORTER');
CREATE INDEX "Case_escalation_due_idx" ON "Case" ((CASE WHEN "verifiedAt" IS NULL THEN "verificationDueAt" ELSE COALESCE("resolutionDueAt", "verificationDueAt") END))
  WHERE NOT "isEscalated" AND "status" IN ('NEW', 'VERIFIED', 'IN_PROGRESS');
