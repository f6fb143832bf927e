-- Full-text search over the case text, in the Postgres "indonesian" configuration.
-- The Prisma schema language cannot express a generated column, so it lives here
-- and in the migration that introduced it. The drift check applies both.
-- (No semicolons or apostrophes in comments: the migration runner splits on them.)
ALTER TABLE "Case" ADD COLUMN "searchVector" tsvector GENERATED ALWAYS AS (
  to_tsvector(
    'indonesian'::regconfig,
    coalesce("description", '') || ' ' || coalesce("incidentPlace", '') || ' ' || coalesce("accusedDescription", '')
  )
) STORED;

CREATE INDEX "Case_searchVector_idx" ON "Case" USING GIN ("searchVector");
