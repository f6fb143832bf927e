/**
 * Renders the site's icon (app/icon.svg, the shield with a tick) into the raster files browsers
 * and phones ask for, with sharp (already a dependency): the home-screen icons of the web app
 * manifest (app/manifest.ts), Apple's touch icon, and /favicon.ico for clients that ask for it
 * without reading the page. The outputs are small and committed; run this again after changing
 * the SVG: `node --import tsx scripts/generate-icons.ts`.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

import sharp from "sharp";

const ROOT = process.cwd();
/** The brand's darkest blue (app/globals.css --color-brand-800), behind icons that may not be transparent. */
const BRAND_BACKGROUND = "#163f6c";
const shield = readFileSync(path.join(ROOT, "app", "icon.svg"));
/** The same shield drawn white, for icons on the brand's blue background. */
const whiteShield = Buffer.from(shield.toString("utf8").replace('fill="#163f6c"', 'fill="#ffffff"').replace('stroke="#fff"', `stroke="${BRAND_BACKGROUND}"`));

/** The shield centred on a square, taking `scale` of its side, over `background` (or transparent). */
async function renderIcon(svg: Buffer, size: number, options: { scale: number; background?: string }): Promise<Buffer> {
  const inner = Math.round(size * options.scale);
  const glyph = await sharp(svg, { density: 72 * Math.ceil(inner / 24) }).resize(inner, inner).png().toBuffer();
  const background = options.background ?? { r: 0, g: 0, b: 0, alpha: 0 };
  return sharp({ create: { width: size, height: size, channels: 4, background } })
    .composite([{ input: glyph, gravity: "center" }])
    .png({ compressionLevel: 9, palette: true })
    .toBuffer();
}

/** An ICO file holding one PNG image (allowed since Windows Vista; every current browser reads it). */
function pngToIco(png: Buffer, size: number): Buffer {
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(size, 6); // width
  header.writeUInt8(size, 7); // height
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9); // reserved
  header.writeUInt16LE(1, 10); // colour planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, png]);
}

const outputs: [string, Buffer][] = [
  // "any" icons: the blue shield on white-ish transparency would vanish on dark launchers, so white on blue.
  ["public/icons/icon-192.png", await renderIcon(whiteShield, 192, { scale: 0.75, background: BRAND_BACKGROUND })],
  ["public/icons/icon-512.png", await renderIcon(whiteShield, 512, { scale: 0.75, background: BRAND_BACKGROUND })],
  // "maskable": the launcher may cut up to a circle of 80% of the side, so the shield stays within it.
  ["public/icons/icon-maskable-512.png", await renderIcon(whiteShield, 512, { scale: 0.55, background: BRAND_BACKGROUND })],
  // iOS fills transparency with black: a solid background.
  ["app/apple-icon.png", await renderIcon(whiteShield, 180, { scale: 0.72, background: BRAND_BACKGROUND })],
  ["public/favicon.ico", pngToIco(await renderIcon(shield, 32, { scale: 1 }), 32)],
];
for (const [file, bytes] of outputs) {
  writeFileSync(path.join(ROOT, file), bytes);
  console.log(`${file}: ${bytes.length} bytes`);
}
