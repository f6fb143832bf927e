import { db } from "@/lib/db";
import { localeSchema } from "@/i18n/locales";
import type { Locale } from "@/lib/generated/prisma/enums";
import { getPublicBaseUrl } from "@/lib/reports/public-address";
import { describeReceiptAddress } from "@/lib/reports/receipt-address";
import { findReceiptDetails } from "@/lib/reports/receipt-details";
import { receiptPdfFileName, renderReceiptPdf } from "@/lib/reports/receipt-pdf";
import { RECEIPT_PDF_TEXTS } from "@/lib/reports/receipt-pdf-texts";
import { readKeptReceipt } from "@/lib/reports/receipt-session";
import { getClientAddress, getReporterLocale, isCrossSiteRequest } from "@/lib/reports/request-context";
import { parseTrackingCredentials } from "@/lib/reports/schemas";
import { verifyReceipt } from "@/lib/reports/tracking";
import { readBoundedBody } from "@/lib/reports/upload-request";

/**
 * The receipt as a PDF download, a form post (POST, so the key never appears in a URL, a log line
 * or the browser history). Two ways to prove the receipt:
 * - the reporter's receipt page posts nothing: the receipt comes from this browser's receipt
 *   cookie (lib/reports/receipt-cookie.ts);
 * - the complaint desk's receipt posts trackingCode, secretKey and locale, checked like the
 *   tracking page (same generic answer, same abuse limits).
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

type ProvenReceipt = { status: "proven"; caseId: string; secretKey: string } | { status: "refused"; response: Response };

async function proveReceipt(request: Request, formData: FormData, locale: Locale): Promise<ProvenReceipt> {
  const hasCredentials = formData.has("trackingCode") || formData.has("secretKey");
  if (!hasCredentials) {
    const kept = await readKeptReceipt();
    return kept ? { status: "proven", caseId: kept.caseId, secretKey: kept.secretKey } : { status: "refused", response: refuse(request, 404, "receiptExpired", locale) };
  }
  const credentials = parseTrackingCredentials(formData);
  if (!credentials.success) return { status: "refused", response: refuse(request, 404, "trackingNotFound", locale) };
  const check = await verifyReceipt({ ...credentials.data, clientAddress: await getClientAddress() });
  if (check.status === "rejected") {
    return {
      status: "refused",
      response:
        check.error === "rateLimited"
          ? refuse(request, 429, "rateLimited", locale, { "Retry-After": String(check.retryAfterSeconds) })
          : refuse(request, 404, "trackingNotFound", locale),
    };
  }
  return { status: "proven", caseId: check.caseId, secretKey: credentials.data.secretKey.trim() };
}

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

    const proven = await proveReceipt(request, formData, locale);
    if (proven.status === "refused") return proven.response;

    const details = await findReceiptDetails(db, proven.caseId, locale);
    if (!details) return refuse(request, 404, "trackingNotFound", locale);
    const address = await describeReceiptAddress(await getPublicBaseUrl(), details.trackingCode);
    const pdf = await renderReceiptPdf(details, proven.secretKey, locale, { address });
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
