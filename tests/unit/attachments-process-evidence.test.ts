import exifr from "exifr";
import sharp from "sharp";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";

import { processEvidence } from "@/lib/attachments/process-evidence";
import { MAX_IMAGE_PIXELS, MAX_STORED_PIXELS, MAX_WHOLE_DECODE_PIXELS, planImage } from "@/lib/attachments/reencode-image";

import {
  createHeicLabelledFile,
  createJpegWithGps,
  createOversizedFile,
  createPdf,
  createPngWithText,
  createRotatedJpeg,
  createSolidJpeg,
  createSolidPng,
  createTextFile,
  createWav,
  createWebp,
} from "../fixtures/evidence-files";
import { occupyEvidenceProcessing } from "../fixtures/evidence-processing";

async function accepted(bytes: Buffer, fileName: string) {
  const result = await processEvidence({ bytes, fileName });
  if (!result.ok) throw new Error(`expected the file to be accepted, got ${result.error}`);
  return result.evidence;
}

describe("evidence type detection", () => {
  it("refuses a text file named .jpg", async () => {
    expect(await processEvidence({ bytes: createTextFile(), fileName: "foto-petugas.jpg" })).toEqual({ ok: false, error: "fileTypeNotAllowed" });
  });

  it("goes by the content, not the name, and names the stored file after its real type", async () => {
    const pdf = await accepted(createPdf(), "kuitansi.jpg");
    expect(pdf).toMatchObject({ mediaType: "application/pdf", fileName: "kuitansi.pdf" });
    const wav = await accepted(createWav(), "rekaman");
    expect(wav).toMatchObject({ mediaType: "audio/wav", fileName: "rekaman.wav" });
  });

  it("refuses an empty file and one over 10 MiB without looking further", async () => {
    expect(await processEvidence({ bytes: Buffer.alloc(0), fileName: "a.jpg" })).toEqual({ ok: false, error: "fileEmpty" });
    expect(await processEvidence({ bytes: createOversizedFile(), fileName: "a.jpg" })).toEqual({ ok: false, error: "fileTooLarge" });
  });

  it("refuses a file that claims to be a JPEG but is damaged", async () => {
    const jpeg = await createJpegWithGps();
    expect(await processEvidence({ bytes: jpeg.subarray(0, 200), fileName: "a.jpg" })).toEqual({ ok: false, error: "fileUnreadable" });
  });

  it("refuses a type outside the list, such as SVG (which can carry script)", async () => {
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(await processEvidence({ bytes: svg, fileName: "a.png" })).toEqual({ ok: false, error: "fileTypeNotAllowed" });
  });
});

