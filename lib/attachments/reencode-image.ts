import sharp, { type Metadata } from "sharp";

import type { ImageOutputFormat } from "./evidence-types";
import { createProcessingSlots } from "./processing-slots";

/**
 * Re-encoding an evidence image (to drop its metadata) with a bounded, small memory cost.
 *
 * A small, highly compressed file can describe gigabytes of pixels. What a decode costs depends
 * on the format, and is read from the header before any pixel is decoded:
 * - baseline JPEG, non-interlaced PNG and still WebP are decoded a strip at a time or already
 *   shrunk (JPEG and WebP shrink on load), so they are accepted up to MAX_IMAGE_PIXELS;
 * - progressive JPEG, interlaced PNG, HEIF and animated WebP (all its frames are held at once)
 *   must be decoded whole, so they are accepted only up to MAX_WHOLE_DECODE_PIXELS (for an
 *   animation, all frames together).
 * The stored image has at most MAX_STORED_PIXELS (larger ones are scaled down, keeping their
 * proportions), so the encoder's cost is bounded too. The JPEG encoder writes as it goes (no
 * Huffman optimisation, which would hold the whole image's coefficients).
 *
 * At most EVIDENCE_PROCESSING_SLOTS images are processed at once in this process, each on one
 * libvips thread, and a few more wait (see processing-slots.ts). `npm run bench:uploads`
 * measures the resulting peak memory.
 */

/**
 * What evidence needs: a 12-megapixel phone photo (4032x3024, or 4080x3072 binned from a 50 MP
 * sensor) is stored at its full size; a long screenshot keeps its width.
 */
export const MAX_STORED_PIXELS = 4096 * 3072;

/** Images the decoder holds whole are refused beyond the size that is stored anyway. */
export const MAX_WHOLE_DECODE_PIXELS = MAX_STORED_PIXELS;

/** Every phone camera's default mode; for an animated WebP, all frames together. */
export const MAX_IMAGE_PIXELS = 100_000_000;

/** Images processed at once in this process; with one libvips thread each, about the cores of a small instance. */
export const EVIDENCE_PROCESSING_SLOTS = 2;
/** Uploads that may wait for a slot; more are answered "busy, try again" (each holds its file, up to 10 MiB, while it waits). */
export const EVIDENCE_PROCESSING_QUEUE = 6;

// A server re-encodes each upload once: libvips's operation cache would only keep images no one
// asks for again, and its default of one thread per core multiplies the memory of every image.
sharp.cache(false);
sharp.concurrency(1);

export const evidenceProcessingSlots = createProcessingSlots({ running: EVIDENCE_PROCESSING_SLOTS, waiting: EVIDENCE_PROCESSING_QUEUE });

export type ImageRejection = "fileUnreadable" | "imageTooLarge";

export type ImagePlan = { ok: true; width: number; height: number } | { ok: false; error: "imageTooLarge" };

/**
 * Decides from the header alone whether an image may be decoded, and the size it is stored at
 * (upright, per frame). Pure, so the limits are tested without decoding anything.
 */
export function planImage(
  metadata: Pick<Metadata, "format" | "width" | "height" | "isProgressive" | "pages" | "pageHeight"> & { autoOrient: { width: number; height: number } },
): ImagePlan {
  const frameHeight = metadata.pageHeight ?? metadata.height;
  const frames = metadata.pageHeight ? (metadata.pages ?? 1) : 1;
  const framePixels = metadata.width * frameHeight;
  if (framePixels * frames > MAX_IMAGE_PIXELS) return { ok: false, error: "imageTooLarge" };
  const decodedWhole = frames > 1 || metadata.format === "heif" || ((metadata.format === "jpeg" || metadata.format === "png") && metadata.isProgressive);
  if (decodedWhole && framePixels * frames > MAX_WHOLE_DECODE_PIXELS) return { ok: false, error: "imageTooLarge" };

  const upright = frames > 1 ? { width: metadata.width, height: frameHeight } : metadata.autoOrient;
  const scale = Math.min(1, Math.sqrt(MAX_STORED_PIXELS / framePixels));
  return { ok: true, width: Math.max(1, Math.floor(upright.width * scale)), height: Math.max(1, Math.floor(upright.height * scale)) };
}

/**
 * Decodes and encodes the image again. Orientation is applied to the pixels first (the EXIF tag
 * that carried it is dropped with the rest). sharp writes no metadata unless asked to: no EXIF
 * (GPS, camera serial numbers, dates), no XMP, no IPTC, no ICC profile (colours are converted
 * to 8-bit sRGB instead).
 */
export async function reencodeImage(input: Uint8Array, output: ImageOutputFormat): Promise<{ ok: true; bytes: Buffer } | { ok: false; error: ImageRejection }> {
  const animated = output === "webp";
  let plan: ImagePlan;
  try {
    plan = planImage(await sharp(input, { animated }).metadata());
  } catch {
    return { ok: false, error: "fileUnreadable" };
  }
  if (!plan.ok) return plan;

  try {
    const image = sharp(input, { failOn: "error", limitInputPixels: MAX_IMAGE_PIXELS, animated, autoOrient: true })
      .resize({ width: plan.width, height: plan.height, fit: "inside", withoutEnlargement: true, fastShrinkOnLoad: true })
      .toColourspace("srgb");
    const encoded =
      output === "jpeg"
        ? image.jpeg({ quality: 90, chromaSubsampling: "4:4:4", optimiseCoding: false })
        : output === "png"
          ? image.png({ compressionLevel: 6 })
          : image.webp({ quality: 90 });
    return { ok: true, bytes: await encoded.toBuffer() };
  } catch (error) {
    const message = error instanceof Error ? error.message : "";
    return { ok: false, error: /pixel limit/i.test(message) ? "imageTooLarge" : "fileUnreadable" };
  }
}
