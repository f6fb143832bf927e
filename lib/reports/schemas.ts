import { z } from "@/lib/zod";

import { isRealDateKey, toJakartaDateKey } from "@/lib/deadlines/working-days";

import { PAYMENT_METHODS, REPORT_KINDS, REPORT_LIMITS, REPORT_TEXT_FIELDS, REPORTER_MODES, TRI_STATE_ANSWERS, parseRupiahAmount, type FieldErrors, type ReportField } from "./limits";
import { normalizeSecretKey, normalizeTrackingCode } from "./receipt-format";

export {
  checkEvidenceSelection,
  PAYMENT_METHODS,
  parseRupiahAmount,
  REPORT_KINDS,
  REPORT_LIMITS,
  REPORT_TEXT_FIELDS,
  REPORTER_MODES,
  TRI_STATE_ANSWERS,
  type FieldErrors,
  type ReportField,
} from "./limits";

/**
 * The reporting forms' rules, shared by the server (the authority) and the browser (early
 * feedback only). No server imports here. Every error is a code from ./error-codes.ts.
 */

export type ReportFormData = {
  kind: (typeof REPORT_KINDS)[number];
  officeCode: string;
  /** Null when the report is not about one specific service. */
  serviceCode: string | null;
  categoryCode: string;
  /** "YYYY-MM-DD", a Jakarta calendar date. */
  incidentDate: string;
  incidentPlace: string | null;
  description: string;
  /** Only for a pungli report; null for a complaint (whatever the form carried). */
  pungli: {
    amountDemandedRupiah: number;
    amountPaidRupiah: number | null;
    paymentMethod: (typeof PAYMENT_METHODS)[number];
    /** Null when the reporter does not know. */
    brokerInvolved: boolean | null;
    receiptGiven: boolean | null;
    accusedDescription: string | null;
  } | null;
  /** An anonymous reporter's name, email and phone are dropped here, whatever the form carried. */
  reporter:
    | { mode: "ANONYMOUS"; /** An email left only for notices (lib/notifications): stored encrypted, never shown to staff. */ noticeEmail?: string | null }
    | { mode: "IDENTIFIED"; name: string; email: string | null; phone: string | null };
  idempotencyKey: string;
};

// ---------------------------------------------------------------------------
// Building blocks
// ---------------------------------------------------------------------------

/** Trimmed, without NUL characters (PostgreSQL text cannot hold them). Never HTML-escaped: React escapes on output. */
function cleanText(value: string | undefined): string {
  return (value ?? "").replace(/\u0000/g, "").trim();
}

/** One code per field, the first rule broken: "required", then "tooShort", then "tooLong". */
const requiredText = (options: { max: number; min?: number }) =>
  z
    .string()
    .optional()
    .transform(cleanText)
    .superRefine((text, context) => {
      const code = text === "" ? "required" : text.length < (options.min ?? 1) ? "tooShort" : text.length > options.max ? "tooLong" : null;
      if (code) context.addIssue({ code: "custom", message: code });
    });

const optionalText = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => cleanText(value) || null)
    .pipe(z.string().max(max, { error: "tooLong" }).nullable());

const choice = <const Options extends readonly [string, ...string[]]>(options: Options) =>
  z
    .string()
    .optional()
    .transform(cleanText)
    .pipe(z.enum(options, { error: (issue) => (issue.input === "" ? "required" : "invalidChoice") }));

/** A reference code (office, category); whether it exists is checked on the server. */
const requiredCode = requiredText({ max: 64 });

/** "yes" / "no" / "unknown" as true / false / null. */
const triState = choice(TRI_STATE_ANSWERS).transform((answer) => (answer === "unknown" ? null : answer === "yes"));

