import { hkdfSync } from "node:crypto";

import { parseClockOffset } from "@/lib/clock";
import { z } from "@/lib/zod";

/**
 * The one validated view of the environment. Every variable the app reads at
 * run time is declared here (and documented in README.md, "Configuration").
 */

/** "on" (the default) or "off": whether this instance runs one kind of background work. */
const instanceSwitch = z.enum(["on", "off"], { error: 'expected "on" or "off"' }).default("on");

/** A whole number within bounds, given as text in the environment. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `must be a whole number from ${min} to ${max}` })
    .int({ error: `must be a whole number from ${min} to ${max}` })
    .min(min, { error: `must be a whole number from ${min} to ${max}` })
    .max(max, { error: `must be a whole number from ${min} to ${max}` })
    .default(fallback);

/** A count per hour for an abuse limit: at least 1, so a limit can never lock everyone out by mistake. */
const perHourLimit = (fallback: number) => wholeNumber(1, 1_000_000, fallback);

const appSecretSchema = z.string().min(32, { error: "must be at least 32 characters long: generate one with `openssl rand -base64 48`" });

/** "https://host[:port]" of an address, or null when it is not a bare http(s) origin (a trailing "/" is allowed). */
export function toPublicOrigin(candidate: string): string | null {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  const isBare = (url.pathname === "/" || url.pathname === "") && url.search === "" && url.hash === "" && url.username === "" && url.password === "";
  return (url.protocol === "https:" || url.protocol === "http:") && isBare && !candidate.includes("?") && !candidate.includes("#") ? url.origin : null;
}

