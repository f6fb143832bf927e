import { expect, test } from "./_setup/fixtures";

/**
 * CVE-2025-29927 and its kind: a request that claims to be the proxy's own subrequest must not
 * skip the sign-in check. Whether or not the proxy runs, the page checks the session itself.
 */
const SUBREQUEST_HEADERS = [
  "middleware:middleware:middleware:middleware:middleware",
  "src/middleware:src/middleware:src/middleware:src/middleware:src/middleware",
  "proxy:proxy:proxy:proxy:proxy",
  "src/proxy:src/proxy:src/proxy:src/proxy:src/proxy",
  "middleware",
  "proxy",
];

const SIGNED_OUT_DESTINATION = /^\/masuk(\?|$)/;

for (const value of SUBREQUEST_HEADERS) {
  test(`/dasbor with x-middleware-subrequest "${value}" and no session gets the sign-in page`, async ({ request }) => {
    for (const path of ["/dasbor", "/dasbor/akun"]) {
      const direct = await request.get(path, { headers: { "x-middleware-subrequest": value }, maxRedirects: 0 });
      expect(direct.status(), path).toBe(307);
      expect(new URL(direct.headers()["location"]!, "http://x").pathname).toBe("/masuk");

      const followed = await request.get(path, { headers: { "x-middleware-subrequest": value } });
      expect(new URL(followed.url()).pathname).toMatch(SIGNED_OUT_DESTINATION);
      const html = await followed.text();
      expect(html).toContain('name="password"');
      expect(html).not.toContain("Keamanan akun</h1>");
    }
  });
}

test("a forged session cookie passes the proxy's presence check, and the page still sends the request to sign in", async ({ request }) => {
  const response = await request.get("/dasbor/akun", {
    headers: { cookie: "authjs.session-token=forged", "x-middleware-subrequest": SUBREQUEST_HEADERS[0]! },
  });
  expect(new URL(response.url()).pathname).toBe("/masuk");
  expect(await response.text()).toContain('name="password"');
});

test("the React Server Components payload of /dasbor is not served without a session", async ({ request }) => {
  const response = await request.get("/dasbor", {
    headers: { RSC: "1", "x-middleware-subrequest": SUBREQUEST_HEADERS[0]! },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(307);
});

test("Auth.js's own sign-in endpoint accepts no password", async ({ request }) => {
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: "petugas.bekasi@demo.lapor-imigrasi.id", password: "Demo-Lapor-2026" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(405);
  expect(response.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token");
});
