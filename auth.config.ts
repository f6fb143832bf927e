import type { NextAuthConfig } from "next-auth";
import type {} from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";

import { endStaffSession } from "@/lib/auth/session-lookup";
import { IDLE_TIMEOUT_SECONDS, refreshSessionClaims, startSessionClaims, type SessionClaims } from "@/lib/auth/session-policy";
import { redeemSignInGrant } from "@/lib/auth/sign-in-grant";
import { deriveAppKey, getEnvironment } from "@/lib/env";

/**
 * Auth.js's configuration (auth.ts hands it to NextAuth). A function, called on the first
 * request rather than at import, so `next build` can load the routes without the environment.
 *
 * The session is a JWT in an encrypted cookie that carries only the claims of
 * lib/auth/session-policy.ts; every request re-reads the session's row and the user from the
 * database (lib/auth/session.ts), so the cookie alone never grants anything: sign-out,
 * deactivation and password changes take effect at once, even for a copy of the cookie.
 */

declare module "next-auth" {
  interface Session {
    staff?: SessionClaims;
  }
  interface User {
    sessionVersion?: number;
    sessionId?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    staff?: SessionClaims;
  }
}

export const SIGN_IN_PATH = "/masuk";

export function createAuthConfig(): NextAuthConfig {
  const environment = getEnvironment();
  return {
    // One secret to configure: derived from APP_SECRET unless AUTH_SECRET is set.
    secret: environment.AUTH_SECRET ?? deriveAppKey("auth-session").toString("base64url"),
    // Behind a load balancer or reverse proxy the app only learns its public host from the Host /
    // X-Forwarded-Host headers, and Auth.js refuses to work from them unless told to trust them
    // (or given AUTH_URL per deployment). Trusting them is safe here: the app never builds a link
    // to another site from them, since every redirect after sign-in is a same-site path chosen by
    // lib/auth/return-path.ts, and the proxy in front is expected to set these headers itself.
    trustHost: true,
    pages: { signIn: SIGN_IN_PATH, signOut: SIGN_IN_PATH, error: SIGN_IN_PATH },
    session: {
      strategy: "jwt",
      // The cookie and the JWT inside it expire this long after they were last issued, which
      // happens on activity (lib/auth/session-keep-alive.tsx): the idle timeout, enforced by the
      // cookie's expiry, the JWT's `exp`, and `lastSeenAt` in the jwt callback below.
      maxAge: IDLE_TIMEOUT_SECONDS,
    },
    providers: [
      // Accepts only a sign-in grant: a short-lived token sealed by the server after the sign-in
      // form's steps (password, then a one-time code where enabled) passed, never sent to the
      // browser (lib/auth/sign-in-actions.ts). Posting an email and password to Auth.js's own
      // endpoints therefore signs nobody in; rate limits, the generic error and the second step
      // all live in that one flow.
      Credentials({
        credentials: { grant: {} },
        authorize: async (credentials) => redeemSignInGrant(credentials.grant),
      }),
    ],
    logger: {
      // An expired or foreign session cookie is routine (the idle timeout at work), not an error
      // worth a stack trace and the token's claims in the log.
      error(error) {
        // `type`, not `name`: class names do not survive the production build's minifier.
        const type = "type" in error && typeof error.type === "string" ? error.type : error.name;
        if (type === "JWTSessionError") return;
        console.error(`[auth] ${type}: ${error.message}`);
      },
      warn(code) {
        console.warn(`[auth] warning: ${code}`);
      },
    },
    events: {
      // Every sign-out (lib/auth/sign-in-actions.ts signOutStaff, or Auth.js's own endpoint) ends
      // the session on the server: clearing the cookie alone would leave a copy of it working.
      async signOut(message) {
        const sessionId = "token" in message ? message.token?.staff?.sessionId : undefined;
        if (sessionId) await endStaffSession(sessionId);
      },
    },
    callbacks: {
      jwt({ token, user, trigger }) {
        const now = new Date();
        if (trigger === "signIn" && user?.id && typeof user.sessionVersion === "number" && user.sessionId) {
          // A fresh token: none of Auth.js's defaults (name, email, picture) is kept in the cookie.
          return { sub: user.id, staff: startSessionClaims({ id: user.id, sessionVersion: user.sessionVersion, sessionId: user.sessionId }, now) };
        }
        const staff = refreshSessionClaims(token.staff, now);
        return staff ? { sub: staff.staffId, staff } : null;
      },
      session({ session, token }) {
        return { expires: session.expires, staff: token.staff };
      },
    },
  };
}
