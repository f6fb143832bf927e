import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { constants, crc32, deflateRawSync } from "node:zlib";

import { defaultLocale, isLocale, localeCookieName, locales, type Locale } from "../../i18n/locales";
import { buildPagePolicy, createNonce } from "../../lib/security/headers";

/**
 * Prerendered copies of the four public pages, served by the production server (scripts/production-server.ts)
 * before a request reaches Next: one copy per page and language, made from Next's own render of
 * that page (fetched internally, as a visitor without cookies in that language would see it), so a
 * copy never differs from what Next would answer.
 *
 * Under load a page rendered per request by Next's router, proxy and React answers at a few % of
 * a static file's rate on two cores; a copy answers at a static file's rate.
 *
 * What keeps this safe:
 * - A copy is only served to a request that could not have been rendered differently: GET or HEAD
 *   of exactly one of the four paths, no query string, no RSC (client navigation) headers, and no
 *   cookie other than the language's. Anything else (a staff session, a tracking session on
 *   /lacak, a kept receipt on /lapor, a survey code, any cookie at all) goes to Next as before.
 * - A copy is made from a request that carries nothing of any visitor: only the language cookie.
 *   It is refused (and the page is rendered per request) if that render sets a cookie.
 * - The two per-response values of a render are minted afresh for every response: the CSP nonce
 *   (the copy stores a placeholder where Next stamped its nonce, and the response carries the same
 *   nonce'd policy as the proxy's, lib/security/headers.ts) and, on /lapor, the form's idempotency
 *   key (one per served form, as one per render before: a doubled submission of one form files one
 *   case; two forms never share a key). Both placeholders are 128-bit random values, so no page
 *   content can contain them by accident.
 * - A copy lives COPY_TTL_MS; after that the next request still gets it while one internal render
 *   replaces it, and a copy older than COPY_MAX_AGE_MS is only served while that render runs. /transparansi's figures
 *   and /lapor's lists therefore reach every instance within a minute of a change, with no state
 *   shared between instances.
 */

export const COPY_PATHS = ["/", "/lapor", "/lacak", "/transparansi"] as const;
export type CopyPath = (typeof COPY_PATHS)[number];

/** After this a copy is rebuilt (the stale one is served meanwhile). */
export const COPY_TTL_MS = 30_000;
/** A copy older than this is never served: the request is rendered by Next instead. */
export const COPY_MAX_AGE_MS = 120_000;

/** Request headers by which Next's client router asks for RSC payloads instead of HTML. */
const ROUTER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url"];

/** Response headers a copy does not replay: per-response, per-connection, or set anew here. */
const UNCOPIED_HEADERS = new Set(["content-security-policy", "date", "content-length", "content-encoding", "transfer-encoding", "connection", "keep-alive", "set-cookie"]);

/** The `/lapor` form's hidden idempotency key as React renders it. */
const IDEMPOTENCY_INPUT = /name="idempotencyKey" value="([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"/;

export type CopyRequest = { method?: string; url?: string; headers: Record<string, string | string[] | undefined> };

/** The cookie names and the language cookie's value of a Cookie header. */
export function readCookies(header: string | undefined): { names: string[]; locale: string | undefined } {
  const names: string[] = [];
  let locale: string | undefined;
  for (const pair of (header ?? "").split(";")) {
    const trimmed = pair.trim();
    if (!trimmed) continue;
    const separator = trimmed.indexOf("=");
    const name = separator < 0 ? trimmed : trimmed.slice(0, separator).trim();
    names.push(name);
    if (name === localeCookieName) locale = separator < 0 ? "" : trimmed.slice(separator + 1).trim();
  }
  return { names, locale };
}

/**
 * Which copy may answer this request, or null when Next must render it. Pure: the unit tests
 * hold every rule.
 */
export function chooseCopy(request: CopyRequest): { path: CopyPath; locale: Locale } | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const path = COPY_PATHS.find((candidate) => candidate === request.url);
  if (!path) return null;
  for (const header of ROUTER_HEADERS) if (request.headers[header] !== undefined) return null;
  // A body, or anything that says the request is more than a plain page view.
  if (request.headers["content-type"] !== undefined || request.headers.authorization !== undefined) return null;
  const cookieHeader = request.headers.cookie;
  const { names, locale } = readCookies(Array.isArray(cookieHeader) ? cookieHeader.join("; ") : cookieHeader);
  // Only the language cookie, at most once: any other cookie may change what the page shows.
  if (names.some((name) => name !== localeCookieName) || names.length > 1) return null;
  return { path, locale: isLocale(locale) ? locale : defaultLocale };
}

