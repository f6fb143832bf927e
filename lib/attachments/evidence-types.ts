/**
 * The kinds of evidence a reporter may send, recognised from the content (never the name).
 * Images are re-encoded to drop their metadata; the other kinds are stored as sent.
 */

export type ImageOutputFormat = "jpeg" | "png" | "webp";

export type EvidenceType =
  | { kind: "image"; mediaType: string; extension: string; output: ImageOutputFormat }
  | { kind: "document" | "audio" | "video"; mediaType: string; extension: string };

const JPEG: EvidenceType = { kind: "image", mediaType: "image/jpeg", extension: "jpg", output: "jpeg" };

/** Detected media type (as file-type names it) -> what is stored. */
export const ALLOWED_EVIDENCE_TYPES: Readonly<Record<string, EvidenceType>> = {
  "image/jpeg": JPEG,
  "image/png": { kind: "image", mediaType: "image/png", extension: "png", output: "png" },
  "image/webp": { kind: "image", mediaType: "image/webp", extension: "webp", output: "webp" },
  // iPhone photos. Stored as JPEG: browsers cannot show HEIC. Accepted only when this build of
  // sharp can decode it (the prebuilt one decodes AV1-coded HEIF but not HEVC-coded HEIC,
  // which is then refused as an unsupported type rather than stored unprocessed).
  "image/heic": JPEG,
  "image/heif": JPEG,
  "application/pdf": { kind: "document", mediaType: "application/pdf", extension: "pdf" },
  "audio/mpeg": { kind: "audio", mediaType: "audio/mpeg", extension: "mp3" },
  "audio/x-m4a": { kind: "audio", mediaType: "audio/mp4", extension: "m4a" },
  "audio/mp4": { kind: "audio", mediaType: "audio/mp4", extension: "m4a" },
  "audio/aac": { kind: "audio", mediaType: "audio/aac", extension: "aac" },
  "audio/ogg": { kind: "audio", mediaType: "audio/ogg", extension: "ogg" },
  "audio/wav": { kind: "audio", mediaType: "audio/wav", extension: "wav" },
  // WebM carries voice recordings and videos alike; file-type names both video/webm.
  "video/webm": { kind: "video", mediaType: "video/webm", extension: "webm" },
  "video/mp4": { kind: "video", mediaType: "video/mp4", extension: "mp4" },
  "video/quicktime": { kind: "video", mediaType: "video/quicktime", extension: "mov" },
};

export function isHeifMediaType(mediaType: string): boolean {
  return mediaType === "image/heic" || mediaType === "image/heif";
}
