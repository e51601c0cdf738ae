// "Email me about changes": the public API that asks for email about a request (double opt-in), the
// "this is my problem too" follow, and the pages residents reach from the emails' links:
// GET /r/confirm?t=…, GET /r/unsubscribe?t=… (a page with a button) and POST /r/unsubscribe (the
// button, and RFC 8058 one-click from the mail client: `List-Unsubscribe=One-Click` in the body).
// Every answer is the same whether or not the address already follows the request.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { linkOrigin } from '../accounts/links.ts';
import { apiError, errorResponses } from '../platform/http/errors.ts';
import { pickLang } from '../platform/http/lang.ts';
import { rateLimited } from '../platform/http/rate-limit.ts';
import { TownParam } from '../towns/routes.ts';
import { publicLimit } from '../requests/status-lookup-limit.ts';
import { REFERENCE_NOT_FOUND } from '../requests/routes.ts';
import { PAGE_STYLESHEET, PAGE_STYLESHEET_PATH, pageLang, safe, sendPage } from './pages/page.ts';
import {
  addFollower,
  confirmSubscription,
  findByUnsubscribeToken,
  requestForSubscription,
  subscribeAndConfirm,
  unsubscribe,
} from './subscriptions-store.ts';

const ReferenceParam = TownParam.extend({
  reference: z.string().min(1).max(40).openapi({ param: { name: 'reference', in: 'path' }, example: 'LKV-7K4Q2-M9XCR' }),
});

const SubscribeSchema = z
  .object({
    email: z.email().max(254).openapi({ description: 'Where to send the confirmation, then the updates' }),
    lang: z.enum(['en', 'fr']).optional().openapi({ description: 'Language of the emails; default the asked language' }),
  })
  .openapi('NewSubscription');

const FollowSchema = z
  .object({
    email: z.email().max(254).nullable().optional().openapi({ description: 'Optional: also email me about changes (double opt-in)' }),
    lang: z.enum(['en', 'fr']).optional(),
  })
  .openapi('NewFollower');

const AcceptedSchema = z
  .object({ status: z.literal('accepted').openapi({ description: 'The same answer whether or not the address already follows' }) })
  .openapi('SubscriptionAccepted');

const subscribeRoute = createRoute({
  method: 'post',
  path: '/api/v1/towns/{town}/requests/{reference}/subscriptions',
  tags: ['Service requests'],
  summary: 'Email me about changes to this request (double opt-in: a confirmation email is sent)',
  request: {
    params: ReferenceParam,
    body: { required: true, content: { 'application/json': { schema: SubscribeSchema } } },
  },
  responses: {
    202: { description: 'Accepted; check your email to confirm', content: { 'application/json': { schema: AcceptedSchema } } },
    ...errorResponses(400, 404, 429),
  },
});

const followRoute = createRoute({
  method: 'post',
  path: '/api/v1/towns/{town}/requests/{reference}/followers',
  tags: ['Service requests'],
  summary: 'This is my problem too: follow a request instead of filing a new one (optionally with email)',
  request: {
    params: ReferenceParam,
    body: { required: true, content: { 'application/json': { schema: FollowSchema } } },
  },
  responses: {
    202: { description: 'Counted (and, with an email, a confirmation sent)', content: { 'application/json': { schema: AcceptedSchema } } },
    ...errorResponses(400, 404, 429),
  },
});

const T = {
  confirmedTitle: { en: 'You will get email updates', fr: 'Vous recevrez les avis par courriel' },
  confirmed: {
    en: 'Thank you. We will email you when request {ref} changes. Every email has a link to stop them.',
    fr: 'Merci. Nous vous écrirons quand la demande {ref} change. Chaque courriel contient un lien pour ne plus en recevoir.',
  },
  expiredTitle: { en: 'This link has expired', fr: 'Ce lien a expiré' },
  expired: {
    en: 'Confirmation links work for 7 days. Ask again for email updates on the request’s status page.',
    fr: 'Les liens de confirmation sont valides 7 jours. Redemandez les avis par courriel sur la page de suivi de la demande.',
  },
  unknownTitle: { en: 'This link does not work', fr: 'Ce lien ne fonctionne pas' },
  unknown: {
    en: 'Check that the whole link from the email was opened, or ask again on the request’s status page.',
    fr: 'Vérifiez que le lien complet du courriel a été ouvert, ou redemandez-le sur la page de suivi de la demande.',
  },
  unsubscribeTitle: { en: 'Stop email updates', fr: 'Ne plus recevoir d’avis' },
  unsubscribeAsk: {
    en: 'Stop emails about request {ref}?',
    fr: 'Ne plus recevoir de courriels sur la demande {ref} ?',
  },
  unsubscribeButton: { en: 'Stop emails', fr: 'Ne plus recevoir de courriels' },
  unsubscribedTitle: { en: 'You will get no more emails', fr: 'Vous ne recevrez plus de courriels' },
  unsubscribed: {
    en: 'We will not email you about request {ref} any more. You can still follow it on the town’s website.',
    fr: 'Nous ne vous écrirons plus au sujet de la demande {ref}. Vous pouvez toujours la suivre sur le site de la municipalité.',
  },
} as const;