/** A render split at its per-response values: literal text, then a slot, then text, ... */
export type PageCopy = {
  path: CopyPath;
  locale: Locale;
  literals: string[];
  slots: ("nonce" | "idempotencyKey")[];
  /** The render's headers; a value that held the nonce (the stylesheet's preload `link`) in pieces around it. */
  headers: [string, string[]][];
  builtAt: number;
};

/**
 * Turns one render into a copy, or explains why it cannot be one. `nonce` is the nonce of the
 * render's policy; `html` its body.
 */
export function makeCopy(options: { path: CopyPath; locale: Locale; status: number; headers: [string, string][]; html: string; builtAt: number }): PageCopy | { refused: string } {
  const { path, html } = options;
  if (options.status !== 200) return { refused: `status ${options.status}` };
  const header = (name: string) => options.headers.find(([key]) => key === name)?.[1];
  if (header("set-cookie") !== undefined) return { refused: "the render set a cookie" };
  if (!header("content-type")?.startsWith("text/html")) return { refused: "not HTML" };
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(header("content-security-policy") ?? "")?.[1];
  if (!nonce) return { refused: "no nonce in the render's policy" };
  if (!html.includes(`nonce="${nonce}"`)) return { refused: "the render's scripts carry no nonce" };

  const nonceMarker = `\u0000nonce-${randomBytes(16).toString("hex")}\u0000`;
  const keyMarker = `\u0000key-${randomBytes(16).toString("hex")}\u0000`;
  let marked = html.split(nonce).join(nonceMarker);
  if (path === "/lapor") {
    const key = IDEMPOTENCY_INPUT.exec(html)?.[1];
    if (!key) return { refused: "no idempotency key in the report form" };
    marked = marked.split(key).join(keyMarker);
  }
  const literals: string[] = [];
  const slots: PageCopy["slots"] = [];
  const markerPattern = new RegExp(`${escapeRegExp(nonceMarker)}|${escapeRegExp(keyMarker)}`, "g");
  let last = 0;
  for (const match of marked.matchAll(markerPattern)) {
    literals.push(marked.slice(last, match.index));
    slots.push(match[0] === nonceMarker ? "nonce" : "idempotencyKey");
    last = match.index + match[0].length;
  }
  literals.push(marked.slice(last));
  const headers = options.headers.filter(([name]) => !UNCOPIED_HEADERS.has(name)).map(([name, value]): [string, string[]] => [name, value.split(nonce)]);
  return { path, locale: options.locale, literals, slots, headers, builtAt: options.builtAt };
}

/** One response's body and policy from a copy: a fresh nonce, and on /lapor a fresh idempotency key. */
export function renderCopy(copy: PageCopy): { html: string; values: string[]; headers: [string, string][]; policy: string; nonce: string; idempotencyKey: string | null } {
  const nonce = createNonce();
  const idempotencyKey = copy.slots.includes("idempotencyKey") ? randomUUID() : null;
  const values = copy.slots.map((slot) => (slot === "nonce" ? nonce : idempotencyKey!));
  let html = copy.literals[0]!;
  for (let index = 0; index < values.length; index++) html += values[index]! + copy.literals[index + 1]!;
  const headers = copy.headers.map(([name, pieces]): [string, string] => [name, pieces.join(nonce)]);
  return { html, values, headers, policy: buildPagePolicy({ nonce, isDevelopment: false }), nonce, idempotencyKey };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A copy's gzip body without compressing per response: each literal piece is compressed once (raw
 * deflate ending on a full flush, so it ends on a byte boundary and needs no earlier history), and
 * each response's fresh values (nonce, key: a few dozen ASCII bytes) go between them as stored
 * blocks; the gzip header, a final empty block and the trailer (CRC-32 and length of the whole,
 * computed per response) close the stream. Browsers get the same bytes a gzip of the page would
 * inflate to.
 */
export type GzipPieces = { literals: Buffer[]; literalBytes: Buffer[] };

export function compressPieces(copy: Pick<PageCopy, "literals">): GzipPieces {
  const literalBytes = copy.literals.map((literal) => Buffer.from(literal));
  return { literalBytes, literals: literalBytes.map((bytes) => deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH })) };
}

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL_EMPTY_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);

export function gzipCopy(pieces: GzipPieces, values: string[]): Buffer {
  const parts: Buffer[] = [GZIP_HEADER];
  let crc = 0;
  let length = 0;
  for (let index = 0; index < pieces.literals.length; index++) {
    parts.push(pieces.literals[index]!);
    crc = crc32(pieces.literalBytes[index]!, crc);
    length += pieces.literalBytes[index]!.length;
    const value = values[index];
    if (value === undefined) continue;
    const bytes = Buffer.from(value);
    // A stored block: BFINAL 0, BTYPE 00 (the byte after a full flush is aligned), LEN, NLEN.
    const header = Buffer.from([0x00, bytes.length & 0xff, bytes.length >> 8, ~bytes.length & 0xff, (~bytes.length >> 8) & 0xff]);
    parts.push(header, bytes);
    crc = crc32(bytes, crc);
    length += bytes.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length >>> 0, 4);
  parts.push(FINAL_EMPTY_BLOCK, trailer);
  return Buffer.concat(parts);
}

