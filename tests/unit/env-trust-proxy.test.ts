import { describe, expect, it } from "vitest";

import { parseEnvironment } from "@/lib/env";

const base = { DATABASE_URL: "postgresql://postgres@127.0.0.1:5432/postgres", APP_SECRET: "a".repeat(40) };

describe("TRUST_PROXY", () => {
  it("must be decided in production: unset, the server refuses to start and says what to set", () => {
    expect(() => parseEnvironment({ ...base, NODE_ENV: "production" })).toThrow(
      'TRUST_PROXY is not set: set "false" when clients reach the app directly, "true" or a number of proxies when behind a reverse proxy',
    );
    expect(() => parseEnvironment({ ...base, NODE_ENV: "production", TRUST_PROXY: " " })).toThrow(/TRUST_PROXY: set "false"/);
  });

  it("takes an explicit decision in production", () => {
    expect(parseEnvironment({ ...base, NODE_ENV: "production", PUBLIC_BASE_URL: "https://lapor.example.id", TRUST_PROXY: "false" }).TRUST_PROXY).toBe(0);
    expect(parseEnvironment({ ...base, NODE_ENV: "production", PUBLIC_BASE_URL: "https://lapor.example.id", TRUST_PROXY: "true" }).TRUST_PROXY).toBe(1);
    expect(parseEnvironment({ ...base, NODE_ENV: "production", PUBLIC_BASE_URL: "https://lapor.example.id", TRUST_PROXY: "2" }).TRUST_PROXY).toBe(2);
  });

  it("means no proxy when unset outside production", () => {
    expect(parseEnvironment({ ...base, NODE_ENV: "development" }).TRUST_PROXY).toBe(0);
    expect(parseEnvironment({ ...base, NODE_ENV: "test" }).TRUST_PROXY).toBe(0);
  });

  it("refuses a value that is neither a boolean nor a number of proxies", () => {
    expect(() => parseEnvironment({ ...base, TRUST_PROXY: "yes" })).toThrow(/TRUST_PROXY: expected "true", "false" or a number of proxies/);
  });
});
