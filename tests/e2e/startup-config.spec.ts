import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

import { expect, test } from "@playwright/test";

/**
 * A deployment that runs the production build with `next start` directly (not through
 * `npm start`) still refuses an invalid environment: the server stops with the reason and the
 * EX_CONFIG exit code (78) before it answers anything, instead of answering every route with 500.
 */

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

test("next start with a too short APP_SECRET stops with the reason and never serves", async () => {
  test.slow();
  const port = await freePort();
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: { ...process.env, APP_SECRET: "tiny-secret-9f3k", JOB_WORKERS: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const healthAnswers: number[] = [];
  let exited = false;
  const exitCode = new Promise<number | null>((resolve) =>
    child.on("close", (code) => {
      exited = true;
      resolve(code);
    }),
  );
  // Ask for the health check for as long as the process lives: it must never say ok.
  while (!exited) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`);
      healthAnswers.push(response.status);
    } catch {
      // Not listening (yet, or any more).
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  expect(await exitCode).toBe(78);
  expect(output).toContain("APP_SECRET: must be at least 32 characters long");
  expect(output).not.toContain("tiny-secret-9f3k");
  expect(healthAnswers.filter((status) => status === 200)).toEqual([]);
});

test("next start in production without PUBLIC_BASE_URL stops with the reason and never serves", async () => {
  test.slow();
  const port = await freePort();
  const child = spawn(path.join("node_modules", ".bin", "next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)], {
    env: { ...process.env, PUBLIC_BASE_URL: "", TRUST_PROXY: "false", JOB_WORKERS: "off" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on("close", resolve));
  expect(exitCode).toBe(78);
  expect(output).toContain("PUBLIC_BASE_URL: set the site's public address");
});
