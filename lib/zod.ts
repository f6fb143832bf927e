import { config, z } from "zod";

/**
 * The project's zod: every schema imports it from here (eslint forbids "zod" elsewhere).
 *
 * zod compiles fast object parsers with `new Function` when it may, and probes for that when a
 * schema is built: under the pages' Content-Security-Policy (no 'unsafe-eval',
 * lib/security/headers.ts) the probe is refused and Chromium reports a violation. In the browser
 * the interpreted parsers give the same results, so they are chosen before any schema exists;
 * the server keeps the compiled ones. Setting this here rather than in instrumentation-client
 * keeps zod out of the JavaScript of pages that never validate in the browser.
 */
if (typeof window !== "undefined") config({ jitless: true });

export { z };
