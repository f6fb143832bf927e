/**
 * `npm run admin:create -- --email someone@agency.go.id --name "Full Name"`: creates an admin
 * (scope national) on the database in DATABASE_URL, the way into a fresh production database.
 *
 * The password is never an argument (argv shows in `ps` and in shell history): on a terminal it
 * is asked twice with echo off; otherwise the first line of standard input is read, e.g.
 * `printf '%s\n' "$PASSWORD" | npm run admin:create -- --email ... --name ...`. It follows the
 * app's password rules. An email already in use is refused. The new admin has no TOTP yet and
 * must enroll at the first sign-in. The creation is written to the audit trail (actor SYSTEM).
 *
 * Exit codes: 0 created, 1 refused (bad input, email in use, passwords differ), 2 could not run.
 *
 *   node --conditions=react-server --import tsx scripts/admin-create.ts --email ... --name ...
 *
 * (The react-server condition lets the server-only data layer load outside Next.js.)
 */
import { parseArgs } from "node:util";

import { PrismaPg } from "@prisma/adapter-pg";

import { MAX_PASSWORD_LENGTH, MIN_NEW_PASSWORD_LENGTH } from "@/lib/auth/schemas";
import { createPrismaClient } from "@/lib/prisma-client";
import { bootstrapIdentitySchema, bootstrapPasswordSchema, createBootstrapAdmin } from "@/lib/staff/bootstrap-admin";

import { promptHidden, PromptCancelledError, readFirstLine } from "./lib/password-prompt";

const USAGE = 'Usage: npm run admin:create -- --email someone@agency.go.id --name "Full Name"\n(the password is asked for, or read from the first line of standard input)';

/** What each validation key of the shared schemas means here. */
const PROBLEMS: Record<string, string> = {
  emailRequired: "--email is required.",
  emailInvalid: "--email is not a valid email address.",
  nameTooShort: "--name must be at least 2 characters.",
  nameTooLong: "--name must be at most 120 characters.",
  newPasswordTooShort: `The password must be at least ${MIN_NEW_PASSWORD_LENGTH} characters.`,
  newPasswordTooLong: `The password must be at most ${MAX_PASSWORD_LENGTH} characters.`,
};

class RefusalError extends Error {}

function problemsOf(issues: readonly { message: string }[]): string {
  return issues.map((issue) => PROBLEMS[issue.message] ?? issue.message).join("\n");
}

function readArguments(): { email: string; name: string } {
  let values: { email?: string; name?: string };
  try {
    ({ values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new RefusalError(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  }
  const parsed = bootstrapIdentitySchema.safeParse({ email: values.email ?? "", name: values.name ?? "" });
  if (!parsed.success) throw new RefusalError(`${problemsOf(parsed.error.issues)}\n${USAGE}`);
  return parsed.data;
}

async function readPassword(email: string): Promise<string> {
  let password: string | null;
  if (process.stdin.isTTY) {
    password = await promptHidden(`Password for ${email} (at least ${MIN_NEW_PASSWORD_LENGTH} characters): `);
    const checked = bootstrapPasswordSchema.safeParse(password);
    if (!checked.success) throw new RefusalError(problemsOf(checked.error.issues));
    if ((await promptHidden("Type it again: ")) !== password) throw new RefusalError("The two passwords differ. Nothing was created.");
  } else {
    password = await readFirstLine();
    if (password === null) throw new RefusalError("No password on standard input: give it as the first line, or run on a terminal to be asked.");
  }
  const checked = bootstrapPasswordSchema.safeParse(password);
  if (!checked.success) throw new RefusalError(problemsOf(checked.error.issues));
  return checked.data;
}

async function main(): Promise<number> {
  let identity: { email: string; name: string };
  try {
    identity = readArguments();
  } catch (error) {
    if (error instanceof RefusalError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    console.error("DATABASE_URL is not set: point it at the database to create the admin in.");
    return 2;
  }
  if (!process.env.APP_SECRET || process.env.APP_SECRET.length < 32) {
    console.error("APP_SECRET is not set (or shorter than 32 characters): use the app's own, which keys the audit trail the creation is written to.");
    return 2;
  }

  const database = createPrismaClient(new PrismaPg({ connectionString, max: 2 }));
  try {
    // Refused before the password is typed, when the answer is already known.
    if (await database.staffUser.findFirst({ where: { email: { equals: identity.email, mode: "insensitive" } }, select: { id: true } })) {
      console.error(`An account with the email ${identity.email} already exists. Nothing was created.`);
      return 1;
    }
    const password = await readPassword(identity.email);
    const result = await createBootstrapAdmin(database, { ...identity, password });
    if (result.outcome === "emailTaken") {
      console.error(`An account with the email ${result.email} already exists. Nothing was created.`);
      return 1;
    }
    console.log(`Created admin ${result.email} (id ${result.staffId}), scope national.`);
    console.log("At the first sign-in on /masuk they must set up an authenticator app (TOTP) before anything else.");
    return 0;
  } catch (error) {
    if (error instanceof RefusalError) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof PromptCancelledError) {
      console.error("Cancelled. Nothing was created.");
      return 1;
    }
    // The message only: never the arguments of a failed query.
    console.error(`Could not create the admin: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`);
    return 2;
  } finally {
    await database.$disconnect();
  }
}

process.exitCode = await main();
