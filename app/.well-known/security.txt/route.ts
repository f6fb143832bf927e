import { getEnvironment } from "@/lib/env";
import { buildSecurityTxt, originOfRequest } from "@/lib/security/security-txt";

/** RFC 9116's security.txt: the contact for vulnerability reports (lib/security/security-txt.ts). */
export function GET(request: Request) {
  const origin = originOfRequest(request.headers, request.url);
  const body = buildSecurityTxt({ contacts: getEnvironment().SECURITY_CONTACT, origin, now: new Date() });
  // Written from the Host header: kept out of shared caches.
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, max-age=3600" } });
}
