/**
 * The shape of a receipt's tracking code and secret key, as people type them. Pure and free of
 * server imports: the tracking form checks the shape in the browser too (./schemas.ts), and
 * ./receipt.ts, which generates receipts, re-exports it.
 */

/** Letters and digits that cannot be confused when read aloud or copied (no 0/O, 1/I/L, U). */
export const CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ";
export const CODE_GROUPS = 2;
export const CODE_GROUP_LENGTH = 4;
export const CODE_PREFIX = "LI";

/** 5 groups of 5 digits: 10^25 possibilities, about 83 bits of randomness. */
export const KEY_GROUPS = 5;
export const KEY_GROUP_LENGTH = 5;

/** What a person may type between the groups of a key: spaces, dashes of any kind, dots. */
const KEY_SEPARATORS = /[\s\-\u2010-\u2015\u2212.]/g;

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

/** Reads a secret key as typed (with spaces, dashes or dots between the digits, or none). Returns null when malformed. */
export function normalizeSecretKey(input: string): string | null {
  const digits = input.replace(KEY_SEPARATORS, "");
  if (!/^\d+$/.test(digits) || digits.length !== KEY_GROUPS * KEY_GROUP_LENGTH) return null;
  const groups = digits.match(new RegExp(`\\d{${KEY_GROUP_LENGTH}}`, "g")) ?? [];
  return groups.join("-");
}
