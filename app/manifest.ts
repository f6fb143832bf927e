import type { MetadataRoute } from "next";

import messages from "@/messages/id.json";

/**
 * The web app manifest (/manifest.webmanifest), so a reporter can put the tracking page on a
 * phone's home screen and come back to their case: it opens on /lacak. The icons are rendered
 * from app/icon.svg by scripts/generate-icons.ts. Written in Indonesian, the site's first
 * language: a manifest has one language.
 */
export default function manifest(): MetadataRoute.Manifest {
  return {
    name: messages.Common.productName,
    short_name: messages.Common.productName,
    description: messages.Metadata.description,
    lang: "id",
    start_url: "/lacak",
    scope: "/",
    display: "standalone",
    background_color: "#ffffff",
    theme_color: "#163f6c",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
