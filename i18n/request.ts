import { cookies } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { defaultLocale, isLocale, localeCookieName } from "./locales";
import { loadMessages } from "./messages";

// Reading the cookie makes every page that translates render per request,
// so a prerendered page can never freeze one visitor's language for everyone.
export default getRequestConfig(async () => {
  const cookieStore = await cookies();
  const requested = cookieStore.get(localeCookieName)?.value;
  const locale = isLocale(requested) ? requested : defaultLocale;

  return {
    locale,
    messages: await loadMessages(locale),
    // Most offices are in WIB; an explicit zone keeps server and browser output identical.
    timeZone: "Asia/Jakarta",
  };
});
