import type { Locale } from "./locales";

/**
 * Messages are split by area so that each area's texts can be read (and
 * edited) on their own: messages/<locale>.json holds the public site and the
 * shell, messages/<area>/<locale>.json the staff areas and the error page (which
 * app/global-error.tsx also imports on its own, so it stays small). Namespaces must not
 * repeat across files.
 */
export async function loadMessages(locale: Locale) {
  const [main, error, auth, cases, statistics, exports, transparency, admin, adminStaff, adminReference, adminHolidays, objection, surveys, figures, notifications, rules] = await Promise.all([
    import(`../messages/${locale}.json`),
    import(`../messages/error/${locale}.json`),
    import(`../messages/auth/${locale}.json`),
    import(`../messages/cases/${locale}.json`),
    import(`../messages/statistics/${locale}.json`),
    import(`../messages/exports/${locale}.json`),
    import(`../messages/transparency/${locale}.json`),
    import(`../messages/admin/${locale}.json`),
    import(`../messages/admin-staff/${locale}.json`),
    import(`../messages/admin-reference/${locale}.json`),
    import(`../messages/admin-holidays/${locale}.json`),
    import(`../messages/objection/${locale}.json`),
    import(`../messages/surveys/${locale}.json`),
    import(`../messages/figures/${locale}.json`),
    import(`../messages/notifications/${locale}.json`),
    import(`../messages/rules/${locale}.json`),
  ]);
  return {
    ...main.default,
    ...error.default,
    ...auth.default,
    ...cases.default,
    ...statistics.default,
    ...exports.default,
    ...transparency.default,
    ...admin.default,
    ...adminStaff.default,
    ...adminReference.default,
    ...adminHolidays.default,
    ...objection.default,
    ...surveys.default,
    ...figures.default,
    ...notifications.default,
    ...rules.default,
  };
}
