import { config } from "zod/v4/core";

/**
 * Runs in the browser before React hydrates. zod compiles fast parsers with `new Function` when
 * it may, and probes for that on its first parse: under the pages' Content-Security-Policy (no
 * 'unsafe-eval', lib/security/headers.ts) the probe is refused and Chromium reports a violation.
 * Its interpreted parsers give the same results, so the browser never tries. The server keeps
 * the compiled ones.
 */
config({ jitless: true });