const postgresUrl = (example: string) =>
  z.url({ protocol: /^postgres(ql)?$/, error: `must be a PostgreSQL connection string, e.g. ${example}` });

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"], { error: 'expected "production", "development" or "test"' }).default("development"),
  /** PostgreSQL connection string. `npm start` sets it to the embedded database when unset. */
  DATABASE_URL: postgresUrl("postgresql://user:password@host:5432/database"),
  /** Connections per app instance. Keep it small behind a pooler such as PgBouncer. */
  DATABASE_POOL_MAX: wholeNumber(1, 100, 10),
  /**
   * A read replica of DATABASE_URL (optional). The supervisors' statistics aggregates read from it
   * (the page, and the summary sheet and PDF of an export); everything that writes, lists cases row
   * by row (the queue, case pages, the case rows of an export) or must see its own writes stays on
   * DATABASE_URL. Unset: everything reads DATABASE_URL.
   */
  DATABASE_READ_URL: postgresUrl("postgresql://user:password@replica:5432/database").optional(),
  /**
   * The installation's master secret (at least 32 characters, e.g. `openssl rand -base64 48`).
   * Never used directly: every purpose (evidence upload tokens, rate-limit keys, the tracking
   * cookie, the sealed receipt of a retried filing) gets its own key derived with HKDF, so a key
   * leaked from one purpose cannot forge another. It cannot be changed once there is data: the
   * reporters' encrypted contacts would no longer open and the keyed audit chain and its signed
   * checkpoints would no longer verify (besides ending sessions and staged uploads). Keep it with
   * the backups, apart from them.
   */
  APP_SECRET: appSecretSchema,
  /** Root folder of the local evidence storage. Must stay outside `public/`: evidence is never served as a static file. */
  STORAGE_DIR: z.string().min(1).default(".data/storage"),
  /**
   * Where vulnerability reports go, as /.well-known/security.txt states it (RFC 9116): one or more
   * `mailto:` or `https:` addresses separated by commas. Unset: `mailto:security@<the site's host>`,
   * the mailbox RFC 2142 reserves for it.
   */
  SECURITY_CONTACT: z
    .string()
    .optional()
    .transform((value, context) => {
      const contacts = (value ?? "").split(",").map((contact) => contact.trim()).filter(Boolean);
      const invalid = contacts.find((contact) => !/^(mailto:[^\s@]+@[^\s@]+|https:\/\/\S+)$/i.test(contact));
      if (invalid === undefined) return contacts;
      context.addIssue({ code: "custom", message: `expected mailto: or https: addresses separated by commas, got "${invalid}"` });
      return z.NEVER;
    }),
  /**
   * Whether a reverse proxy in front of the app sets X-Forwarded-For: "false" (the app is
   * reached directly: the TCP peer's address counts, and no header a client sends does), "true"
   * (one proxy) or the number of proxies in the chain; then the client address for abuse limits
   * is read from the hop the nearest trusted proxy appended (see lib/rate-limit/client-address.ts).
   * Unset means "false", except in production, which refuses to start without a decision: a
   * wrong guess either lets clients pick their own rate-limit bucket or puts them all in one.
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value, context) => {
      const normalized = value?.trim().toLowerCase() ?? "";
      if (normalized === "") return null;
      if (normalized === "false" || normalized === "0") return 0;
      if (normalized === "true") return 1;
      const count = Number(normalized);
      if (Number.isInteger(count) && count > 0 && count <= 10) return count;
      context.addIssue({ code: "custom", message: 'expected "true", "false" or a number of proxies from 1 to 10' });
      return z.NEVER;
    }),
  /** Reports a client may file per hour. */
  RATE_LIMIT_FILINGS_PER_HOUR: perHourLimit(5),
  /** Wrong tracking code/key attempts a client may make per hour (tracking page and receipt PDF). */
  RATE_LIMIT_TRACKING_FAILURES_PER_CLIENT_PER_HOUR: perHourLimit(10),
  /** Wrong key attempts on one tracking code per hour, whoever makes them. */
  RATE_LIMIT_TRACKING_FAILURES_PER_CODE_PER_HOUR: perHourLimit(20),
  /** Evidence files a client may upload per hour (upload endpoint and no-JavaScript form together). */
  RATE_LIMIT_EVIDENCE_UPLOADS_PER_HOUR: perHourLimit(30),
  /** Visitor-survey answers a client may send per hour without an invitation code (the open poster; lib/surveys). */
  RATE_LIMIT_SURVEY_ANSWERS_PER_HOUR: perHourLimit(3),
  /** About one ticket number in this many is drawn for a survey invitation each day (lib/surveys/draw.ts). */
  SURVEY_INVITE_EVERY: wholeNumber(1, 1_000, 10),
  /** The highest ticket number of an office's day the invitation draw considers. */
  SURVEY_HIGHEST_TICKET: wholeNumber(1, 10_000, 400),
  /** The window, in minutes, in which too many survey answers for one office and way in are flagged as a burst. */
  SURVEY_BURST_MINUTES: wholeNumber(1, 24 * 60, 10),
  /** Answers for one office and way in within SURVEY_BURST_MINUTES from which they are flagged to the office's supervisors. */
  SURVEY_BURST_ANSWERS: wholeNumber(2, 100_000, 8),
  /**
   * Auth.js's session key. Leave it unset: the key is then derived from APP_SECRET (one secret to
   * configure). Set it only to rotate staff sessions without touching APP_SECRET's other uses.
   */
  AUTH_SECRET: z.string().min(32, { error: "must be at least 32 characters long (or leave it unset)" }).optional(),
  /** Wrong passwords or sign-in codes for one account (email) per 15 minutes, whoever tries. */
  RATE_LIMIT_SIGN_IN_FAILURES_PER_ACCOUNT: wholeNumber(1, 1_000_000, 10),
  /** Wrong passwords or sign-in codes from one client per 15 minutes, whatever the account. */
  RATE_LIMIT_SIGN_IN_FAILURES_PER_CLIENT: wholeNumber(1, 1_000_000, 30),
  /** Exports (CSV, XLSX, PDF) one staff user may request per hour. */
  RATE_LIMIT_EXPORTS_PER_HOUR: perHourLimit(20),
  /** Export files one staff user may download per hour (every download is written to the audit trail). */
  RATE_LIMIT_EXPORT_DOWNLOADS_PER_HOUR: perHourLimit(120),
  /** Exports one staff user may have waiting or running at once. */
  EXPORT_MAX_ACTIVE_PER_USER: wholeNumber(1, 100, 3),
  /** Hours an export file (and its job) is kept before the sweep deletes it. */
  EXPORT_RETENTION_HOURS: wholeNumber(1, 24 * 90, 24),
  /**
   * Reports an office needs in a statistics period before its shares and rank are shown in the
   * office comparison, so that one case cannot make an office look best or worst.
   */
  STATS_MIN_CASES: wholeNumber(1, 1_000_000, 10),
  /** Counts below this on the public transparency page are shown as "< N", never exactly (lib/transparency). */
  PUBLIC_STATS_MIN_COUNT: wholeNumber(1, 1_000, 5),
  /** Minutes the public transparency figures are served from their stored snapshot before one instance recomputes them. */
  PUBLIC_STATS_REFRESH_MINUTES: wholeNumber(1, 24 * 60, 60),
  /** Minutes a supervisor's statistics view is served from its stored snapshot before it is recomputed (and the pre-warm's interval). */
  STATS_SNAPSHOT_MINUTES: wholeNumber(1, 24 * 60, 10),
  /**
   * Whether this instance runs the background job workers (lib/jobs: exports, sweeps, housekeeping,
   * notifications, ...). `off` makes a web-only instance: it still enqueues jobs, which the
   * instances with `on` run (each job once, whatever the number of instances). At least one
   * instance must have it on. See README, "Background jobs".
   */
  JOB_WORKERS: instanceSwitch,
  /**
   * Moves the application's clock (lib/clock.ts) by e.g. `15d`, `-2h`, `90m`, `30s`, `2500ms`, for
   * tests that let time pass. Refused in production.
   */
  APP_CLOCK_OFFSET: z
    .string()
    .optional()
    .refine((value) => value === undefined || value.trim() === "" || parseClockOffset(value) !== null, {
      error: 'expected a whole number with a unit, e.g. "15d", "-2h", "90m", "30s" or "2500ms"',
    }),
  /**
   * Days after a case is closed before the reporter's name, email and phone are erased by the
   * retention job (lib/contacts/retention.ts). The case itself stays, for the statistics.
   */
  CONTACT_RETENTION_DAYS: wholeNumber(1, 365 * 20, 365),
  /**
   * Working days (of the case's office, holidays and cuti bersama excluded) after a resolution or
   * rejection during which the reporter may object to it from the tracking page (lib/objections).
   */
  OBJECTION_WINDOW_WORKING_DAYS: wholeNumber(1, 60, 10),
  /**
   * The repeated-accused signal (lib/accused): reports received within this many days (per office,
   * and across offices for brokers) are compared; a group needs at least ACCUSED_SIGNAL_MIN_REPORTS
   * of them; two reports' accused descriptions match at ACCUSED_SIGNAL_SIMILARITY_PERCENT or more
   * (Jaccard of their normalised words); at most ACCUSED_SIGNAL_MAX_CASES of the newest reports with
   * an accused description or place in the window and scope are read (the bound at 1M cases).
   */
  ACCUSED_SIGNAL_WINDOW_DAYS: wholeNumber(7, 366, 60),
  ACCUSED_SIGNAL_MIN_REPORTS: wholeNumber(2, 100, 3),
  ACCUSED_SIGNAL_SIMILARITY_PERCENT: wholeNumber(10, 100, 50),
  ACCUSED_SIGNAL_MAX_CASES: wholeNumber(100, 200_000, 20_000),
  /**
   * The pungli gap flag (lib/figures/gap.ts): an office is flagged "pungli likely under-reported"
   * when at least PUNGLI_GAP_MIN_ASKED_PERCENT of its surveyed visitors (in the index sample) say
   * they were asked to pay extra, while its pungli reports per 10,000 services are at most
   * PUNGLI_GAP_MAX_REPORTS_PER_10K (given as hundredths: 100 = 1.00 report per 10,000 services).
   */
  PUNGLI_GAP_MIN_ASKED_PERCENT: wholeNumber(1, 100, 5),
  PUNGLI_GAP_MAX_REPORTS_PER_10K: wholeNumber(0, 1_000_000, 100),
  /**
   * Working days (of the case's office) a case may wait for the reporter's answer before it is
   * closed as resolved without a response (lib/rules/auto-close.ts; SP4N-LAPOR! closes after 10).
   */
  AUTO_CLOSE_WORKING_DAYS: wholeNumber(1, 120, 10),
  /**
   * The version of the key that encrypts reporters' contact data (lib/contacts/encryption.ts).
   * Raise it by one to rotate: new writes use the new key, older versions keep decrypting, and
   * `npm run contacts:encrypt` re-encrypts the stored rows under the new one.
   */
  CONTACT_ENCRYPTION_KEY_VERSION: wholeNumber(1, 1000, 1),
  /**
   * The site's public address as reporters reach it (e.g. https://lapor.imigrasi.go.id): printed on
   * every receipt (online, PDF, the complaint desk's) with a QR code to the tracking page. An
   * http(s) origin only: no path, query, fragment or credentials. Required with
   * NODE_ENV=production, where the address a request came to may be an internal name or one a
   * client chose (the Host header); unset elsewhere: the address the request came to.
   */
  PUBLIC_BASE_URL: z
    .string()
    .optional()
    .transform((value, context) => {
      const trimmed = value?.trim() ?? "";
      if (trimmed === "") return null;
      const origin = toPublicOrigin(trimmed);
      if (origin) return origin;
      context.addIssue({ code: "custom", message: "expected an http(s) address without a path, e.g. https://lapor.imigrasi.go.id" });
      return z.NEVER;
    }),
  /**
   * The mail server for notifications (lib/notifications/mailer.ts), e.g.
   * smtp://user:password@mail.example.go.id:587 or smtps://...:465. Unset: no mail leaves the
   * machine; every mail is written as an .eml file into MAIL_CAPTURE_DIR instead (and listed for
   * admins on /dasbor/admin/surat outside production).
   */
  SMTP_URL: z.url({ protocol: /^smtps?$/, error: "must be an smtp:// or smtps:// address, e.g. smtp://user:password@mail.example.go.id:587" }).optional(),
  /** The sender of notification mails, e.g. "Lapor Imigrasi <noreply@lapor.imigrasi.go.id>". */
  MAIL_FROM: z
    .string()
    .default("Lapor Imigrasi <noreply@lapor.imigrasi.local>")
    .refine((value) => /^(?:[^<>]*<)?[^\s@<>]+@[^\s@<>]+>?$/.test(value.trim()), { error: 'expected an address, e.g. "Lapor Imigrasi <noreply@lapor.imigrasi.go.id>"' }),
  /** Where mails go when SMTP_URL is unset: one .eml file per mail. */
  MAIL_CAPTURE_DIR: z.string().min(1).default(".data/mail"),
  /** Minutes between two mails of new cases to one officer (the new cases in between are batched into one mail). */
  NOTIFY_BATCH_MINUTES: wholeNumber(1, 24 * 60, 15),
}).transform((environment, context) => {
  const { TRUST_PROXY, ...rest } = environment;
  let isRefused = false;
  if (TRUST_PROXY === null && environment.NODE_ENV === "production") {
    context.addIssue({
      code: "custom",
      path: ["TRUST_PROXY"],
      message: 'set "false" when clients reach the app directly, "true" or a number of proxies when behind a reverse proxy',
    });
    isRefused = true;
  }
  if (environment.APP_CLOCK_OFFSET && environment.APP_CLOCK_OFFSET.trim() !== "" && environment.NODE_ENV === "production") {
    context.addIssue({ code: "custom", path: ["APP_CLOCK_OFFSET"], message: "moves the clock for tests and must not be set in production" });
    isRefused = true;
  }
  if (environment.PUBLIC_BASE_URL === null && environment.NODE_ENV === "production") {
    context.addIssue({
      code: "custom",
      path: ["PUBLIC_BASE_URL"],
      message: "set the site's public address, e.g. https://lapor.imigrasi.go.id (printed on every receipt; required in production)",
    });
    isRefused = true;
  }
  if (isRefused) return z.NEVER;
  return { ...rest, TRUST_PROXY: TRUST_PROXY ?? 0 };
});

