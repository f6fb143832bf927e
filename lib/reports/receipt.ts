import { randomInt } from "node:crypto";

import { CODE_ALPHABET, CODE_GROUP_LENGTH, CODE_GROUPS, CODE_PREFIX, KEY_GROUP_LENGTH, KEY_GROUPS } from "./receipt-format";

/**
 * The receipt a reporter keeps: a public tracking code and a secret key.
 * Pure apart from the system's cryptographic random source.
 */

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

export { normalizeSecretKey, normalizeTrackingCode } from "./receipt-format";
