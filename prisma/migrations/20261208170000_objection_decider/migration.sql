-- The staff member whose decision an objection is about: they may not review it.
ALTER TABLE "CaseObjection" ADD COLUMN "decidedById" UUID
