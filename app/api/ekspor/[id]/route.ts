import { Readable } from "node:stream";

import { getCurrentStaff } from "@/lib/auth/session";
import { findExportDownload, recordExportDownloaded } from "@/lib/exports/jobs";
import { getExportStorage } from "@/lib/exports/export-storage";
import { checkRateLimit } from "@/lib/rate-limit/limits";
import type { ExportFormat } from "@/lib/exports/params";

/**
 * Downloads a finished export: only its requester, only while they still have
 * `viewStatistics`, only until it expires; 404 in every other case, so an id says nothing about
 * whose export it is. The file is streamed from the storage, never cached, and every download is
 * written to the audit trail (EXPORT_DOWNLOADED), at most RATE_LIMIT_EXPORT_DOWNLOADS_PER_HOUR per
 * user. HEAD is refused (405), so a link checker cannot write audit entries.
 */

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  pdf: "application/pdf",
};

function notFound(): Response {
  return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8" } });
}

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const actor = await getCurrentStaff();
  if (!actor) return notFound();
  const { id } = await params;
  const download = await findExportDownload(actor, id);
  if (!download) return notFound();
  const limit = await checkRateLimit("exportDownload", actor.id);
  if (!limit.allowed) {
    return new Response("Too many downloads; try again later.", {
      status: 429,
      headers: { "Cache-Control": "no-store", "Content-Type": "text/plain; charset=utf-8", "Retry-After": String(limit.retryAfterSeconds) },
    });
  }
  const file = await getExportStorage().getStream(download.storageKey);
  if (!file) return notFound();
  try {
    await recordExportDownloaded(actor, download);
  } catch (error) {
    // No audit entry, no file: an unrecorded download is what the trail exists to prevent.
    file.stream.destroy();
    throw error;
  }
  // The file name is built from codes and dates (lib/exports/describe.ts), so it is plain ASCII already.
  const asciiName = download.fileName.replace(/[^A-Za-z0-9._-]/g, "_");
  return new Response(Readable.toWeb(file.stream) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": CONTENT_TYPES[download.format],
      "Content-Length": String(file.sizeBytes),
      "Content-Disposition": `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(download.fileName)}`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/** Without its own HEAD, Next would answer HEAD with GET: an audit entry and an open file per probe. */
export function HEAD(): Response {
  return new Response(null, { status: 405, headers: { Allow: "GET", "Cache-Control": "no-store" } });
}