/**
 * The per-task switches JOB_WORKERS replaced. Still read, never required: a deprecated name set
 * to "off" is reported at start (lib/startup.ts) and ignored, since every job now runs once
 * across all instances wherever the workers run.
 */
export const DEPRECATED_WORKER_SWITCHES = ["EXPORT_WORKER", "ESCALATION_SWEEP", "STATISTICS_PREWARM", "AUDIT_CHECKPOINTS", "CONTACT_RETENTION"] as const;

export type Environment = z.infer<typeof environmentSchema>;

/** Variables whose values must never be repeated in an error message. */
const SECRET_VARIABLES = new Set(["APP_SECRET", "AUTH_SECRET", "DATABASE_URL", "DATABASE_READ_URL", "SMTP_URL"]);

export type EnvironmentCheck = { ok: true; environment: Environment } | { ok: false; problems: string[] };

/**
 * Validates a whole environment at once and says what is wrong with each variable, without
 * repeating a secret. Used before anything is served (scripts/serve.ts, instrumentation.ts) so a
 * misconfigured instance stops with the reason instead of answering every request with a 500.
 */
export function checkEnvironment(source: Record<string, string | undefined> = process.env): EnvironmentCheck {
  const parsed = environmentSchema.safeParse(source);
  if (parsed.success) return { ok: true, environment: parsed.data };
  const problems = parsed.error.issues.map((issue) => {
    const name = issue.path.join(".") || "environment";
    const value = typeof issue.path[0] === "string" ? source[issue.path[0]] : undefined;
    if (value === undefined) return issue.code === "custom" ? `${name} is not set: ${issue.message}` : `${name} is not set`;
    const shown = SECRET_VARIABLES.has(name) ? "" : ` (got "${value.length > 80 ? `${value.slice(0, 80)}…` : value}")`;
    return `${name}: ${issue.message}${shown}`;
  });
  return { ok: false, problems };
}

