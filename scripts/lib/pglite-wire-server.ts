import net from "node:net";
import type { PGlite } from "@electric-sql/pglite";

/**
 * Serves one PGlite instance to many Postgres clients over the wire protocol.
 *
 * PGlite is a single backend, so connections take turns. A connection owns the backend from
 * its first message until the backend answers ReadyForQuery with status "I" (idle): that keeps
 * an extended-protocol sequence (Parse, Bind, Describe, Execute, Sync) and an explicit
 * transaction together. The multiplexer of @electric-sql/pglite-socket 0.2.17 switches
 * connections between single messages outside explicit transactions, so a query whose
 * messages arrive in several TCP chunks (a large parameter) gets another client's Parse
 * between its own Parse and Bind ("bind message supplies 2 parameters, but prepared
 * statement "" requires 1").
 *
 * What stays shared, unlike a real server: session state (SET, prepared statement names,
 * advisory locks) and the database name (PGlite ignores the one a client asks for). A client
 * that waits for a second connection while holding a transaction open waits forever.
 */

const SSL_REQUEST_CODE = 80877103;
const GSS_ENCRYPTION_REQUEST_CODE = 80877104;
const CANCEL_REQUEST_CODE = 80877102;
const READY_FOR_QUERY = 0x5a; // 'Z'
const TERMINATE = 0x58; // 'X'
const IDLE = 0x49; // 'I'
const SYNC_MESSAGE = Uint8Array.from([0x53, 0, 0, 0, 4]);

export type PgliteWireServer = {
  port: number;
  close(): Promise<void>;
};

/** A first-come, first-served lock over the single PGlite backend. */
class BackendLock {
  private tail: Promise<void> = Promise.resolve();

  acquire(): Promise<() => void> {
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const acquired = this.tail.then(() => release);
    this.tail = this.tail.then(() => released);
    return acquired;
  }
}

/** Finds the status byte of the last ReadyForQuery in a backend output stream, across chunks. */
class ReadyForQueryScanner {
  private header = Buffer.alloc(5);
  private headerLength = 0;
  private bytesToSkip = 0;
  private readingStatus = false;
  lastStatus: number | null = null;

  reset(): void {
    this.headerLength = 0;
    this.bytesToSkip = 0;
    this.readingStatus = false;
    this.lastStatus = null;
  }

  scan(chunk: Uint8Array): void {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.readingStatus) {
        this.lastStatus = chunk[offset]!;
        this.readingStatus = false;
        offset += 1;
      } else if (this.bytesToSkip > 0) {
        const skipped = Math.min(this.bytesToSkip, chunk.length - offset);
        this.bytesToSkip -= skipped;
        offset += skipped;
      } else {
        this.header[this.headerLength++] = chunk[offset++]!;
        if (this.headerLength === 5) {
          const bodyLength = this.header.readInt32BE(1) - 4;
          const isReadyForQuery = this.header[0] === READY_FOR_QUERY && bodyLength === 1;
          this.readingStatus = isReadyForQuery;
          this.bytesToSkip = isReadyForQuery ? 0 : bodyLength;
          this.headerLength = 0;
        }
      }
    }
  }
}

class ClientConnection {
  private buffer = Buffer.alloc(0);
  private isStarted = false;
  private isClosed = false;
  private releaseBackend: (() => void) | null = null;
  private readonly scanner = new ReadyForQueryScanner();
  private work: Promise<void> = Promise.resolve();

  constructor(
    private readonly socket: net.Socket,
    private readonly db: PGlite,
    private readonly lock: BackendLock,
  ) {
    socket.setNoDelay(true);
    socket.on("data", (data) => {
      this.buffer = Buffer.concat([this.buffer, data]);
      this.schedule(() => this.processBufferedMessages());
    });
    socket.on("error", () => socket.destroy());
    socket.on("close", () => {
      this.isClosed = true;
      this.schedule(() => this.releaseAfterDisconnect());
    });
  }

