import { createHash } from "node:crypto";

import { fileTypeFromBuffer } from "file-type";

import { REPORT_LIMITS } from "@/lib/reports/schemas";

import { ALLOWED_EVIDENCE_TYPES, isHeifMediaType } from "./evidence-types";
import { sanitizeFileName } from "./file-name";
import { evidenceProcessingSlots, reencodeImage } from "./reencode-image";

/**
 * Turns an uploaded file into what may be stored: type recognised from the content, images
 * re-encoded without any metadata (reencode-image.ts, which also bounds what that costs), SHA-256
 * of the bytes that will be stored. Writes nothing. The other kinds are stored as sent: they cost
 * no more than their bytes (at most 10 MiB) and are never decoded here.
 */

/** Why a file is not stored; `serverBusy` is about this moment, not the file: the same file may be sent again shortly. */
export type EvidenceRejection = "fileEmpty" | "fileTooLarge" | "fileTypeNotAllowed" | "fileUnreadable" | "imageTooLarge" | "serverBusy";

export type ProcessedEvidence = {
  bytes: Buffer;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
};

export async function processEvidence(input: { bytes: Uint8Array; fileName: string }): Promise<
  { ok: true; evidence: ProcessedEvidence } | { ok: false; error: EvidenceRejection }
> {
  if (input.bytes.byteLength === 0) return { ok: false, error: "fileEmpty" };
  if (input.bytes.byteLength > REPORT_LIMITS.fileBytes) return { ok: false, error: "fileTooLarge" };

  const detected = await fileTypeFromBuffer(input.bytes);
  const type = detected ? ALLOWED_EVIDENCE_TYPES[detected.mime] : undefined;
  if (!detected || !type) return { ok: false, error: "fileTypeNotAllowed" };

  let bytes: Buffer;
  if (type.kind === "image") {
    const slot = await evidenceProcessingSlots.run(() => reencodeImage(input.bytes, type.output));
    if (slot.status === "busy") return { ok: false, error: "serverBusy" };
    const reencoded = slot.value;
    if (!reencoded.ok) return { ok: false, error: reencoded.error === "fileUnreadable" && isHeifMediaType(detected.mime) ? "fileTypeNotAllowed" : reencoded.error };
    bytes = reencoded.bytes;
  } else {
    bytes = Buffer.from(input.bytes);
  }

  return {
    ok: true,
    evidence: {
      bytes,
      fileName: sanitizeFileName(input.fileName, type.extension),
      mediaType: type.mediaType,
      sizeBytes: bytes.byteLength,
      sha256: createHash("sha256").update(bytes).digest("hex"),
    },
  };
}
