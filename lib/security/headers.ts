/**
 * The security headers of every response, in one place. Pure (no Next, no Node-only API), so
 * proxy.ts and next.config.ts both use it and unit tests read it directly.
 *
 * Two kinds of header:
 * - Fixed ones (nosniff, referrer, permissions, framing, HSTS) are the same for every response:
 *   next.config.ts sends them on every path, static files and API routes included.
 * - The page Content-Security-Policy carries a fresh nonce per response: proxy.ts mints it and
 *   puts the policy on the request too, where Next reads the nonce and stamps it on the scripts
 *   it renders (its runtime, the page chunks and the inline RSC payload). No script runs without
 *   it, no `unsafe-inline` for scripts.
 *
 * The nonce is what makes a page differ per response, so it is also what stands in the way of
 * caching a public page: a cached page would replay an old nonce. The day public pages become
 * cacheable, they move to a hash-based policy instead (`'sha256-…'` of the few inline scripts a
 * static render emits, with Next's `experimental.sri` for the chunks) and the proxy keeps nonces
 * for the per-request pages (staff, tracking).
 */

export type PagePolicyOptions = {
  /** Base64, fresh for every response. */
  nonce: string;
  /** `next dev`: React's dev tools need eval, and the dev overlay injects styles without a nonce. */
  isDevelopment: boolean;
};

/**
 * Style attributes (`style="width: 40%"`) cannot carry a nonce, and the server-rendered bars of
 * /transparansi and the recharts charts of /dasbor/statistik set sizes that way. So only
 * attributes get `'unsafe-inline'` (style-src-attr); `<style>` elements still need the nonce. A
 * style attribute cannot run script: the worst an injected one can do is change the look.
 */
export function buildPagePolicy({ nonce, isDevelopment }: PagePolicyOptions): string {
  return serializePolicy({
    "default-src": ["'self'"],
    // 'strict-dynamic': scripts the nonce'd runtime loads (route chunks) are trusted through it.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(isDevelopment ? ["'unsafe-eval'"] : [])],
    "style-src": isDevelopment ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    "style-src-attr": ["'unsafe-inline'"],
    // data: for small inline images (CSS backgrounds, icons) that bundlers inline.
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "media-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "frame-src": ["'none'"],
    ...LOCKED_DOWN_DIRECTIVES,
    "form-action": ["'self'"],
  });
}

/**
 * For JSON and file responses (API routes): nothing in them may load or run anything, and no
 * page may frame them.
 */
export function buildApiPolicy(): string {
  return serializePolicy({ "default-src": ["'none'"], ...LOCKED_DOWN_DIRECTIVES, "form-action": ["'none'"] });
}

/**
 * For a page rendered in answer to a request with a body (a Server Action posted without
 * JavaScript). proxy.ts stays off such requests, so that it does not buffer their bodies (the
 * report form posts up to 52 MiB of evidence): the page then carries no nonce, and a script
 * policy would stop its hydration. It keeps everything else of the page policy that needs no
 * nonce: no framing, no plugins, no <base>, forms only to this site.
 */
export function buildBodyRequestPolicy(): string {
  return serializePolicy({ ...LOCKED_DOWN_DIRECTIVES, "form-action": ["'self'"] });
}

const LOCKED_DOWN_DIRECTIVES = {
  "object-src": ["'none'"],
  "base-uri": ["'none'"],
  "frame-ancestors": ["'none'"],
} as const;

function serializePolicy(directives: Record<string, readonly string[]>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name, ...sources].join(" "))
    .join("; ");
}

/** Features no page of this site uses: no page, and nothing a page embeds, may ask for them. */
export const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "usb=()",
  "browsing-topics=()",
].join(", ");

/** Two years, the span browsers' preload lists ask for. */
const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

export type Header = { key: string; value: string };

/**
 * The headers every response carries. HSTS only in production: it assumes the site is served
 * over HTTPS (at the reverse proxy), and a browser that saw it on localhost would refuse plain
 * HTTP there for two years.
 */
export function buildFixedHeaders({ isProduction }: { isProduction: boolean }): Header[] {
  return [
    { key: "X-Content-Type-Options", value: "nosniff" },
    // Where a reporter came from and went to is theirs: no other site ever gets a referrer. Not
    // "no-referrer": with it browsers send `Origin: null` on every form post, and Next refuses
    // such a Server Action, so every form without JavaScript would fail. "same-origin" sends
    // the Origin (and a Referer) to this site only.
    { key: "Referrer-Policy", value: "same-origin" },
    { key: "Permissions-Policy", value: PERMISSIONS_POLICY },
    // frame-ancestors 'none' says the same to every browser that reads CSP; this is for older ones.
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
    ...(isProduction ? [{ key: "Strict-Transport-Security", value: `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains` }] : []),
  ];
}

/**
 * Pages no shared cache or browser history may keep: what staff see, and a reporter's own case.
 * The paths are the staff side (sign-in, password set-up, dashboard) and the tracking page.
 */
const NO_STORE_PATH_PREFIXES = ["/dasbor", "/masuk", "/atur-sandi", "/lacak", "/lapor/tanda-terima"];

export function isNoStorePath(pathname: string): boolean {
  return NO_STORE_PATH_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** 128 random bits, base64: unguessable, and fresh for each response. */
export function createNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}
