/**
 * A prisma/raw/*.sql file as a migration `prisma migrate deploy` can run. The driver adapter
 * that runs migrations here (@prisma/adapter-pg's executeScript) splits the script on every
 * semicolon, quoted or not, so a dollar-quoted function body would arrive in pieces. Each body
 * becomes an escape string instead, its semicolons written as \x3B and its quotes doubled:
 * Postgres reads the same text back, and the drift check (which runs the raw file as written)
 * proves the functions come out identical.
 */
export function toMigrationSql(rawSql: string): string {
  return rawSql.replace(/\$\$([\s\S]*?)\$\$/g, (_match, body: string) => {
    if (body.includes("\\")) throw new Error("A function body with a backslash needs escaping that toMigrationSql does not do");
    return `E'${body.replace(/'/g, "''").replace(/;/g, "\\x3B")}'`;
  });
}
