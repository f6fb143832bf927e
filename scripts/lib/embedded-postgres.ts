import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { startPgliteWireServer } from "./pglite-wire-server";

/** A PGlite database served over the Postgres wire protocol on 127.0.0.1. */
export type EmbeddedPostgres = {
  url: string;
  /** The whole data folder as a tarball, to start identical copies from (`snapshot`); take it while idle. */
  takeSnapshot(): Promise<Blob>;
  stop(): Promise<void>;
};

const HOST = "127.0.0.1";

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
  const releaseDataDir = options.dataDir ? claimDataDir(options.dataDir) : () => {};
  try {
    if (options.dataDir) fs.mkdirSync(options.dataDir, { recursive: true });
    const db = await PGlite.create(
      options.dataDir ? { dataDir: options.dataDir } : options.snapshot ? { loadDataDir: options.snapshot } : {},
    );
    const server = await startPgliteWireServer({ db, host: HOST, port: options.port });
    let stopping: Promise<void> | null = null;
    return {
      url: `postgresql://postgres:postgres@${HOST}:${server.port}/postgres`,
      takeSnapshot: () => db.dumpDataDir("none"),
      stop() {
        stopping ??= (async () => {
          await server.close();
          await db.close();
          releaseDataDir();
        })();
        return stopping;
      },
    };
  } catch (error) {
    releaseDataDir();
    throw error;
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

/**
 * Two PGlite processes writing one data folder would corrupt it, and PGlite has no
 * postmaster.pid of its own: a lock file next to the folder holds the owner's process id.
 */
function claimDataDir(dataDir: string): () => void {
  const lockPath = `${path.resolve(dataDir)}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const ownerPid = readLockOwner(lockPath);
  if (ownerPid !== null && ownerPid !== process.pid && isProcessAlive(ownerPid)) {
    throw new Error(
      `The embedded database in ${dataDir} is already open in process ${ownerPid}. ` +
        "Stop that process first (it is probably another `npm start` or `npm run dev`).",
    );
  }
  fs.writeFileSync(lockPath, String(process.pid));
  return () => {
    if (readLockOwner(lockPath) === process.pid) fs.rmSync(lockPath, { force: true });
  };
}

function readLockOwner(lockPath: string): number | null {
  try {
    const pid = Number.parseInt(fs.readFileSync(lockPath, "utf8"), 10);
    return Number.isInteger(pid) ? pid : null;
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
