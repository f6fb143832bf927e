import fs from "node:fs";

import {
  provideEmbeddedCopy,
  provideServerDatabase,
  uniqueDatabaseName,
  type ProvidedDatabase,
} from "../../../scripts/lib/databases";

/** Where a test file's database is copied from; prepared once per run by global-setup.ts. */
export type MigratedDatabaseSource =
  | { kind: "template"; serverUrl: string; templateName: string }
  | { kind: "snapshot"; snapshotPath: string };

/**
 * A migrated database that belongs to one test file, so no file sees another's rows whatever
 * order they run in: a copy of the run's template database, or a PGlite loaded from its snapshot.
 */
export async function provideTestFileDatabase(source: MigratedDatabaseSource): Promise<ProvidedDatabase> {
  if (source.kind === "template") {
    return provideServerDatabase({
      serverUrl: source.serverUrl,
      // Starts with the template's name, so the run's clean-up finds it even if this worker dies.
      name: uniqueDatabaseName(source.templateName),
      template: source.templateName,
    });
  }
  return provideEmbeddedCopy(new Blob([fs.readFileSync(source.snapshotPath)]));
}
