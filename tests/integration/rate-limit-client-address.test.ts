import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { getEnvironment } from "@/lib/env";
import { resolveClientAddress } from "@/lib/rate-limit/client-address";
import { checkRateLimit } from "@/lib/rate-limit/limits";
import { installPeerAddressHeader, PEER_ADDRESS_HEADER } from "@/lib/rate-limit/peer-address";

/**
 * A client reaching the app directly (TRUST_PROXY unset) must not choose its rate-limit bucket
 * with the headers it sends. A real Node HTTP server with the peer-address stamp that
 * instrumentation.ts installs, and the same resolution and limit the app's actions use.
 */

let server: Server;
let baseUrl: string;
/** A purpose of its own per run, so the bucket of 127.0.0.1 here is this test's alone. */
const run = randomUUID();

function headersOf(request: IncomingMessage): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) if (typeof value === "string") headers.set(name, value);
  return headers;
}

beforeAll(async () => {
  installPeerAddressHeader();
  server = createServer((request, response) => {
    const address = resolveClientAddress(headersOf(request), getEnvironment().TRUST_PROXY);
    void checkRateLimit("filing", `${run}:${address}`).then(
      (decision) => response.end(JSON.stringify({ address, allowed: decision.allowed })),
      (error: unknown) => {
        response.statusCode = 500;
        response.end(String(error));
      },
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe("with TRUST_PROXY unset", () => {
  it("puts a client rotating X-Forwarded-For, X-Real-IP and the peer header itself in one bucket", async () => {
    expect(process.env.TRUST_PROXY).toBeUndefined();
    const limit = getEnvironment().RATE_LIMIT_FILINGS_PER_HOUR;

    const answers = await Promise.all(
      Array.from({ length: 4 * limit }, async (_, index) => {
        const forged = `203.0.113.${index + 1}`;
        const response = await fetch(baseUrl, {
          headers: { "x-forwarded-for": forged, "x-real-ip": forged, [PEER_ADDRESS_HEADER]: forged },
        });
        return (await response.json()) as { address: string; allowed: boolean };
      }),
    );

    expect(new Set(answers.map((answer) => answer.address))).toEqual(new Set(["127.0.0.1"]));
    expect(answers.filter((answer) => answer.allowed)).toHaveLength(limit);
  });
});
