import { getPublicBaseUrl } from "@/lib/reports/public-address";
import { buildTrackingUrl } from "@/lib/reports/receipt-address";
import { RECEIPT_PDF_TEXTS } from "@/lib/reports/receipt-pdf-texts";
import { readKeptReceipt } from "@/lib/reports/receipt-session";
import { receiptTextFileName, renderReceiptText } from "@/lib/reports/receipt-text";
import { getReporterLocale, isCrossSiteRequest } from "@/lib/reports/request-context";

/**
 * The receipt's code and key as a small text file to keep on the device: a form post from the
 * receipt page, proven by this browser's receipt cookie (nothing in the URL or the body).
 */
export async function POST(request: Request): Promise<Response> {
  const locale = await getReporterLocale();
  const texts = RECEIPT_PDF_TEXTS[locale];
  const plain = (status: number, text: string) =>
    new Response(text, { status, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  try {
    if (isCrossSiteRequest(request)) return plain(403, texts.errors.forbidden);
    const kept = await readKeptReceipt();
    if (!kept) return plain(404, texts.errors.receiptExpired);
    const siteAddress = await getPublicBaseUrl();
    const text = renderReceiptText({ trackingCode: kept.trackingCode, secretKey: kept.secretKey, siteAddress, trackingUrl: buildTrackingUrl(siteAddress, kept.trackingCode) }, locale);
    return new Response(text, {
      headers: {
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Disposition": `attachment; filename="${receiptTextFileName(kept.trackingCode, locale)}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    console.error("receipt text file failed", error);
    return plain(500, texts.errors.unexpected);
  }
}
