import QRCode from "qrcode";

/**
 * Where a receipt sends its holder: the site's public address and the tracking page with the
 * receipt's code filled in, also as a QR code. The QR code carries the tracking code only, never
 * the key: a photo of the QR code opens nothing. Pure (the address is a parameter).
 */

export type ReceiptAddress = {
  /** The site's public address as printed, e.g. "https://lapor.imigrasi.go.id". */
  siteAddress: string;
  /** The tracking page with the code filled in: what the QR code encodes. */
  trackingUrl: string;
  /** The QR code of trackingUrl as an SVG document (dark modules on a white ground with its quiet zone). */
  qrSvg: string;
};

/** The query parameter /lacak reads the code from. */
export const TRACKING_CODE_PARAMETER = "kode";

export function buildTrackingUrl(siteAddress: string, trackingCode: string): string {
  return `${siteAddress}/lacak?${TRACKING_CODE_PARAMETER}=${encodeURIComponent(trackingCode)}`;
}

export async function describeReceiptAddress(siteAddress: string, trackingCode: string): Promise<ReceiptAddress> {
  const trackingUrl = buildTrackingUrl(siteAddress, trackingCode);
  const qrSvg = await QRCode.toString(trackingUrl, { type: "svg", errorCorrectionLevel: "M", margin: 4, color: { dark: "#000000", light: "#ffffff" } });
  return { siteAddress, trackingUrl, qrSvg };
}

/** The QR code's modules, for drawing it as vector squares (the PDF). */
export function createTrackingQrMatrix(trackingUrl: string): { size: number; isDark: (row: number, column: number) => boolean } {
  const { modules } = QRCode.create(trackingUrl, { errorCorrectionLevel: "M" });
  return { size: modules.size, isDark: (row, column) => Boolean(modules.get(row, column)) };
}