  /** Resolves once this connection has finished its work and given the backend back. */
  get settled(): Promise<void> {
    return this.work;
  }

  private schedule(task: () => Promise<void>): void {
    this.work = this.work.then(task).catch((error: unknown) => {
      console.error("[embedded-db] connection error:", error);
      this.socket.destroy();
    });
  }

  private async processBufferedMessages(): Promise<void> {
    for (;;) {
      if (this.isClosed) return;
      const message = this.isStarted ? this.takeTypedMessage() : this.takeStartupMessage();
      if (message === null) return;
      if (message.length === 0) continue;
      if (message[0] === TERMINATE && this.isStarted) {
        this.socket.end();
        return;
      }
      await this.execute(message);
    }
  }

  /** Returns null when incomplete, an empty buffer for messages answered here. */
  private takeStartupMessage(): Buffer | null {
    if (this.buffer.length < 8) return null;
    const length = this.buffer.readInt32BE(0);
    if (this.buffer.length < length) return null;
    const code = this.buffer.readInt32BE(4);
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    if (code === SSL_REQUEST_CODE || code === GSS_ENCRYPTION_REQUEST_CODE) {
      this.socket.write("N");
      return Buffer.alloc(0);
    }
    if (code === CANCEL_REQUEST_CODE) {
      this.socket.end();
      return Buffer.alloc(0);
    }
    this.isStarted = true;
    return message;
  }

  private takeTypedMessage(): Buffer | null {
    if (this.buffer.length < 5) return null;
    const length = 1 + this.buffer.readInt32BE(1);
    if (this.buffer.length < length) return null;
    const message = this.buffer.subarray(0, length);
    this.buffer = this.buffer.subarray(length);
    return message;
  }

  private async execute(message: Uint8Array, options: { isSilent?: boolean } = {}): Promise<void> {
    if (this.releaseBackend === null) this.releaseBackend = await this.lock.acquire();
    this.scanner.reset();
    await this.db.execProtocolRawStream(message, {
      onRawData: (chunk) => {
        this.scanner.scan(chunk);
        if (!options.isSilent && !this.isClosed && chunk.length > 0) {
          this.socket.write(Buffer.from(chunk));
        }
      },
    });
    if (this.scanner.lastStatus === IDLE) this.giveBackendBack();
  }

  private giveBackendBack(): void {
    const release = this.releaseBackend;
    this.releaseBackend = null;
    release?.();
  }

  /** A client that left mid-sequence or mid-transaction must not leave the backend busy. */
  private async releaseAfterDisconnect(): Promise<void> {
    if (this.releaseBackend === null) return;
    try {
      await this.execute(SYNC_MESSAGE, { isSilent: true });
      if (this.releaseBackend !== null) await this.execute(queryMessage("ROLLBACK"), { isSilent: true });
    } finally {
      this.giveBackendBack();
    }
  }
}

function queryMessage(sql: string): Uint8Array {
  const text = Buffer.from(`${sql}\0`, "utf8");
  const message = Buffer.alloc(5 + text.length);
  message[0] = 0x51; // 'Q'
  message.writeInt32BE(4 + text.length, 1);
  text.copy(message, 5);
  return message;
}

export async function startPgliteWireServer(options: {
  db: PGlite;
  host: string;
  port: number;
}): Promise<PgliteWireServer> {
  const lock = new BackendLock();
  const connections = new Set<ClientConnection>();
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const connection = new ClientConnection(socket, options.db, lock);
    connections.add(connection);
    sockets.add(socket);
    socket.on("close", () => {
      sockets.delete(socket);
      void connection.settled.then(() => connections.delete(connection));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : options.port;

  return {
    port,
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      // Let each socket's "close" handler queue its clean-up before waiting for it.
      await new Promise((resolve) => setImmediate(resolve));
      await Promise.all([...connections].map((connection) => connection.settled));
    },
  };
}
