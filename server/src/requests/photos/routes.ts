// Photos for service requests (issue 5). Residents upload a photo before filing (public, the town's
// CORS); the filing body then names up to three upload ids (see attachPhotos in store.ts). Only staff
// of the town can read a photo back, through the request it is attached to: photos are personal data,
// so no public answer, log line or error message ever carries one.
import { randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, RouteDeps } from '../../app-types.ts';
import { guard } from '../../accounts/permissions.ts';
import { agentDepartments } from '../staff-routes.ts';
import type { Lang } from '../../platform/database/schema.ts';
import { apiError, ErrorSchema, errorResponses, validationFailed } from '../../platform/http/errors.ts';
import { LangQuery } from '../../platform/http/lang.ts';
import { errorLang } from '../../platform/http/validation-messages.ts';
import { TownParam } from '../../towns/routes.ts';
import { createPhotoStorage } from './bytes.ts';
import { readLimitedBody } from './body.ts';
import { MAX_SIDE, processPhoto } from './image.ts';
import { Binary, UploadId } from './schemas.ts';
import { deleteExpiredOrphans, findRequestPhoto } from './store.ts';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** The upload route reads its own body with its own limit; app.ts exempts it from the 64 KB API limit. */
export const isUploadPath = (path: string) => /^\/api\/v1\/towns\/[^/]+\/uploads\/?$/.test(path);
/** 144 random bits, base64url: 24 characters. */
const newUploadId = () => randomBytes(18).toString('base64url');

const UploadedSchema = z
  .object({
    id: UploadId,
    contentType: z.enum(['image/jpeg', 'image/webp']),
    width: z.number().int(),
    height: z.number().int(),
    bytes: z.number().int().openapi({ description: 'Size of the stored (re-encoded) photo' }),
  })
  .openapi('UploadedPhoto');

const imageBody = {
  'image/jpeg': { schema: Binary },
  'image/png': { schema: Binary },
  'image/webp': { schema: Binary },
  'image/avif': { schema: Binary },
};

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/v1/towns/{town}/uploads',
  tags: ['Service requests'],
  summary: 'Upload a photo to attach to a service request',
  description:
    'The body is the image itself (at most 10 MB). Its type is read from the bytes: JPEG, PNG, WebP or AVIF ' +
    '(HEIC is refused with a message: the server has no HEVC decoder); Content-Type is only a hint. The photo is turned upright, stripped of all metadata ' +
    `(EXIF, GPS), scaled to at most ${MAX_SIDE} px on its longest side and stored as JPEG (WebP when it has transparency). ` +
    'Name the id in `photos` when filing the request; an upload never attached is deleted after 24 hours.',
  request: { params: TownParam, query: LangQuery, body: { required: true, content: imageBody } },
  responses: {
    201: { description: 'Stored', content: { 'application/json': { schema: UploadedSchema } } },
    ...errorResponses(400, 404),
    413: { description: 'Body larger than 10 MB (payload_too_large)', content: { 'application/json': { schema: ErrorSchema } } },
  },
});

const staffPhotoRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/requests/{reference}/photos/{id}',
  tags: ['Staff'],
  summary: "A photo attached to one of the town's requests",
  security: [{ session: [] }],
  request: {
    params: TownParam.extend({
      reference: z.string().min(1).max(40).openapi({ param: { name: 'reference', in: 'path' }, example: 'LKV-2026-00001' }),
      id: z.string().min(1).max(64).openapi({ param: { name: 'id', in: 'path' } }),
    }),
  },
  responses: {
    200: {
      description: 'The photo (private, never cached)',
      content: { 'image/jpeg': { schema: Binary }, 'image/webp': { schema: Binary } },
    },
    ...errorResponses(401, 403, 404),
  },
});

const MESSAGES = {
  tooLarge: { en: 'The photo is larger than 10 MB. Choose a smaller photo.', fr: 'La photo dépasse 10 Mo. Choisissez une photo plus petite.' },
  unsupported: {
    en: 'This file is not a photo we can use. Send a JPEG, PNG or WebP image.',
    fr: 'Ce fichier n’est pas une photo utilisable. Envoyez une image JPEG, PNG ou WebP.',
  },
  undecodable: {
    en: 'This photo could not be read. Send a JPEG, PNG or WebP image.',
    fr: 'Cette photo est illisible. Envoyez une image JPEG, PNG ou WebP.',
  },
  heic: {
    en: 'Photos in HEIC format cannot be read here yet. Send the photo as JPEG (on an iPhone: Settings › Camera › Formats › Most Compatible).',
    fr: 'Les photos au format HEIC ne peuvent pas encore être lues ici. Envoyez la photo en JPEG (sur iPhone : Réglages › Appareil photo › Formats › Le plus compatible).',
  },
  too_many_pixels: {
    en: 'This photo has too many pixels. Send a smaller photo.',
    fr: 'Cette photo compte trop de pixels. Envoyez une photo plus petite.',
  },
} satisfies Record<string, Record<Lang, string>>;

/** `?lang=`, else Accept-Language, else the town's language. */
function answerLang(c: Context, townDefault: Lang): Lang {
  return c.req.query('lang') || c.req.header('accept-language') ? errorLang(c) : townDefault;
}

export function registerPhotoRoutes(app: App, { db, config, logger }: RouteDeps) {
  const storage = createPhotoStorage(config, db);

  app.openapi(uploadRoute, async (c) => {
    const town = c.var.town;
    const lang = answerLang(c, town.defaultLanguage);
    const body = await readLimitedBody(c.req.raw, MAX_UPLOAD_BYTES);
    if (!body.ok) {
      // The rest of the body is still on its way: the server drains it, then this connection ends, so
      // the client's next request (a smaller photo) starts on a fresh one instead of racing the close.
      c.header('Connection', 'close');
      return apiError(c, 413, 'payload_too_large', MESSAGES.tooLarge[lang]);
    }
    const result = await processPhoto(body.data);
    if (!result.ok) return validationFailed(c, [{ field: 'photo', message: MESSAGES[result.reason][lang] }], lang);
    const { photo } = result;
    const id = newUploadId();
    await storage.save(
      {
        id,
        townId: town.id,
        contentType: photo.contentType,
        bytes: photo.data.byteLength,
        width: photo.width,
        height: photo.height,
        sha256: photo.sha256,
        createdAt: new Date().toISOString(),
      },
      photo.data,
    );
    // Orphans: uploads of this town never attached within a day go now; no scheduler needed.
    try {
      await storage.removeBytes(await deleteExpiredOrphans(db, town.id));
    } catch (err) {
      logger.warn(`photo orphan sweep for town ${town.id} failed`, err instanceof Error ? err.message : undefined);
    }
    return c.json({ id, contentType: photo.contentType, width: photo.width, height: photo.height, bytes: photo.data.byteLength }, 201);
  });

  app.openapi(guard(staffPhotoRoute, 'requests.read'), async (c) => {
    const { town, reference, id } = c.req.valid('param');
    const row = await findRequestPhoto(db, town, reference.trim().toUpperCase(), id, agentDepartments(c.var.access));
    const data = row ? await storage.read(row.id) : undefined;
    if (!row || !data) return apiError(c, 404, 'not_found', 'This request has no such photo.');
    return c.body(new Uint8Array(data), 200, {
      'Content-Type': row.content_type,
      'Content-Length': String(data.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      'Content-Disposition': 'inline',
      'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; sandbox",
    });
  });
}
