import { inject } from "vitest";

/**
 * Whether this run's databases are the embedded PGlite (no DATABASE_URL) rather than a PostgreSQL
 * server. PGlite is a single backend that every connection shares: session state and advisory
 * locks are common to all of them, so a test cannot play a second instance that holds a lock.
 * Tests that need that skip themselves there and say so in their title.
 */
export const runsOnEmbeddedDatabase = inject("migratedDatabase").kind === "snapshot";

/** The suffix of a test's title that only a PostgreSQL server can run. */
export const NEEDS_SEPARATE_SESSIONS =
  "(PostgreSQL server only: on the embedded PGlite every connection shares one backend and its locks)";
