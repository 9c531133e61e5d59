// Draws the tab bar icons (81×81 PNG, normal and selected) into miniprogram/assets/tabbar/.
// Shapes are signed-distance fields, antialiased by coverage; no dependencies beyond node:zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const OUT = join(resolve(dirname(fileURLToPath(import.meta.url)), '..'), 'miniprogram', 'assets', 'tabbar');
const SIZE = 81;
const STROKE = 3.2;
const COLORS = { normal: [0x7d, 0x7e, 0x80], active: [0xd7, 0x40, 0x2f] };

const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const ring = (cx, cy, r) => (x, y) => Math.abs(Math.hypot(x - cx, y - cy) - r) - STROKE / 2;
function roundRect(x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2,
    cy = (y0 + y1) / 2,
    hx = (x1 - x0) / 2 - r,
    hy = (y1 - y0) / 2 - r;
  return (x, y) => {
    const dx = Math.abs(x - cx) - hx,
      dy = Math.abs(y - cy) - hy;
    return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
  };
}
const outline = (sdf) => (x, y) => Math.abs(sdf(x, y)) - STROKE / 2;
function segment(ax, ay, bx, by) {
  return (x, y) => {
    const px = x - ax,
      py = y - ay,
      vx = bx - ax,
      vy = by - ay;
    const t = Math.max(0, Math.min(1, (px * vx + py * vy) / (vx * vx + vy * vy)));
    return Math.hypot(px - vx * t, py - vy * t) - STROKE / 2;
  };
}
const union =
  (...parts) =>
  (x, y) =>
    Math.min(...parts.map((p) => p(x, y)));
const above = (limit, sdf) => (x, y) => Math.max(sdf(x, y), y - limit);

const SHAPES = {
  // 招募: a notice board with lines of text and a pin.
  feed: union(
    outline(roundRect(16, 14, 65, 68, 7)),
    segment(26, 32, 55, 32),
    segment(26, 42, 55, 42),
    segment(26, 52, 44, 52),
    circle(40.5, 14, 4),
  ),
  // 大队: two people side by side.
  brigades: union(
    ring(27, 33, 8),
    ring(54, 33, 8),
    above(64, ring(27, 64, 15)),
    above(64, ring(54, 64, 15)),
    segment(12, 64, 69, 64),
  ),
  // 我的: one person.
  me: union(ring(40.5, 28, 11), above(67, ring(40.5, 67, 22)), segment(18.5, 67, 62.5, 67)),
};

function crc32(buf) {
  let c = ~0;
  for (const byte of buf) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(sdf, [r, g, b]) {
  const rows = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      const d = sdf(x + 0.5, y + 0.5);
      const alpha = Math.round(255 * Math.max(0, Math.min(1, 0.5 - d)));
      row.set([r, g, b, alpha], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
for (const [name, sdf] of Object.entries(SHAPES)) {
  writeFileSync(join(OUT, `${name}.png`), png(sdf, COLORS.normal));
  writeFileSync(join(OUT, `${name}-active.png`), png(sdf, COLORS.active));
}
console.log(`tab icons → ${OUT}`);
