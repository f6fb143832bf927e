import { NextResponse, type NextRequest } from "next/server";

import { hasSessionCookie } from "@/lib/auth/session-cookie";

/**
 * An optimistic redirect, nothing more: a request to the dashboard without any session cookie
 * is sent to sign in. It never decides who may see what (it does not even read the cookie):
 * every staff page, data function and Server Action checks the session itself
 * (lib/auth/session.ts), so a request that skips this proxy gets nothing either.
 */
export function proxy(request: NextRequest) {
  if (hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name))) return NextResponse.next();

  const signInUrl = new URL("/masuk", request.url);
  signInUrl.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signInUrl);
}

// Only the dashboard: elsewhere (evidence uploads above all) the proxy would only buffer bodies.
export const config = {
  matcher: ["/dasbor/:path*"],
};
