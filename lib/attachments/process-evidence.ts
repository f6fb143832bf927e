import { createHash } from "node:crypto";

import { fileTypeFromBuffer } from "file-type";
import sharp from "sharp";

import { REPORT_LIMITS } from "@/lib/reports/schemas";

import { ALLOWED_EVIDENCE_TYPES, isHeifMediaType, type ImageOutputFormat } from "./evidence-types";
import { sanitizeFileName } from "./file-name";

/**
 * Turns an uploaded file into what may be stored: type recognised from the content, images
 * re-encoded without any metadata, SHA-256 of the bytes that will be stored. Writes nothing.
 */

export type EvidenceRejection = "fileEmpty" | "fileTooLarge" | "fileTypeNotAllowed" | "fileUnreadable" | "imageTooLarge";

export type ProcessedEvidence = {
  bytes: Buffer;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
};

/**
 * Larger images are refused rather than decoded: a small, highly compressed file can expand to
 * gigabytes of pixels. 100 megapixels covers every phone camera's default mode.
 */
export const MAX_IMAGE_PIXELS = 100_000_000;

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
    const reencoded = await reencodeImage(input.bytes, type.output);
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

/**
 * Decodes and encodes the image again. Orientation is applied to the pixels first (the EXIF tag
 * that carried it is dropped with the rest). sharp writes no metadata unless asked to: no EXIF
 * (GPS, camera serial numbers, dates), no XMP, no IPTC, no ICC profile (colours are converted
 * to sRGB instead).
 */
async function reencodeImage(
  input: Uint8Array,
  output: ImageOutputFormat,
): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: "fileUnreadable" | "imageTooLarge" }> {
  try {
    const image = sharp(input, { failOn: "error", limitInputPixels: MAX_IMAGE_PIXELS, animated: output === "webp" }).rotate();
    const encoded =
      output === "jpeg"
        ? image.jpeg({ quality: 90, chromaSubsampling: "4:4:4" })
        : output === "png"
          ? image.png({ compressionLevel: 6 })
          : image.webp({ quality: 90 });
    return { ok: true, bytes: await encoded.toBuffer() };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    return { ok: false, error: /pixel limit/i.test(message) ? "imageTooLarge" : "fileUnreadable" };
  }
}

