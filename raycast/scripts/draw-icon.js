/**
 * Draws assets/extension-icon.png (512×512 RGBA, as the Store requires) with nothing but zlib: a rounded square
 * with a teal-to-indigo gradient, a white speaker and three sound waves, 2×2 supersampled for smooth edges.
 * Usage: node scripts/draw-icon.js assets/extension-icon.png
 */
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";

const SIZE = 512;
const CORNER_RADIUS = 110;
const MARGIN = 16;
const SUBSAMPLES = [
  [0.25, 0.25],
  [0.75, 0.25],
  [0.25, 0.75],
  [0.75, 0.75],
];

const clamp01 = (value) => Math.max(0, Math.min(1, value));

/** Coverage (0–1) of the rounded square at a point. */
function backgroundCoverage(x, y) {
  const low = MARGIN + CORNER_RADIUS;
  const high = SIZE - MARGIN - CORNER_RADIUS;
  const nearestX = Math.max(low, Math.min(high, x));
  const nearestY = Math.max(low, Math.min(high, y));
  return clamp01(CORNER_RADIUS - Math.hypot(x - nearestX, y - nearestY) + 0.5);
}

/** Coverage (0–1) of the white glyph: speaker box, cone, and three arcs around the cone's mouth. */
function glyphCoverage(x, y) {
  let coverage = x >= 120 && x <= 180 && Math.abs(y - 256) <= 50 ? 1 : 0;
  const coneT = (x - 180) / 90;
  if (coneT >= 0 && coneT <= 1 && Math.abs(y - 256) <= 50 + coneT * 70) coverage = 1;
  const distance = Math.hypot(x - 270, y - 256);
  if (Math.abs(Math.atan2(y - 256, x - 270)) < 0.85) {
    for (const radius of [60, 110, 160]) coverage = Math.max(coverage, clamp01(12 - Math.abs(distance - radius) + 0.5));
  }
  return coverage;
}

function pixels() {
  const rgba = Buffer.alloc(SIZE * SIZE * 4);
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      let alpha = 0;
      let white = 0;
      for (const [dx, dy] of SUBSAMPLES) {
        alpha += backgroundCoverage(x + dx, y + dy) / SUBSAMPLES.length;
        white += glyphCoverage(x + dx, y + dy) / SUBSAMPLES.length;
      }
      const t = (x + y) / (2 * SIZE);
      const gradient = [20 + 70 * t, 160 - 90 * t, 170 + 60 * t];
      const offset = (y * SIZE + x) * 4;
      gradient.forEach((channel, i) => (rgba[offset + i] = Math.round(channel * (1 - white) + 255 * white)));
      rgba[offset + 3] = Math.round(255 * alpha);
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

function encodePng(rgba) {
  const rowBytes = SIZE * 4;
  const filtered = Buffer.alloc(SIZE * (rowBytes + 1));
  for (let y = 0; y < SIZE; y++) rgba.copy(filtered, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(filtered, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

writeFileSync(process.argv[2] ?? "assets/extension-icon.png", encodePng(pixels()));
