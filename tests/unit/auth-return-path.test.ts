import { describe, expect, it } from "vitest";

import { toDashboardReturnPath } from "@/lib/auth/return-path";
import { hasSessionCookie } from "@/lib/auth/session-cookie";

describe("the return path after signing in", () => {
  it.each(["/dasbor", "/dasbor/akun", "/dasbor/kasus/LI-7K3M-9QX2?tab=notes", "/dasbor?status=NEW&page=2"])("keeps the dashboard path %s", (path) => {
    expect(toDashboardReturnPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example/dasbor",
    "//evil.example/dasbor",
    "/\\evil.example/dasbor",
    "/.//evil.example",
    "/dasbor/../lacak",
    "/dasbor/..%2f..%2flacak",
    "/dasborpalsu",
    "/masuk",
    "/",
    "javascript:alert(1)",
    "",
  ])("sends %j to the dashboard instead", (candidate) => {
    const result = toDashboardReturnPath(candidate);
    expect(result === "/dasbor" || result.startsWith("/dasbor/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
  });

  it("ignores anything that is not a string", () => {
    expect(toDashboardReturnPath(["/dasbor/akun"])).toBe("/dasbor");
    expect(toDashboardReturnPath(null)).toBe("/dasbor");
  });
});

describe("the proxy's cookie presence check", () => {
  it("sees Auth.js's session cookie, over HTTP or HTTPS, whole or in chunks", () => {
    expect(hasSessionCookie(["NEXT_LOCALE", "authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["__Secure-authjs.session-token"])).toBe(true);
    expect(hasSessionCookie(["authjs.session-token.0", "authjs.session-token.1"])).toBe(true);
  });

  it("sees no session in other cookies", () => {
    expect(hasSessionCookie([])).toBe(false);
    expect(hasSessionCookie(["NEXT_LOCALE", "authjs.csrf-token", "lapor-sign-in-challenge", "authjs.session-tokenx"])).toBe(false);
  });
});
