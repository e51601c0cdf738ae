// GET /r/fixed?t=…&answer=yes|no&lang=en|fr: the "did we fix it?" links of the resolved email. Records
// one answer per emailed link (request_fix_answers, no personal data; the token's SHA-256 keeps it to
// one) and thanks the resident in their language. A page for people: no script, no inline style.
import type { App, RouteDeps } from '../../app-types.ts';
import { HTML_CSP } from '../../site/routes.ts';
import type { DbOrTx, Lang } from '../../platform/database/schema.ts';
import { newId, nowIso } from '../../platform/database/schema.ts';
import { notificationSecret, sha256Hex, verifyFixToken } from '../tokens.ts';

const TEXT = {
  en: {
    title: 'Thank you',
    yes: 'Thank you for telling us the problem is fixed.',
    no: 'Thank you for telling us. Staff will see that the problem is not fixed; you can also call the town office.',
    again: 'We already have your answer to this question. Thank you.',
    invalid: 'This link is not valid. Copy the whole link from the email, or call the town office.',
    invalidTitle: 'Link not valid',
  },
  fr: {
    title: 'Merci',
    yes: 'Merci de nous avoir indiqué que le problème est corrigé.',
    no: 'Merci de nous l’avoir indiqué. Le personnel verra que le problème n’est pas corrigé; vous pouvez aussi appeler le bureau municipal.',
    again: 'Nous avons déjà votre réponse à cette question. Merci.',
    invalid: 'Ce lien n’est pas valide. Copiez le lien entier depuis le courriel, ou appelez le bureau municipal.',
    invalidTitle: 'Lien non valide',
  },
} as const;

const page = (lang: Lang, title: string, message: string) =>
  `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>
<body>
<main>
<h1>${title}</h1>
<p role="status">${message}</p>
</main>
</body>
</html>
`;

/** Records an answer for a fix token; 'recorded', 'already' (the token answered before) or 'invalid'. */
export async function recordFixAnswer(db: DbOrTx, token: string, fixed: boolean): Promise<'recorded' | 'already' | 'invalid'> {
  const requestId = verifyFixToken(await notificationSecret(db), token);
  if (!requestId) return 'invalid';
  const request = await db.selectFrom('requests').select(['id', 'town_id']).where('id', '=', requestId).executeTakeFirst();
  if (!request) return 'invalid';
  const inserted = await db
    .insertInto('request_fix_answers')
    .values({ id: newId(), town_id: request.town_id, request_id: request.id, fixed: fixed ? 1 : 0, created_at: nowIso(), token_hash: sha256Hex(token) })
    .onConflict((oc) => oc.column('token_hash').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted ? 'recorded' : 'already';
}

export function registerFixedPage(app: App, { db }: RouteDeps) {
  app.get('/r/fixed', async (c) => {
    const lang: Lang = c.req.query('lang') === 'fr' ? 'fr' : 'en';
    const t = TEXT[lang];
    c.header('Content-Security-Policy', HTML_CSP);
    c.header('Cache-Control', 'no-store');
    c.header('Referrer-Policy', 'no-referrer');
    const token = c.req.query('t') ?? '';
    const answer = c.req.query('answer');
    if (answer !== 'yes' && answer !== 'no') return c.html(page(lang, t.invalidTitle, t.invalid), 400);
    const outcome = await recordFixAnswer(db, token, answer === 'yes');
    if (outcome === 'invalid') return c.html(page(lang, t.invalidTitle, t.invalid), 400);
    return c.html(page(lang, t.title, outcome === 'already' ? t.again : t[answer]), 200);
  });
}
