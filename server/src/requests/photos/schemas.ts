// The photo shapes other request routes share (the filing body, the staff list). No imports of routes,
// so staff-routes.ts and routes.ts can both use them.
import { z } from '@hono/zod-openapi';
import { MAX_PHOTOS_PER_REQUEST } from './store.ts';

export const UploadId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{24}$/)
  .openapi({ description: 'An upload id from POST /towns/{town}/uploads', example: 'Qm9uam91ciBMYWtldmlldyE_' });

/** The filing body's `photos`: ids from POST /towns/{town}/uploads, at most three. */
export const PhotoIdsSchema = z
  .array(z.string().min(1).max(64))
  .max(MAX_PHOTOS_PER_REQUEST)
  .optional()
  .openapi({ description: `Up to ${MAX_PHOTOS_PER_REQUEST} upload ids from POST /towns/{town}/uploads` });

export const PhotoSummarySchema = z
  .object({ id: z.string(), contentType: z.string(), width: z.number().int(), height: z.number().int() })
  .openapi('RequestPhoto');

export const Binary = z.string().openapi({ type: 'string', format: 'binary' });