const rupiahAmount = z
  .string()
  .transform((value, context) => {
    const parsed = parseRupiahAmount(value);
    if ("error" in parsed) {
      context.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.amount;
  });

const requiredRupiahAmount = z
  .string()
  .optional()
  .transform(cleanText)
  .pipe(z.string().refine((text) => text !== "", { error: "required", abort: true }).pipe(rupiahAmount));

const optionalRupiahAmount = z
  .string()
  .optional()
  .transform(cleanText)
  .transform((text, context) => {
    if (text === "") return null;
    const parsed = parseRupiahAmount(text);
    if ("error" in parsed) {
      context.addIssue({ code: "custom", message: parsed.error });
      return z.NEVER;
    }
    return parsed.amount;
  });

/** 8 to 15 digits, optionally after a "+"; spaces, dashes, dots and parentheses are allowed between them. */
const PHONE_PATTERN = /^\+?[\d\s().-]+$/;

const optionalPhone = optionalText(REPORT_LIMITS.phoneMax).refine(
  (phone) => {
    if (phone === null) return true;
    const digitCount = phone.replace(/\D/g, "").length;
    return PHONE_PATTERN.test(phone) && digitCount >= 8 && digitCount <= 15;
  },
  { error: "invalidPhone" },
);

const optionalEmail = optionalText(REPORT_LIMITS.emailMax).pipe(z.email({ error: "invalidEmail" }).nullable());

/** A Jakarta calendar date, not in the future and not older than the limit. */
function incidentDateSchema(now: () => Date) {
  return z
    .string()
    .optional()
    .transform(cleanText)
    .pipe(
      z
        .string()
        .refine((text) => text !== "", { error: "required", abort: true })
        .refine(isRealDateKey, { error: "invalidDate", abort: true })
        .refine((dateKey) => dateKey <= toJakartaDateKey(now()), { error: "dateInFuture", abort: true })
        .refine((dateKey) => dateKey >= oldestIncidentDateKey(now()), { error: "dateTooOld" }),
    );
}

/** The same calendar day, `incidentMaxAgeYears` years before today in Jakarta. */
export function oldestIncidentDateKey(now: Date): string {
  const today = new Date(`${toJakartaDateKey(now)}T00:00:00.000Z`);
  today.setUTCFullYear(today.getUTCFullYear() - REPORT_LIMITS.incidentMaxAgeYears);
  return today.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------
// The report form
// ---------------------------------------------------------------------------

const pungliFieldsSchema = z.object({
  amountDemanded: requiredRupiahAmount,
  amountPaid: optionalRupiahAmount,
  paymentMethod: choice(PAYMENT_METHODS),
  brokerInvolved: triState,
  receiptGiven: triState,
  accusedDescription: optionalText(REPORT_LIMITS.accusedMax),
});

const identifiedReporterSchema = z
  .object({
    reporterName: requiredText({ max: REPORT_LIMITS.nameMax }),
    reporterEmail: optionalEmail,
    reporterPhone: optionalPhone,
  })
  .superRefine((reporter, context) => {
    if (reporter.reporterEmail === null && reporter.reporterPhone === null) {
      context.addIssue({ code: "custom", path: ["reporterEmail"], message: "contactRequired" });
    }
  });

/** An anonymous reporter may leave an email only for notices of news on the report. */
const anonymousNoticeSchema = z.object({ noticeEmail: optionalEmail });

type RawReportForm = Partial<Record<(typeof REPORT_TEXT_FIELDS)[number], string>>;

/**
 * The report form. Every field is read as an optional string (FormData gives nothing else);
 * the pungli fields are checked only for a pungli report and the identity fields only for an
 * identified reporter, so a hidden, half-filled section can never block or leak into a filing.
 * All problems are reported at once, each on its field.
 */
export function createReportFormSchema(options: { now?: () => Date } = {}) {
  const now = options.now ?? (() => new Date());
  const commonFieldsSchema = z.object({
    kind: choice(REPORT_KINDS),
    officeCode: requiredCode,
    serviceCode: optionalText(64),
    categoryCode: requiredCode,
    incidentDate: incidentDateSchema(now),
    incidentPlace: optionalText(REPORT_LIMITS.placeMax),
    description: requiredText({ min: REPORT_LIMITS.descriptionMin, max: REPORT_LIMITS.descriptionMax }),
    reporterMode: choice(REPORTER_MODES),
    idempotencyKey: z.string().optional().transform(cleanText).pipe(z.uuid({ error: "formOutdated" })),
  });
  const rawFormSchema = z.object(Object.fromEntries(REPORT_TEXT_FIELDS.map((field) => [field, z.string().optional()])) as Record<(typeof REPORT_TEXT_FIELDS)[number], z.ZodOptional<z.ZodString>>);

  return rawFormSchema.transform((raw: RawReportForm, context): ReportFormData => {
    const forward = <T>(result: z.ZodSafeParseResult<T>): T | undefined => {
      if (result.success) return result.data;
      for (const issue of result.error.issues) context.addIssue({ code: "custom", path: issue.path, message: issue.message });
      return undefined;
    };

    const common = forward(commonFieldsSchema.safeParse(raw));
    const isPungli = cleanText(raw.kind) === "PUNGLI";
    const pungli = isPungli ? forward(pungliFieldsSchema.safeParse(raw)) : null;
    const isIdentified = cleanText(raw.reporterMode) === "IDENTIFIED";
    const identified = isIdentified ? forward(identifiedReporterSchema.safeParse(raw)) : null;
    const notice = isIdentified ? null : forward(anonymousNoticeSchema.safeParse(raw));

    if (!common || pungli === undefined || identified === undefined || notice === undefined) return z.NEVER;
    return {
      kind: common.kind,
      officeCode: common.officeCode,
      serviceCode: common.serviceCode,
      categoryCode: common.categoryCode,
      incidentDate: common.incidentDate,
      incidentPlace: common.incidentPlace,
      description: common.description,
      pungli: pungli && {
        amountDemandedRupiah: pungli.amountDemanded,
        amountPaidRupiah: pungli.amountPaid,
        paymentMethod: pungli.paymentMethod,
        brokerInvolved: pungli.brokerInvolved,
        receiptGiven: pungli.receiptGiven,
        accusedDescription: pungli.accusedDescription,
      },
      reporter: identified
        ? { mode: "IDENTIFIED", name: identified.reporterName, email: identified.reporterEmail, phone: identified.reporterPhone }
        : { mode: "ANONYMOUS", noticeEmail: notice?.noticeEmail ?? null },
      idempotencyKey: common.idempotencyKey,
    };
  });
}

export const reportFormSchema = createReportFormSchema();

export type ParseResult<Data, Field extends string> =
  | { success: true; data: Data }
  | { success: false; fieldErrors: FieldErrors<Field> };

/** The form's text fields as strings (the first value of each), ignoring files and unknown fields. */
export function readTextFields<Field extends string>(
  input: FormData | Record<string, string | undefined>,
  fields: readonly Field[],
): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = input instanceof FormData ? input.get(field) : input[field];
    if (typeof value === "string") values[field] = value;
  }
  return values;
}

