import { spawn, type ChildProcess, type StdioOptions } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** The path of a command installed by npm in node_modules/.bin. */
export function projectBin(name: string): string {
  return path.join(PROJECT_ROOT, "node_modules", ".bin", name);
}

/** The environment every child gets: Next must not try to phone home from a closed network. */
export function childEnvironment(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...extra };
}

export function printBanner(title: string): void {
  const line = "=".repeat(Math.max(60, title.length + 6));
  console.log(`\n${line}\n== ${title}\n${line}`);
}

export function printStep(text: string): void {
  console.log(`\n> ${text}`);
}

/** Runs a command with inherited output and resolves with its exit code. */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; quiet?: boolean; cwd?: string } = {},
): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd ?? PROJECT_ROOT,
      env: options.env ?? childEnvironment(),
      stdio: options.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code, signal) => {
      // Quiet commands show their output only when they fail.
      if (options.quiet && code !== 0) process.stderr.write(output);
      resolve(code ?? (signal ? 128 + signalNumber(signal) : 1));
    });
  });
}

export async function runOrThrow(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; quiet?: boolean; cwd?: string } = {},
): Promise<void> {
  const code = await runCommand(command, args, options);
  if (code !== 0) {
    throw new Error(`\`${path.basename(command)} ${args.join(" ")}\` failed with exit code ${code}`);
  }
}

/** Runs a command and returns its standard output; its standard error goes to ours. */
export function captureOutput(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: PROJECT_ROOT, env, stdio: ["ignore", "pipe", "inherit"] });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) =>
      code === 0
        ? resolve(output)
        : reject(new Error(`\`${path.basename(command)} ${args.join(" ")}\` failed with exit code ${code}`)),
    );
  });
}

/** A long-running child (a web server) that can be stopped, politely first. */
export type Service = {
  child: ChildProcess;
  exited: Promise<number>;
  stop(): Promise<number>;
};

/** `logFd`: an open file to write its output to instead of ours; `cwd`: another checkout to run in. */
export function startService(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: { logFd?: number; cwd?: string } = {},
): Service {
  // Its own process group, so stopping it also stops the workers it forks.
  const stdio: StdioOptions = options.logFd === undefined ? "inherit" : ["ignore", options.logFd, options.logFd];
  const child: ChildProcess = spawn(command, args, { cwd: options.cwd ?? PROJECT_ROOT, env, stdio, detached: true });
  const exited = new Promise<number>((resolve) =>
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 128 + signalNumber(signal) : 1))),
  );
  let isExited = false;
  void exited.then(() => (isExited = true));
  return {
    child,
    exited,
    async stop() {
      if (isExited) return exited;
      signalGroup(child, "SIGTERM");
      const forceKill = setTimeout(() => signalGroup(child, "SIGKILL"), 10_000);
      const code = await exited;
      clearTimeout(forceKill);
      return code;
    },
  };
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // The group is already gone.
  }
}

function signalNumber(signal: NodeJS.Signals): number {
  return { SIGINT: 2, SIGKILL: 9, SIGTERM: 15 }[signal as string] ?? 1;
}

/** Waits until something answers HTTP at `url`, or fails after `timeoutMs`. */
export async function waitForHttp(url: string, options: { timeoutMs: number; service?: Service }): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let serviceExited = false;
  void options.service?.exited.then(() => (serviceExited = true));
  while (Date.now() < deadline) {
    if (serviceExited) throw new Error(`The server exited before answering at ${url}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000), redirect: "manual" });
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  throw new Error(`Nothing answered at ${url} within ${options.timeoutMs / 1000} s`);
}

/** Runs `cleanup` once on Ctrl-C or SIGTERM, then exits with the conventional code. */
export function onInterrupt(cleanup: () => Promise<void>): void {
  let isCleaningUp = false;
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      if (isCleaningUp) {
        console.error("\nInterrupted again: exiting before the clean-up has finished.");
        process.exit(128 + signalNumber(signal));
      }
      isCleaningUp = true;
      console.error(`\n${signal} received, cleaning up...`);
      cleanup()
        .catch((error: unknown) => console.error("clean-up failed:", error))
        .finally(() => process.exit(128 + signalNumber(signal)));
    });
  }
}

/** A TCP port that was free a moment ago, for a server this script starts. */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * The production server (scripts/production-server.ts: Next behind the layer that serves the
 * public pages' prerendered copies) on `hostname:port`, as `npm start`, the e2e tests and the
 * bench run it. `nodeArgs` go to Node before the script (e.g. `--cpu-prof`).
 */
export function startProductionServer(options: {
  hostname?: string;
  port: number;
  env: NodeJS.ProcessEnv;
  logFd?: number;
  cwd?: string;
  nodeArgs?: string[];
}): Service {
  const cwd = options.cwd ?? PROJECT_ROOT;
  const args = [...(options.nodeArgs ?? []), "--import", "tsx", path.join(cwd, "scripts", "production-server.ts"), "--port", String(options.port)];
  if (options.hostname) args.push("--hostname", options.hostname);
  return startService(process.execPath, args, { ...options.env, NODE_ENV: "production", PORT: String(options.port) }, { logFd: options.logFd, cwd });
}
