/**
 * A search typed into a URL (?q=), made safe to put into a database query: without NUL
 * (PostgreSQL text cannot hold it), trimmed, and cut to `max` UTF-16 units without leaving half
 * of a surrogate pair (an emoji cut in two): Prisma refuses to encode a lone surrogate, so either
 * would fail the page instead of finding nothing. Pure and safe in the browser.
 */
export function toSearchText(value: string | undefined, max: number): string {
  return (value ?? "").replaceAll("\u0000", "").trim().slice(0, max).toWellFormed().trim();
}
