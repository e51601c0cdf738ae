// Photos for service requests (issue 5), through app.request() on SQLite (bytes in files under
// DATA_DIR/uploads/) and on PostgreSQL when TEST_DATABASE_URL is set (bytes in upload_bytes).
// Every image is made here with sharp, small, so the suite stays fast.
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { serve } from '@hono/node-server';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTown } from '../../src/seed/seed.ts';
import { attachPhotos } from '../../src/requests/photos/store.ts';
import { MAX_UPLOAD_BYTES } from '../../src/requests/photos/routes.ts';
import { ADMIN, createTestApp, dialects, TEST_DATABASE_URL } from '../support/harness.ts';
import { TEST_ORIGIN, testTown } from '../support/test-town.ts';

type ErrorBody = { error: { code: string; message: string; field?: string; fields?: { field: string; message: string }[] } };
type Uploaded = { id: string; contentType: string; width: number; height: number; bytes: number };

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: channels === 4 ? { r: 40, g: 90, b: 200, alpha: 0.5 } : '#c83' } });

/** A 64×48 JPEG that says "rotate 90°" and carries a camera name and a GPS position. */
async function jpegWithGps(): Promise<Buffer> {
  const buf = await solid(64, 48)
    .jpeg()
    .withMetadata({
      orientation: 6,
      exif: {
        IFD0: { Make: 'SecretCamMaker', Artist: 'Resident Name' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '45/1 25/1 3000/100', GPSLongitudeRef: 'W', GPSLongitude: '75/1 41/1 0/1' },
      },
    })
    .toBuffer();
  // The fixture really carries what the server must remove.
  const meta = await sharp(buf).metadata();
  expect(meta.orientation).toBe(6);
  expect(meta.exif?.includes('SecretCamMaker')).toBe(true);
  expect(hasGpsPointer(meta.exif!)).toBe(true);
  return buf;
}

/** EXIF tag 0x8825 (GPSInfo) in either byte order. */
const hasGpsPointer = (exif: Buffer) => exif.includes(Buffer.from([0x25, 0x88])) || exif.includes(Buffer.from([0x88, 0x25]));

/** A real HEIC (HEVC) picture, 64×48, written by libheif's heif-enc. */
const HEIC_64x48 = Buffer.from(
  'AAAAHGZ0eXBoZWljAAAAAG1pZjFoZWljbWlhZgAAAa1tZXRhAAAAAAAAACFoZGxyAAAAAAAAAABwaWN0AAAAAAAAAAAAAAAAAAAAAA5waXRtAAAAAAACAAAAEGlkYXQAAAAAAEAAMAAAADhpbG9jAQAAAERAAAIAAQAAAAAAAAHRAAEAAAAAAAAAHQACAAEAAAAAAAAAAQAAAAAAAAAIAAAAOGlpbmYAAAAAAAIAAAAVaW5mZQIAAAEAAQAAaHZjMQAAAAAVaW5mZQIAAAAAAgAAZ3JpZAAAAADYaXBycAAAALZpcGNvAAAAdmh2Y0MBA3AAAAAAAAAAAAAe8AD8/fj4AAAPAyAAAQAYQAEMAf//A3AAAAMAkAAAAwAAAwAeugJAIQABACpCAQEDcAAAAwCQAAADAAADAB6gIIEFlurkprm4EBAwIAAAAwAgAAADACEiAAEABkQBwXPAiQAAABRpc3BlAAAAAAAAAEAAAABAAAAAFGlzcGUAAAAAAAAAQAAAADAAAAAQcGl4aQAAAAADCAgIAAAAGmlwbWEAAAAAAAAAAgABAoECAAICA4QAAAAaaXJlZgAAAAAAAAAOZGltZwACAAEAAQAAACVtZGF0AAAAGSgBrxOA9SeBP//KZRX/ef6v+shN+efLU8A=',
  'base64',
);

