import { ensureProductionBuild } from "../lib/production-build";
import { childEnvironment, findFreePort, startProductionServer, waitForHttp } from "../lib/processes";

/**
 * The production build of this work tree, served by the production server (scripts/production-server.ts) on a free loopback port against
 * the bench's database, for the measurements that go through HTTP (filing through the form,
 * public pages under load, Lighthouse). Background jobs are off: they would load the machine at
 * random moments of a measurement. Build it once per run; stop() ends the server.
 */
export type BenchServer = { baseUrl: string; stop(): Promise<void> };

export async function startBenchServer(options: { databaseUrl: string; appSecret: string; storageDir: string; extraEnv?: Record<string, string>; nodeArgs?: string[] }): Promise<BenchServer> {
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
  const server = startProductionServer({ hostname: "127.0.0.1", port, env: { PUBLIC_BASE_URL: baseUrl, ...env }, nodeArgs: options.nodeArgs });
  await waitForHttp(`${baseUrl}/api/health`, { timeoutMs: 120_000, service: server });
  return {
    baseUrl,
    async stop() {
      await server.stop();
    },
  };
}
