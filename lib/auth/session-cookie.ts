/**
 * The names of Auth.js's session cookie (the `__Secure-` one over HTTPS). Large JWTs are split
 * into `<name>.0`, `<name>.1`, ... chunks. Pure, so proxy.ts can use it without loading Auth.js.
 */
export const SESSION_COOKIE_NAMES = ["authjs.session-token", "__Secure-authjs.session-token"] as const;

export function hasSessionCookie(cookieNames: Iterable<string>): boolean {
  for (const name of cookieNames) {
    if (SESSION_COOKIE_NAMES.some((sessionName) => name === sessionName || name.startsWith(`${sessionName}.`))) return true;
  }
  return false;
}
