import { db } from "@/lib/db";
import { localeSchema } from "@/i18n/locales";
import type { Locale } from "@/lib/generated/prisma/enums";
import { findReceiptDetails } from "@/lib/reports/receipt-details";
import { receiptPdfFileName, renderReceiptPdf } from "@/lib/reports/receipt-pdf";
import { RECEIPT_PDF_TEXTS } from "@/lib/reports/receipt-pdf-texts";
import { getClientAddress, getReporterLocale, isCrossSiteRequest } from "@/lib/reports/request-context";
import { parseTrackingCredentials } from "@/lib/reports/schemas";
import { verifyReceipt } from "@/lib/reports/tracking";
import { readBoundedBody } from "@/lib/reports/upload-request";

/**
 * The receipt as a PDF download: a form post (trackingCode, secretKey, locale) from the receipt
 * page, checked like the tracking page (same generic answer, same abuse limits). POST, so the
 * key never appears in a URL, a log line or the browser history.
 */

type ErrorCode = keyof (typeof RECEIPT_PDF_TEXTS)["id"]["errors"];

/** Answers a script with a code and a person (a no-JavaScript form post) with a sentence. */
function refuse(request: Request, status: number, error: ErrorCode, locale: Locale, headers: Record<string, string> = {}): Response {
  const common = { "Cache-Control": "no-store", ...headers };
  if (request.headers.get("accept")?.includes("application/json")) return Response.json({ error }, { status, headers: common });
  return new Response(RECEIPT_PDF_TEXTS[locale].errors[error], { status, headers: { ...common, "Content-Type": "text/plain; charset=utf-8" } });
}

/** Three short fields: anything bigger is not this form. */
const FORM_LIMIT_BYTES = 16 * 1024;

export async function POST(request: Request): Promise<Response> {
  let locale: Locale = "id";
  try {
    locale = await getReporterLocale();
    if (isCrossSiteRequest(request)) return refuse(request, 403, "forbidden", locale);

    const body = await readBoundedBody(request, FORM_LIMIT_BYTES);
    if (body.status === "tooLarge") return refuse(request, 413, "trackingNotFound", locale);
    const formData = await new Response(body.bytes, { headers: { "content-type": request.headers.get("content-type") ?? "" } })
      .formData()
      .catch(() => new FormData());
    const requestedLocale = localeSchema.safeParse(formData.get("locale"));
    if (requestedLocale.success) locale = requestedLocale.data;

    const credentials = parseTrackingCredentials(formData);
    if (!credentials.success) return refuse(request, 404, "trackingNotFound", locale);
    const check = await verifyReceipt({ ...credentials.data, clientAddress: await getClientAddress() });
    if (check.status === "rejected") {
      return check.error === "rateLimited"
        ? refuse(request, 429, "rateLimited", locale, { "Retry-After": String(check.retryAfterSeconds) })
        : refuse(request, 404, "trackingNotFound", locale);
    }

    const details = await findReceiptDetails(db, check.caseId, locale);
    if (!details) return refuse(request, 404, "trackingNotFound", locale);
    const pdf = await renderReceiptPdf(details, credentials.data.secretKey.trim(), locale);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf",
        "Content-Disposition": `attachment; filename="${receiptPdfFileName(details.trackingCode, locale)}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    console.error("receipt pdf failed", error);
    return refuse(request, 500, "unexpected", locale);
  }
}
