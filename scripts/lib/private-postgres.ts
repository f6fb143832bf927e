import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { findFreePort, runOrThrow } from "./processes";

/**
 * A PostgreSQL cluster of this script's own, in a temporary folder on a free port, so it can be
 * stopped abruptly without touching the machine's shared server (others use it). Built with the
 * Debian server binaries (/usr/lib/postgresql/<version>/bin). PostgreSQL refuses to run as root,
 * so under root the cluster belongs to the `postgres` user and every command runs as that user.
 */
export type PrivatePostgres = {
  url: string;
  /** `pg_ctl stop -m immediate`: the server process dies without a checkpoint, as in a crash. */
  stopImmediately(): Promise<void>;
  /** Starts it again; returns once it accepts connections (after crash recovery). */
  start(): Promise<void>;
  /** Stops it and deletes its folder. */
  dispose(): Promise<void>;
};

function findServerBinaries(): string {
  const root = "/usr/lib/postgresql";
  const versions = fs.existsSync(root)
    ? fs
        .readdirSync(root)
        .filter((version) => fs.existsSync(path.join(root, version, "bin", "initdb")))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) {
    throw new Error(
      "No PostgreSQL server binaries in /usr/lib/postgresql/<version>/bin: install Debian's postgresql package " +
        "(apt-get install -y postgresql), which provides initdb and pg_ctl.",
    );
  }
  return path.join(root, versions[0]!, "bin");
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const binaries = findServerBinaries();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "lapor-private-pg-"));
  const dataDir = path.join(folder, "data");
  const logFile = path.join(folder, "server.log");
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"]).toString().trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"]).toString().trim());
    fs.chownSync(folder, uid, gid);
  }
  const run = (command: string, args: string[]) =>
    isRoot
      ? runOrThrow("runuser", ["-u", "postgres", "--", path.join(binaries, command), ...args], { quiet: true })
      : runOrThrow(path.join(binaries, command), args, { quiet: true });

  const port = await findFreePort();
  await run("initdb", ["-D", dataDir, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-instructions"]);
  const serverOptions = `-p ${port} -k ${folder} -c listen_addresses=127.0.0.1 -c max_connections=60`;
  const start = () => run("pg_ctl", ["-D", dataDir, "-l", logFile, "-o", serverOptions, "-w", "-t", "300", "start"]);
  await start();

  let isDisposed = false;
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stopImmediately: () => run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]),
    start,
    async dispose() {
      if (isDisposed) return;
      isDisposed = true;
      await run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]).catch(() => undefined);
      fs.rmSync(folder, { recursive: true, force: true });
    },
  };
}
