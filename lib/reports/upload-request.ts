import "server-only";

import { REPORT_LIMITS } from "./schemas";

/**
 * Reading an upload's body with a ceiling: one file of at most 10 MiB plus the multipart
 * envelope. Anything larger is refused as soon as it is known to be larger (from Content-Length,
 * or while streaming when the length is not declared), so no more than the ceiling is ever held.
 */

export const UPLOAD_BODY_LIMIT_BYTES = REPORT_LIMITS.fileBytes + 1024 * 1024;

export type BoundedBody = { status: "ok"; bytes: Uint8Array<ArrayBuffer> } | { status: "tooLarge" };

export async function readBoundedBody(request: Request, limitBytes: number = UPLOAD_BODY_LIMIT_BYTES): Promise<BoundedBody> {
  const declared = Number(request.headers.get("content-length") ?? "NaN");
  if (Number.isFinite(declared) && declared > limitBytes) return { status: "tooLarge" };
  if (!request.body) return { status: "ok", bytes: new Uint8Array() };

  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel();
      return { status: "tooLarge" };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(received);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { status: "ok", bytes };
}

/** The `file` part of a multipart body already read into memory, or null. */
export async function readUploadedFile(bytes: Uint8Array<ArrayBuffer>, contentType: string): Promise<File | null> {
  if (!contentType.toLowerCase().startsWith("multipart/form-data")) return null;
  try {
    const formData = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
    const file = formData.get("file");
    return file instanceof File ? file : null;
  } catch {
    return null;
  }
}
