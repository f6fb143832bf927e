import { describe, expect, it } from "vitest";

import { isForwardedHttps } from "@/lib/auth/forwarded-https";

const withProto = (value?: string) => new Headers(value === undefined ? {} : { "x-forwarded-proto": value });

describe("isForwardedHttps (Secure flag of the sign-in challenge and recovery-code display cookies)", () => {
  it("ignores X-Forwarded-Proto without a trusted proxy: a direct client could send it", () => {
    expect(isForwardedHttps(withProto("https"), 0)).toBe(false);
  });

  it("believes the first proxy's protocol behind a trusted proxy", () => {
    expect(isForwardedHttps(withProto("https"), 1)).toBe(true);
    expect(isForwardedHttps(withProto("HTTPS, http"), 2)).toBe(true);
    expect(isForwardedHttps(withProto("http"), 1)).toBe(false);
    expect(isForwardedHttps(withProto(), 1)).toBe(false);
  });
});
