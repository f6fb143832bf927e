import "server-only";

import { cookies, headers } from "next/headers";

import { getEnvironment } from "@/lib/env";
import type { Locale } from "@/lib/generated/prisma/enums";
import { resolveClientAddress } from "@/lib/rate-limit/client-address";
import { defaultLocale, isLocale, localeCookieName } from "@/i18n/locales";

/**
 * What the reporting flow reads from the request, in one place, so the data functions take it
 * as plain arguments (and tests can give it directly). The address is for abuse limits only:
 * it is hashed there and never stored or logged.
 */

export async function getClientAddress(): Promise<string> {
  return resolveClientAddress(await headers(), getEnvironment().TRUST_PROXY);
}

/** The reporter's interface language (the language switcher's cookie), "id" by default. */
export async function getReporterLocale(): Promise<Locale> {
  const requested = (await cookies()).get(localeCookieName)?.value;
  return isLocale(requested) ? requested : defaultLocale;
}

/**
 * Route handlers get no CSRF check from Next (Server Actions do): refuse a browser request
 * that says it comes from another site. Requests without an Origin header (non-browser
 * clients, some same-origin navigations) pass; they carry no victim's cookies to abuse here.
 */
export function isCrossSiteRequest(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin || origin === "null") return request.headers.get("sec-fetch-site") === "cross-site";
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}
