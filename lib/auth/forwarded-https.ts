/**
 * Whether a request reached the proxy in front of the app over HTTPS, for the `Secure` flag and
 * the `__Secure-`/`__Host-` prefix of the app's own cookies. The X-Forwarded-Proto header is
 * believed only behind a trusted proxy (TRUST_PROXY, as for the client address): a client that
 * reaches the app directly could send it, and the app itself never speaks TLS. Pure (the
 * headers and TRUST_PROXY are passed in), so the unit test checks every case.
 */
export function isForwardedHttps(requestHeaders: Pick<Headers, "get">, trustProxy: number): boolean {
  if (trustProxy <= 0) return false;
  return requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase() === "https";
}
