// `npm run bench:photos`: how long the server takes to make a resident's photo safe to keep (decode,
// turn upright, strip metadata, scale to 2560 px, re-encode), for phone-sized JPEGs. Outside npm test.
import os from 'node:os';
import sharp from 'sharp';
import { processPhoto } from '../src/requests/photos/image.ts';

const RUNS = 5;

async function cameraLikeJpeg(width: number, height: number): Promise<Buffer> {
  // Smooth gradients plus grain compress like a real photo (a few MB at 12 MP), unlike flat colour.
  const grain = await sharp({ create: { width, height, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 18 } } })
    .blur(1.2)
    .raw()
    .toBuffer();
  return sharp(grain, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 92 })
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'BenchCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 25/1 0/1' } } })
    .toBuffer();
}

console.log(`sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}, ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? ''}`);
for (const [w, h, label] of [[4000, 3000, '12 MP'], [4032, 3024, '12.2 MP (iPhone)'], [8000, 6000, '48 MP']] as const) {
  const input = await cameraLikeJpeg(w, h);
  const times: number[] = [];
  let out = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const r = await processPhoto(input);
    times.push(performance.now() - t0);
    if (!r.ok) throw new Error(`${label}: ${r.reason}`);
    out = r.photo.data.byteLength;
  }
  times.sort((a, b) => a - b);
  const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
  console.log(
    `${label.padEnd(18)} in ${mb(input.byteLength)} MB → out ${mb(out)} MB; median ${times[RUNS >> 1]!.toFixed(0)} ms, ` +
      `best ${times[0]!.toFixed(0)} ms, worst ${times[RUNS - 1]!.toFixed(0)} ms; rss ${mb(process.memoryUsage().rss)} MB`,
  );
}
