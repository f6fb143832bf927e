import { NextResponse, type NextRequest } from "next/server";

import { hasSessionCookie } from "@/lib/auth/session-cookie";
import { buildPagePolicy, createNonce, isNoStorePath } from "@/lib/security/headers";

/**
 * Two cheap things before a page renders:
 * - Its Content-Security-Policy with a fresh nonce (lib/security/headers.ts). The policy goes on
 *   the request as well as the response: Next reads the nonce from the request's policy and puts
 *   it on every script it renders. Staff pages and the tracking page are also marked no-store.
 * - An optimistic redirect: a request to the dashboard without any session cookie is sent to
 *   sign in. It never decides who may see what (it does not even read the cookie): every staff
 *   page, data function and Server Action checks the session itself (lib/auth/session.ts), so a
 *   request that skips this proxy gets nothing either.
 * The headers that are the same on every response come from next.config.ts.
 */
export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = createNonce();
  const policy = buildPagePolicy({ nonce, isDevelopment: process.env.NODE_ENV === "development" });

  let response: NextResponse;
  if (isDashboardPath(pathname) && !hasSessionCookie(request.cookies.getAll().map((cookie) => cookie.name))) {
    const signInUrl = new URL("/masuk", request.url);
    signInUrl.searchParams.set("callbackUrl", `${pathname}${search}`);
    response = NextResponse.redirect(signInUrl);
  } else {
    const requestHeaders = new Headers(request.headers);
    requestHeaders.set("Content-Security-Policy", policy);
    response = NextResponse.next({ request: { headers: requestHeaders } });
  }

  response.headers.set("Content-Security-Policy", policy);
  if (isNoStorePath(pathname)) response.headers.set("Cache-Control", "no-store");
  return response;
}

function isDashboardPath(pathname: string): boolean {
  return pathname === "/dasbor" || pathname.startsWith("/dasbor/");
}

export const config = {
  matcher: [
    {
      // Every page, not API routes (next.config.ts gives them a policy of their own) nor build
      // output and public files.
      source: "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg|robots.txt).*)",
      // Not requests with a body (Server Actions, the report form's evidence posted without
      // JavaScript): Next buffers the whole body of every request the proxy sees. Their responses
      // get the nonce-free policy from next.config.ts instead.
      missing: [{ type: "header", key: "content-type" }],
    },
  ],
};
