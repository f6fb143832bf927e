import { describe, expect, it } from "vitest";

import { checkEnvironment, describeEnvironmentProblems } from "@/lib/env";

const VALID = {
  NODE_ENV: "production",
  DATABASE_URL: "postgresql://lapor:s3cret-password@db.internal:5432/lapor",
  APP_SECRET: "a-long-random-secret-of-at-least-32-characters",
  TRUST_PROXY: "false",
};

function problemsOf(overrides: Record<string, string | undefined>): string[] {
  const checked = checkEnvironment({ ...VALID, ...overrides });
  return checked.ok ? [] : checked.problems;
}

describe("PUBLIC_BASE_URL", () => {
  it.each([
    ["https://lapor.imigrasi.go.id", "https://lapor.imigrasi.go.id"],
    ["https://lapor.imigrasi.go.id/", "https://lapor.imigrasi.go.id"],
    [" http://localhost:3000 ", "http://localhost:3000"],
    ["HTTPS://Lapor.Imigrasi.go.id", "https://lapor.imigrasi.go.id"],
  ])("takes %j as the origin %j", (given, origin) => {
    const checked = checkEnvironment({ ...VALID, PUBLIC_BASE_URL: given });
    expect(checked.ok && checked.environment.PUBLIC_BASE_URL).toBe(origin);
  });

  it("is optional", () => {
    const checked = checkEnvironment(VALID);
    expect(checked.ok && checked.environment.PUBLIC_BASE_URL).toBeNull();
  });

  it.each(["lapor.imigrasi.go.id", "ftp://lapor.imigrasi.go.id", "https://lapor.imigrasi.go.id/lacak", "https://lapor.imigrasi.go.id/?a=1", "https://user:pw@lapor.imigrasi.go.id", "javascript:alert(1)"])(
    "refuses %j with the reason",
    (given) => {
      expect(problemsOf({ PUBLIC_BASE_URL: given })).toEqual([`PUBLIC_BASE_URL: expected an http(s) address without a path, e.g. https://lapor.imigrasi.go.id (got "${given}")`]);
    },
  );
});

describe("checkEnvironment", () => {
  it("accepts a complete production environment and fills in the defaults", () => {
    const checked = checkEnvironment(VALID);
    expect(checked.ok).toBe(true);
    if (checked.ok) {
      expect(checked.environment.DATABASE_POOL_MAX).toBe(10);
      expect(checked.environment.JOB_WORKERS).toBe("on");
    }
  });

  it.each([
    ["DATABASE_URL", undefined, "DATABASE_URL is not set"],
    ["DATABASE_URL", "mysql://root@localhost/lapor", "DATABASE_URL: must be a PostgreSQL connection string"],
    ["DATABASE_URL", "not a url", "DATABASE_URL: must be a PostgreSQL connection string"],
    ["APP_SECRET", undefined, "APP_SECRET is not set"],
    ["APP_SECRET", "short", "APP_SECRET: must be at least 32 characters long"],
    ["AUTH_SECRET", "short", "AUTH_SECRET: must be at least 32 characters long"],
    ["DATABASE_READ_URL", "replica", "DATABASE_READ_URL: must be a PostgreSQL connection string"],
    ["DATABASE_POOL_MAX", "abc", 'DATABASE_POOL_MAX: must be a whole number from 1 to 100 (got "abc")'],
    ["DATABASE_POOL_MAX", "0", "DATABASE_POOL_MAX: must be a whole number from 1 to 100"],
    ["RATE_LIMIT_FILINGS_PER_HOUR", "2.5", "RATE_LIMIT_FILINGS_PER_HOUR: must be a whole number"],
    ["JOB_WORKERS", "no", 'JOB_WORKERS: expected "on" or "off" (got "no")'],
    ["APP_CLOCK_OFFSET", "ten days", "APP_CLOCK_OFFSET: expected a whole number with a unit"],
    ["APP_CLOCK_OFFSET", "15d", "APP_CLOCK_OFFSET: moves the clock for tests and must not be set in production"],
    ["NODE_ENV", "prod", 'NODE_ENV: expected "production", "development" or "test"'],
    ["TRUST_PROXY", undefined, 'TRUST_PROXY is not set: set "false" when clients reach the app directly'],
    ["TRUST_PROXY", "maybe", 'TRUST_PROXY: expected "true", "false" or a number of proxies'],
  ])("refuses %s=%s with a message that names it", (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems.some((problem) => problem.startsWith(message))).toBe(true);
  });

  it("lists every problem at once", () => {
    expect(problemsOf({ APP_SECRET: "short", DATABASE_POOL_MAX: "many", STATS_MIN_CASES: "-1" })).toHaveLength(3);
  });

  it("never repeats a secret or a connection string's password", () => {
    const problems = problemsOf({
      APP_SECRET: "tiny-secret",
      AUTH_SECRET: "other-tiny-secret",
      DATABASE_URL: "mysql://root:hunter2@localhost/lapor",
      DATABASE_READ_URL: "mysql://root:hunter3@replica/lapor",
    });
    expect(problems).toHaveLength(4);
    const text = describeEnvironmentProblems(problems);
    for (const secret of ["tiny-secret", "other-tiny-secret", "hunter2", "hunter3"]) expect(text).not.toContain(secret);
    expect(text).toContain("README.md");
  });
});
