import { getEnvironment } from "@/lib/env";
import { buildSecurityTxt } from "@/lib/security/security-txt";

/** RFC 9116's security.txt: the contact for vulnerability reports (lib/security/security-txt.ts). */
export function GET(request: Request) {
  const body = buildSecurityTxt({ contacts: getEnvironment().SECURITY_CONTACT, origin: new URL(request.url).origin, now: new Date() });
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "public, max-age=86400" } });
}
