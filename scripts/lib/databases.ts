import path from "node:path";
import { randomBytes } from "node:crypto";
import pg from "pg";
import {
  describeOccupant,
  embeddedUrl,
  findDataDirOwner,
  identifyPortOccupant,
  realDataDir,
  startEmbeddedPostgres,
} from "./embedded-postgres";
import { PROJECT_ROOT } from "./processes";

/** A database the scripts can hand to Prisma and to the app. */
export type ProvidedDatabase = {
  url: string;
  /** How it was provided, for the log: "DATABASE_URL", an embedded data folder, ... */
  description: string;
  isEmbedded: boolean;
  /** Drops what was created for this run and stops what was started for it. */
  dispose(): Promise<void>;
};

const DEFAULT_EMBEDDED_PORT = 54329;

export function embeddedSettings(): { port: number; dataDir: string } {
  const port = Number(process.env.EMBEDDED_DB_PORT ?? DEFAULT_EMBEDDED_PORT);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`EMBEDDED_DB_PORT must be a TCP port number, got "${process.env.EMBEDDED_DB_PORT}"`);
  }
  const dataDir = path.resolve(PROJECT_ROOT, process.env.EMBEDDED_DB_DIR ?? path.join(".data", "pglite"));
  return { port, dataDir };
}

/** The same server and credentials, another database. */
export function withDatabaseName(url: string, databaseName: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(databaseName)}`;
  return parsed.toString();
}

/**
 * The database the app itself uses: DATABASE_URL when set; otherwise this checkout's embedded
 * one (data in EMBEDDED_DB_DIR), joined when another script of this checkout already serves
 * it, started if not. It starts on EMBEDDED_DB_PORT unless something else holds that port
 * (another checkout's embedded database, say): then on a free port, and says so. A server is
 * joined only when it proves, from inside its data folder, that the folder is this checkout's.
 */
export async function provideAppDatabase(): Promise<ProvidedDatabase> {
  const configuredUrl = process.env.DATABASE_URL;
  if (configuredUrl) {
    return { url: configuredUrl, description: "DATABASE_URL", isEmbedded: false, dispose: async () => {} };
  }
  const { port: preferredPort, dataDir } = embeddedSettings();
  const relativeDir = path.relative(PROJECT_ROOT, dataDir) || dataDir;

  const running = findDataDirOwner(dataDir);
  if (running) {
    const { pid, port } = running;
    if (port === null) {
      throw new Error(`The embedded database in ${relativeDir} is being opened by process ${pid}: try again once it is ready.`);
    }
    const occupant = await identifyPortOccupant(port);
    if (occupant.kind !== "embedded" || occupant.owner.dataDir !== realDataDir(dataDir)) {
      throw new Error(
        `The embedded database in ${relativeDir} is open in process ${pid}, but port ${port} is held by ` +
          `${describeOccupant(occupant)}. Stop process ${pid} and start again.`,
      );
    }
    return {
      url: embeddedUrl(port),
      description: `this checkout's embedded database, already running on port ${port} (process ${pid}, data in ${relativeDir})`,
      isEmbedded: true,
      dispose: async () => {},
    };
  }

  const occupant = await identifyPortOccupant(preferredPort);
  if (occupant.kind !== "free") {
    console.log(
      `Port ${preferredPort} is held by ${describeOccupant(occupant)}, so this checkout's embedded database ` +
        "starts on a free port instead (set EMBEDDED_DB_PORT to choose another fixed port).",
    );
  }
  const embedded = await startEmbeddedPostgres({ port: occupant.kind === "free" ? preferredPort : 0, dataDir });
  return {
    url: embedded.url,
    description: `embedded PGlite on port ${embedded.port}, data in ${relativeDir}`,
    isEmbedded: true,
    dispose: async () => {
      console.log("Stopping the embedded database...");
      await embedded.stop();
    },
  };
}

/**
 * An empty database for one test run: a new database on the DATABASE_URL server, dropped by
 * `dispose()`; or, without DATABASE_URL, a new in-memory PGlite on a free port (PGlite serves
 * one database whatever name a client asks for, so a fresh instance stands in for CREATE
 * DATABASE).
 */
export async function provideFreshDatabase(purpose: string): Promise<ProvidedDatabase> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) return provideEmbeddedCopy();
  return provideServerDatabase({ serverUrl, name: uniqueDatabaseName(`lapor_${purpose}`) });
}

/** A database name nobody else uses: the prefix, the time and a random part. */
export function uniqueDatabaseName(prefix: string): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
}

/** Creates `name` on the server (as a copy of `template` when given); `dispose()` drops it. */
export async function provideServerDatabase(options: {
  serverUrl: string;
  name: string;
  template?: string;
}): Promise<ProvidedDatabase> {
  const { serverUrl, name, template } = options;
  await runAdminStatement(serverUrl, `CREATE DATABASE ${quoteIdentifier(name)}${template ? ` TEMPLATE ${quoteIdentifier(template)}` : ""}`);
  let disposal: Promise<void> | null = null;
  return {
    url: withDatabaseName(serverUrl, name),
    description: `a fresh database "${name}" on ${new URL(serverUrl).host}`,
    isEmbedded: false,
    dispose() {
      disposal ??= dropServerDatabase(serverUrl, name);
      return disposal;
    },
  };
}

export function dropServerDatabase(serverUrl: string, name: string): Promise<void> {
  // FORCE ends connections a crashed test left open (Postgres 13 and later).
  return runAdminStatement(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`);
}

/** Drops every database whose name starts with `prefix`: the leftovers of a crashed worker. */
export async function dropServerDatabasesStartingWith(serverUrl: string, prefix: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  let names: string[];
  try {
    const result = await client.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE starts_with(datname, $1)",
      [prefix],
    );
    names = result.rows.map((row) => row.datname);
  } finally {
    await client.end();
  }
  for (const name of names) await dropServerDatabase(serverUrl, name);
}

/** A new in-memory PGlite on a free port, empty or loaded from a `snapshot` of another one. */
export async function provideEmbeddedCopy(snapshot?: Blob): Promise<ProvidedDatabase> {
  const embedded = await startEmbeddedPostgres({ port: 0, snapshot });
  return {
    url: embedded.url,
    description: `a fresh in-memory PGlite (${new URL(embedded.url).host})`,
    isEmbedded: true,
    dispose: () => embedded.stop(),
  };
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

async function runAdminStatement(serverUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
