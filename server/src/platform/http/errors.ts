// The contract's one error body for every 4xx/5xx, and the zod hook that produces it for bad input.
import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ZodError } from 'zod';
import type { Lang } from '../database/schema.ts';
import { errorLang, issueMessage } from './validation-messages.ts';

export type ErrorCode =
  | 'validation_failed'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'csrf_failed'
  | 'conflict'
  | 'payload_too_large'
  | 'rate_limited'
  | 'idempotency_key_reused'
  | 'provider_unavailable'
  | 'edit_conflict'
  | 'translation_missing'
  | 'category_not_empty'
  | 'slug_taken'
  | 'internal';

export interface FieldError {
  field: string;
  message: string;
}

export const ErrorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'validation_failed' }),
      message: z.string(),
      field: z.string().optional(),
      fields: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

export function errorBody(code: ErrorCode, message: string, fields?: FieldError[]) {
  const error: { code: ErrorCode; message: string; field?: string; fields?: FieldError[] } = { code, message };
  if (fields && fields.length > 0) {
    error.field = fields[0]!.field;
    error.fields = fields;
  }
  return { error };
}

export function apiError<S extends ContentfulStatusCode>(c: Context, status: S, code: ErrorCode, message: string, fields?: FieldError[]) {
  return c.json(errorBody(code, message, fields), status);
}

/** The answer of every route under /towns/{town} when that town does not exist. */
export const townNotFound = (c: Context) => apiError(c, 404, 'not_found', 'There is no town with this id.');

export function validationFailed(c: Context, fields: FieldError[], lang: Lang = errorLang(c)) {
  const names = fields.map((f) => f.field).join(', ');
  const message =
    lang === 'fr'
      ? fields.length === 1
        ? `Le champ ${names} n’est pas valide.`
        : `${fields.length} champs ne sont pas valides : ${names}.`
      : fields.length === 1
        ? `The field ${names} is not valid.`
        : `${fields.length} fields are not valid: ${names}.`;
  return apiError(c, 400, 'validation_failed', message, fields);
}

export function zodFieldErrors(error: ZodError, lang: Lang): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '(body)';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: issueMessage(issue, lang) });
  }
  return out;
}

/** Shared @hono/zod-openapi hook: any failed validation becomes the contract's 400 body naming the fields. */
export const defaultHook = (result: { success: boolean; error?: ZodError }, c: Context) => {
  if (!result.success && result.error) {
    const lang = errorLang(c);
    return validationFailed(c, zodFieldErrors(result.error, lang), lang);
  }
  return undefined;
};

/** OpenAPI response entries for the error statuses a route can answer. */
type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429;
type ErrorResponse = { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } };

export function errorResponses<const S extends ErrorStatus[]>(...statuses: S): { [K in S[number]]: ErrorResponse } {
  const descriptions = {
    400: 'Invalid input (validation_failed), naming the fields',
    401: 'Not signed in (unauthenticated)',
    403: 'Your role in this town does not allow it (forbidden) or missing/wrong X-CSRF-Token (csrf_failed)',
    404: 'Not found (not_found)',
    409: 'Conflicts with the current state (conflict)',
    413: 'Body larger than 64 KB (payload_too_large)',
    422: 'The Idempotency-Key was already used with a different body (idempotency_key_reused)',
    429: 'Too many requests from this address (rate_limited); the Retry-After header says how many seconds to wait',
  } as const;
  const out: Partial<Record<ErrorStatus, ErrorResponse>> = {};
  for (const s of statuses) out[s] = { description: descriptions[s], content: { 'application/json': { schema: ErrorSchema } } };
  return out as { [K in S[number]]: ErrorResponse };
}
