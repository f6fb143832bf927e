import { describe, expect, it } from "vitest";

import { buildApiPolicy, buildBodyRequestPolicy, buildFixedHeaders, buildPagePolicy, createNonce, isNoStorePath } from "@/lib/security/headers";

/** The policy as a map from directive to its sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const directive of policy.split(";")) {
    const [name, ...sources] = directive.trim().split(/\s+/);
    if (!name) continue;
    expect(directives.has(name), `directive ${name} appears twice`).toBe(false);
    directives.set(name, sources);
  }
  return directives;
}

const NONCE = "c2VjdXJpdHktaGVhZGVycw==";

describe("the page Content-Security-Policy", () => {
  const production = parsePolicy(buildPagePolicy({ nonce: NONCE, isDevelopment: false }));

  it("lets only scripts with this response's nonce run, and none inline or evaluated", () => {
    const scripts = production.get("script-src")!;
    expect(scripts).toContain(`'nonce-${NONCE}'`);
    expect(scripts).toContain("'strict-dynamic'");
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
  });

  it("needs the nonce for <style> elements and allows inline style attributes only", () => {
    expect(production.get("style-src")).toEqual(["'self'", `'nonce-${NONCE}'`]);
    expect(production.get("style-src-attr")).toEqual(["'unsafe-inline'"]);
  });

  it("forbids framing, plugins, <base> and forms to other sites", () => {
    expect(production.get("frame-ancestors")).toEqual(["'none'"]);
    expect(production.get("object-src")).toEqual(["'none'"]);
    expect(production.get("base-uri")).toEqual(["'none'"]);
    expect(production.get("form-action")).toEqual(["'self'"]);
    expect(production.get("default-src")).toEqual(["'self'"]);
  });

  it("allows eval and inline styles in development only, where next dev needs them", () => {
    const development = parsePolicy(buildPagePolicy({ nonce: NONCE, isDevelopment: true }));
    expect(development.get("script-src")).toContain("'unsafe-eval'");
    expect(development.get("script-src")).not.toContain("'unsafe-inline'");
    expect(development.get("style-src")).toContain("'unsafe-inline'");
  });
});

describe("the other policies", () => {
  it("lets an API response load nothing and be framed by no one", () => {
    const api = parsePolicy(buildApiPolicy());
    expect(api.get("default-src")).toEqual(["'none'"]);
    expect(api.get("frame-ancestors")).toEqual(["'none'"]);
    expect(api.get("form-action")).toEqual(["'none'"]);
  });

  it("keeps the nonce-free protections on a page answering a posted form", () => {
    const body = parsePolicy(buildBodyRequestPolicy());
    expect(body.get("frame-ancestors")).toEqual(["'none'"]);
    expect(body.get("object-src")).toEqual(["'none'"]);
    expect(body.get("base-uri")).toEqual(["'none'"]);
    expect(body.get("form-action")).toEqual(["'self'"]);
  });
});

describe("the fixed headers", () => {
  const asMap = (isProduction: boolean) => new Map(buildFixedHeaders({ isProduction }).map(({ key, value }) => [key, value]));

  it("forbid sniffing and framing, send no referrer and deny device features", () => {
    const headers = asMap(true);
    expect(headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(headers.get("Referrer-Policy")).toBe("same-origin");
    expect(headers.get("X-Frame-Options")).toBe("DENY");
    for (const feature of ["camera", "microphone", "geolocation", "payment"]) {
      expect(headers.get("Permissions-Policy")).toContain(`${feature}=()`);
    }
  });

  it("include HSTS for two years in production only", () => {
    expect(asMap(true).get("Strict-Transport-Security")).toBe("max-age=63072000; includeSubDomains");
    expect(asMap(false).has("Strict-Transport-Security")).toBe(false);
  });
});

describe("no-store pages", () => {
  it.each(["/dasbor", "/dasbor/kasus/abc", "/masuk", "/atur-sandi", "/lacak"])("%s is not stored", (path) => {
    expect(isNoStorePath(path)).toBe(true);
  });

  it.each(["/", "/lapor", "/transparansi", "/dasbordx", "/lacakan"])("%s may be stored", (path) => {
    expect(isNoStorePath(path)).toBe(false);
  });
});

describe("the nonce", () => {
  it("is 128 random bits in base64, different every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
