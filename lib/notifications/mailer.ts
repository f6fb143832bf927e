import "server-only";

import { randomUUID } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";

import nodemailer, { type Transporter } from "nodemailer";

import { getEnvironment } from "@/lib/env";

import { describeMailDestinationOf } from "./mail-destination";
import type { MailContent } from "./templates";

/**
 * Sends one mail: over SMTP when SMTP_URL is set, otherwise written as an .eml file into
 * MAIL_CAPTURE_DIR, so that without a mail server (the `npm start` default) every mail is still
 * produced and can be read; none is silently dropped. scripts/serve.ts prints which of the two.
 */

export type MailOutcome = { status: "sent"; messageId: string } | { status: "captured"; file: string };

/** The server refused the recipient for good (a 5xx reply): retrying cannot help. */
export class PermanentMailError extends Error {
  constructor(message: string, readonly responseCode: number) {
    super(message);
    this.name = "PermanentMailError";
  }
}

const transports = new Map<string, Transporter>();

function smtpTransport(url: string): Transporter {
  const known = transports.get(url);
  if (known) return known;
  const transport = nodemailer.createTransport(url, { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 30_000 });
  transports.set(url, transport);
  return transport;
}

const captureTransport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });

/** Where mails go, for the start banner and the README. */
export function describeMailDestination(): string {
  const environment = getEnvironment();
  return describeMailDestinationOf({ smtpUrl: environment.SMTP_URL, captureDir: environment.MAIL_CAPTURE_DIR });
}

export async function sendMail(to: string, content: MailContent): Promise<MailOutcome> {
  const environment = getEnvironment();
  const message = { from: environment.MAIL_FROM, to, subject: content.subject, text: content.text, html: content.html };
  if (!environment.SMTP_URL) {
    const built = await captureTransport.sendMail(message);
    const folder = path.resolve(environment.MAIL_CAPTURE_DIR);
    await fs.mkdir(folder, { recursive: true });
    const file = path.join(folder, `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomUUID()}.eml`);
    await fs.writeFile(file, built.message as Buffer, { mode: 0o600 });
    return { status: "captured", file };
  }
  try {
    const info = await smtpTransport(environment.SMTP_URL).sendMail(message);
    return { status: "sent", messageId: String(info.messageId ?? "") };
  } catch (error) {
    // Only a 5xx about the recipient or this message is a bounce; a server that refuses at the
    // greeting or at sign-in is down or misconfigured, and the job retries.
    const { responseCode, command } = error as { responseCode?: unknown; command?: unknown };
    // The server's answer often repeats the recipient ("550 <someone@example.com>: unknown"), and
    // what is thrown here is stored, logged and shown to admins: never with the address in it.
    const message = withoutAddresses(error instanceof Error ? error.message : String(error));
    if (typeof responseCode === "number" && responseCode >= 500 && responseCode < 600 && (command === "RCPT TO" || command === "DATA")) {
      throw new PermanentMailError(message, responseCode);
    }
    const redacted = new Error(message);
    redacted.name = error instanceof Error ? error.name : "Error";
    throw Object.assign(redacted, { responseCode, command });
  }
}

/** Replaces every email address in a mail server's answer, so an error can be kept and shown. */
export function withoutAddresses(text: string): string {
  return text.replace(/<?[^\s<>@"',;:()]+@[^\s<>@"',;:()]+>?/g, "<address removed>");
}
