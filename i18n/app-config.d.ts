import type messages from "../messages/id.json";
import type { Locale } from "./locales";

// Types every next-intl call: unknown message keys and locales fail `tsc`.
// messages/id.json is the reference; messages/en.json must carry the same keys.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages;
  }
}
