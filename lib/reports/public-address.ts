import "server-only";

import { headers } from "next/headers";

import { getEnvironment, toPublicOrigin } from "@/lib/env";

/**
 * The site's public address for receipts: PUBLIC_BASE_URL, or without it the address this
 * request came to (the Host header; the forwarded protocol only behind a trusted proxy). The
 * fallback is for local runs: in production set PUBLIC_BASE_URL (README, Configuration).
 */
export async function getPublicBaseUrl(): Promise<string> {
  const environment = getEnvironment();
  if (environment.PUBLIC_BASE_URL) return environment.PUBLIC_BASE_URL;
  const requestHeaders = await headers();
  const host = requestHeaders.get("host") ?? "localhost:3000";
  const forwardedProtocol = environment.TRUST_PROXY > 0 ? requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() : undefined;
  const protocol = forwardedProtocol === "https" || forwardedProtocol === "http" ? forwardedProtocol : "http";
  return toPublicOrigin(`${protocol}://${host}`) ?? "http://localhost:3000";
}