function toFieldErrors<Field extends string>(error: z.ZodError): FieldErrors<Field> {
  const fieldErrors: FieldErrors<Field> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "form") as Field;
    const codes = (fieldErrors[field] ??= []);
    if (!codes.includes(issue.message)) codes.push(issue.message);
  }
  return fieldErrors;
}

function parseWith<Data, Field extends string>(
  schema: z.ZodType<Data>,
  input: FormData | Record<string, string | undefined>,
  fields: readonly Field[],
): ParseResult<Data, Field> {
  const result = schema.safeParse(readTextFields(input, fields));
  return result.success ? { success: true, data: result.data } : { success: false, fieldErrors: toFieldErrors<Field>(result.error) };
}

/** Checks the report form's text fields. `now` decides what "today" is (tests; defaults to the clock). */
export function parseReportForm(
  input: FormData | Record<string, string | undefined>,
  options: { now?: Date } = {},
): ParseResult<ReportFormData, ReportField> {
  const { now } = options;
  const schema = now ? createReportFormSchema({ now: () => now }) : reportFormSchema;
  return parseWith(schema, input, REPORT_TEXT_FIELDS);
}

// ---------------------------------------------------------------------------
// The tracking page's forms
// ---------------------------------------------------------------------------

export const TRACKING_FIELDS = ["trackingCode", "secretKey"] as const;
export type TrackingField = (typeof TRACKING_FIELDS)[number];