/** The message a refused start prints: every problem on its own line, and where to read more. */
export function describeEnvironmentProblems(problems: string[]): string {
  return [
    "Lapor Imigrasi cannot start: the environment is not valid.",
    ...problems.map((problem) => `  - ${problem}`),
    'See "Configuration" in README.md for every variable.',
  ].join("\n");
}

let cached: Environment | undefined;

export function getEnvironment(): Environment {
  if (cached) return cached;
  const checked = checkEnvironment(process.env);
  if (!checked.ok) throw new Error(`Invalid environment: ${checked.problems.join("; ")}`);
  cached = checked.environment;
  return cached;
}

/** Validates an environment; throws one error naming every problem (getEnvironment reads process.env). */
export function parseEnvironment(source: Record<string, string | undefined>): Environment {
  const checked = checkEnvironment(source);
  if (!checked.ok) throw new Error(`Invalid environment: ${checked.problems.join("; ")}`);
  return checked.environment;
}

/** Every use of APP_SECRET. A new use gets a new name here, never a reused key. */
export type AppKeyPurpose =
  | "evidence-token"
  | "rate-limit"
  | "tracking-cookie"
  | "sealed-receipt"
  /** The receipt cookie that keeps a just-filed receipt (code and key) for its own page (lib/reports/receipt-cookie.ts). */
  | "receipt-cookie"
  | "idempotency-key"
  /** Auth.js's JWT session cookie (unless AUTH_SECRET is set). */
  | "auth-session"
  /** TOTP secrets at rest (StaffUser.totpSecret). */
  | "totp-secret"
  /** The HMAC under which staff recovery codes are stored (lib/auth/recovery-codes.ts). */
  | "recovery-code"
  /** The cookie that shows new recovery codes once after enrollment (lib/auth/recovery-codes-display.ts). */
  | "recovery-codes-display"
  /** The short-lived cookie that carries a passed password step to the code step. */
  | "sign-in-challenge"
  /** The server-internal proof that both steps passed, handed to the Credentials provider. */
  | "sign-in-grant"
  /** The MAC that chains the audit trail (lib/audit/chain.ts), so the database alone cannot recompute it. */
  | "audit-chain"
  /** The seed of the Ed25519 key that signs the published daily audit checkpoints (lib/audit/checkpoint-signing.ts). */
  | "audit-checkpoint"
  /** AES-256-GCM keys of reporters' contact data at rest, one per key version (lib/contacts/encryption.ts). */
  | "contact-encryption"
  /** The daily draw of survey invitations and their one-time codes (lib/surveys/draw.ts). */
  | "survey-invitation"
  /** The signed links in reporters' notices that stop the notices of one case (lib/notifications/unsubscribe.ts). */
  | "notice-unsubscribe"
  /** The keyed hash under which bounced addresses are suppressed (lib/notifications/suppression.ts). */
  | "mail-suppression";

