import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The locale lives in a cookie, not in the URL: see i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
  experimental: {
    // Without JavaScript the report form posts its evidence with the Server
    // Action: up to 5 files of 10 MiB each plus the fields. The evidence code
    // enforces the real per-file limits and answers with translated errors.
    serverActions: { bodySizeLimit: "52mb" },
  },
};

export default withNextIntl(nextConfig);
