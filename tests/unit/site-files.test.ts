import { describe, expect, it } from "vitest";

import manifest from "@/app/manifest";
import robots from "@/app/robots";
import { parseEnvironment } from "@/lib/env";
import { buildSecurityTxt, originOfRequest } from "@/lib/security/security-txt";

describe("security.txt (RFC 9116)", () => {
  const now = new Date("2026-12-07T18:00:00Z");
  const fields = (text: string) => text.trim().split("\n").map((line) => line.split(": ", 2) as [string, string]);

  it("names the configured contacts, an expiry under a year ahead, the languages and its canonical address", () => {
    const text = buildSecurityTxt({ contacts: ["mailto:csirt@example.go.id", "https://example.go.id/vdp"], origin: "https://lapor.example.go.id", now });
    expect(fields(text)).toEqual([
      ["Contact", "mailto:csirt@example.go.id"],
      ["Contact", "https://example.go.id/vdp"],
      ["Expires", "2027-06-05T00:00:00Z"],
      ["Preferred-Languages", "id, en"],
      ["Canonical", "https://lapor.example.go.id/.well-known/security.txt"],
    ]);
    const expires = Date.parse(fields(text)[2]![1]);
    expect(expires - now.getTime()).toBeLessThan(365 * 24 * 60 * 60 * 1000);
  });

  it("falls back to the RFC 2142 security mailbox of the site's host", () => {
    expect(buildSecurityTxt({ contacts: [], origin: "https://lapor.example.go.id:8443", now })).toContain("Contact: mailto:security@lapor.example.go.id\n");
  });

  it("reads SECURITY_CONTACT as comma-separated mailto: or https: addresses and refuses anything else", () => {
    const base = { APP_SECRET: "x".repeat(40), DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres" };
    expect(parseEnvironment({ ...base, SECURITY_CONTACT: " mailto:a@b.id , https://b.id/lapor-kerentanan " }).SECURITY_CONTACT).toEqual(["mailto:a@b.id", "https://b.id/lapor-kerentanan"]);
    expect(parseEnvironment(base).SECURITY_CONTACT).toEqual([]);
    expect(() => parseEnvironment({ ...base, SECURITY_CONTACT: "http://insecure.example" })).toThrow(/SECURITY_CONTACT/);
  });
});

describe("the origin security.txt names as canonical", () => {
  const internal = "http://localhost:3000/.well-known/security.txt";

  it("is the one the visitor reached, through a proxy or not, not the server's internal name", () => {
    expect(originOfRequest(new Headers({ host: "127.0.0.1:46193" }), internal, { trustForwarded: false })).toBe("http://127.0.0.1:46193");
    expect(originOfRequest(new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "lapor.example.go.id", "x-forwarded-proto": "https" }), internal, { trustForwarded: true })).toBe("https://lapor.example.go.id");
  });

  it("ignores forwarded headers a client sends when no trusted proxy is in front (TRUST_PROXY)", () => {
    expect(originOfRequest(new Headers({ host: "lapor.example.go.id", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }), internal, { trustForwarded: false })).toBe("http://lapor.example.go.id");
  });

  it("falls back to the server's own address when the Host is not a host", () => {
    expect(originOfRequest(new Headers({ host: "evil.example/path?x" }), internal, { trustForwarded: false })).toBe("http://localhost:3000");
    expect(originOfRequest(new Headers({ host: "lapor.example.go.id", "x-forwarded-proto": "gopher" }), internal, { trustForwarded: true })).toBe("http://localhost:3000");
  });
});

describe("robots.txt", () => {
  it("keeps crawlers off the staff pages, the tracking page and the receipt, and lets them read the public pages", () => {
    const rules = robots().rules;
    const rule = Array.isArray(rules) ? rules[0]! : rules;
    expect(rule.allow).toBe("/");
    expect(rule.disallow).toEqual(expect.arrayContaining(["/dasbor", "/masuk", "/atur-sandi", "/lacak", "/lapor/tanda-terima"]));
  });
});

describe("the web app manifest", () => {
  it("opens the tracking page from a phone's home screen, with the brand's colours and icons in the sizes phones need", () => {
    const app = manifest();
    expect(app.start_url).toBe("/lacak");
    expect(app.name).toBe("Lapor Imigrasi");
    expect(app.display).toBe("standalone");
    expect(app.theme_color).toMatch(/^#[0-9a-f]{6}$/);
    expect(app.icons?.map((icon) => `${icon.sizes} ${icon.purpose}`)).toEqual(["192x192 any", "512x512 any", "512x512 maskable"]);
  });
});

describe("the icon files", () => {
  it("exist in the sizes the manifest and Apple's touch icon name, and stay small", async () => {
    const { default: sharp } = await import("sharp");
    const { statSync } = await import("node:fs");
    for (const icon of manifest().icons ?? []) {
      const file = `public${icon.src}`;
      const { width, height } = await sharp(file).metadata();
      expect(`${width}x${height}`, file).toBe(icon.sizes);
      expect(statSync(file).size, file).toBeLessThan(20_000);
    }
    expect((await sharp("app/apple-icon.png").metadata()).width).toBe(180);
    expect(statSync("public/favicon.ico").size).toBeLessThan(5_000);
  });
});
