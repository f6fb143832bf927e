import "server-only";

import { deriveAppKey } from "@/lib/env";

import { openSealedText, sealText } from "./sealed-box";

/**
 * TOTP secrets are stored encrypted (AES-256-GCM, key derived from APP_SECRET) and bound to
 * their user: a database dump alone yields no codes, and a ciphertext copied onto another
 * user's row does not decrypt.
 */

const contextFor = (userId: string) => `totp-secret:${userId}`;

export function encryptTotpSecret(secret: string, userId: string): string {
  return sealText(secret, deriveAppKey("totp-secret"), contextFor(userId));
}

export function decryptTotpSecret(ciphertext: string, userId: string): string | null {
  return openSealedText(ciphertext, deriveAppKey("totp-secret"), contextFor(userId));
}
