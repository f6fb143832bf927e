import { randomInt } from "node:crypto";

/**
 * The receipt a reporter keeps: a public tracking code and a secret key.
 * Pure apart from the system's cryptographic random source.
 */

/** Letters and digits that cannot be confused when read aloud or copied (no 0/O, 1/I/L, U). */
const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_GROUPS = 2;
const CODE_GROUP_LENGTH = 4;
const CODE_PREFIX = "LI";

/** 5 groups of 5 digits: 10^25 possibilities, about 83 bits of randomness. */
const KEY_GROUPS = 5;
const KEY_GROUP_LENGTH = 5;

export const SECRET_KEY_BITS = Math.log2(10) * KEY_GROUPS * KEY_GROUP_LENGTH;

/** A new tracking code such as "LI-7K3M-9QX2". */
export function generateTrackingCode(): string {
  const groups = Array.from({ length: CODE_GROUPS }, () =>
    Array.from({ length: CODE_GROUP_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join(""),
  );
  return [CODE_PREFIX, ...groups].join("-");
}

/** A new secret key such as "04817-93302-55710-28461-90035". */
export function generateSecretKey(): string {
  return Array.from({ length: KEY_GROUPS }, () =>
    String(randomInt(10 ** KEY_GROUP_LENGTH)).padStart(KEY_GROUP_LENGTH, "0"),
  ).join("-");
}

/**
 * Reads a tracking code as a person may type it (lower case, spaces, missing
 * dashes). Returns null when it cannot be a tracking code.
 */
export function normalizeTrackingCode(input: string): string | null {
  const compact = input.toUpperCase().replace(/[^0-9A-Z]/g, "");
  const body = compact.startsWith(CODE_PREFIX) ? compact.slice(CODE_PREFIX.length) : compact;
  if (body.length !== CODE_GROUPS * CODE_GROUP_LENGTH) return null;
  if ([...body].some((character) => !CODE_ALPHABET.includes(character))) return null;
  return [CODE_PREFIX, body.slice(0, CODE_GROUP_LENGTH), body.slice(CODE_GROUP_LENGTH)].join("-");
}

/** Reads a secret key as typed (spaces or no dashes). Returns null when malformed. */
export function normalizeSecretKey(input: string): string | null {
  const digits = input.replace(/[\s-]/g, "");
  if (!/^\d+$/.test(digits) || digits.length !== KEY_GROUPS * KEY_GROUP_LENGTH) return null;
  const groups = digits.match(new RegExp(`\\d{${KEY_GROUP_LENGTH}}`, "g")) ?? [];
  return groups.join("-");
}
