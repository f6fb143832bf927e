import { describe, expect, it } from "vitest";

import { gunzipSync } from "node:zlib";

import { chooseCopy, compressPieces, gzipCopy, makeCopy, renderCopy, type PageCopy } from "../../scripts/lib/public-copies";

const plain = { method: "GET", url: "/lapor", headers: {} };

describe("which request a public page copy may answer", () => {
  it("answers a plain GET or HEAD of the four pages, in the language of the cookie", () => {
    for (const url of ["/", "/lapor", "/lacak", "/transparansi"]) expect(chooseCopy({ ...plain, url })).toEqual({ path: url, locale: "id" });
    expect(chooseCopy({ ...plain, method: "HEAD" })).toEqual({ path: "/lapor", locale: "id" });
    expect(chooseCopy({ ...plain, headers: { cookie: "NEXT_LOCALE=en" } })).toEqual({ path: "/lapor", locale: "en" });
    // An unknown language falls back to Indonesian, as i18n/request.ts does.
    expect(chooseCopy({ ...plain, headers: { cookie: "NEXT_LOCALE=fr" } })).toEqual({ path: "/lapor", locale: "id" });
  });

  it("never answers a request with any other cookie: a staff session, a tracking session, a kept receipt, anything", () => {
    for (const cookie of [
      "authjs.session-token=abc",
      "__Secure-authjs.session-token.0=abc",
      "lacak=signed",
      "tanda-terima=sealed",
      "NEXT_LOCALE=en; lacak=signed",
      "lacak=signed; NEXT_LOCALE=en",
      "something-else=1",
      "NEXT_LOCALE=en; NEXT_LOCALE=id",
    ]) {
      expect(chooseCopy({ ...plain, headers: { cookie } }), cookie).toBeNull();
      expect(chooseCopy({ ...plain, url: "/lacak", headers: { cookie } }), cookie).toBeNull();
    }
  });

  it("never answers other methods, other paths, query strings, or the client router's requests", () => {
    expect(chooseCopy({ ...plain, method: "POST" })).toBeNull();
    expect(chooseCopy({ ...plain, url: "/lapor/tanda-terima" })).toBeNull();
    expect(chooseCopy({ ...plain, url: "/lapor/" })).toBeNull();
    expect(chooseCopy({ ...plain, url: "/dasbor" })).toBeNull();
    expect(chooseCopy({ ...plain, url: "/transparansi?q=jakarta" })).toBeNull();
    expect(chooseCopy({ ...plain, url: "/lacak?kode=ABC" })).toBeNull();
    expect(chooseCopy({ ...plain, headers: { rsc: "1" } })).toBeNull();
    expect(chooseCopy({ ...plain, headers: { "next-router-prefetch": "1" } })).toBeNull();
    expect(chooseCopy({ ...plain, headers: { "next-action": "abc" } })).toBeNull();
    expect(chooseCopy({ ...plain, headers: { "content-type": "multipart/form-data" } })).toBeNull();
  });
});

const NONCE = "QUJDREVGR0hJSktMTU5PUA==";
const KEY = "0b9c7a4e-7f7e-4c1e-9a55-3f7d1a2b3c4d";
const render = (html: string, headers: [string, string][] = []) => ({
  locale: "id" as const,
  status: 200,
  builtAt: 0,
  headers: [["content-type", "text/html; charset=utf-8"], ["content-security-policy", `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'`], ["x-frame-options", "DENY"], ...headers] as [string, string][],
  html,
});
const reportForm = `<script nonce="${NONCE}">a</script><input type="hidden" name="idempotencyKey" value="${KEY}"/><script nonce="${NONCE}">self.__next_f.push([1,"{\\"idempotencyKey\\":\\"${KEY}\\"}"])</script>`;

describe("a copy of a render", () => {
  it("mints a fresh nonce and a fresh idempotency key for every response, in every place the render had them", () => {
    const copy = makeCopy({ ...render(reportForm), path: "/lapor" }) as PageCopy;
    expect(copy.slots).toEqual(["nonce", "idempotencyKey", "nonce", "idempotencyKey"]);
    const first = renderCopy(copy);
    const second = renderCopy(copy);
    for (const served of [first, second]) {
      expect(served.html).not.toContain(NONCE);
      expect(served.html).not.toContain(KEY);
      expect(served.html.split(`nonce="${served.nonce}"`)).toHaveLength(3);
      expect(served.html.split(served.idempotencyKey!)).toHaveLength(3);
      expect(served.policy).toContain(`'nonce-${served.nonce}'`);
      expect(served.policy).toContain("'strict-dynamic'");
    }
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.idempotencyKey).not.toBe(second.idempotencyKey);
  });

  it("keeps the render's other headers, with the fresh nonce where they held the render's, never its policy or a cookie", () => {
    const preload = `</_next/static/chunks/a.css>; rel=preload; as="style"; nonce="${NONCE}"`;
    const copy = makeCopy({ ...render(reportForm, [["link", preload]]), path: "/lapor" }) as PageCopy;
    const served = renderCopy(copy);
    expect(served.headers).toContainEqual(["x-frame-options", "DENY"]);
    expect(served.headers).toContainEqual(["link", preload.replace(NONCE, served.nonce)]);
    expect(served.headers.map(([name]) => name)).not.toContain("content-security-policy");
  });

  it("is refused when the render set a cookie, failed, has no nonce, or the form no key", () => {
    expect(makeCopy({ ...render(reportForm, [["set-cookie", "x=1"]]), path: "/lapor" })).toEqual({ refused: "the render set a cookie" });
    expect(makeCopy({ ...render(reportForm), status: 500, path: "/lapor" })).toHaveProperty("refused");
    expect(makeCopy({ ...render("<p>no scripts</p>"), path: "/" })).toHaveProperty("refused");
    expect(makeCopy({ ...render(`<script nonce="${NONCE}">a</script>`), path: "/lapor" })).toEqual({ refused: "no idempotency key in the report form" });
  });

  it("gzips each response from pieces compressed once: it inflates to exactly that response's page", () => {
    const longPage = `${reportForm}<p>${"Laporan pungli di kantor imigrasi — é ✓ ".repeat(5000)}</p><script nonce="${NONCE}">b</script>`;
    const copy = makeCopy({ ...render(longPage), path: "/lapor" }) as PageCopy;
    const pieces = compressPieces(copy);
    for (let round = 0; round < 2; round++) {
      const served = renderCopy(copy);
      const body = gzipCopy(pieces, served.values);
      expect(gunzipSync(body).toString()).toBe(served.html);
      expect(body.length).toBeLessThan(Buffer.byteLength(served.html) / 10);
    }
    // A page without any slot after its last piece, and an empty one.
    const plainCopy = makeCopy({ ...render(`<script nonce="${NONCE}">a</script>`), path: "/" }) as PageCopy;
    const served = renderCopy(plainCopy);
    expect(gunzipSync(gzipCopy(compressPieces(plainCopy), served.values)).toString()).toBe(served.html);
  });
});
