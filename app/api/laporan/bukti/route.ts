
import { stageEvidence } from "@/lib/attachments/staging";
import type { ReportErrorCode } from "@/lib/reports/error-codes";
import { isDeskStaffUpload } from "@/lib/reports/evidence-limit";
import { getClientAddress, isCrossSiteRequest } from "@/lib/reports/request-context";
import { readBoundedBody, readUploadedFile } from "@/lib/reports/upload-request";
import { checkRateLimit, refundRateLimit } from "@/lib/rate-limit/limits";

/**
 * Stages one evidence file for a report or a message (multipart field `file`), so the form can
 * show progress and the reporter's choice survives a failed submission. Answers
 * `200 { token, fileName, mediaType, sizeBytes, sha256 }`, `4xx { error: code }`, or
 * `503 { error: "serverBusy" }` with Retry-After when too many images are being processed.
 */

const noStore = { "Cache-Control": "no-store" };

function refuse(status: number, error: ReportErrorCode, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { ...noStore, ...headers } });
}

const STATUS_OF_REJECTION: Partial<Record<ReportErrorCode, number>> = { fileTooLarge: 413, fileTypeNotAllowed: 415, serverBusy: 503 };
/** An image takes a few seconds: by then a slot has most likely come free. */
const BUSY_RETRY_AFTER_SECONDS = 10;

export async function POST(request: Request): Promise<Response> {
  if (isCrossSiteRequest(request)) return refuse(403, "forbidden");
  try {
    const clientAddress = await getClientAddress();
    const limited = !(await isDeskStaffUpload());
    if (limited) {
      const limit = await checkRateLimit("evidenceUpload", clientAddress);
      if (!limit.allowed) return refuse(429, "rateLimited", { "Retry-After": String(limit.retryAfterSeconds) });
    }

    const body = await readBoundedBody(request);
    if (body.status === "tooLarge") return refuse(413, "fileTooLarge", { Connection: "close" });
    const file = await readUploadedFile(body.bytes, request.headers.get("content-type") ?? "");
    if (!file) return refuse(400, "fileMissing");

    const staged = await stageEvidence({ bytes: new Uint8Array(await file.arrayBuffer()), fileName: file.name });
    if (!staged.ok) {
      // A busy server is not the client's doing: the retry it is asked to make must not cost an upload.
      if (staged.error === "serverBusy" && limited) await refundRateLimit("evidenceUpload", clientAddress);
      const headers: Record<string, string> = staged.error === "serverBusy" ? { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS) } : {};
      return refuse(STATUS_OF_REJECTION[staged.error] ?? 422, staged.error, headers);
    }
    return Response.json(staged.evidence, { headers: noStore });
  } catch (error) {
    console.error("evidence upload failed", error);
    return refuse(500, "unexpected");
  }
}