/**
 * A code or key that cannot be one (a key of 24 digits, a letter in it) gets a message of its own
 * that says what shape it has: the shape is printed on every receipt, so saying it gives nothing
 * away. Separators people type (spaces, dashes, dots) are tolerated. A well-formed pair that does
 * not match gets the one answer that does not say which of the two is wrong (./tracking.ts).
 */
const receiptPart = (isWellFormed: (text: string) => boolean, malformed: "trackingCodeMalformed" | "secretKeyMalformed") =>
  z
    .string()
    .optional()
    .transform(cleanText)
    .superRefine((text, context) => {
      const code = text === "" ? "required" : !isWellFormed(text) ? malformed : null;
      if (code) context.addIssue({ code: "custom", message: code });
    });

export const trackingCredentialsSchema = z.object({
  trackingCode: receiptPart((text) => normalizeTrackingCode(text) !== null, "trackingCodeMalformed"),
  secretKey: receiptPart((text) => normalizeSecretKey(text) !== null, "secretKeyMalformed"),
});

export function parseTrackingCredentials(input: FormData | Record<string, string | undefined>) {
  return parseWith(trackingCredentialsSchema, input, TRACKING_FIELDS);
}

export const MESSAGE_FIELDS = ["body", "idempotencyKey"] as const;
export type MessageField = (typeof MESSAGE_FIELDS)[number] | "evidence";

export const reporterMessageSchema = z.object({
  body: requiredText({ max: REPORT_LIMITS.messageMax }),
  idempotencyKey: z.string().optional().transform(cleanText).pipe(z.uuid({ error: "formOutdated" })),
});

export type ReporterMessageData = z.infer<typeof reporterMessageSchema>;

export function parseReporterMessage(input: FormData | Record<string, string | undefined>): ParseResult<ReporterMessageData, MessageField> {
  return parseWith(reporterMessageSchema, input, MESSAGE_FIELDS);
}

export const RATING_FIELDS = ["score", "comment"] as const;
export type RatingField = (typeof RATING_FIELDS)[number];

export const ratingSchema = z.object({
  score: z
    .string()
    .optional()
    .transform(cleanText)
    .pipe(
      z
        .string()
        .refine((text) => text !== "", { error: "required", abort: true })
        .regex(/^[1-5]$/, { error: "invalidScore" })
        .transform(Number),
    ),
  comment: optionalText(REPORT_LIMITS.commentMax),
});

export type RatingData = z.infer<typeof ratingSchema>;

export function parseRating(input: FormData | Record<string, string | undefined>): ParseResult<RatingData, RatingField> {
  return parseWith(ratingSchema, input, RATING_FIELDS);
}

export const OBJECTION_FIELDS = ["reason", "idempotencyKey"] as const;
export type ObjectionField = (typeof OBJECTION_FIELDS)[number];

/** An objection to the office's decision (lib/objections): the reason is required, so the supervisor knows what to review. */
export const objectionSchema = z.object({
  reason: requiredText({ min: REPORT_LIMITS.objectionReasonMin, max: REPORT_LIMITS.objectionReasonMax }),
  idempotencyKey: z.string().optional().transform(cleanText).pipe(z.uuid({ error: "formOutdated" })),
});

export type ObjectionData = z.infer<typeof objectionSchema>;

export function parseObjection(input: FormData | Record<string, string | undefined>): ParseResult<ObjectionData, ObjectionField> {
  return parseWith(objectionSchema, input, OBJECTION_FIELDS);
}
