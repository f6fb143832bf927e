import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

import { buildApiPolicy, buildBodyRequestPolicy, buildFixedHeaders } from "./lib/security/headers";

// The locale lives in a cookie, not in the URL: see i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The job queue (lib/jobs) is loaded from node_modules at run time, like pg, not bundled.
  serverExternalPackages: ["pg-boss"],
  experimental: {
    // Without JavaScript the report form posts its evidence with the Server
    // Action: up to 5 files of 10 MiB each plus the fields. The evidence code
    // enforces the real per-file limits and answers with translated errors.
    serverActions: { bodySizeLimit: "52mb" },
  },
  // The security headers (lib/security/headers.ts). A page's nonce'd policy comes from proxy.ts,
  // which sees every page request without a body; these rules cover the rest, and none of them
  // sets a header the proxy sets on the same request. Later rules win on the same header.
  async headers() {
    return [
      { source: "/:path*", headers: buildFixedHeaders({ isProduction: process.env.NODE_ENV === "production" }) },
      {
        source: "/:path*",
        has: [{ type: "header", key: "content-type" }],
        headers: [{ key: "Content-Security-Policy", value: buildBodyRequestPolicy() }],
      },
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: buildApiPolicy() }] },
    ];
  },
};

export default withNextIntl(nextConfig);
