/**
 * Display names for stored evidence. The original name is the reporter's, so it may carry
 * paths, control characters, right-to-left overrides (which make "gpj.exe" look like
 * "exe.jpg") or markup; none of it may reach a storage path or a Content-Disposition header
 * unchanged. The extension always comes from the detected type, never from the name.
 */

const MAX_BASE_LENGTH = 100;
/** "Evidence": the name of a file whose own name left nothing usable. */
const FALLBACK_BASE_NAME = "bukti";

export function sanitizeFileName(original: string, extension: string): string {
  const lastSegment = original.split(/[\\/]/).pop() ?? "";
  const base = lastSegment
    .normalize("NFC")
    // Control characters, bidirectional overrides and isolates, zero-width characters.
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, "")
    // Characters that mean something to file systems, shells or HTTP headers.
    .replace(/[<>:"|?*;%\\]/g, "_")
    .replace(/\s+/g, " ")
    .replace(/\.[^.]*$/, "")
    .replace(/^[\s.]+|[\s.]+$/g, "");
  const shortened = Array.from(base).slice(0, MAX_BASE_LENGTH).join("").trim();
  return `${shortened || FALLBACK_BASE_NAME}.${extension}`;
}
