// A resident's photo, made safe to keep: the type is read from the bytes (never from Content-Type or a
// file name), only JPEG, PNG, WebP and the HEIF family reach the decoder, and the picture is re-encoded
// from its pixels: turned upright by its EXIF orientation, then written with no metadata at all (no
// EXIF, no GPS position, no camera serial, no XMP, no ICC profile: colours are converted to sRGB),
// at most MAX_SIDE pixels on its longest side.
import { createHash } from 'node:crypto';
import os from 'node:os';
import sharp from 'sharp';

// Every photo is seen once: libvips' operation cache would only keep residents' pixels in memory.
sharp.cache(false);

export const MAX_SIDE = 2560;
/** Decoded size limit (about a 100-megapixel photo): bigger is refused before any pixel is decoded. */
export const MAX_INPUT_PIXELS = 100_000_000;
const JPEG_QUALITY = 82;
const WEBP_QUALITY = 82;

export type SniffedType = 'image/jpeg' | 'image/png' | 'image/webp' | 'image/heif';

const HEIF_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1', 'avif', 'avis']);

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));

/** The image type from the first bytes, or undefined for anything we do not accept. */
export function sniffImageType(b: Uint8Array): SniffedType | undefined {
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'image/jpeg';
  if (b.length >= 8 && [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v)) return 'image/png';
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'image/webp';
  // ISO base media file: a box of type `ftyp` whose major brand names a HEIF (HEIC or AVIF) picture.
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp' && HEIF_BRANDS.has(ascii(b, 8, 12))) return 'image/heif';
  return undefined;
}

export interface ProcessedPhoto {
  data: Buffer;
  contentType: 'image/jpeg' | 'image/webp';
  width: number;
  height: number;
  sha256: string;
}

export type ProcessResult =
  | { ok: true; photo: ProcessedPhoto }
  /**
   * unsupported: not a type we take; undecodable: claims to be one but does not decode; heic: a HEIF
   * picture this build cannot decode (sharp's prebuilt libvips has no HEVC decoder, so iPhone HEIC
   * photos land here while AVIF decodes); too_many_pixels: over MAX_INPUT_PIXELS.
   */
  | { ok: false; reason: 'unsupported' | 'undecodable' | 'heic' | 'too_many_pixels' };

/**
 * At most one photo per core is decoded at a time (a 48-megapixel photo needs a few hundred MB while it
 * is processed); the others wait their turn here rather than all holding their pixels at once.
 */
const MAX_CONCURRENT = Math.max(1, os.availableParallelism());
let running = 0;
const waiting: (() => void)[] = [];

async function inTurn<T>(job: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next(); // the turn passes on; `running` stays the same
    else running -= 1;
  }
}

export async function processPhoto(input: Buffer): Promise<ProcessResult> {
  const type = sniffImageType(input);
  if (!type) return { ok: false, reason: 'unsupported' };
  return inTurn(() => decodeAndEncode(input, type));
}

async function decodeAndEncode(input: Buffer, type: SniffedType): Promise<ProcessResult> {
  try {
    const image = sharp(input, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS, animated: false });
    const meta = await image.metadata();
    // The decoder must agree with the sniffed type: a PNG header in front of something else is refused.
    const expected = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp', 'image/heif': 'heif' }[type];
    if (meta.format !== expected) return { ok: false, reason: 'unsupported' };
    if ((meta.width ?? 0) * (meta.height ?? 0) > MAX_INPUT_PIXELS) return { ok: false, reason: 'too_many_pixels' };
    const pipeline = image
      .autoOrient()
      .resize({ width: MAX_SIDE, height: MAX_SIDE, fit: 'inside', withoutEnlargement: true });
    // Transparency survives as WebP; everything else (every camera photo) becomes a JPEG.
    const out = meta.hasAlpha
      ? await pipeline.webp({ quality: WEBP_QUALITY }).toBuffer({ resolveWithObject: true })
      : await pipeline.jpeg({ quality: JPEG_QUALITY }).toBuffer({ resolveWithObject: true });
    return {
      ok: true,
      photo: {
        data: out.data,
        contentType: meta.hasAlpha ? 'image/webp' : 'image/jpeg',
        width: out.info.width,
        height: out.info.height,
        sha256: createHash('sha256').update(out.data).digest('hex'),
      },
    };
  } catch (err) {
    if (err instanceof Error && /pixel limit/i.test(err.message)) return { ok: false, reason: 'too_many_pixels' };
    return { ok: false, reason: type === 'image/heif' ? 'heic' : 'undecodable' };
  }
}
