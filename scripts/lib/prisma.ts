import { captureOutput, childEnvironment, printStep, projectBin, runOrThrow } from "./processes";

/** Applies every migration in prisma/migrations that the database has not seen. */
export async function applyMigrations(databaseUrl: string): Promise<void> {
  printStep("prisma migrate deploy");
  await runOrThrow(projectBin("prisma"), ["migrate", "deploy"], {
    env: childEnvironment({ DATABASE_URL: databaseUrl }),
  });
}

/** Runs prisma/seed.ts, which adds demo data only to an empty database. */
/** `appSecret`: the app's (the seed keys the audit chain and encrypts reporter contacts with it). */
export async function seedDatabase(databaseUrl: string, options: { appSecret: string; args?: string[] }): Promise<void> {
  const args = options.args ?? [];
  printStep(["tsx prisma/seed.ts", ...args].join(" "));
  await runOrThrow(projectBin("tsx"), ["prisma/seed.ts", ...args], {
    env: childEnvironment({ DATABASE_URL: databaseUrl, APP_SECRET: options.appSecret }),
  });
}

/**
 * The SQL that creates prisma/schema.prisma in an empty database. The CLI's JavaScript engine
 * needs a reachable database for its adapter even though it only compares files.
 */
export function renderSchemaSql(reachableDatabaseUrl: string): Promise<string> {
  return captureOutput(
    projectBin("prisma"),
    ["migrate", "diff", "--from-empty", "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    childEnvironment({ DATABASE_URL: reachableDatabaseUrl }),
  );
}
