/**
 * /.well-known/security.txt (RFC 9116): where a security researcher reports a vulnerability.
 * Pure, so its fields are tested without a server. The file is written per request: its
 * Expires moves with the clock (the RFC asks for less than a year ahead, so a file that is never
 * edited by hand would otherwise go stale), and Canonical names the address it was fetched from.
 */

/** How far ahead Expires lies: well under the RFC's "less than a year". */
const VALID_FOR_DAYS = 180;

export type SecurityTxtInput = {
  /** `mailto:`/`https:` addresses from SECURITY_CONTACT; empty means the RFC 2142 mailbox of `host`. */
  contacts: readonly string[];
  /** The site's origin as the visitor reached it, e.g. "https://lapor.example.go.id". */
  origin: string;
  now: Date;
};

export function buildSecurityTxt({ contacts, origin, now }: SecurityTxtInput): string {
  const host = new URL(origin).hostname;
  const contactLines = (contacts.length > 0 ? contacts : [`mailto:security@${host}`]).map((contact) => `Contact: ${contact}`);
  const expires = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + VALID_FOR_DAYS));
  return [
    ...contactLines,
    `Expires: ${expires.toISOString().replace(/\.\d{3}Z$/, "Z")}`,
    // Reports are read in Indonesian and English, the two languages of the site.
    "Preferred-Languages: id, en",
    `Canonical: ${origin}/.well-known/security.txt`,
    "",
  ].join("\n");
}

/**
 * The origin the visitor reached: the Host header (or, only behind a trusted proxy, its
 * X-Forwarded-Host/-Proto), since the server's own URL may be an internal name. Anything that
 * does not parse as a host falls back to `fallback`. A client that sends a false Host only changes
 * its own answer: the file is not cached by shared caches (route.ts). PUBLIC_BASE_URL, when set,
 * is used instead of any of this (route.ts).
 */
export function originOfRequest(headers: Headers, fallback: string, options: { trustForwarded: boolean }): string {
  const forwarded = (name: string) => (options.trustForwarded ? headers.get(name)?.split(",")[0]?.trim() : undefined);
  const host = forwarded("x-forwarded-host") ?? headers.get("host");
  const protocol = forwarded("x-forwarded-proto") ?? new URL(fallback).protocol.replace(":", "");
  if (!host || (protocol !== "http" && protocol !== "https")) return new URL(fallback).origin;
  try {
    const url = new URL(`${protocol}://${host}`);
    return url.host === host.toLowerCase() ? url.origin : new URL(fallback).origin;
  } catch {
    return new URL(fallback).origin;
  }
}