describe("image re-encoding", () => {
  it("removes the GPS position and camera data from a JPEG", async () => {
    const original = await createJpegWithGps();
    // The fixture really carries what we claim to remove.
    expect(await exifr.gps(original)).toMatchObject({ latitude: expect.closeTo(-6.1667, 3), longitude: expect.closeTo(106.8167, 3) });
    expect(await exifr.parse(original, true)).toMatchObject({ Make: "FixtureCam", SerialNumber: "SN-0042-FIXTURE" });

    const stored = await accepted(original, "IMG_0001.JPG");

    expect(stored.mediaType).toBe("image/jpeg");
    expect(await exifr.gps(stored.bytes)).toBeUndefined();
    expect(await exifr.parse(stored.bytes, true)).toBeUndefined();
    const metadata = await sharp(stored.bytes).metadata();
    expect([metadata.exif, metadata.icc, metadata.xmp, metadata.iptc]).toEqual([undefined, undefined, undefined, undefined]);
    expect(stored.bytes.includes("FixtureCam")).toBe(false);
    expect(stored.bytes.includes("SN-0042-FIXTURE")).toBe(false);
  });

  it("removes metadata from a PNG and keeps it a PNG", async () => {
    const original = await createPngWithText();
    expect(await exifr.gps(original)).toBeDefined();
    const stored = await accepted(original, "layar");
    expect(stored.mediaType).toBe("image/png");
    expect(await exifr.gps(stored.bytes)).toBeUndefined();
    const metadata = await sharp(stored.bytes).metadata();
    expect([metadata.format, metadata.exif, metadata.icc, metadata.xmp]).toEqual(["png", undefined, undefined, undefined]);
  });

  it("removes metadata from a WebP and keeps it a WebP", async () => {
    // exifr cannot read WebP: the EXIF block is checked through sharp instead.
    const original = await createWebp();
    expect((await sharp(original).metadata()).exif?.includes("FixtureCam")).toBe(true);
    const stored = await accepted(original, "foto.webp");
    expect(stored.mediaType).toBe("image/webp");
    const metadata = await sharp(stored.bytes).metadata();
    expect([metadata.format, metadata.exif, metadata.icc, metadata.xmp]).toEqual(["webp", undefined, undefined, undefined]);
    expect(stored.bytes.includes("FixtureCam")).toBe(false);
  });

  it("turns the image upright before dropping the orientation tag", async () => {
    const stored = await accepted(await createRotatedJpeg(), "miring.jpg");
    const metadata = await sharp(stored.bytes).metadata();
    expect({ width: metadata.width, height: metadata.height, orientation: metadata.orientation }).toEqual({ width: 32, height: 64, orientation: undefined });
  });

  it("stores a HEIF photo it can decode as a JPEG", async () => {
    const stored = await accepted(await createHeicLabelledFile(), "IMG_0002.HEIC");
    expect(stored).toMatchObject({ mediaType: "image/jpeg", fileName: "IMG_0002.jpg" });
  });

  it("refuses a HEIC photo this build of sharp cannot decode instead of storing it unprocessed", async () => {
    const heic = (await createHeicLabelledFile()).toString("latin1").replace(/av01/g, "hvc1").replace(/av1C/g, "hvcC");
    expect(await processEvidence({ bytes: Buffer.from(heic, "latin1"), fileName: "IMG_0003.HEIC" })).toEqual({ ok: false, error: "fileTypeNotAllowed" });
  });

  it("hashes the bytes it stores, not the bytes it received", async () => {
    const original = await createJpegWithGps();
    const stored = await accepted(original, "a.jpg");
    expect(stored.sha256).toBe(createHash("sha256").update(stored.bytes).digest("hex"));
    expect(stored.sha256).not.toBe(createHash("sha256").update(original).digest("hex"));
    expect(stored.sizeBytes).toBe(stored.bytes.byteLength);
  });
});

/** What sharp reads from a header, for a still image without an orientation tag. */
function header(format: "jpeg" | "png" | "webp" | "heif", width: number, height: number, extra: { isProgressive?: boolean; pages?: number; pageHeight?: number } = {}) {
  return { format, width, height, isProgressive: extra.isProgressive ?? false, pages: extra.pages, pageHeight: extra.pageHeight, autoOrient: { width, height } };
}

