/** A cron expression that fires about every `minutes` minutes (at most hourly steps beyond 59). */
export function cronEveryMinutes(minutes: number): string {
  const whole = Math.max(1, Math.round(minutes));
  if (whole === 1) return "* * * * *";
  if (whole < 60) return `*/${whole} * * * *`;
  const hours = Math.min(23, Math.max(1, Math.round(whole / 60)));
  return hours === 1 ? "0 * * * *" : `0 */${hours} * * *`;
}
