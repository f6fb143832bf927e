import { deriveAppKey, getEnvironment } from "@/lib/env";
import { openSealedText, sealText } from "@/lib/auth/sealed-box";

/**
 * Reporters' names, emails and phone numbers are stored encrypted (AES-256-GCM, lib/auth/sealed-box)
 * under a key derived from APP_SECRET ("contact-encryption", one key per version), so a database
 * dump or a backup alone names nobody. Each value is bound to its case and field: a ciphertext
 * copied onto another case or into another column does not open.
 *
 * Stored form: `ck<version>.<sealed box>`. The version names the key, so keys rotate without a
 * flag day: raise CONTACT_ENCRYPTION_KEY_VERSION, new writes use the new key, older versions keep
 * decrypting, and `npm run contacts:encrypt` re-encrypts the rows still under an older one.
 *
 * Rows written before encryption existed were marked `plain:<value>` by the migration (a SQL
 * migration cannot know APP_SECRET); the same command, also run at every server start, encrypts
 * them. Every value the app writes is encrypted, so the two forms can never be confused.
 */

/** "notice-email": an anonymous reporter's address left only for notices (lib/notifications), never shown to staff. */
export type ContactField = "name" | "email" | "phone" | "notice-email";

const ENCRYPTED = /^ck(\d{1,4})\.(.+)$/s;
export const LEGACY_PLAINTEXT_PREFIX = "plain:";

const contextFor = (caseId: string, field: ContactField) => `reporter-contact:${caseId}:${field}`;

export function currentContactKeyVersion(): number {
  return getEnvironment().CONTACT_ENCRYPTION_KEY_VERSION;
}

/** `keyVersion`: the current one unless given (a rotation test, or a re-encryption run ahead of a restart). */
export function encryptContactValue(value: string, caseId: string, field: ContactField, keyVersion: number = currentContactKeyVersion()): string {
  const version = keyVersion;
  return `ck${version}.${sealText(value, deriveAppKey("contact-encryption", version), contextFor(caseId, field))}`;
}

/** The key version a stored value is under; null for a legacy plaintext value. */
export function contactKeyVersionOf(stored: string): number | null {
  const match = ENCRYPTED.exec(stored);
  return match ? Number(match[1]) : null;
}

/**
 * The plain value of a stored one. Throws when an encrypted value does not open (another
 * APP_SECRET, or a value changed or moved in the database): better no contact than a wrong one.
 */
export function decryptContactValue(stored: string, caseId: string, field: ContactField): string {
  if (stored.startsWith(LEGACY_PLAINTEXT_PREFIX)) return stored.slice(LEGACY_PLAINTEXT_PREFIX.length);
  const match = ENCRYPTED.exec(stored);
  const opened = match ? openSealedText(match[2]!, deriveAppKey("contact-encryption", Number(match[1])), contextFor(caseId, field)) : null;
  if (opened === null) throw new Error(`The reporter contact (${field}) of case ${caseId} does not decrypt: wrong APP_SECRET, or the value was changed in the database.`);
  return opened;
}

export type ContactValues = { name: string; email: string | null; phone: string | null };

export function encryptContact(contact: ContactValues, caseId: string, keyVersion: number = currentContactKeyVersion()): ContactValues {
  return {
    name: encryptContactValue(contact.name, caseId, "name", keyVersion),
    email: contact.email === null ? null : encryptContactValue(contact.email, caseId, "email", keyVersion),
    phone: contact.phone === null ? null : encryptContactValue(contact.phone, caseId, "phone", keyVersion),
  };
}

export function decryptContact(stored: ContactValues, caseId: string): ContactValues {
  return {
    name: decryptContactValue(stored.name, caseId, "name"),
    email: stored.email === null ? null : decryptContactValue(stored.email, caseId, "email"),
    phone: stored.phone === null ? null : decryptContactValue(stored.phone, caseId, "phone"),
  };
}

/** Whether a stored contact needs (re-)encryption: plaintext, or under an older key version. */
export function needsContactReencryption(stored: ContactValues, keyVersion: number = currentContactKeyVersion()): boolean {
  // Only older versions (and plaintext): an instance still on the previous version during a
  // rolling upgrade must not re-encrypt rows back under the older key.
  return [stored.name, stored.email, stored.phone].some((value) => {
    if (value === null) return false;
    const version = contactKeyVersionOf(value);
    return version === null || version < keyVersion;
  });
}