/** A PNG that declares width×height and holds one tiny IDAT: a decompression bomb's header, cheaply. */
function pngHeaderOnly(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(Buffer.alloc(64))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const otherTown = {
  ...testTown,
  town: { ...testTown.town, id: 'otherville', siteOrigins: ['https://www.otherville.example'], referencePrefix: 'OTH' },
  departments: [{ id: 'other-works', name: { en: 'Works', fr: 'Travaux' }, email: 'works@otherville.example' }],
  services: testTown.services.map((s) => ({ ...s, departmentId: 'other-works' })),
  categories: [],
  articles: [],
  requests: [],
};

if (!TEST_DATABASE_URL) console.log('photos suite: PostgreSQL skipped (set TEST_DATABASE_URL to run it)');

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`photos on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let dataDir: string;
    let staff: { cookie: string; csrfToken: string };

    beforeAll(async () => {
      dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-photos-'));
      const config: Record<string, string> = { DATA_DIR: dataDir };
      if (dialect.name === 'postgres') config.DATABASE_URL = TEST_DATABASE_URL!;
      t = await createTestApp({ db: await dialect.open(), config });
      await seedTown(t.db, otherTown);
      const res = await t.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      staff = { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrfToken: ((await res.json()) as { csrfToken: string }).csrfToken };
    });
    afterAll(async () => {
      await t?.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    });

    const upload = (body: Uint8Array, contentType = 'image/jpeg', town = 'testville', headers: Record<string, string> = {}) =>
      t.app.request(`/api/v1/towns/${town}/uploads`, {
        method: 'POST',
        headers: { 'content-type': contentType, ...headers },
        body: new Uint8Array(body),
      });

    async function uploadOk(body: Buffer, contentType = 'image/jpeg', town = 'testville'): Promise<Uploaded> {
      const res = await upload(body, contentType, town);
      expect(res.status).toBe(201);
      return (await res.json()) as Uploaded;
    }

    const file = (body: Record<string, unknown>, town = 'testville', headers: Record<string, string> = {}) =>
      t.app.request(`/api/v1/towns/${town}/requests`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ serviceCode: 'pothole', description: 'Hole by the bridge.', location: { text: 'Bridge St' }, lang: 'en', ...body }),
      });

    const photoUrl = (reference: string, id: string, town = 'testville') => `/api/v1/staff/towns/${town}/requests/${reference}/photos/${id}`;
    const staffGet = (url: string) => t.app.request(url, { headers: { cookie: staff.cookie } });

    /** The stored bytes, read back the way staff do. */
    async function stored(reference: string, id: string): Promise<Buffer> {
      const res = await staffGet(photoUrl(reference, id));
      expect(res.status).toBe(200);
      return Buffer.from(await res.arrayBuffer());
    }

    it('re-encodes a JPEG upright and without any EXIF: no GPS, no camera, no orientation tag', async () => {
      const input = await jpegWithGps();
      const res = await upload(input, 'image/jpeg', 'testville', { origin: TEST_ORIGIN });
      expect(res.status).toBe(201);
      expect(res.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
      const body = (await res.json()) as Uploaded;
      expect(body.id).toMatch(/^[A-Za-z0-9_-]{24}$/); // 144 random bits
      // Turned by its orientation tag: 64×48 becomes 48×64.
      expect(body).toMatchObject({ contentType: 'image/jpeg', width: 48, height: 64 });

      const filed = await file({ photos: [body.id] });
      expect(filed.status).toBe(201);
      const { reference } = (await filed.json()) as { reference: string };
      const out = await stored(reference, body.id);
      expect(out.byteLength).toBe(body.bytes);
      const meta = await sharp(out).metadata();
      expect(meta).toMatchObject({ format: 'jpeg', width: 48, height: 64 });
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(out.includes('Exif\0\0')).toBe(false);
      expect(out.includes('SecretCamMaker')).toBe(false);
      expect(out.includes('Resident Name')).toBe(false);
    });

    it('takes a PNG (becomes JPEG, or WebP when it has transparency) and a WebP, whatever the Content-Type says', async () => {
      const png = await uploadOk(await solid(30, 20).png().toBuffer(), 'image/png');
      expect(png).toMatchObject({ contentType: 'image/jpeg', width: 30, height: 20 });
      const alpha = await uploadOk(await solid(30, 20, 4).png().toBuffer(), 'image/png');
      expect(alpha).toMatchObject({ contentType: 'image/webp', width: 30, height: 20 });
      const webp = await uploadOk(await solid(40, 40).webp().toBuffer(), 'image/jpeg'); // the header is only a hint
      expect(webp).toMatchObject({ contentType: 'image/jpeg', width: 40, height: 40 });
      const avif = await uploadOk(await solid(16, 12).avif().toBuffer(), 'image/avif');
      expect(avif).toMatchObject({ contentType: 'image/jpeg', width: 16, height: 12 });
    });

    it('scales the longest side down to 2560 px', async () => {
      const big = await uploadOk(await solid(3000, 1000).jpeg({ quality: 30 }).toBuffer());
      expect(big).toMatchObject({ width: 2560, height: 853 });
    });

    it('is not held to the 64 KB limit of the JSON API', async () => {
      const noisy = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#888', noise: { type: 'gaussian', mean: 128, sigma: 60 } } })
        .png()
        .toBuffer();
      expect(noisy.byteLength).toBeGreaterThan(64 * 1024);
      await uploadOk(noisy, 'image/png');
    });

    it('refuses bytes that are not an image we take: 400 naming `photo`, in English or French', async () => {
      const text = await upload(Buffer.from('this is not a photo at all'), 'image/jpeg');
      expect(text.status).toBe(400);
      const body = (await text.json()) as ErrorBody;
      expect(body.error).toMatchObject({ code: 'validation_failed', field: 'photo' });
      expect(body.error.fields![0]!.message).toMatch(/JPEG, PNG or WebP/);

      const fr = await upload(Buffer.from('GIF89a not allowed'), 'image/png', 'testville', { 'accept-language': 'fr-CA' });
      expect(fr.status).toBe(400);
      expect(((await fr.json()) as ErrorBody).error.fields![0]!.message).toMatch(/^Ce fichier n’est pas une photo utilisable/);

      // Starts like a JPEG, is not one.
      const fake = await upload(Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(500, 7)]), 'image/jpeg');
      expect(fake.status).toBe(400);
      expect(((await fake.json()) as ErrorBody).error.field).toBe('photo');

      // An SVG never reaches the decoder, whatever it is called.
      const svg = await upload(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'), 'image/png');
      expect(((await svg.json()) as ErrorBody).error.field).toBe('photo');

      const empty = await upload(Buffer.alloc(0));
      expect(empty.status).toBe(400);
    });

    it('refuses a picture of more than 100 megapixels from its header, before decoding any pixel', async () => {
      const res = await upload(pngHeaderOnly(20_000, 20_000), 'image/png');
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.field).toBe('photo');
      expect(body.error.fields![0]!.message).toMatch(/too many pixels/);
    });

    it('answers the CORS preflight of a photo upload from the town site', async () => {
      const res = await t.app.request('/api/v1/towns/testville/uploads', {
        method: 'OPTIONS',
        headers: { origin: TEST_ORIGIN, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
      expect(res.status).toBe(204);
      expect(res.headers.get('access-control-allow-origin')).toBe(TEST_ORIGIN);
      expect(res.headers.get('access-control-allow-headers')).toMatch(/Content-Type/i);
    });

    it('says plainly that HEIC cannot be read (the prebuilt libvips has no HEVC decoder)', async () => {
      const res = await upload(HEIC_64x48, 'image/heic', 'testville', { 'accept-language': 'en' });
      expect(res.status).toBe(400);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.field).toBe('photo');
      expect(body.error.fields![0]!.message).toMatch(/HEIC/);
    });

    it('stops reading a streamed body past 10 MB: 413, without buffering the rest', async () => {
      const chunk = new Uint8Array(256 * 1024).fill(0xab);
      chunk.set([0xff, 0xd8, 0xff]);
      let pulled = 0;
      let cancelled = false;
      const total = 11 * 1024 * 1024;
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            if (pulled >= total) return controller.close();
            pulled += chunk.byteLength;
            controller.enqueue(chunk);
          },
          cancel() {
            cancelled = true;
          },
        },
        { highWaterMark: 0 },
      );
      // No Content-Length: the limit must hold while reading.
      const res = await t.app.request('/api/v1/towns/testville/uploads', {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(((await res.json()) as ErrorBody).error.code).toBe('payload_too_large');
      expect(cancelled).toBe(true);
      expect(pulled).toBeLessThanOrEqual(MAX_UPLOAD_BYTES + 2 * chunk.byteLength);
      expect(pulled).toBeLessThan(total);
    });

    it('refuses a declared Content-Length over 10 MB before reading the body', async () => {
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>(
        {
          pull(controller) {
            pulled += 1;
            controller.enqueue(new Uint8Array(1024));
          },
        },
        { highWaterMark: 0 },
      );
      const req = new Request('http://localhost/api/v1/towns/testville/uploads', {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg', 'content-length': String(11 * 1024 * 1024) },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      const res = await t.app.request(req);
      expect(res.status).toBe(413);
      expect(pulled).toBe(0);
      const fr = await upload(Buffer.alloc(10), 'image/jpeg', 'testville', { 'content-length': String(MAX_UPLOAD_BYTES + 1), 'accept-language': 'fr' });
      expect(fr.status).toBe(413);
      expect(((await fr.json()) as ErrorBody).error.message).toMatch(/10 Mo/);
    });

    it('answers 404 for an unknown town', async () => {
      expect((await upload(await solid(8, 8).png().toBuffer(), 'image/png', 'nowhere')).status).toBe(404);
    });

    it('attaches at most 3 photos, each once, each of the same town', async () => {
      const ids = await Promise.all([1, 2, 3, 4].map(async (n) => (await uploadOk(await solid(8 + n, 8).png().toBuffer(), 'image/png')).id));
      const four = await file({ photos: ids });
      expect(four.status).toBe(400);
      expect(((await four.json()) as ErrorBody).error.field).toBe('photos');

      const duplicate = await file({ photos: [ids[0], ids[0]] });
      expect(duplicate.status).toBe(400);
      expect(((await duplicate.json()) as ErrorBody).error.field).toBe('photos.1');

      const foreign = (await uploadOk(await solid(8, 8).png().toBuffer(), 'image/png', 'otherville')).id;
      const res = await file({ photos: [ids[0], foreign] });
      expect(res.status).toBe(400);
      expect(((await res.json()) as ErrorBody).error.fields).toEqual([{ field: 'photos.1', message: 'This photo was not found or has expired. Add it again.' }]);

      const unknown = await file({ photos: ['AAAAAAAAAAAAAAAAAAAAAAAA'], lang: 'fr' });
      expect(((await unknown.json()) as ErrorBody).error.fields![0]!.message).toMatch(/^Cette photo est introuvable/);

      // Nothing was attached by the refused filings: three of them still go on one request.
      const ok = await file({ photos: ids.slice(0, 3) });
      expect(ok.status).toBe(201);
      const { reference } = (await ok.json()) as { reference: string };

      const again = await file({ photos: [ids[0]] });
      expect(again.status).toBe(400);
      expect(((await again.json()) as ErrorBody).error.field).toBe('photos.0');

      const list = (await (await staffGet('/api/v1/staff/towns/testville/requests')).json()) as {
        requests: { reference: string; photos: { id: string; contentType: string; width: number; height: number }[] }[];
      };
      const mine = list.requests.find((r) => r.reference === reference)!;
      expect(mine.photos.map((p) => p.id).sort()).toEqual(ids.slice(0, 3).sort());
      expect(mine.photos[0]).toEqual({ id: mine.photos[0]!.id, contentType: 'image/jpeg', width: expect.any(Number), height: 8 });
      expect(list.requests.filter((r) => r.reference !== reference).every((r) => Array.isArray(r.photos))).toBe(true);
    });

    it('attachPhotos refuses a photo another request took (the claim is one conditional update)', async () => {
      const { id } = await uploadOk(await solid(8, 8).png().toBuffer(), 'image/png');
      const first = await file({ photos: [id] });
      expect(first.status).toBe(201);
      const requestRow = await t.db.selectFrom('requests').select('id').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      const errors = await t.db
        .transaction()
        .execute((trx) => attachPhotos(trx, { townId: 'testville', requestId: requestRow.id, photoIds: [id], lang: 'en' }));
      expect(errors).toEqual([{ field: 'photos.0', message: 'This photo is already attached to another request. Add it again.' }]);
    });

    it('replays a filing with photos under the same Idempotency-Key', async () => {
      const { id } = await uploadOk(await solid(9, 9).png().toBuffer(), 'image/png');
      const headers = { 'idempotency-key': `photo-replay-${dialect.name}` };
      const first = await file({ photos: [id] }, 'testville', headers);
      expect(first.status).toBe(201);
      const second = await file({ photos: [id] }, 'testville', headers);
      expect(second.status).toBe(200);
      expect(((await second.json()) as { reference: string }).reference).toBe(((await first.json()) as { reference: string }).reference);
    });

    it('serves a photo to staff of the town only, privately, never to the public status', async () => {
      const { id, bytes } = await uploadOk(await solid(20, 10).png().toBuffer(), 'image/png');
      const filed = await file({ photos: [id] });
      const { reference } = (await filed.json()) as { reference: string };

      const res = await staffGet(photoUrl(reference, id));
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/jpeg');
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toBe('inline');
      expect(res.headers.get('content-security-policy')).toMatch(/^default-src 'none'/);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
      expect((await res.arrayBuffer()).byteLength).toBe(bytes);

      expect((await t.app.request(photoUrl(reference, id))).status).toBe(401);
      expect((await staffGet(photoUrl(reference.toLowerCase(), id))).status).toBe(200);
      // Another request's reference, an unknown id, a town the user has no role in.
      expect((await staffGet(photoUrl('TST-2000-99999', id))).status).toBe(404);
      expect((await staffGet(photoUrl(reference, 'AAAAAAAAAAAAAAAAAAAAAAAA'))).status).toBe(404);
      expect((await staffGet(photoUrl(reference, id, 'otherville'))).status).toBe(403);

      const status = await t.app.request(`/api/v1/towns/testville/requests/${reference}`);
      expect(status.status).toBe(200);
      const text = await status.text();
      expect(text).not.toContain(id);
      expect(text.toLowerCase()).not.toContain('photo');
    });

    it('deletes uploads never attached after 24 h, when the town gets its next upload', async () => {
      const old = await uploadOk(await solid(8, 8).png().toBuffer(), 'image/png');
      const fresh = await uploadOk(await solid(8, 8).png().toBuffer(), 'image/png');
      const foreignOld = await uploadOk(await solid(8, 8).png().toBuffer(), 'image/png', 'otherville');
      const attached = await uploadOk(await solid(8, 8).png().toBuffer(), 'image/png');
      const filed = await file({ photos: [attached.id] });
      const { reference } = (await filed.json()) as { reference: string };
      const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000).toISOString();
      await t.db.updateTable('uploads').set({ created_at: dayAgo }).where('id', 'in', [old.id, foreignOld.id, attached.id]).execute();
      const bytesOf = async (id: string) =>
        dialect.name === 'postgres'
          ? (await t.db.selectFrom('upload_bytes').select('upload_id').where('upload_id', '=', id).executeTakeFirst()) !== undefined
          : fs.existsSync(path.join(dataDir, 'uploads', id));
      expect(await bytesOf(old.id)).toBe(true);

      // Expired, so it cannot be attached any more even before the sweep.
      expect((await file({ photos: [old.id] })).status).toBe(400);

      await uploadOk(await solid(8, 8).png().toBuffer(), 'image/png');
      const left = (await t.db.selectFrom('uploads').select('id').execute()).map((r) => r.id);
      expect(left).not.toContain(old.id);
      expect(await bytesOf(old.id)).toBe(false);
      expect(left).toContain(fresh.id);
      expect(left).toContain(attached.id); // attached photos stay, however old
      expect(left).toContain(foreignOld.id); // another town's orphans wait for that town's next upload
      expect((await staffGet(photoUrl(reference, attached.id))).status).toBe(200);
    });

    it(dialect.name === 'postgres' ? 'keeps the bytes in the database' : 'keeps the bytes in files under DATA_DIR/uploads, no temp file left', async () => {
      const { id, bytes } = await uploadOk(await solid(12, 12).png().toBuffer(), 'image/png');
      if (dialect.name === 'postgres') {
        const row = await t.db.selectFrom('upload_bytes').select('data').where('upload_id', '=', id).executeTakeFirstOrThrow();
        expect(row.data.byteLength).toBe(bytes);
        expect(fs.existsSync(path.join(dataDir, 'uploads'))).toBe(false);
      } else {
        expect(fs.statSync(path.join(dataDir, 'uploads', id)).size).toBe(bytes);
        expect(fs.readdirSync(path.join(dataDir, 'uploads')).filter((f) => f.startsWith('.'))).toEqual([]);
        expect(await t.db.selectFrom('upload_bytes').select('upload_id').execute()).toEqual([]);
      }
    });
  });
}

describe('photo uploads over a real socket (@hono/node-server)', () => {
  it('answers 413 to an 11 MB body, chunked or with a Content-Length', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'munikit-photos-'));
    const t = await createTestApp({ config: { DATA_DIR: dataDir } });
    const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
    try {
      await new Promise((resolve) => server.once('listening', resolve));
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v1/towns/testville/uploads`;
      const chunk = new Uint8Array(256 * 1024).fill(1);
      let sent = 0;
      const chunked = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent >= 11 * 1024 * 1024) return controller.close();
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      });
      const a = await fetch(url, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: chunked, duplex: 'half' } as RequestInit);
      expect(a.status).toBe(413);
      expect(((await a.json()) as ErrorBody).error.code).toBe('payload_too_large');
      const b = await fetch(url, { method: 'POST', headers: { 'content-type': 'image/jpeg' }, body: new Uint8Array(11 * 1024 * 1024) });
      expect(b.status).toBe(413);
      expect(b.headers.get('connection')).toBe('close');
      await b.body?.cancel();
      // The resident then picks a smaller photo: it must not race the closing of the refused connection.
      const ok = await fetch(url, { method: 'POST', headers: { 'content-type': 'image/png' }, body: new Uint8Array(await solid(10, 10).png().toBuffer()) });
      expect(ok.status).toBe(201);
    } finally {
      await new Promise((resolve) => server.close(resolve));
      await t.cleanup();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