/** A sentence with the reference in it, the reference marked up. */
const withRef = (text: string, reference: string) => {
  const [before, after] = text.split('{ref}');
  return safe`<p>${before ?? ''}<span class="reference">${reference}</span>${after ?? ''}</p>`;
};

export function registerSubscriptionRoutes(app: App, { db, config }: RouteDeps) {
  const origin = linkOrigin(config);

  app.openapi(subscribeRoute, async (c) => {
    const town = c.var.town;
    const { reference } = c.req.valid('param');
    const body = c.req.valid('json');
    const lang = pickLang(c, body.lang, town.defaultLanguage);
    const limit = await publicLimit(c, db, config, town.id, 'subscribe');
    if (!limit.allowed) return rateLimited(c, limit.retryAfterSeconds, lang);
    const request = await requestForSubscription(db, town, reference);
    if (!request) return apiError(c, 404, 'not_found', REFERENCE_NOT_FOUND[lang]);
    await db.transaction().execute((trx) =>
      subscribeAndConfirm(trx, { town, request, email: body.email, lang, source: 'tracker', publicOrigin: origin }),
    );
    return c.json({ status: 'accepted' as const }, 202);
  });

  app.openapi(followRoute, async (c) => {
    const town = c.var.town;
    const { reference } = c.req.valid('param');
    const body = c.req.valid('json');
    const lang = pickLang(c, body.lang, town.defaultLanguage);
    const limit = await publicLimit(c, db, config, town.id, 'subscribe');
    if (!limit.allowed) return rateLimited(c, limit.retryAfterSeconds, lang);
    const request = await requestForSubscription(db, town, reference);
    if (!request) return apiError(c, 404, 'not_found', REFERENCE_NOT_FOUND[lang]);
    await db.transaction().execute(async (trx) => {
      await addFollower(trx, request.id);
      if (body.email) await subscribeAndConfirm(trx, { town, request, email: body.email, lang, source: 'follower', publicOrigin: origin });
    });
    return c.json({ status: 'accepted' as const }, 202);
  });

  app.get(PAGE_STYLESHEET_PATH, (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    c.header('Cache-Control', 'public, max-age=3600');
    return c.body(PAGE_STYLESHEET);
  });

  app.get('/r/confirm', async (c) => {
    const result = await confirmSubscription(db, c.req.query('t') ?? '');
    if (result.outcome === 'confirmed' || result.outcome === 'already_confirmed') {
      const l = result.lang;
      return sendPage(c, { lang: l, title: T.confirmedTitle[l], body: withRef(T.confirmed[l], result.reference) });
    }
    if (result.outcome === 'expired') {
      const l = result.lang;
      return sendPage(c, { lang: l, title: T.expiredTitle[l], body: safe`<p>${T.expired[l]}</p>` }, 410);
    }
    const l = pageLang(c);
    return sendPage(c, { lang: l, title: T.unknownTitle[l], body: safe`<p>${T.unknown[l]}</p>` }, 404);
  });

  app.get('/r/unsubscribe', async (c) => {
    const token = c.req.query('t') ?? '';
    const found = await findByUnsubscribeToken(db, token);
    if (!found) {
      const l = pageLang(c);
      return sendPage(c, { lang: l, title: T.unknownTitle[l], body: safe`<p>${T.unknown[l]}</p>` }, 404);
    }
    const l = found.lang;
    if (found.unsubscribed) return sendPage(c, { lang: l, title: T.unsubscribedTitle[l], body: withRef(T.unsubscribed[l], found.reference) });
    // A GET never unsubscribes (mail scanners open links); the button POSTs.
    return sendPage(c, {
      lang: l,
      title: T.unsubscribeTitle[l],
      body: safe`${withRef(T.unsubscribeAsk[l], found.reference)}
<form method="post" action="/r/unsubscribe">
<input type="hidden" name="t" value="${token}">
<button type="submit">${T.unsubscribeButton[l]}</button>
</form>`,
    });
  });

  // The page's button (t in the form) and RFC 8058 one-click (t in the URL, List-Unsubscribe=One-Click).
  app.post('/r/unsubscribe', async (c) => {
    let form: Record<string, unknown> = {};
    try {
      form = await c.req.parseBody();
    } catch {
      form = {};
    }
    const fromBody = typeof form.t === 'string' ? form.t : '';
    const token = fromBody || c.req.query('t') || '';
    const done = await unsubscribe(db, token);
    if (!done) {
      const l = pageLang(c);
      return sendPage(c, { lang: l, title: T.unknownTitle[l], body: safe`<p>${T.unknown[l]}</p>` }, 404);
    }
    const l = done.lang;
    return sendPage(c, { lang: l, title: T.unsubscribedTitle[l], body: withRef(T.unsubscribed[l], done.reference) });
  });
}
