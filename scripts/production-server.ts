/**
 * The production server: Next's request handler behind a thin Node HTTP layer that answers the
 * four public pages from prerendered copies (scripts/lib/public-copies.ts) and hands every other
 * request to Next unchanged. `npm start`, the e2e tests and the bench start it; a deployment
 * runs it instead of `next start`:
 *
 *   NODE_ENV=production node --import tsx scripts/production-server.ts [--hostname H] [--port P]
 */
import http from "node:http";

import next from "next";

import { PublicPageCopies } from "./lib/public-copies";
import { PROJECT_ROOT } from "./lib/processes";

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<void> {
  const port = Number(argument("port") ?? process.env.PORT ?? 3000);
  // As `next start`: every interface unless told (not $HOSTNAME, which shells and containers set to their own name).
  const hostname = argument("hostname") ?? "0.0.0.0";
  const app = next({ dev: false, dir: PROJECT_ROOT, hostname, port });
  const handle = app.getRequestHandler();
  await app.prepare();

  // Build requests go to this same server over loopback (they pass through the layer to Next).
  const loopback = hostname === "0.0.0.0" || hostname === "::" ? "127.0.0.1" : hostname;
  const copies = new PublicPageCopies(`http://${loopback.includes(":") ? `[${loopback}]` : loopback}:${port}`, { log: (message) => console.warn(message) });

  const server = http.createServer((request, response) => {
    if (copies.serve(request, response)) return;
    void handle(request, response);
  });
  // As `next start`: longer than common load balancers' idle timeouts.
  server.keepAliveTimeout = 75_000;
  await new Promise<void>((resolve) => server.listen(port, hostname, resolve));
  console.log(`Ready on http://${hostname}:${port}`);
  await copies.warm();

  const shutdown = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
