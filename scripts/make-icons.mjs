#!/usr/bin/env node
// Draws Doorman's tray and app icons as PNGs with nothing but zlib, so they can be rebuilt
// anywhere: `node scripts/make-icons.mjs`. Output (committed):
//   resources/tray/tray-{normal,attention,atRisk}{,Template}{,@2x}.png  (16 px, 32 px @2x)
//   resources/icon.png                                                 (512 px)
// Coloured icons for Windows/Linux; monochrome "Template" ones for the macOS menu bar, where
// the three states differ by shape (check, dot, exclamation) since colour is not available.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = path.resolve(import.meta.dirname, '..');
const SAMPLES = 4; // supersampling per axis, for smooth edges

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
/** RGBA pixels (Uint8Array, size*size*4) to a PNG file. */
function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, y * size * 4, size * 4).copy(rows, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (u right, v down, both 0..1).
function inShield(u, v, inset = 0) {
  const top = 0.06 + inset;
  const bottom = 0.96 - inset * 1.4;
  if (v < top || v > bottom) return false;
  const shoulder = 0.5;
  const half = 0.4 - inset;
  const width =
    v < shoulder
      ? half
      : half * Math.sqrt(Math.max(0, 1 - ((v - shoulder) / (bottom - shoulder)) ** 2));
  return Math.abs(u - 0.5) <= width;
}
function nearSegment(u, v, [x1, y1], [x2, y2], radius) {
  const dx = x2 - x1;
  const dy = y2 - y1;
  const t = Math.max(0, Math.min(1, ((u - x1) * dx + (v - y1) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(u - (x1 + t * dx), v - (y1 + t * dy)) <= radius;
}
const check = (u, v) =>
  nearSegment(u, v, [0.3, 0.5], [0.45, 0.66], 0.075) ||
  nearSegment(u, v, [0.45, 0.66], [0.72, 0.34], 0.075);
const exclamation = (u, v) =>
  nearSegment(u, v, [0.5, 0.24], [0.5, 0.55], 0.075) || Math.hypot(u - 0.5, v - 0.72) <= 0.08;
const dot = (u, v) => Math.hypot(u - 0.5, v - 0.5) <= 0.16;
const keyhole = (u, v) =>
  Math.hypot(u - 0.5, v - 0.4) <= 0.1 ||
  (Math.abs(u - 0.5) <= 0.045 + (v - 0.4) * 0.12 && v >= 0.4 && v <= 0.66);

/** Renders a shield with an optional mark cut out (or drawn in `markColor`). */
function render(size, { fill, mark, markColor = null }) {
  const rgba = new Uint8Array(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const u = (x + (sx + 0.5) / SAMPLES) / size;
          const v = (y + (sy + 0.5) / SAMPLES) / size;
          if (!inShield(u, v)) continue;
          const inMark = mark?.(u, v) ?? false;
          const colour = inMark ? markColor : fill;
          if (!colour) continue; // cut out: transparent
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 255;
        }
      }
      const n = SAMPLES * SAMPLES;
      const covered = a / 255;
      const i = (y * size + x) * 4;
      rgba[i] = covered ? Math.round(r / covered) : 0;
      rgba[i + 1] = covered ? Math.round(g / covered) : 0;
      rgba[i + 2] = covered ? Math.round(b / covered) : 0;
      rgba[i + 3] = Math.round(a / n);
    }
  }
  return encodePng(size, rgba);
}

const WHITE = [255, 255, 255];
const BLACK = [0, 0, 0];
const states = {
  normal: {
    colour: { fill: [46, 125, 50], mark: check, markColor: WHITE },
    template: { fill: BLACK, mark: check },
  },
  attention: {
    colour: { fill: [217, 119, 6], mark: exclamation, markColor: WHITE },
    template: { fill: BLACK, mark: dot },
  },
  atRisk: {
    colour: { fill: [198, 40, 40], mark: exclamation, markColor: WHITE },
    template: { fill: BLACK, mark: exclamation },
  },
};

const trayDir = path.join(root, 'resources', 'tray');
fs.mkdirSync(trayDir, { recursive: true });
const written = [];
for (const [state, { colour, template }] of Object.entries(states)) {
  for (const [suffix, spec] of [
    ['', colour],
    ['Template', template],
  ]) {
    for (const [scale, size] of [
      ['', 16],
      ['@2x', 32],
    ]) {
      const file = path.join(trayDir, `tray-${state}${suffix}${scale}.png`);
      fs.writeFileSync(file, render(size, spec));
      written.push(file);
    }
  }
}
const appIcon = path.join(root, 'resources', 'icon.png');
fs.writeFileSync(appIcon, render(512, { fill: [37, 71, 160], mark: keyhole, markColor: WHITE }));
written.push(appIcon);
for (const file of written) console.log(path.relative(root, file));