const derivedKeys = new Map<string, Buffer>();

/**
 * A 256-bit key for one purpose, derived from APP_SECRET with HKDF-SHA256. `version` gives a
 * purpose independent keys to rotate through (contact encryption); it is 1 everywhere else.
 */
/**
 * APP_SECRET alone, validated as the whole environment validates it: the command-line tools that
 * need a key (admin:create, audit:verify, contacts:encrypt) need no server settings (TRUST_PROXY).
 */
function readAppSecret(): string {
  const parsed = appSecretSchema.safeParse(process.env.APP_SECRET);
  if (!parsed.success) {
    throw new Error(`Invalid environment: ${process.env.APP_SECRET === undefined ? "APP_SECRET is not set" : `APP_SECRET: ${parsed.error.issues[0]?.message}`}`);
  }
  return parsed.data;
}

export function deriveAppKey(purpose: AppKeyPurpose, version = 1): Buffer {
  const info = `lapor-imigrasi/${purpose}/v${version}`;
  const known = derivedKeys.get(info);
  if (known) return known;
  const key = Buffer.from(hkdfSync("sha256", readAppSecret(), "lapor-imigrasi", info, 32));
  derivedKeys.set(info, key);
  return key;
}

/**
 * Whether this instance runs the job workers: JOB_WORKERS, or, when it is unset and every one of
 * the deprecated per-task switches is "off" (how a web-only instance was configured before),
 * off. `notes` says what was read from the deprecated names, for the start log.
 */
export function resolveJobWorkers(source: Record<string, string | undefined> = process.env): { enabled: boolean; notes: string[] } {
  const configured = source.JOB_WORKERS?.trim();
  const deprecated = DEPRECATED_WORKER_SWITCHES.filter((name) => source[name] !== undefined);
  const notes: string[] = [];
  if (configured === "on" || configured === "off") {
    if (deprecated.length > 0) notes.push(`${deprecated.join(", ")} ignored: JOB_WORKERS=${configured} decides whether this instance runs background jobs`);
    return { enabled: configured === "on", notes };
  }
  const allOff = deprecated.length === DEPRECATED_WORKER_SWITCHES.length && deprecated.every((name) => source[name]?.trim() === "off");
  if (allOff) {
    notes.push(`${deprecated.join(", ")}=off are deprecated: read as JOB_WORKERS=off; set JOB_WORKERS=off instead`);
    return { enabled: false, notes };
  }
  const off = deprecated.filter((name) => source[name]?.trim() === "off");
  if (off.length > 0) notes.push(`${off.join(", ")}=off ignored (deprecated): set JOB_WORKERS=off to run no background jobs on this instance`);
  return { enabled: true, notes };
}
