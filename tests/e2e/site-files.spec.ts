import { expect, test } from "./_setup/fixtures";

/**
 * The files a browser, a phone or a crawler asks the site for besides its pages: the icons, the
 * web app manifest (the tracking page on a home screen), robots.txt and security.txt. Each is
 * served by the production server, through the proxy and under the strict policy.
 */

const FILES = [
  { path: "/favicon.ico", type: /^image\/(x-icon|vnd\.microsoft\.icon)/ },
  { path: "/icon.svg", type: /^image\/svg\+xml/ },
  { path: "/apple-icon.png", type: /^image\/png/ },
  { path: "/icons/icon-192.png", type: /^image\/png/ },
  { path: "/icons/icon-512.png", type: /^image\/png/ },
  { path: "/icons/icon-maskable-512.png", type: /^image\/png/ },
  { path: "/manifest.webmanifest", type: /^application\/manifest\+json/ },
  { path: "/robots.txt", type: /^text\/plain/ },
  { path: "/.well-known/security.txt", type: /^text\/plain/ },
];

test("serves the icons, the manifest, robots.txt and security.txt", async ({ request }) => {
  for (const file of FILES) {
    const response = await request.get(file.path, { maxRedirects: 0 });
    expect(response.status(), file.path).toBe(200);
    expect(response.headers()["content-type"], file.path).toMatch(file.type);
    expect(response.headers()["x-content-type-options"], file.path).toBe("nosniff");
  }
});

test("robots.txt keeps crawlers off the staff pages, the tracking page and the receipt", async ({ request }) => {
  const robots = await (await request.get("/robots.txt")).text();
  for (const path of ["/dasbor", "/masuk", "/atur-sandi", "/lacak", "/lapor/tanda-terima"]) expect(robots).toContain(`Disallow: ${path}\n`);
  expect(robots).toContain("Allow: /\n");
});

test("security.txt names a contact, an expiry, the languages and its canonical address (RFC 9116)", async ({ request, baseURL }) => {
  const text = await (await request.get("/.well-known/security.txt")).text();
  expect(text).toMatch(/^Contact: (mailto:|https:)\S+$/m);
  const expires = Date.parse(/^Expires: (\S+)$/m.exec(text)![1]!);
  expect(expires).toBeGreaterThan(Date.now());
  expect(expires).toBeLessThan(Date.now() + 366 * 24 * 60 * 60 * 1000);
  expect(text).toMatch(/^Preferred-Languages: id, en$/m);
  expect(text).toContain(`Canonical: ${new URL(baseURL!).origin}/.well-known/security.txt`);
});

test("a page links the manifest and icons, and the browser loads them under the page's policy", async ({ page, consoleErrors }) => {
  const response = await page.goto("/lacak");
  expect(response?.headers()["content-security-policy"]).toContain("manifest-src 'self'");
  const manifestHref = await page.locator('link[rel="manifest"]').getAttribute("href");
  expect(manifestHref).toBe("/manifest.webmanifest");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveAttribute("href", /\/apple-icon\.png/);
  await expect(page.locator('link[rel="icon"][type="image/svg+xml"]')).toHaveCount(1);

  // Fetched from the page itself, as the browser does to offer "add to home screen".
  const manifest = await page.evaluate(async (href) => (await fetch(href)).json(), manifestHref!);
  expect(manifest).toMatchObject({ start_url: "/lacak", display: "standalone", name: "Lapor Imigrasi" });
  for (const icon of manifest.icons as { src: string }[]) {
    expect(await page.evaluate(async (src) => (await fetch(src)).status, icon.src), icon.src).toBe(200);
  }
  expect(consoleErrors).toEqual([]);
});
