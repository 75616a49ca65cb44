/**
 * Just enough PNG reading to check our own icons: Teams' schema cannot check pixel sizes or the
 * outline icon's colours, and a wrong icon only shows up as a rejected upload in the admin centre.
 * Supports what scripts/icons.ts writes (8-bit RGBA, non-interlaced) and nothing else, on purpose.
 */
import { inflateSync } from 'node:zlib';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const CRC_TABLE: Uint32Array = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (ISO 3309), as PNG chunks use; shared with the encoder in scripts/icons.ts. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) c = (CRC_TABLE[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function assertPng(buf: Buffer): void {
  if (buf.length < 8 || !buf.subarray(0, 8).equals(PNG_SIGNATURE)) {
    throw new Error('Not a PNG file (bad signature)');
  }
}

/** Width and height from the IHDR chunk, which the PNG spec requires to come first. */
export function readPngSize(buf: Buffer): { width: number; height: number } {
  assertPng(buf);
  if (buf.length < 24 || buf.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('Not a PNG file (IHDR chunk missing)');
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

export interface RgbaImage {
  width: number;
  height: number;
  /** width * height * 4 bytes, row-major, straight (not premultiplied) alpha. */
  data: Uint8Array;
}

/** PNG's Paeth predictor (shared by the decoder here and the encoder in scripts/icons.ts). */
export function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  if (pa <= pb && pa <= pc) return a;
  return pb <= pc ? b : c;
}

/** Decodes an 8-bit RGBA, non-interlaced PNG, checking every chunk's CRC. */
export function decodePng(buf: Buffer): RgbaImage {
  assertPng(buf);
  let pos = 8;
  let header: { width: number; height: number } | undefined;
  const idat: Buffer[] = [];
  let ended = false;
  while (pos + 12 <= buf.length && !ended) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const end = pos + 8 + length;
    if (end + 4 > buf.length) throw new Error(`PNG chunk ${type} is truncated`);
    const data = buf.subarray(pos + 8, end);
    if (crc32(buf.subarray(pos + 4, end)) !== buf.readUInt32BE(end)) {
      throw new Error(`PNG chunk ${type} has a bad CRC`);
    }
    if (type === 'IHDR') {
      const [bitDepth, colourType, compression, filter, interlace] = [8, 9, 10, 11, 12].map((i) => data[i]);
      if (bitDepth !== 8 || colourType !== 6 || compression !== 0 || filter !== 0 || interlace !== 0) {
        throw new Error('Only 8-bit RGBA non-interlaced PNGs are supported');
      }
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4) };
    } else if (type === 'IDAT') {
      idat.push(data);
    } else if (type === 'IEND') {
      ended = true;
    }
    pos = end + 4;
  }
  if (!header) throw new Error('PNG has no IHDR chunk');
  if (!ended) throw new Error('PNG has no IEND chunk');

  const { width, height } = header;
  const bpp = 4;
  const stride = width * bpp;
  const raw = inflateSync(Buffer.concat(idat));
  if (raw.length !== height * (stride + 1)) {
    throw new Error(`PNG image data has ${raw.length} bytes, expected ${height * (stride + 1)}`);
  }
  const out = new Uint8Array(height * stride);
  for (let y = 0; y < height; y++) {
    const filterType = raw[y * (stride + 1)];
    const src = y * (stride + 1) + 1;
    const row = y * stride;
    const prev = row - stride;
    for (let x = 0; x < stride; x++) {
      const value = raw[src + x] ?? 0;
      const a = x >= bpp ? (out[row + x - bpp] ?? 0) : 0;
      const b = y > 0 ? (out[prev + x] ?? 0) : 0;
      const c = x >= bpp && y > 0 ? (out[prev + x - bpp] ?? 0) : 0;
      let predictor: number;
      switch (filterType) {
        case 0:
          predictor = 0;
          break;
        case 1:
          predictor = a;
          break;
        case 2:
          predictor = b;
          break;
        case 3:
          predictor = (a + b) >> 1;
          break;
        case 4:
          predictor = paeth(a, b, c);
          break;
        default:
          throw new Error(`PNG row ${y} has unknown filter type ${String(filterType)}`);
      }
      out[row + x] = (value + predictor) & 0xff;
    }
  }
  return { width, height, data: out };
}

/**
 * Pixels that break Teams' rule for the outline icon: anything visible must be pure white
 * (transparency carries the shape). Returns at most `limit` offenders for a readable message.
 */
export function nonWhiteVisiblePixels(img: RgbaImage, limit = 5): { x: number; y: number; rgba: number[] }[] {
  const found: { x: number; y: number; rgba: number[] }[] = [];
  for (let i = 0; i < img.width * img.height && found.length < limit; i++) {
    const px = Array.from(img.data.subarray(i * 4, i * 4 + 4));
    const [r, g, b, alpha] = px;
    if ((alpha ?? 0) > 0 && (r !== 255 || g !== 255 || b !== 255)) {
      found.push({ x: i % img.width, y: Math.floor(i / img.width), rgba: px });
    }
  }
  return found;
}
