/**
 * The application's "now" for rules that depend on the passing of time (job schedules' work,
 * deadlines counted in working days, auto-closing, retention). It is the machine's time plus an
 * offset that only tests may set, so a test can let ten working days pass without waiting:
 *
 * - `APP_CLOCK_OFFSET` (e.g. `15d`, `-2h`, `90m`, `30s`, `2500ms`) moves the clock of a whole
 *   server process from its start (e2e tests start the server with it). Refused in production
 *   by the environment check (lib/env.ts).
 * - `setClockOffset(ms)` / `advanceClock(ms)` move it inside one process (integration tests); they
 *   throw in production.
 *
 * Kept on globalThis: Next.js may load this module once per bundle, and every copy must agree.
 * Code that takes an optional `now` parameter should default it to `now()` from here.
 */

const clockState = globalThis as unknown as { laporClockOffsetMs?: number };

const OFFSET_PATTERN = /^([+-]?\d+)(ms|s|m|h|d)$/;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds of an `APP_CLOCK_OFFSET` value, or null when it is not one. */
export function parseClockOffset(value: string): number | null {
  const match = OFFSET_PATTERN.exec(value.trim());
  if (!match) return null;
  return Number(match[1]) * UNIT_MS[match[2]!]!;
}

function isProduction(): boolean {
  return process.env.NODE_ENV === "production";
}

/** The current offset in milliseconds: the in-process one if a test set it, else APP_CLOCK_OFFSET, else 0. */
export function clockOffsetMs(): number {
  if (clockState.laporClockOffsetMs !== undefined) return clockState.laporClockOffsetMs;
  if (isProduction()) return 0;
  const configured = process.env.APP_CLOCK_OFFSET;
  return configured ? (parseClockOffset(configured) ?? 0) : 0;
}

/** The application's current time. */
export function now(): Date {
  return new Date(Date.now() + clockOffsetMs());
}

/** Sets this process's offset (tests only); `null` goes back to APP_CLOCK_OFFSET. */
export function setClockOffset(offsetMs: number | null): void {
  if (isProduction()) throw new Error("The clock cannot be moved in production");
  if (offsetMs === null) delete clockState.laporClockOffsetMs;
  else clockState.laporClockOffsetMs = offsetMs;
}

/** Moves this process's clock forward by `ms` (tests only). */
export function advanceClock(ms: number): void {
  setClockOffset(clockOffsetMs() + ms);
}
