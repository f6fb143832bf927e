import { getEnvironment } from "@/lib/env";
import { buildSecurityTxt, originOfRequest } from "@/lib/security/security-txt";

/** RFC 9116's security.txt: the contact for vulnerability reports (lib/security/security-txt.ts). */
export function GET(request: Request) {
  const environment = getEnvironment();
  const origin = environment.PUBLIC_BASE_URL ?? originOfRequest(request.headers, request.url, { trustForwarded: environment.TRUST_PROXY > 0 });
  const body = buildSecurityTxt({ contacts: environment.SECURITY_CONTACT, origin, now: new Date() });
  // Written from the Host header: kept out of shared caches.
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, max-age=3600" } });
}
