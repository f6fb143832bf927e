import type { AddressInfo } from "node:net";

import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server on a local port for the tests (no mock in place of the mail server): it
 * keeps every mail it accepts, parsed. `mode` makes it misbehave the way real servers do:
 * "refuse" answers every connection 421 (busy or down), "bounce" refuses recipients whose address
 * contains "bounce" with 550 (no such mailbox).
 */

export type SmtpMode = "accept" | "refuse";

export type ReceivedMail = { to: string[]; parsed: ParsedMail };

export type SmtpListener = {
  url: string;
  port: number;
  mails: ReceivedMail[];
  setMode: (mode: SmtpMode) => void;
  /** Waits until at least `count` mails arrived (polling the list; gives up after `timeoutMs`). */
  waitForMails: (count: number, timeoutMs?: number) => Promise<ReceivedMail[]>;
  close: () => Promise<void>;
};

export async function startSmtpListener(): Promise<SmtpListener> {
  const mails: ReceivedMail[] = [];
  let mode: SmtpMode = "accept";
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onConnect(_session, callback) {
      if (mode === "refuse") {
        const error = Object.assign(new Error("Service not available, try again later"), { responseCode: 421 });
        callback(error);
        return;
      }
      callback();
    },
    onRcptTo(address, _session, callback) {
      if (address.address.includes("bounce")) {
        // Like real servers, the answer repeats the address, which the app must not keep.
        callback(Object.assign(new Error(`<${address.address}>: No such mailbox`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          mails.push({ to: session.envelope.rcptTo.map((entry) => entry.address), parsed });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    setMode: (next) => {
      mode = next;
    },
    waitForMails: async (count, timeoutMs = 30_000) => {
      const deadline = Date.now() + timeoutMs;
      while (mails.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} mail(s), got ${mails.length}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      return mails;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
