/**
 * Every error code the reporting flow returns (form actions, the upload endpoint, the receipt
 * PDF route). The server never sends text: the UI translates each code (messages/*.json).
 * Safe to import in the browser.
 */
export const REPORT_ERROR_CODES = [
  // Form fields
  "required", // The field must be filled in or chosen.
  "tooShort", // The text is shorter than the minimum (description: 30 characters).
  "tooLong", // The text is longer than the maximum for this field.
  "invalidChoice", // The value is not one of the offered options.
  "invalidDate", // Not a real date in the form YYYY-MM-DD.
  "dateInFuture", // The date is after today (Jakarta time).
  "dateTooOld", // The date is more than 2 years ago.
  "invalidAmount", // Not a whole rupiah amount (e.g. 1500000, 1.500.000 or Rp 1.500.000).
  "amountTooLarge", // The amount is above Rp 1.000.000.000.
  "invalidEmail", // Not an email address.
  "invalidPhone", // Not a phone number (8 to 15 digits, may start with +).
  "contactRequired", // An identified reporter must give an email address or a phone number (shown on reporterEmail).
  "officeUnknown", // The chosen office does not exist or no longer takes reports.
  "serviceUnknown", // The chosen service does not exist or is no longer offered.
  "categoryUnknown", // The chosen category does not exist or is no longer used.
  "invalidScore", // A rating must be a whole number from 1 to 5.
  // Evidence
  "fileMissing", // The upload carried no file.
  "fileEmpty", // The file is empty.
  "fileTooLarge", // The file (or the upload request) is larger than 10 MB.
  "fileTypeNotAllowed", // The content is not an allowed photo, PDF, audio or video file (whatever its name says).
  "fileUnreadable", // The content looks like an allowed type but is damaged and cannot be read.
  "imageTooLarge", // The image has more pixels than can be processed (over 100 megapixels; over 12.6 for progressive JPEG, interlaced PNG and HEIF).
  "serverBusy", // Too many files are being processed right now; this one was not kept: send it again in a minute.
  "tooManyFiles", // More than 5 files for one report or message; none of the new files was kept.
  "evidenceExpired", // A file uploaded earlier is no longer available (over 24 hours old, or already used): choose it again.
  // Whole form
  "formOutdated", // The form lacks its hidden submission id: reload the page and submit again.
  "rateLimited", // Too many attempts from this connection (or on this tracking code): try again later.
  "alreadyFiled", // This form was already filed more than an hour ago; its receipt was shown then and cannot be shown again.
  "unexpected", // Something went wrong on our side; nothing was saved, try again.
  "forbidden", // The request did not come from this site.
  // Tracking
  "trackingNotFound", // The tracking code and secret key do not match a report (deliberately does not say which is wrong).
  "trackingSessionExpired", // The tracking session ended (30 minutes without activity): enter the code and key again.
  "caseClosed", // The case is resolved or rejected: no more messages can be added.
  "alreadyRated", // This case has already been rated.
  "cannotRateYet", // A case can be rated only once it is resolved or rejected.
  "trackingCodeMalformed", // The text cannot be a tracking code (LI- and two groups of 4 letters and digits): says the shape.
  "secretKeyMalformed", // The text cannot be a secret key (25 digits in 5 groups of 5): says the shape.
  // Objection (lib/objections)
  "objectionNotAvailable", // The case is not resolved or rejected by the office (still open, or forwarded): nothing to object to.
  "objectionWindowClosed", // The working days to object to the decision have passed.
  "alreadyObjected", // The reporter already objected to this case once.
] as const;

export type ReportErrorCode = (typeof REPORT_ERROR_CODES)[number];
