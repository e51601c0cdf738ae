// Checks a request's answers against the service's Open311 questions.
import type { FieldError } from '../platform/http/errors.ts';
import type { Lang } from '../platform/database/schema.ts';
import type { StoredQuestion } from '../services/store.ts';

export type AnswerValue = string | number | boolean | string[];

const MESSAGES = {
  required: { en: 'This question needs an answer.', fr: 'Cette question exige une réponse.' },
  choice: { en: 'Choose one of the listed options.', fr: 'Choisissez une des options proposées.' },
  number: { en: 'Enter a number.', fr: 'Entrez un nombre.' },
  datetime: { en: 'Enter a date.', fr: 'Entrez une date.' },
  text: { en: 'Enter text.', fr: 'Entrez du texte.' },
  long: { en: 'Enter at most 2,000 characters.', fr: 'Entrez au plus 2 000 caractères.' },
} as const;

/** Longest answer to a text question, and longest key in a list answer. */
const MAX_ANSWER = 2000;
const MAX_KEY = 200;

const isEmpty = (v: AnswerValue | undefined) =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * Returns the answers to keep (only the service's own variable questions) and any field errors.
 * A required question needs an answer from every client, as Open311 requires of `attribute[CODE]`:
 * the town asked for it because staff cannot act without it.
 */
export function checkAnswers(
  questions: StoredQuestion[],
  answers: Record<string, AnswerValue> | undefined,
  lang: Lang,
): { answers: Record<string, AnswerValue>; errors: FieldError[] } {
  answers ??= {};
  const kept: Record<string, AnswerValue> = {};
  const errors: FieldError[] = [];
  const fail = (q: StoredQuestion, m: keyof typeof MESSAGES) => errors.push({ field: `answers.${q.code}`, message: MESSAGES[m][lang] });
  for (const q of questions) {
    if (!q.variable) continue;
    const v = answers[q.code];
    if (typeof v === 'string' && v.length > MAX_ANSWER) { fail(q, 'long'); continue; }
    if (Array.isArray(v) && v.some((x) => typeof x !== 'string' || x.length > MAX_KEY)) { fail(q, 'choice'); continue; }
    if (isEmpty(v)) {
      if (q.required) fail(q, 'required');
      continue;
    }
    const keys = new Set((q.values ?? []).map((x) => x.key));
    switch (q.datatype) {
      case 'singlevaluelist':
        if (typeof v !== 'string' || !keys.has(v)) { fail(q, 'choice'); continue; }
        break;
      case 'multivaluelist': {
        const list = Array.isArray(v) ? v : [v];
        if (!list.every((x) => typeof x === 'string' && keys.has(x))) { fail(q, 'choice'); continue; }
        kept[q.code] = list as string[];
        continue;
      }
      case 'number':
        if (typeof v === 'number' ? !Number.isFinite(v) : typeof v !== 'string' || !Number.isFinite(Number(v))) { fail(q, 'number'); continue; }
        kept[q.code] = Number(v);
        continue;
      case 'datetime':
        if (typeof v !== 'string' || Number.isNaN(Date.parse(v))) { fail(q, 'datetime'); continue; }
        break;
      default:
        if (typeof v !== 'string' && typeof v !== 'number') { fail(q, 'text'); continue; }
    }
    kept[q.code] = typeof v === 'number' ? String(v) : v;
  }
  return { answers: kept, errors };
}
