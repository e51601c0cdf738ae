import { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { detectFromHeader } from 'hono/language';
import type { Lang } from '../database/schema.ts';

export const LangQuery = z.object({
  lang: z
    .enum(['en', 'fr'])
    .optional()
    .openapi({ description: "Language of the texts; default: the town's default language" }),
});

const HEADER_OPTIONS = {
  lookupFromHeaderKey: 'accept-language',
  supportedLanguages: ['en', 'fr'],
  ignoreCase: true,
} as Parameters<typeof detectFromHeader>[1];

/** The language we speak that the client's Accept-Language prefers most (q-values, `fr-CA` → fr); none for `*` or garbage. */
export const acceptedLang = (c: Context): Lang | undefined => detectFromHeader(c, HEADER_OPTIONS) as Lang | undefined;

/**
 * The language of an answer: what the call asked for (`?lang=`, or a body's `lang`), else the client's
 * Accept-Language, else the town's default.
 */
export const pickLang = (c: Context, requested: Lang | undefined, townDefault: Lang): Lang => requested ?? acceptedLang(c) ?? townDefault;
