import { getCurrentStaff } from "@/lib/auth/session";
import { openEvidenceForStaff } from "@/lib/cases/evidence";
import { CaseNotFoundError, CaseRuleError } from "@/lib/cases/errors";

/**
 * Evidence download for staff. The data layer decides (scope and involvement, like the case
 * itself) and writes EVIDENCE_DOWNLOADED. The file is the reporter's, so it is never rendered by
 * the browser inside the site: always an attachment, its declared type never sniffed, and under
 * a CSP that forbids everything should a browser display it anyway.
 */

const SAFE_HEADERS = {
  "X-Content-Type-Options": "nosniff",
  "Content-Security-Policy": "default-src 'none'; sandbox",
  "Cache-Control": "private, no-store",
} as const;

/** RFC 6266: a plain-ASCII fallback name and the exact UTF-8 name. The stored name is already sanitised (lib/attachments/file-name.ts). */
function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

export async function GET(_request: Request, context: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getCurrentStaff();
  if (!actor) return new Response(null, { status: 401, headers: SAFE_HEADERS });
  const { id } = await context.params;
  try {
    const file = await openEvidenceForStaff(actor, id);
    return new Response(new Uint8Array(file.bytes), {
      status: 200,
      headers: {
        ...SAFE_HEADERS,
        "Content-Type": file.mediaType,
        "Content-Length": String(file.bytes.length),
        "Content-Disposition": contentDisposition(file.fileName),
      },
    });
  } catch (error) {
    if (error instanceof CaseNotFoundError) return new Response(null, { status: 404, headers: SAFE_HEADERS });
    if (error instanceof CaseRuleError && error.code === "evidenceMissing") return new Response(null, { status: 410, headers: SAFE_HEADERS });
    throw error;
  }
}
