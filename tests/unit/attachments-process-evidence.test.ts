import exifr from "exifr";
import sharp from "sharp";
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";

import { processEvidence } from "@/lib/attachments/process-evidence";

import {
  createHeicLabelledFile,
  createJpegWithGps,
  createOversizedFile,
  createPdf,
  createPngWithText,
  createRotatedJpeg,
  createTextFile,
  createWav,
  createWebp,
} from "../fixtures/evidence-files";

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
