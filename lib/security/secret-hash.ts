import { hash, verify } from "@node-rs/argon2";

/**
 * argon2id with the OWASP-recommended minimum (19 MiB, 2 passes, 1 lane), for
 * staff passwords and receipt secret keys alike. Only the hash is ever stored.
 */
const ARGON2ID_OPTIONS = {
  /** Algorithm.Argon2id (a const enum, which isolated modules cannot read). */
  algorithm: 2,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

export function hashSecret(secret: string): Promise<string> {
  return hash(secret, ARGON2ID_OPTIONS);
}

/** False (never an exception) for a wrong secret or a malformed hash. */
export async function verifySecret(secretHash: string, secret: string): Promise<boolean> {
  try {
    return await verify(secretHash, secret);
  } catch {
    return false;
  }
}
