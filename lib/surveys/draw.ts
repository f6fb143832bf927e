import { createHmac } from "node:crypto";

/**
 * Which visitors are invited: for each office and day, every ticket number is drawn or not by a
 * keyed hash of (office, day, ticket number) under a key derived from APP_SECRET. Staff see the
 * drawn numbers but cannot choose them, and cannot predict tomorrow's without the secret; the
 * same secret, office and day always give the same numbers, so every instance agrees without
 * storing a schedule first. About one ticket in `inviteEvery` is drawn, whatever the office's
 * volume. Each drawn ticket has a one-time code derived the same way, so it can be printed again;
 * only a keyed hash of the code is stored (SurveyInvitation.codeHash). Pure: the key is a parameter.
 */

export type DrawSettings = {
  /** About one ticket in this many is invited. */
  inviteEvery: number;
  /** Ticket numbers 1..highestTicket are considered. */
  highestTicket: number;
};

function digest(key: Buffer, ...parts: (string | number)[]): Buffer {
  return createHmac("sha256", key).update(parts.join("\u0000")).digest();
}

export function isTicketDrawn(key: Buffer, officeId: number, dayKey: string, ticketNumber: number, inviteEvery: number): boolean {
  return digest(key, "draw", officeId, dayKey, ticketNumber).readUInt32BE(0) % inviteEvery === 0;
}

/** The drawn ticket numbers of an office's day, ascending. */
export function drawTicketNumbers(key: Buffer, officeId: number, dayKey: string, settings: DrawSettings): number[] {
  const drawn: number[] = [];
  for (let ticket = 1; ticket <= settings.highestTicket; ticket += 1) {
    if (isTicketDrawn(key, officeId, dayKey, ticket, settings.inviteEvery)) drawn.push(ticket);
  }
  return drawn;
}

/** No 0/O, 1/I/L: a code typed from a card should not be misread. */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
const CODE_LENGTH = 8;

/** The invitation code of a drawn ticket, e.g. "K7QM-3XPA". */
export function invitationCode(key: Buffer, officeId: number, dayKey: string, ticketNumber: number): string {
  const bytes = digest(key, "code", officeId, dayKey, ticketNumber);
  let code = "";
  for (let index = 0; index < CODE_LENGTH; index += 1) code += CODE_ALPHABET[bytes[index]! % CODE_ALPHABET.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A typed or scanned code in its printed form, or null when it cannot be one. */
export function normalizeInvitationCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, "");
  if (compact.length !== CODE_LENGTH || [...compact].some((character) => !CODE_ALPHABET.includes(character))) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
}

/** What is stored of a code: its keyed hash. */
export function hashInvitationCode(key: Buffer, code: string): string {
  return digest(key, "stored", code).toString("hex");
}
