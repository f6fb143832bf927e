import { handlers } from "@/auth";

// Only GET: the browser needs the session endpoint (the activity ping that keeps a session
// alive) and nothing else. Signing in and out happen in Server Actions, which call Auth.js
// directly, so its POST endpoints are not exposed at all.
export const { GET } = handlers;
