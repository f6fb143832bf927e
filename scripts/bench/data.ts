import pg from "pg";

import { generateTrackingCode } from "@/lib/reports/receipt";

import { applyMigrations, seedDatabase } from "../lib/prisma";
import { printStep } from "../lib/processes";

/**
 * The benchmark's data set: the seed's realistic demo cases (its generator simulates each case,
 * about 4 ms a case), at most BASE_CASES of them, then copied by SQL up to `caseCount`. A copy
 * keeps its office, category, status and text and gets a new id, a new tracking code and every
 * time shifted back by up to four hours, so the set stays spread over the offices (busy ones
 * weighted as in the seed) and over twelve months. Copies carry no messages or events: the
 * measured queries read the Case table only.
 */
const BASE_CASES = 2_000;
const TIME_COLUMN_TYPES = new Set(["timestamp without time zone", "timestamp with time zone", "date"]);

export async function prepareBenchDatabase(url: string, caseCount: number, appSecret: string): Promise<void> {
  await applyMigrations(url);
  await seedDatabase(url, { appSecret, args: [`--cases=${Math.min(caseCount, BASE_CASES)}`] });
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const existing = Number((await client.query<{ count: string }>(`SELECT count(*) FROM "Case"`)).rows[0]!.count);
    const missing = caseCount - existing;
    if (missing > 0) {
      printStep(`copying the ${existing} seeded cases up to ${caseCount}`);
      const taken = (await client.query<{ code: string }>(`SELECT "trackingCode" AS code FROM "Case"`)).rows.map((row) => row.code);
      await client.query(await copyCasesSql(client), [newTrackingCodes(missing, new Set(taken))]);
    }
    printStep("VACUUM ANALYZE");
    await client.query("VACUUM ANALYZE");
  } finally {
    await client.end();
  }
}

/** One INSERT ... SELECT: new case k copies seeded case k mod (seeded count), in id order. */
async function copyCasesSql(client: pg.Client): Promise<string> {
  const columns = (
    await client.query<{ name: string; type: string }>(
      `SELECT column_name AS name, data_type AS type FROM information_schema.columns
       WHERE table_schema = current_schema() AND table_name = 'Case' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    )
  ).rows;
  const values = columns.map(({ name, type }) => {
    if (name === "id") return "gen_random_uuid()";
    if (name === "trackingCode") return "copy.code";
    if (TIME_COLUMN_TYPES.has(type) && name !== "incidentDate") return `source."${name}" - copy.shift`;
    return `source."${name}"`;
  });
  return `
    WITH source AS (SELECT *, row_number() OVER (ORDER BY "id") - 1 AS n FROM "Case"),
         copy AS (SELECT code, ordinal - 1 AS k, make_interval(mins => floor(random() * 240)::int) AS shift
                  FROM unnest($1::text[]) WITH ORDINALITY AS codes(code, ordinal))
    INSERT INTO "Case" (${columns.map(({ name }) => `"${name}"`).join(", ")})
    SELECT ${values.join(", ")}
    FROM copy JOIN source ON source.n = copy.k % (SELECT count(*) FROM source)`;
}

/** `count` tracking codes, none of them `taken` nor repeated. */
function newTrackingCodes(count: number, taken: Set<string>): string[] {
  const codes = new Set<string>();
  while (codes.size < count) {
    const code = generateTrackingCode();
    if (!taken.has(code)) codes.add(code);
  }
  return [...codes];
}
