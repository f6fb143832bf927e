import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { fileURLToPath } from "node:url";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { verifySecret } from "@/lib/security/secret-hash";

/**
 * `npm run admin:create` as an operator runs it on a fresh production database: the real script
 * in a child process, the password on standard input, against this file's own database.
 */

const PROJECT_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const PASSWORD = `Rahasia-Bootstrap-${randomBytes(6).toString("hex")}`;

type Run = { code: number | null; stdout: string; stderr: string };

function runAdminCreate(args: string[], stdin: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/admin-create.ts", ...args], {
      cwd: PROJECT_ROOT,
      // Only what an operator would set: the database and the app's secret (it keys the audit trail).
      env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: process.env.DATABASE_URL, APP_SECRET: process.env.APP_SECRET },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

afterAll(async () => {
  await db.$disconnect();
});

describe("npm run admin:create", { timeout: 300_000 }, () => {
  const email = `kepala.${randomBytes(4).toString("hex")}@imigrasi.go.id`;

  it("creates a national admin with the password from stdin, without TOTP, and audits it as SYSTEM", async () => {
    const run = await runAdminCreate(["--email", email.toUpperCase(), "--name", "Ibu Kepala Direktorat"], `${PASSWORD}\n`);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Created admin ${email}`);

    const admin = await db.staffUser.findUniqueOrThrow({
      where: { email },
      select: { id: true, name: true, role: true, scopeLevel: true, officeId: true, regionalOfficeId: true, isActive: true, totpEnabledAt: true, passwordHash: true },
    });
    expect(admin).toMatchObject({ name: "Ibu Kepala Direktorat", role: "ADMIN", scopeLevel: "NATIONAL", officeId: null, regionalOfficeId: null, isActive: true, totpEnabledAt: null });
    expect(await verifySecret(admin.passwordHash!, PASSWORD)).toBe(true);

    const events = await db.caseEvent.findMany({ where: { action: "STAFF_ACCOUNT_CREATED" }, select: { actorKind: true, actorId: true, after: true } });
    expect(events).toEqual([{ actorKind: "SYSTEM", actorId: null, after: expect.objectContaining({ staffUserId: admin.id, email, role: "ADMIN", via: "admin:create" }) }]);
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
  });

  it("refuses a second account with the same email, in any case, and creates nothing", async () => {
    const run = await runAdminCreate(["--email", email.replace("kepala", "KEPALA"), "--name", "Orang Lain"], `${PASSWORD}-lain\n`);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("already exists");
    expect(await db.staffUser.count({ where: { email: { equals: email, mode: "insensitive" } } })).toBe(1);
  });

  it("refuses a password shorter than the app allows", async () => {
    const shortEmail = `pendek.${randomBytes(4).toString("hex")}@imigrasi.go.id`;
    const run = await runAdminCreate(["--email", shortEmail, "--name", "Admin Pendek"], "pendek\n");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain("at least 12 characters");
    expect(run.stderr + run.stdout).not.toContain("pendek\n");
    expect(await db.staffUser.count({ where: { email: shortEmail } })).toBe(0);
  });

  it("refuses a bad email and a missing password", async () => {
    const badEmail = await runAdminCreate(["--email", "bukan-email", "--name", "Admin"], `${PASSWORD}\n`);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain("--email is not a valid email address.");
    const noPassword = await runAdminCreate(["--email", `kosong.${randomBytes(4).toString("hex")}@imigrasi.go.id`, "--name", "Admin Kosong"], "");
    expect(noPassword.code).toBe(1);
    expect(noPassword.stderr).toContain("No password on standard input");
  });

  it("never prints the password, whatever happens", async () => {
    const runs = [
      await runAdminCreate(["--email", `cetak.${randomBytes(4).toString("hex")}@imigrasi.go.id`, "--name", "Admin Cetak"], `${PASSWORD}\n`),
      await runAdminCreate(["--email", email, "--name", "Admin Ganda"], `${PASSWORD}\n`),
      await runAdminCreate(["--email", "salah", "--name", "Admin Salah"], `${PASSWORD}\n`),
    ];
    expect(runs.map((run) => run.code)).toEqual([0, 1, 1]);
    for (const run of runs) expect(`${run.stdout}${run.stderr}`).not.toContain(PASSWORD);
  });
});
