/**
 * The app's two Teams icons, committed as PNG files in this folder, and the checks Teams' schema
 * cannot make: pixel sizes and the outline icon's colours (a wrong icon only shows up as a
 * rejected upload in the admin centre). Decoding is pngjs's.
 */
import { PNG } from 'pngjs';

export const ICONS = {
  color: { file: 'color.png', width: 192, height: 192 },
  outline: { file: 'outline.png', width: 32, height: 32 },
} as const;

export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  /** Straight-alpha RGBA, 4 bytes a pixel, rows top to bottom. */
  readonly data: Buffer;
}

/** Any PNG (any bit depth, palette or interlace) as 8-bit RGBA; throws on a file that is not a sound PNG. */
export function decodePng(buf: Buffer): RgbaImage {
  const png = PNG.sync.read(buf);
  return { width: png.width, height: png.height, data: png.data };
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

/** Every problem Teams would reject the icons for, in words; empty when both are fine. */
export function iconProblems(files: ReadonlyMap<string, Buffer>): string[] {
  const problems: string[] = [];
  for (const icon of Object.values(ICONS)) {
    const buf = files.get(icon.file);
    if (!buf) {
      problems.push(`${icon.file} is missing`);
      continue;
    }
    let img: RgbaImage;
    try {
      img = decodePng(buf);
    } catch (err) {
      problems.push(`${icon.file} is not a valid PNG (${(err as Error).message})`);
      continue;
    }
    if (img.width !== icon.width || img.height !== icon.height) {
      problems.push(`${icon.file} is ${img.width}x${img.height}; Teams requires ${icon.width}x${icon.height}`);
    }
    if (icon === ICONS.outline) {
      const bad = nonWhiteVisiblePixels(img);
      if (bad.length > 0) {
        const where = bad.map((p) => `(${p.x},${p.y}) rgba(${p.rgba.join(',')})`).join(', ');
        problems.push(`${icon.file} must be white on transparent; non-white pixels at ${where}`);
      }
    }
  }
  return problems;
}
