import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * The APP_SECRET the app needs (lib/env.ts). Taken from the environment when set; refused when
 * missing under NODE_ENV=production, where inventing one would silently break sessions on the
 * next deploy; otherwise generated, and kept in `keepIn` when given so that sessions and staged
 * uploads survive a restart of `npm start`.
 */
export function resolveAppSecret(options: { keepIn?: string } = {}): string {
  const configured = process.env.APP_SECRET;
  if (configured) return configured;
  if (process.env.NODE_ENV === "production") {
    throw new Error("APP_SECRET is not set. In production set it to a long random value, e.g. `openssl rand -base64 48`.");
  }
  if (!options.keepIn) return generateSecret();
  try {
    const kept = fs.readFileSync(options.keepIn, "utf8").trim();
    if (kept.length >= 32) return kept;
  } catch {
    // Not generated yet.
  }
  const secret = generateSecret();
  fs.mkdirSync(path.dirname(options.keepIn), { recursive: true });
  fs.writeFileSync(options.keepIn, `${secret}\n`, { mode: 0o600 });
  console.log(`APP_SECRET is not set: generated one for this machine in ${path.basename(path.dirname(options.keepIn))}/${path.basename(options.keepIn)}`);
  return secret;
}

function generateSecret(): string {
  return randomBytes(48).toString("base64url");
}
