/**
 * The shape of a recovery code ("7K3MQ-9X2AB"), free of Node and the database so the forms'
 * schemas can use it too. Typing is forgiving: any case, spaces or dashes anywhere, and the
 * letters people confuse with digits (O, I, L) read as those digits.
 */

export const RECOVERY_CODE_COUNT = 10;

export function normalizeRecoveryCode(typed: string): string | null {
  const cleaned = typed.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
  return /^[0-9A-HJKMNP-TV-Z]{10}$/.test(cleaned) ? cleaned : null;
}

export function isRecoveryCodeShaped(typed: string): boolean {
  return normalizeRecoveryCode(typed) !== null;
}
