import type { MetadataRoute } from "next";

/**
 * /robots.txt: the public pages may be indexed; the staff side (dashboard, sign-in, setting a
 * password), the tracking page and the receipt (both about one reporter's case) and the API may
 * not. It only asks crawlers: access is decided by each page, never by this file.
 */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: {
      userAgent: "*",
      allow: "/",
      disallow: ["/dasbor", "/masuk", "/atur-sandi", "/lacak", "/lapor/tanda-terima", "/api/"],
    },
  };
}
