import { crc32, deflateSync } from 'node:zlib';

/*
 * Lookout's icons as PNG files, drawn here at build time from the favicon's shapes (public/favicon.svg: a blue
 * rounded square, a white ring, a white dot), so no binary file lives in the repository. Each pixel is
 * supersampled 4x4 for smooth edges.
 */

type Rgba = [number, number, number, number];
const BLUE: Rgba = [0x29, 0x52, 0xcc, 255];
const WHITE: Rgba = [255, 255, 255, 255];

interface Drawing {
  /** The background fills the square (maskable) or is a rounded square (any), or there is none (badge). */
  background: 'rounded' | 'full' | 'none';
  /** The mark's size as a share of the icon (a maskable icon keeps it inside the safe zone). */
  markScale: number;
}

/** Which colour a point (in favicon units, 0..32) has, or null for transparent. */
function colourAt(x: number, y: number, { background, markScale }: Drawing): Rgba | null {
  const mx = (x - 16) / markScale + 16;
  const my = (y - 16) / markScale + 16;
  const r = Math.hypot(mx - 16, my - 16);
  const onMark = (r >= 5.5 && r <= 8.5) || r <= 2.5;
  if (onMark) return WHITE;
  if (background === 'none') return null;
  if (background === 'full') return BLUE;
  // Rounded square, corner radius 8.
  const cx = Math.min(Math.max(x, 8), 24);
  const cy = Math.min(Math.max(y, 8), 24);
  return Math.hypot(x - cx, y - cy) <= 8 ? BLUE : null;
}

function pixels(size: number, drawing: Drawing): Buffer {
  const samples = 4;
  const rows = Buffer.alloc((size * 4 + 1) * size);
  for (let py = 0; py < size; py++) {
    const row = py * (size * 4 + 1);
    rows[row] = 0; // filter: none
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = colourAt(((px + (sx + 0.5) / samples) / size) * 32, ((py + (sy + 0.5) / samples) / size) * 32, drawing);
          if (!colour) continue;
          r += colour[0];
          g += colour[1];
          b += colour[2];
          a += 255;
        }
      }
      const covered = a / 255;
      const at = row + 1 + px * 4;
      rows[at] = covered ? Math.round(r / covered) : 0;
      rows[at + 1] = covered ? Math.round(g / covered) : 0;
      rows[at + 2] = covered ? Math.round(b / covered) : 0;
      rows[at + 3] = Math.round(a / (samples * samples));
    }
  }
  return rows;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function png(size: number, drawing: Drawing): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(pixels(size, drawing), { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Every icon the live build ships, by its path. */
export function appIcons(): Record<string, Buffer> {
  return {
    'icons/icon-192.png': png(192, { background: 'rounded', markScale: 1 }),
    'icons/icon-512.png': png(512, { background: 'rounded', markScale: 1 }),
    // Maskable: the platform cuts its own shape, so the blue fills the square and the mark stays in the middle 80%.
    'icons/maskable-512.png': png(512, { background: 'full', markScale: 0.8 }),
    'icons/apple-touch-icon.png': png(180, { background: 'full', markScale: 0.8 }),
    // A notification badge is drawn by the system from the alpha channel only: the mark alone.
    'icons/badge-96.png': png(96, { background: 'none', markScale: 1.6 }),
  };
}
