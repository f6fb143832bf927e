-- Issue 11: reporter contacts are stored encrypted (lib/contacts/encryption.ts). SQL cannot know
-- APP_SECRET, so the values stored so far are only marked as plaintext here, with the prefix
-- plain: that the app never writes (it stores every value it writes as ck1. and so on). The first
-- start of the app (or npm run contacts:encrypt) encrypts the marked values.
UPDATE "ReporterContact"
SET "name" = 'plain:' || "name",
    "email" = CASE WHEN "email" IS NULL THEN NULL ELSE 'plain:' || "email" END,
    "phone" = CASE WHEN "phone" IS NULL THEN NULL ELSE 'plain:' || "phone" END;
