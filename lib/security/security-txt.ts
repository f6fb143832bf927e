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
