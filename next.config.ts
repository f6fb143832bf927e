import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

// The locale lives in a cookie, not in the URL: see i18n/request.ts.
const withNextIntl = createNextIntlPlugin("./i18n/request.ts");

const nextConfig: NextConfig = {
  poweredByHeader: false,
};

export default withNextIntl(nextConfig);
