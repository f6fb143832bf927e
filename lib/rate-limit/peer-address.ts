import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

/**
 * The TCP peer's address, handed from Node's HTTP server to the app in a header of our own.
 *
 * Route handlers and Server Actions cannot see the socket, and the only address `next start`
 * passes on is `x-forwarded-for`, which it fills from the socket only when the client did not
 * send one itself (next 16.4, dist/server/base-server.js) — so a client reaching the app directly
 * could pick its own rate-limit bucket with it. Node publishes every incoming request on the
 * `http.server.request.start` diagnostics channel before the server's request handler (Next)
 * sees it; this subscriber (installed by instrumentation.ts when the server starts) overwrites
 * PEER_ADDRESS_HEADER with the socket's address on every request, so whatever a client sent
 * under that name is gone.
 */

export const PEER_ADDRESS_HEADER = "x-lapor-peer-address";

type RequestStart = { request: IncomingMessage; socket: Socket };

let isInstalled = false;

export function installPeerAddressHeader(): void {
  if (isInstalled) return;
  isInstalled = true;
  subscribe("http.server.request.start", (message) => stampPeerAddress(message as RequestStart));
}

/** Sets the header to the socket's address, or removes it when the socket has none (closed). */
export function stampPeerAddress({ request, socket }: RequestStart): void {
  const address = socket.remoteAddress;
  if (address) request.headers[PEER_ADDRESS_HEADER] = address;
  else delete request.headers[PEER_ADDRESS_HEADER];
}