describe("image decode limits (from the header, before any pixel is decoded)", () => {
  it("stores a 100-megapixel image, the largest accepted, at no more than 12.6 megapixels and in its proportions", () => {
    const plan = planImage(header("jpeg", 10_000, 10_000));
    expect(plan).toEqual({ ok: true, width: 3547, height: 3547 });
    const wide = planImage(header("webp", 16_383, 6_103));
    if (!wide.ok) throw new Error("expected a plan");
    expect(wide.width * wide.height).toBeLessThanOrEqual(MAX_STORED_PIXELS);
    expect(wide.width / wide.height).toBeCloseTo(16_383 / 6_103, 2);
  });

  it("keeps a 12-megapixel phone photo and a long screenshot at their full size", () => {
    expect(planImage(header("jpeg", 4032, 3024))).toEqual({ ok: true, width: 4032, height: 3024 });
    expect(planImage(header("png", 1080, 11_000))).toEqual({ ok: true, width: 1080, height: 11_000 });
  });

  it("refuses an image over 100 megapixels", () => {
    expect(planImage(header("jpeg", 10_001, 10_000))).toEqual({ ok: false, error: "imageTooLarge" });
    expect(MAX_IMAGE_PIXELS).toBe(10_000 * 10_000);
  });

  it("refuses a progressive JPEG, an interlaced PNG or a HEIF too large to be decoded whole, but not a baseline JPEG of that size", () => {
    const width = 4096;
    const height = MAX_WHOLE_DECODE_PIXELS / width + 1;
    expect(planImage(header("jpeg", width, height, { isProgressive: true }))).toEqual({ ok: false, error: "imageTooLarge" });
    expect(planImage(header("png", width, height, { isProgressive: true }))).toEqual({ ok: false, error: "imageTooLarge" });
    expect(planImage(header("heif", width, height))).toEqual({ ok: false, error: "imageTooLarge" });
    expect(planImage(header("jpeg", width, height)).ok).toBe(true);
    expect(planImage(header("heif", 4096, 3072)).ok).toBe(true);
  });

  it("refuses an animated WebP whose frames together are too large to be decoded whole", () => {
    expect(planImage(header("webp", 4096, 3072 * 2, { pages: 2, pageHeight: 3072 }))).toEqual({ ok: false, error: "imageTooLarge" });
    expect(planImage(header("webp", 2048, 1536 * 5, { pages: 5, pageHeight: 1536 }))).toEqual({ ok: false, error: "imageTooLarge" });
    expect(planImage(header("webp", 2048, 1536 * 4, { pages: 4, pageHeight: 1536 }))).toEqual({ ok: true, width: 2048, height: 1536 });
  });

  it("plans the upright size of a photo whose orientation tag turns it", () => {
    expect(planImage({ ...header("jpeg", 8000, 6000), autoOrient: { width: 6000, height: 8000 } })).toEqual({ ok: true, width: 3072, height: 4096 });
  });
});

// Making and decoding images of a dozen megapixels takes seconds on a busy machine.
describe("image processing cost", { timeout: 60_000 }, () => {
  it("stores a 15-megapixel JPEG scaled down to at most 12.6 megapixels", async () => {
    const stored = await accepted(await createSolidJpeg(4800, 3200), "besar.jpg");
    const metadata = await sharp(stored.bytes).metadata();
    expect(metadata.width * metadata.height).toBeLessThanOrEqual(MAX_STORED_PIXELS);
    expect(metadata.width / metadata.height).toBeCloseTo(1.5, 2);
  });

  it("refuses a progressive JPEG and an interlaced PNG over 12.6 megapixels, which would be decoded whole", async () => {
    expect(await processEvidence({ bytes: await createSolidJpeg(4200, 3100, { progressive: true }), fileName: "a.jpg" })).toEqual({ ok: false, error: "imageTooLarge" });
    expect(await processEvidence({ bytes: await createSolidPng(4200, 3100, { interlaced: true }), fileName: "a.png" })).toEqual({ ok: false, error: "imageTooLarge" });
  });

  it("uses sharp as a server should: no operation cache and one thread per image", () => {
    const cache = sharp.cache();
    expect([cache.memory.max, cache.files.max, cache.items.max]).toEqual([0, 0, 0]);
    expect(sharp.concurrency()).toBe(1);
  });

  it("answers busy for an image while every processing slot and the line are taken, and accepts it again once they are free", async () => {
    const jpeg = await createJpegWithGps();
    const occupied = occupyEvidenceProcessing();
    try {
      expect(await processEvidence({ bytes: jpeg, fileName: "a.jpg" })).toEqual({ ok: false, error: "serverBusy" });
      // A PDF is stored as sent, never decoded: it needs no slot.
      expect((await processEvidence({ bytes: createPdf(), fileName: "a.pdf" })).ok).toBe(true);
    } finally {
      await occupied.release();
    }
    expect((await processEvidence({ bytes: jpeg, fileName: "a.jpg" })).ok).toBe(true);
  });
});
