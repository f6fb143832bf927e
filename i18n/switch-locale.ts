"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "@/lib/zod";
import { localeCookieName, localeSchema } from "./locales";
import { toSameSitePath } from "./return-path";

const oneYearInSeconds = 60 * 60 * 24 * 365;

const switchLocaleSchema = z.object({
  locale: localeSchema,
  returnTo: z.string().max(2048),
});

// Target of the language switcher form. It is a public POST endpoint that
// works without JavaScript: it stores the choice and answers with a redirect.
export async function switchLocale(formData: FormData): Promise<never> {
  const parsed = switchLocaleSchema.safeParse({
    locale: formData.get("locale"),
    returnTo: formData.get("returnTo"),
  });
  if (!parsed.success) redirect(toSameSitePath(formData.get("returnTo")));

  const cookieStore = await cookies();
  // A display preference, not a credential: readable over plain HTTP in local runs.
  cookieStore.set(localeCookieName, parsed.data.locale, {
    path: "/",
    maxAge: oneYearInSeconds,
    sameSite: "lax",
    httpOnly: true,
  });

  redirect(toSameSitePath(parsed.data.returnTo));
}
