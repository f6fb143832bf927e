import { afterAll, inject } from "vitest";

import { provideTestFileDatabase } from "./test-file-database";

// Runs in the test worker before each test file is imported, so every client the file creates
// (lib/db.ts, tests/integration/support) connects to the file's own fresh database, and files
// the code under test stores land in this run's temporary folder.
const database = await provideTestFileDatabase(inject("migratedDatabase"));
process.env.DATABASE_URL = database.url;
// The file's own database only (tests/integration/statistics-replica.test.ts sets a replica itself).
delete process.env.DATABASE_READ_URL;
process.env.STORAGE_DIR = inject("storageDir");
process.env.APP_SECRET = inject("appSecret");

// Registered before the file's own hooks, so it runs after them: their clients have disconnected.
afterAll(() => database.dispose());