/** Header a build request carries so that the front layer passes it to Next, with a per-process secret. */
export const COPY_BUILD_HEADER = "x-lapor-copy-build";

/**
 * The copies of one server process: served from memory, rebuilt by an internal request to the
 * same server (`origin`) when they age, one rebuild per copy at a time.
 */
export class PublicPageCopies {
  private readonly copies = new Map<string, PageCopy & { gzip: GzipPieces }>();
  private readonly building = new Map<string, Promise<void>>();
  private readonly buildToken = randomBytes(16).toString("hex");

  constructor(
    private readonly origin: string,
    private readonly options: { ttlMs?: number; maxAgeMs?: number; now?: () => number; log?: (message: string) => void } = {},
  ) {}

  /** True for this process's own build requests: they must reach Next. */
  isBuildRequest(request: IncomingMessage): boolean {
    return request.headers[COPY_BUILD_HEADER] === this.buildToken;
  }

  /** Builds every copy now (at start, so the first visitors already get them). */
  async warm(): Promise<void> {
    await Promise.all(COPY_PATHS.flatMap((path) => locales.map((locale) => this.rebuild(path, locale))));
  }

  /**
   * Answers the request from a copy and returns true, or returns false for Next to answer it
   * (and starts building the copy it lacked).
   */
  serve(request: IncomingMessage, response: ServerResponse): boolean {
    if (this.isBuildRequest(request)) return false;
    const chosen = chooseCopy(request);
    if (!chosen) return false;
    const key = `${chosen.locale} ${chosen.path}`;
    const copy = this.copies.get(key);
    const now = (this.options.now ?? Date.now)();
    const age = copy ? now - copy.builtAt : Infinity;
    if (age > (this.options.ttlMs ?? COPY_TTL_MS)) void this.rebuild(chosen.path, chosen.locale);
    // An old copy still answers while its replacement is being rendered (a server under load renders
    // slowly; sending everyone to Next meanwhile would only slow that render down further), but not
    // once the replacement has failed.
    if (!copy || (age > (this.options.maxAgeMs ?? COPY_MAX_AGE_MS) && !this.building.has(key))) return false;

    const { html, values, headers, policy } = renderCopy(copy);
    for (const [name, value] of headers) response.setHeader(name, value);
    response.setHeader("content-security-policy", policy);
    response.setHeader("x-page-copy", "hit");
    // As Next would: compressed for the clients that ask for it (browsers do), from the pieces compressed once.
    const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
    if (acceptsGzip) response.setHeader("content-encoding", "gzip");
    // The body depends on Accept-Encoding whether or not Next's render said so: shared caches must know.
    const vary = String(response.getHeader("vary") ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) response.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    const body = acceptsGzip ? gzipCopy(copy.gzip, values) : Buffer.from(html);
    response.setHeader("content-length", body.length);
    response.end(request.method === "HEAD" ? undefined : body);
    return true;
  }

  private rebuild(path: CopyPath, locale: Locale): Promise<void> {
    const key = `${locale} ${path}`;
    const running = this.building.get(key);
    if (running) return running;
    const build = this.fetchCopy(path, locale)
      .then((result) => {
        if ("refused" in result) {
          this.copies.delete(key);
          this.options.log?.(`public page copy ${locale} ${path} not made: ${result.refused}`);
        } else {
          this.copies.set(key, { ...result, gzip: compressPieces(result) });
        }
      })
      .catch((error: unknown) => this.options.log?.(`public page copy ${locale} ${path} not made: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => this.building.delete(key));
    this.building.set(key, build);
    return build;
  }

  private async fetchCopy(path: CopyPath, locale: Locale): Promise<PageCopy | { refused: string }> {
    const builtAt = (this.options.now ?? Date.now)();
    const response = await fetch(`${this.origin}${path}`, {
      // Only the language: nothing of any visitor.
      headers: { cookie: `${localeCookieName}=${locale}`, [COPY_BUILD_HEADER]: this.buildToken, "accept-encoding": "identity" },
      redirect: "manual",
      signal: AbortSignal.timeout(60_000),
    });
    const html = await response.text();
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => headers.push([name, value]));
    if (response.headers.getSetCookie().length > 0) headers.push(["set-cookie", "(set)"]);
    return makeCopy({ path, locale, status: response.status, headers, html, builtAt });
  }
}
