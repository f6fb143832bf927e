import { describe, expect, it } from "vitest";

import { toMigrationSql } from "@/scripts/lib/migration-sql";

describe("a raw SQL file as a migration the semicolon-splitting runner can apply", () => {
  it("writes a function body as an escape string without a literal semicolon", () => {
    const raw = "CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS $$\nBEGIN\n  PERFORM 1;\nEND\n$$;\n";
    const migration = toMigrationSql(raw);
    expect(migration).toBe("CREATE FUNCTION f() RETURNS void LANGUAGE plpgsql AS E'\nBEGIN\n  PERFORM 1\\x3B\nEND\n';\n");
    expect(migration.split(";")).toHaveLength(2);
  });

  it("doubles the quotes of the body and leaves the SQL around it alone", () => {
    expect(toMigrationSql("SELECT 'a'; CREATE FUNCTION g() RETURNS text LANGUAGE sql AS $$ SELECT 'x' $$;")).toBe(
      "SELECT 'a'; CREATE FUNCTION g() RETURNS text LANGUAGE sql AS E' SELECT ''x'' ';",
    );
  });

  it("refuses a body with a backslash rather than change its meaning", () => {
    expect(() => toMigrationSql("CREATE FUNCTION h() RETURNS text LANGUAGE sql AS $$ SELECT E'\\n' $$;")).toThrow(/backslash/);
  });
});
