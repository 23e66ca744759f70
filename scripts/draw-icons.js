#!/usr/bin/env node
// Draws the MPWR add-in icons (assets/icon-16.png, -32, -64, -80): a purple rounded tile
// with three rising bars, the last one gold. Pure Node (zlib), no image library needed.
// Run: node scripts/draw-icons.js
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80];
const TILE = [75, 44, 131]; // #4B2C83
const BAR = [255, 255, 255];
const ACCENT = [242, 183, 5]; // #F2B705
const RADIUS = 0.2; // of the side
const BARS = [
  // [left, right, top] in unit coordinates; all bars stand on BASE
  [0.17, 0.35, 0.56, BAR],
  [0.41, 0.59, 0.38, BAR],
  [0.65, 0.83, 0.18, ACCENT],
];
const BASE = 0.82;
const SUBSAMPLES = 4;

/** Colour at a point in unit coordinates, or null outside the tile. */
function colourAt(x, y) {
  const cx = Math.min(Math.max(x, RADIUS), 1 - RADIUS);
  const cy = Math.min(Math.max(y, RADIUS), 1 - RADIUS);
  if ((x - cx) ** 2 + (y - cy) ** 2 > RADIUS ** 2) return null;
  for (const [left, right, top, colour] of BARS) {
    if (x >= left && x < right && y >= top && y < BASE) return colour;
  }
  return TILE;
}

function drawRgba(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const n = SUBSAMPLES;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const sum = [0, 0, 0];
      let covered = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const c = colourAt((px + (sx + 0.5) / n) / size, (py + (sy + 0.5) / n) / size);
          if (!c) continue;
          covered++;
          for (let k = 0; k < 3; k++) sum[k] += c[k];
        }
      }
      const o = (py * size + px) * 4;
      if (covered > 0) for (let k = 0; k < 3; k++) rgba[o + k] = Math.round(sum[k] / covered);
      rgba[o + 3] = Math.round((255 * covered) / (n * n));
    }
  }
  return rgba;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let c = i;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Encodes 8-bit RGBA pixels as a PNG file. */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  const rows = [];
  for (let y = 0; y < size; y++) {
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function main() {
  const dir = path.resolve(__dirname, '../assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(dir, `icon-${size}.png`);
    fs.writeFileSync(file, encodePng(size, drawRgba(size)));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}

if (require.main === module) main();
module.exports = { encodePng, drawRgba, SIZES };
