// Loaded only when a resident adds a photo. A phone photo is often 4000 px and 5 MB; on a rural link
// that is minutes of upload. Large photos are redrawn at most 2048 px on their longest side as JPEG
// (quality 0.85), which also drops their EXIF data (GPS position, camera serial) before they leave
// the device. Small JPEG, PNG and WebP files go as they are.
//
// Previews are small data: URLs (at most 240 px), not object URLs: a town site's Content Security
// Policy commonly allows `img-src data:` but not `blob:` (our own demo site's does exactly that),
// and a 20 kB thumbnail holds far less memory than a full photo kept alive for a preview.

export const MAX_SIDE = 2048;
const QUALITY = 0.85;
const PREVIEW_SIDE = 240;
/** Under this size a supported photo is sent untouched (the server re-encodes it anyway). */
const SMALL_BYTES = 1_500_000;
export const SENDABLE = ['image/jpeg', 'image/png', 'image/webp'];

/** Thrown when the browser cannot read the file as an image. */
export class UnreadablePhotoError extends Error {
  constructor() {
    super('The browser could not read this file as an image');
    this.name = 'UnreadablePhotoError';
  }
}

async function encode(bitmap: ImageBitmap, width: number, height: number, quality = QUALITY): Promise<Blob> {
  if (typeof OffscreenCanvas === 'function') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d')!;
    ctx.fillStyle = '#fff'; // transparent PNG areas become white, not black
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d')!;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.drawImage(bitmap, 0, 0, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new UnreadablePhotoError())), 'image/jpeg', quality),
  );
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

const fit = (width: number, height: number, side: number) => {
  const scale = Math.min(1, side / Math.max(width, height));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))] as const;
};

export interface PreparedPhoto {
  /** What to upload: the file itself when small and sendable, else a resized JPEG. */
  upload: Blob;
  /** A small JPEG data: URL to show, when the browser could read the photo. */
  preview: string | undefined;
}

export async function preparePhoto(file: Blob): Promise<PreparedPhoto> {
  const sendable = SENDABLE.includes(file.type);
  let bitmap: ImageBitmap;
  try {
    // Upright as the camera meant it (EXIF orientation applied).
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    if (sendable) return { upload: file, preview: undefined }; // let the server judge what this browser cannot decode
    throw new UnreadablePhotoError();
  }
  try {
    const { width, height } = bitmap;
    const preview = await dataUrl(await encode(bitmap, ...fit(width, height, PREVIEW_SIDE), 0.7));
    if (sendable && Math.max(width, height) <= MAX_SIDE && file.size <= SMALL_BYTES) return { upload: file, preview };
    return { upload: await encode(bitmap, ...fit(width, height, MAX_SIDE)), preview };
  } finally {
    bitmap.close();
  }
}
