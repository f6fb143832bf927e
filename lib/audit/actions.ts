/**
 * The audit trail's vocabulary. Public actions appear on the reporter's
 * tracking page; the others are for staff only.
 */
export const AUDIT_ACTIONS = {
  CASE_FILED: "CASE_FILED",
  STATUS_CHANGED: "STATUS_CHANGED",
  ASSIGNED: "ASSIGNED",
  DEADLINE_TIER_CHANGED: "DEADLINE_TIER_CHANGED",
  ESCALATED: "ESCALATED",
  PUBLIC_REPLY_POSTED: "PUBLIC_REPLY_POSTED",
  INTERNAL_NOTE_ADDED: "INTERNAL_NOTE_ADDED",
  REPORTER_MESSAGE_POSTED: "REPORTER_MESSAGE_POSTED",
  EVIDENCE_ADDED: "EVIDENCE_ADDED",
  EVIDENCE_DOWNLOADED: "EVIDENCE_DOWNLOADED",
  IDENTITY_VIEWED: "IDENTITY_VIEWED",
  CASE_LINKED: "CASE_LINKED",
  INVOLVEMENT_MARKED: "INVOLVEMENT_MARKED",
  RATED: "RATED",
  STAFF_SIGNED_IN: "STAFF_SIGNED_IN",
  EXPORT_CREATED: "EXPORT_CREATED",
  EXPORT_DOWNLOADED: "EXPORT_DOWNLOADED",
  STAFF_SIGNED_OUT: "STAFF_SIGNED_OUT",
  STAFF_TOTP_ENROLLED: "STAFF_TOTP_ENROLLED",
  STAFF_PASSWORD_CHANGED: "STAFF_PASSWORD_CHANGED",
  STAFF_RECOVERY_CODES_REGENERATED: "STAFF_RECOVERY_CODES_REGENERATED",
  STAFF_RECOVERY_CODE_USED: "STAFF_RECOVERY_CODE_USED",
  // Involvement (conflict of interest), issue 10. INVOLVEMENT_MARKED above is a supervisor's or
  // an admin's mark; reports and their dismissals are shown only to those who decide them.
  INVOLVEMENT_SELF_DECLARED: "INVOLVEMENT_SELF_DECLARED",
  INVOLVEMENT_UNMARKED: "INVOLVEMENT_UNMARKED",
  INVOLVEMENT_REPORTED: "INVOLVEMENT_REPORTED",
  INVOLVEMENT_REPORT_CONFIRMED: "INVOLVEMENT_REPORT_CONFIRMED",
  INVOLVEMENT_REPORT_DISMISSED: "INVOLVEMENT_REPORT_DISMISSED",
  // Staff administration (lib/staff): each event names the account in after.staffUserId.
  STAFF_ACCOUNT_CREATED: "STAFF_ACCOUNT_CREATED",
  STAFF_ROLE_SCOPE_CHANGED: "STAFF_ROLE_SCOPE_CHANGED",
  STAFF_DEACTIVATED: "STAFF_DEACTIVATED",
  STAFF_REACTIVATED: "STAFF_REACTIVATED",
  STAFF_TOTP_RESET: "STAFF_TOTP_RESET",
  STAFF_PASSWORD_LINK_ISSUED: "STAFF_PASSWORD_LINK_ISSUED",
  STAFF_PASSWORD_SET_BY_LINK: "STAFF_PASSWORD_SET_BY_LINK",
  STAFF_SIGN_IN_LOCK_CLEARED: "STAFF_SIGN_IN_LOCK_CLEARED",
  // Holidays (administration, issue 10): an admin's change of the holiday calendar, and each open
  // case whose deadline it moved (public: the reporter sees the deadline move, in neutral words).
  HOLIDAYS_CHANGED: "HOLIDAYS_CHANGED",
  DEADLINE_RECOMPUTED: "DEADLINE_RECOMPUTED",
  // Administration of reference data (offices, services and fees, categories, reply templates).
  OFFICE_CREATED: "OFFICE_CREATED",
  OFFICE_UPDATED: "OFFICE_UPDATED",
  OFFICE_CLOSED: "OFFICE_CLOSED",
  OFFICE_REOPENED: "OFFICE_REOPENED",
  SERVICE_CREATED: "SERVICE_CREATED",
  SERVICE_UPDATED: "SERVICE_UPDATED",
  SERVICE_FEE_ADDED: "SERVICE_FEE_ADDED",
  SERVICE_FEE_DELETED: "SERVICE_FEE_DELETED",
  CATEGORY_CREATED: "CATEGORY_CREATED",
  CATEGORY_UPDATED: "CATEGORY_UPDATED",
  CATEGORY_RETIRED: "CATEGORY_RETIRED",
  CATEGORY_REINSTATED: "CATEGORY_REINSTATED",
  REPLY_TEMPLATE_CREATED: "REPLY_TEMPLATE_CREATED",
  REPLY_TEMPLATE_UPDATED: "REPLY_TEMPLATE_UPDATED",
  REPLY_TEMPLATE_DEACTIVATED: "REPLY_TEMPLATE_DEACTIVATED",
  REPLY_TEMPLATE_REACTIVATED: "REPLY_TEMPLATE_REACTIVATED",
  // Issue 11: the reporter's contact data of a long-closed case erased by the retention job
  // (lib/contacts/retention.ts), and the one-time re-keying of the audit chain (lib/audit/rekey.ts).
  CONTACT_ERASED: "CONTACT_ERASED",
  // Issue 12: the reporter objected to the office's decision (lib/objections): the case reopens, escalated.
  OBJECTED: "OBJECTED",
  AUDIT_CHAIN_REKEYED: "AUDIT_CHAIN_REKEYED",
  // Issue 16: a seal of the audit trail (lib/audit/seal.ts), written every minute with activity.
  AUDIT_TRAIL_SEALED: "AUDIT_TRAIL_SEALED",
  // Issue 14 (lib/volumes, lib/accused): service volumes entered or imported for a month, and a
  // supervisor opening a group of reports that likely name the same accused person or broker.
  SERVICE_VOLUMES_CHANGED: "SERVICE_VOLUMES_CHANGED",
  ACCUSED_GROUP_OPENED: "ACCUSED_GROUP_OPENED",
  // A supervisor accepted (counted) or rejected a burst of survey answers (lib/surveys/bursts.ts).
  SURVEY_BURST_REVIEWED: "SURVEY_BURST_REVIEWED",
  // Issue 13, rules that run by themselves (lib/rules), all public on the case they name:
  // a case left waiting for the reporter closed as resolved without a response;
  CASE_AUTO_CLOSED: "CASE_AUTO_CLOSED",
  // the tracking page asks about retaliation 30 or 90 days after closing (after.round), and the answer;
  RETALIATION_CHECK_DUE: "RETALIATION_CHECK_DUE",
  RETALIATION_CHECK_ANSWERED: "RETALIATION_CHECK_ANSWERED",
  // the reporter answered "yes": a RETALIATION case was filed above the office (on the original case).
  RETALIATION_REPORTED: "RETALIATION_REPORTED",
} as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[keyof typeof AUDIT_ACTIONS];
