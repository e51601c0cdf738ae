import { z } from '@hono/zod-openapi';
import type { Lang } from '../database/schema.ts';

export const LangQuery = z.object({
  lang: z
    .enum(['en', 'fr'])
    .optional()
    .openapi({ description: "Language of the texts; default: the town's default language" }),
});

export const pickLang = (requested: Lang | undefined, townDefault: Lang): Lang => requested ?? townDefault;
