import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { startPgliteWireServer } from "./pglite-wire-server";
import { PROJECT_ROOT } from "./processes";

/** A PGlite database served over the Postgres wire protocol on 127.0.0.1. */
export type EmbeddedPostgres = {
  url: string;
  port: number;
  /** The whole data folder as a tarball, to start identical copies from (`snapshot`); take it while idle. */
  takeSnapshot(): Promise<Blob>;
  stop(): Promise<void>;
};

/**
 * Who serves a data folder: written into the folder by the process that serves it, and read
 * back through the server itself (`pg_read_file`), so the answer comes from the folder that
 * server really has open, not from a file next to it that could be stale or copied.
 */
export type EmbeddedOwner = {
  pid: number;
  port: number;
  /** Real path of the data folder. */
  dataDir: string;
  /** The checkout whose scripts started it. */
  checkout: string;
};

const HOST = "127.0.0.1";
const OWNER_FILE = "lapor-owner.json";

export function embeddedUrl(port: number): string {
  return `postgresql://postgres:postgres@${HOST}:${port}/postgres`;
}

/**
 * Starts PGlite (Postgres 18 in WebAssembly) and serves it on a local port. With a `dataDir`
 * the data survives restarts; without one it lives in memory and vanishes on `stop()`, starting
 * empty or from a `snapshot` taken of another instance. `port: 0` lets the system pick a free port.
 */
export async function startEmbeddedPostgres(options: {
  port: number;
  dataDir?: string;
  snapshot?: Blob;
}): Promise<EmbeddedPostgres> {
  if (options.port !== 0) await assertPortIsFree(options.port);
  const dataDir = options.dataDir;
  const dataDirLock = dataDir ? claimDataDir(dataDir) : null;
  try {
    if (dataDir) fs.mkdirSync(dataDir, { recursive: true });
    const db = await PGlite.create(dataDir ? { dataDir } : options.snapshot ? { loadDataDir: options.snapshot } : {});
    const server = await startPgliteWireServer({ db, host: HOST, port: options.port });
    if (dataDir && dataDirLock) {
      const owner: EmbeddedOwner = { pid: process.pid, port: server.port, dataDir: fs.realpathSync(dataDir), checkout: PROJECT_ROOT };
      writeWhole(path.join(dataDir, OWNER_FILE), `${JSON.stringify(owner, null, 2)}\n`);
      dataDirLock.recordPort(server.port);
    }
    let stopping: Promise<void> | null = null;
    return {
      url: embeddedUrl(server.port),
      port: server.port,
      takeSnapshot: () => db.dumpDataDir("none"),
      stop() {
        stopping ??= (async () => {
          await server.close();
          await db.close();
          dataDirLock?.release();
        })();
        return stopping;
      },
    };
  } catch (error) {
    dataDirLock?.release();
    throw error;
  }
}

/** What answers on a local port: nothing, this project's embedded database (and whose), or something else. */
export type PortOccupant =
  | { kind: "free" }
  | { kind: "embedded"; owner: EmbeddedOwner }
  | { kind: "postgres" }
  | { kind: "other"; reason: string };

export async function identifyPortOccupant(port: number): Promise<PortOccupant> {
  if (!(await isPortAnswering(port))) return { kind: "free" };
  const client = new pg.Client({ connectionString: embeddedUrl(port), connectionTimeoutMillis: 10_000 });
  try {
    await client.connect();
  } catch (error) {
    return { kind: "other", reason: error instanceof Error ? error.message : String(error) };
  }
  try {
    const result = await client.query<{ owner: string | null }>("SELECT pg_read_file($1, true) AS owner", [OWNER_FILE]);
    const owner = parseOwner(result.rows[0]?.owner ?? null);
    return owner ? { kind: "embedded", owner } : { kind: "postgres" };
  } catch {
    // Not allowed to read server files: a Postgres server, but not an embedded one of this project.
    return { kind: "postgres" };
  } finally {
    await client.end().catch(() => {});
  }
}

