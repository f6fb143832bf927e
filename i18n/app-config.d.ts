import type adminHolidayMessages from "../messages/admin-holidays/id.json";
import type adminReferenceMessages from "../messages/admin-reference/id.json";
import type adminStaffMessages from "../messages/admin-staff/id.json";
import type adminMessages from "../messages/admin/id.json";
import type authMessages from "../messages/auth/id.json";
import type caseMessages from "../messages/cases/id.json";
import type errorMessages from "../messages/error/id.json";
import type exportMessages from "../messages/exports/id.json";
import type figuresMessages from "../messages/figures/id.json";
import type messages from "../messages/id.json";
import type notificationMessages from "../messages/notifications/id.json";
import type objectionMessages from "../messages/objection/id.json";
import type surveyMessages from "../messages/surveys/id.json";
import type rulesMessages from "../messages/rules/id.json";
import type statisticsMessages from "../messages/statistics/id.json";
import type transparencyMessages from "../messages/transparency/id.json";
import type { Locale } from "./locales";

// Types every next-intl call: unknown message keys and locales fail `tsc`.
// The Indonesian files are the reference; the English ones must carry the same keys
// (tests/unit/messages.test.ts checks it).
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof messages &
      typeof errorMessages &
      typeof authMessages &
      typeof caseMessages &
      typeof statisticsMessages &
      typeof exportMessages &
      typeof transparencyMessages &
      typeof adminMessages &
      typeof adminStaffMessages &
      typeof adminReferenceMessages &
      typeof adminHolidayMessages &
      typeof objectionMessages &
      typeof surveyMessages &
      typeof figuresMessages &
      typeof notificationMessages &
      typeof rulesMessages;
  }
}
