import { createHash, randomBytes } from "node:crypto";

/**
 * The secret of a one-time set-password link: 32 random bytes, base64url in the link. Only its
 * SHA-256 is stored (StaffPasswordToken.tokenHash), so a copy of the database opens no account.
 * A fast hash is enough here, unlike for passwords: the token has 256 bits of entropy, so there is
 * nothing to guess.
 */

export const SET_PASSWORD_PATH = "/atur-sandi";

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function generatePasswordToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashPasswordToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** Whether a string can be a token at all (checked before any database lookup). */
export function isPasswordTokenShaped(value: unknown): value is string {
  return typeof value === "string" && TOKEN_PATTERN.test(value);
}

export function buildSetPasswordUrl(origin: string, token: string): string {
  const url = new URL(SET_PASSWORD_PATH, origin);
  url.searchParams.set("token", token);
  return url.toString();
}
