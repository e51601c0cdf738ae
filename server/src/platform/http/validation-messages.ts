// Plain-language English and French messages for the validation failures our schemas can produce.
// They reach residents (the request form shows them beside the field), so they say what to do,
// not what the schema expected; anything unusual falls back to zod's own locale.
import type { Context } from 'hono';
import { z } from 'zod';
import type { Lang } from '../database/schema.ts';
import { acceptedLang } from './lang.ts';

type Issue = z.core.$ZodIssue;

const zodLocales = { en: z.locales.en(), fr: z.locales.fr() };

const isTextIssue = (issue: Issue) => 'origin' in issue && issue.origin === 'string';

export function issueMessage(issue: Issue, lang: Lang): string {
  const fr = lang === 'fr';
  switch (issue.code) {
    case 'invalid_type':
      if (issue.message.includes('received undefined')) return fr ? 'Ce champ est obligatoire.' : 'This field is required.';
      break;
    case 'too_small':
      if (isTextIssue(issue)) {
        const min = Number(issue.minimum);
        if (min <= 1) return fr ? 'Ce champ ne peut pas être vide.' : 'This field cannot be empty.';
        return fr ? `Entrez au moins ${min} caractères.` : `Enter at least ${min} characters.`;
      }
      return fr ? `La valeur doit être d’au moins ${String(issue.minimum)}.` : `The value must be at least ${String(issue.minimum)}.`;
    case 'too_big':
      if (isTextIssue(issue)) {
        const max = Number(issue.maximum).toLocaleString(fr ? 'fr-CA' : 'en-CA');
        return fr ? `Entrez au plus ${max} caractères.` : `Enter at most ${max} characters.`;
      }
      return fr ? `La valeur doit être d’au plus ${String(issue.maximum)}.` : `The value must be at most ${String(issue.maximum)}.`;
    case 'invalid_format':
      if (issue.format === 'email') {
        return fr ? 'Entrez une adresse courriel comme nom@exemple.ca.' : 'Enter an email address like name@example.ca.';
      }
      break;
    case 'invalid_value':
      return fr ? 'Choisissez une des valeurs proposées.' : 'Choose one of the listed values.';
    case 'custom': {
      // A refine() can carry its own words: `params: { messages: { en, fr } }` (bilingualRefine below).
      const messages = (issue.params as { messages?: Record<Lang, string> } | undefined)?.messages;
      if (messages?.[lang]) return messages[lang];
      break;
    }
    case 'unrecognized_keys':
      return fr ? `Champ inconnu : ${issue.keys.join(', ')}.` : `Unknown field: ${issue.keys.join(', ')}.`;
  }
  const fallback: unknown = zodLocales[lang].localeError(issue as never);
  return typeof fallback === 'string' ? fallback : issue.message;
}

/** The language of an error answer: `?lang=`, else Accept-Language (by q-value), else the town's, else English. */
export function errorLang(c: Context): Lang {
  const query = c.req.query('lang');
  if (query === 'fr' || query === 'en') return query;
  return acceptedLang(c) ?? (c.get('town') as { defaultLanguage?: Lang } | undefined)?.defaultLanguage ?? 'en';
}

/** refine() options whose message follows the request's language: `.refine(check, bilingual('…', '…'))`. */
export const bilingual = (en: string, fr: string) => ({ message: en, params: { messages: { en, fr } } });
