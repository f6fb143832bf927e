import pg from "pg";

/**
 * A database schema as a map from object ("column public.Case.status") to its definition,
 * read from the catalog so that column order and how the SQL was written do not matter.
 * Prisma's own bookkeeping table is left out.
 */
export type SchemaDescription = Map<string, string>;

const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'`;
const NOT_PRISMA_BOOKKEEPING = `c.relname <> '_prisma_migrations'`;
/** Objects that belong to an extension are the extension's business, not the schema's. */
const notFromExtension = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend dep WHERE dep.classid = '${catalog}'::regclass AND dep.objid = ${oid} AND dep.deptype = 'e')`;

const QUERIES: { kind: string; sql: string }[] = [
  {
    kind: "schema",
    sql: `SELECT n.nspname AS name, '' AS definition FROM pg_namespace n WHERE ${USER_SCHEMAS}`,
  },
  {
    kind: "extension",
    sql: `SELECT extname AS name, '' AS definition FROM pg_extension WHERE extname <> 'plpgsql'`,
  },
  {
    kind: "table",
    sql: `SELECT n.nspname || '.' || c.relname AS name,
                 CASE c.relkind WHEN 'r' THEN 'table' WHEN 'p' THEN 'partitioned table' WHEN 'v' THEN 'view'
                   WHEN 'm' THEN 'materialized view' WHEN 'f' THEN 'foreign table' END
                 || CASE WHEN c.relrowsecurity THEN ', row level security' ELSE '' END
                 || CASE WHEN c.relkind IN ('v', 'm') THEN ': ' || pg_get_viewdef(c.oid) ELSE '' END AS definition
          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f') AND ${USER_SCHEMAS} AND ${NOT_PRISMA_BOOKKEEPING}
            AND ${notFromExtension("pg_class", "c.oid")}`,
  },
  {
    kind: "column",
    sql: `SELECT n.nspname || '.' || c.relname || '.' || a.attname AS name,
                 format_type(a.atttypid, a.atttypmod)
                 || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE ' NULL' END
                 || CASE WHEN a.attidentity <> '' THEN ' IDENTITY ' || a.attidentity::text ELSE '' END
                 || CASE WHEN a.attgenerated <> '' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED'
                         WHEN d.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END
                 || CASE WHEN a.attcollation <> 0 AND a.attcollation <> t.typcollation
                         THEN ' COLLATE ' || quote_ident(co.collname) ELSE '' END AS definition
          FROM pg_attribute a
          JOIN pg_class c ON c.oid = a.attrelid
          JOIN pg_namespace n ON n.oid = c.relnamespace
          JOIN pg_type t ON t.oid = a.atttypid
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
          LEFT JOIN pg_collation co ON co.oid = a.attcollation
          WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
            AND ${USER_SCHEMAS} AND ${NOT_PRISMA_BOOKKEEPING} AND ${notFromExtension("pg_class", "c.oid")}`,
  },
  {
    kind: "index",
    sql: `SELECT n.nspname || '.' || i.relname AS name, pg_get_indexdef(i.oid) AS definition
          FROM pg_index x
          JOIN pg_class i ON i.oid = x.indexrelid
          JOIN pg_class c ON c.oid = x.indrelid
          JOIN pg_namespace n ON n.oid = i.relnamespace
          WHERE ${USER_SCHEMAS} AND ${NOT_PRISMA_BOOKKEEPING} AND ${notFromExtension("pg_class", "c.oid")}`,
  },
  {
    kind: "constraint",
    sql: `SELECT n.nspname || '.' || COALESCE(c.relname, t.typname) || '.' || con.conname AS name,
                 pg_get_constraintdef(con.oid) AS definition
          FROM pg_constraint con
          JOIN pg_namespace n ON n.oid = con.connamespace
          LEFT JOIN pg_class c ON c.oid = con.conrelid
          LEFT JOIN pg_type t ON t.oid = con.contypid
          WHERE ${USER_SCHEMAS} AND (c.relname IS NULL OR ${NOT_PRISMA_BOOKKEEPING})
            AND ${notFromExtension("pg_class", "COALESCE(c.oid, 0)")}`,
  },
  {
    kind: "enum",
    sql: `SELECT n.nspname || '.' || t.typname AS name,
                 string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) AS definition
          FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
          WHERE ${USER_SCHEMAS} AND ${notFromExtension("pg_type", "t.oid")}
          GROUP BY n.nspname, t.typname`,
  },
  {
    kind: "type",
    sql: `SELECT n.nspname || '.' || t.typname AS name,
                 CASE t.typtype WHEN 'd' THEN 'domain over ' || format_type(t.typbasetype, t.typtypmod)
                   WHEN 'r' THEN 'range' WHEN 'c' THEN 'composite' END AS definition
          FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
          LEFT JOIN pg_class c ON c.oid = t.typrelid
          WHERE t.typtype IN ('d', 'r', 'c') AND (t.typtype <> 'c' OR c.relkind = 'c')
            AND ${USER_SCHEMAS} AND ${notFromExtension("pg_type", "t.oid")}`,
  },
  {
    kind: "function",
    sql: `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
                 pg_get_functiondef(p.oid) AS definition
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE p.prokind IN ('f', 'p') AND ${USER_SCHEMAS} AND ${notFromExtension("pg_proc", "p.oid")}`,
  },
  {
    kind: "trigger",
    sql: `SELECT n.nspname || '.' || c.relname || '.' || tg.tgname AS name, pg_get_triggerdef(tg.oid) AS definition
          FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT tg.tgisinternal AND ${USER_SCHEMAS}`,
  },
  {
    kind: "sequence",
    sql: `SELECT s.schemaname || '.' || s.sequencename AS name,
                 concat_ws(' ', s.data_type, 'start', s.start_value, 'increment', s.increment_by,
                   'min', s.min_value, 'max', s.max_value, CASE WHEN s.cycle THEN 'cycle' END) AS definition
          FROM pg_sequences s
          WHERE s.schemaname NOT IN ('pg_catalog', 'information_schema') AND s.sequencename <> '_prisma_migrations_id_seq'`,
  },
  {
    kind: "trigger",
    sql: `SELECT n.nspname || '.' || c.relname || '.' || tg.tgname AS name, pg_get_triggerdef(tg.oid) AS definition
          FROM pg_trigger tg JOIN pg_class c ON c.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE NOT tg.tgisinternal AND ${USER_SCHEMAS}`,
  },
  {
    kind: "function",
    sql: `SELECT n.nspname || '.' || p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ')' AS name,
                 pg_get_functiondef(p.oid) AS definition
          FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
          WHERE p.prokind IN ('f', 'p') AND ${USER_SCHEMAS} AND ${notFromExtension("pg_proc", "p.oid")}`,
  },
  {
    kind: "policy",
    sql: `SELECT schemaname || '.' || tablename || '.' || policyname AS name,
                 concat_ws(' ', permissive, cmd, 'to', roles::text, 'using', qual, 'check', with_check) AS definition
          FROM pg_policies`,
  },
];

export async function describeSchema(databaseUrl: string): Promise<SchemaDescription> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const description: SchemaDescription = new Map();
    for (const { kind, sql } of QUERIES) {
      const result = await client.query<{ name: string; definition: string | null }>(sql);
      for (const row of result.rows) description.set(`${kind} ${row.name}`, normalizeWhitespace(row.definition ?? ""));
    }
    return description;
  } finally {
    await client.end();
  }
}

function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** Readable lines for every object that is missing on one side or defined differently. */
export function compareSchemas(
  expected: { label: string; description: SchemaDescription },
  actual: { label: string; description: SchemaDescription },
): string[] {
  const keys = [...new Set([...expected.description.keys(), ...actual.description.keys()])].sort();
  const differences: string[] = [];
  for (const key of keys) {
    const expectedDefinition = expected.description.get(key);
    const actualDefinition = actual.description.get(key);
    if (expectedDefinition === actualDefinition) continue;
    if (actualDefinition === undefined) {
      differences.push(`only in ${expected.label}: ${key}${formatDefinition(expectedDefinition)}`);
    } else if (expectedDefinition === undefined) {
      differences.push(`only in ${actual.label}: ${key}${formatDefinition(actualDefinition)}`);
    } else {
      differences.push(
        `differs: ${key}\n    ${expected.label}: ${expectedDefinition}\n    ${actual.label}: ${actualDefinition}`,
      );
    }
  }
  return differences;
}

function formatDefinition(definition: string | undefined): string {
  return definition ? `\n    ${definition}` : "";
}
