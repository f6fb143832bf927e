/**
 * Seeds the database. Idempotent: reference data (offices, services and fees,
 * categories, holidays) is upserted; demo staff and demo cases are added only
 * where missing. Refuses to run with NODE_ENV=production unless --force.
 *
 *   tsx prisma/seed.ts                  reference data + demo data
 *   tsx prisma/seed.ts --reference-only reference data only (production)
 *   tsx prisma/seed.ts --cases=2000     a bigger demo data set
 */
import { PrismaPg } from "@prisma/adapter-pg";

import { createPrismaClient } from "@/lib/prisma-client";
import { hashSecret } from "@/lib/security/secret-hash";

import { DEMO_PASSWORD, DEMO_RECEIPT_KEY } from "./demo-staff";
import { seedDemoCases } from "./seed/demo-cases";
import { seedDemoStaff } from "./seed/demo-staff";
import { seedDemoSurveys } from "./seed/demo-surveys";
import { seedDemoVolumes } from "./seed/demo-volumes";
import { seedReferenceData } from "./seed/reference-data";

const DEFAULT_DEMO_CASES = 400;

async function main() {
  const args = process.argv.slice(2);
  const isForced = args.includes("--force");
  const isReferenceOnly = args.includes("--reference-only");
  const caseCount = Number(args.find((arg) => arg.startsWith("--cases="))?.split("=")[1] ?? DEFAULT_DEMO_CASES);

  if (process.env.NODE_ENV === "production" && !isForced) {
    console.error("Refusing to seed with NODE_ENV=production. Pass --force (and usually --reference-only) if you mean it.");
    process.exit(1);
  }
  if (!process.env.DATABASE_URL) {
    console.error("DATABASE_URL is not set.");
    process.exit(1);
  }
  if (!isReferenceOnly && !process.env.APP_SECRET) {
    console.error("APP_SECRET is not set: the demo cases' audit chain is keyed and their reporter contacts encrypted with it.");
    process.exit(1);
  }
  if (!Number.isInteger(caseCount) || caseCount < 0) {
    console.error(`--cases must be a non-negative integer, got ${caseCount}`);
    process.exit(1);
  }

  const db = createPrismaClient(new PrismaPg({ connectionString: process.env.DATABASE_URL, max: 2 }));
  try {
    const reference = await seedReferenceData(db);
    console.log(`seed: reference data ${JSON.stringify(reference)}`);
    if (isReferenceOnly) return;

    const staff = await seedDemoStaff(db, await hashSecret(DEMO_PASSWORD));
    console.log(`seed: demo staff ${JSON.stringify(staff)}`);
    const surveys = await seedDemoSurveys(db, { now: new Date() });
    console.log(`seed: demo survey answers ${JSON.stringify(surveys)}`);
    console.log(`seed: demo service volumes ${JSON.stringify(await seedDemoVolumes(db, { now: new Date() }))}`);

    if ((await db.case.count()) > 0) {
      console.log("seed: cases exist, demo cases left as they are");
      return;
    }
    const demo = await seedDemoCases(db, { now: new Date(), caseCount, receiptSecretHash: await hashSecret(DEMO_RECEIPT_KEY) });
    console.log(`seed: demo data ${JSON.stringify(demo)}`);
  } finally {
    await db.$disconnect();
  }
}

main().catch((error: unknown) => {
  console.error("seed failed:", error);
  process.exit(1);
});
