import { z } from "@/lib/zod";

// Pure locale facts, safe to import from server and client code alike.
export const locales = ["id", "en"] as const;

export type Locale = (typeof locales)[number];

export const defaultLocale: Locale = "id";

// next-intl's conventional cookie name; the language switcher writes it.
export const localeCookieName = "NEXT_LOCALE";

export const localeSchema = z.enum(locales);

export function isLocale(value: unknown): value is Locale {
  return localeSchema.safeParse(value).success;
}
