import path from "node:path";

import { ensureProductionBuild } from "../lib/production-build";
import { childEnvironment, findFreePort, PROJECT_ROOT, startService, waitForHttp } from "../lib/processes";

/**
 * The production build of this work tree, served by `next start` on a free loopback port against
 * the bench's database, for the measurements that go through HTTP (filing through the form,
 * public pages under load, Lighthouse). Background jobs are off: they would load the machine at
 * random moments of a measurement. Build it once per run; stop() ends the server.
 */
export type BenchServer = { baseUrl: string; stop(): Promise<void> };

export async function startBenchServer(options: { databaseUrl: string; appSecret: string; storageDir: string; extraEnv?: Record<string, string> }): Promise<BenchServer> {
  const env = childEnvironment({
    DATABASE_URL: options.databaseUrl,
    APP_SECRET: options.appSecret,
    STORAGE_DIR: options.storageDir,
    NODE_ENV: "production",
    TRUST_PROXY: "false",
    JOB_WORKERS: "off",
    ...options.extraEnv,
  });
  await ensureProductionBuild({ env });
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = startService(path.join(PROJECT_ROOT, "node_modules", ".bin", "next"), ["start", "--hostname", "127.0.0.1", "--port", String(port)], { ...env, PORT: String(port) });
  await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 120_000, service: server });
  return {
    baseUrl,
    async stop() {
      await server.stop();
    },
  };
}