/** For messages: who holds a port. */
export function describeOccupant(occupant: PortOccupant): string {
  switch (occupant.kind) {
    case "free":
      return "nobody";
    case "embedded":
      return `the embedded database of the checkout in ${occupant.owner.checkout} (process ${occupant.owner.pid}, data in ${occupant.owner.dataDir})`;
    case "postgres":
      return "a Postgres server that is not an embedded database of this project";
    case "other":
      return `a program that does not answer as Postgres (${occupant.reason})`;
  }
}

/** The process that has `dataDir` open and the port it serves it on, when that process is alive. */
export function findDataDirOwner(dataDir: string): { pid: number; port: number | null } | null {
  const lock = readLock(lockPathOf(dataDir));
  if (lock === null || lock.pid === process.pid || !isProcessAlive(lock.pid)) return null;
  return lock;
}

/** The real path of a data folder, for comparing with `EmbeddedOwner.dataDir`. */
export function realDataDir(dataDir: string): string {
  try {
    return fs.realpathSync(dataDir);
  } catch {
    return path.resolve(dataDir);
  }
}

function parseOwner(text: string | null): EmbeddedOwner | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<EmbeddedOwner>;
    if (typeof value.pid !== "number" || typeof value.port !== "number") return null;
    if (typeof value.dataDir !== "string" || typeof value.checkout !== "string") return null;
    return { pid: value.pid, port: value.port, dataDir: value.dataDir, checkout: value.checkout };
  } catch {
    return null;
  }
}

async function assertPortIsFree(port: number): Promise<void> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(
              `Port ${port} is taken, so the embedded database cannot start there. ` +
                "Set EMBEDDED_DB_PORT to another port, or DATABASE_URL to use a Postgres server.",
            )
          : error,
      ),
    );
    probe.listen(port, HOST, () => probe.close(() => resolve()));
  });
}

function isPortAnswering(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.setTimeout(2_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

type Lock = { pid: number; port: number | null };

function lockPathOf(dataDir: string): string {
  return `${path.resolve(dataDir)}.lock`;
}

/**
 * Two PGlite processes writing one data folder would corrupt it, and PGlite has no
 * postmaster.pid of its own: a lock file next to the folder holds the owner's process id and,
 * once it listens, its port, so the other scripts of the checkout find it.
 */
function claimDataDir(dataDir: string): { recordPort(port: number): void; release(): void } {
  const lockPath = lockPathOf(dataDir);
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const owner = findDataDirOwner(dataDir);
  if (owner) {
    throw new Error(
      `The embedded database in ${dataDir} is already open in process ${owner.pid}. ` +
        "Stop that process first (it is probably another `npm start` or `npm run dev`).",
    );
  }
  const write = (lock: Lock) => writeWhole(lockPath, `${JSON.stringify(lock)}\n`);
  write({ pid: process.pid, port: null });
  return {
    recordPort: (port) => write({ pid: process.pid, port }),
    release() {
      if (readLock(lockPath)?.pid === process.pid) fs.rmSync(lockPath, { force: true });
    },
  };
}

/** Writes a file under another name and renames it into place, so a reader never sees half of it. */
function writeWhole(filePath: string, text: string): void {
  const partPath = `${filePath}.${process.pid}.part`;
  fs.writeFileSync(partPath, text);
  fs.renameSync(partPath, filePath);
}

/** Reads a lock file; an older one holds only the process id. */
function readLock(lockPath: string): Lock | null {
  let text: string;
  try {
    text = fs.readFileSync(lockPath, "utf8").trim();
  } catch {
    return null;
  }
  if (/^\d+$/.test(text)) return { pid: Number(text), port: null };
  try {
    const value = JSON.parse(text) as Partial<Lock>;
    if (typeof value.pid !== "number") return null;
    return { pid: value.pid, port: typeof value.port === "number" ? value.port : null };
  } catch {
    return null;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
