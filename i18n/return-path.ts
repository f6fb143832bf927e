// Only ever send a visitor back to a path on this site. Anything that could
// resolve to another origin ("//evil.example", "/\\evil.example", "/.//evil",
// "https://...") falls back to the home page, so the language switch cannot
// be used as an open redirect.
const probeOrigin = "http://same-site.invalid";

export function toSameSitePath(candidate: unknown): string {
  if (typeof candidate !== "string" || !candidate.startsWith("/")) return "/";

  let url: URL;
  try {
    url = new URL(candidate, probeOrigin);
  } catch {
    return "/";
  }
  if (url.origin !== probeOrigin) return "/";

  // Dot segments normalise away ("/.//evil" becomes "//evil"), so check the
  // result as well: a leading "//" is a protocol-relative URL to a browser.
  const path = `${url.pathname}${url.search}`;
  return path.startsWith("//") ? "/" : path;
}
