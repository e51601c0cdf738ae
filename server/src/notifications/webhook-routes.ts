// /api/v1/staff/towns/{town}/webhooks (admins, webhooks.manage): a town's outgoing webhooks, their
// delivery log and a test ping. A new webhook's signing secret is shown once, in the answer that makes it.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { audit } from '../accounts/audit.ts';
import { say } from '../accounts/messages.ts';
import { guard } from '../accounts/permissions.ts';
import { apiError, errorResponses } from '../platform/http/errors.ts';
import { TownParam } from '../towns/routes.ts';
import {
  createWebhook,
  deleteWebhook,
  enqueueWebhookPing,
  getWebhook,
  listDeliveries,
  listWebhooks,
  setWebhookActive,
  WEBHOOK_EVENTS,
  type Webhook,
} from './webhooks.ts';
import { checkWebhookUrl, type WebhookUrlProblem } from './webhook-target.ts';

const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_EVENTS)),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Webhook');

const DeliverySchema = z
  .object({
    id: z.string(),
    jobId: z.string(),
    event: z.string(),
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
    attempt: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('WebhookDelivery');

const IdParam = TownParam.extend({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });
const tags = ['Webhooks'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/webhooks',
  tags,
  summary: "The town's webhooks (never their secrets)",
  request: { params: TownParam },
  responses: {
    200: { description: 'Webhooks', content: { 'application/json': { schema: z.object({ webhooks: z.array(WebhookSchema) }) } } },
    ...errorResponses(401, 403),
  },
});

const createHookRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/webhooks',
  tags,
  summary: 'Make a webhook; the answer is the only time its signing secret is shown',
  request: {
    params: TownParam,
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({
              url: z
                .string()
                .trim()
                .min(1)
                .max(2000)
                .openapi({ description: 'https:// to a public address (private addresses and http:// only with WEBHOOK_ALLOW_PRIVATE)' }),
              events: z.array(z.enum(WEBHOOK_EVENTS)).min(1),
            })
            .openapi('WebhookCreate'),
        },
      },
    },
  },
  responses: {
    201: { description: 'The new webhook', content: { 'application/json': { schema: WebhookSchema.extend({ secret: z.string() }).openapi('NewWebhook') } } },
    ...errorResponses(400, 401, 403, 422),
  },
});

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/v1/staff/towns/{town}/webhooks/{id}',
  tags,
  summary: 'Disable or enable a webhook',
  request: {
    params: IdParam,
    body: { required: true, content: { 'application/json': { schema: z.object({ active: z.boolean() }).openapi('WebhookUpdate') } } },
  },
  responses: {
    200: { description: 'The webhook', content: { 'application/json': { schema: WebhookSchema } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const deleteRoute = createRoute({
  method: 'delete',
  path: '/api/v1/staff/towns/{town}/webhooks/{id}',
  tags,
  summary: 'Delete a webhook and its delivery log',
  request: { params: IdParam },
  responses: { 204: { description: 'Deleted' }, ...errorResponses(401, 403, 404) },
});

const deliveriesRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/webhooks/{id}/deliveries',
  tags,
  summary: "A webhook's delivery log (every attempt), newest first",
  request: { params: IdParam },
  responses: {
    200: { description: 'Deliveries', content: { 'application/json': { schema: z.object({ deliveries: z.array(DeliverySchema) }) } } },
    ...errorResponses(401, 403, 404),
  },
});

const pingRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/webhooks/{id}/ping',
  tags,
  summary: 'Queue a test delivery (type "ping") to the webhook; its result shows in the delivery log',
  request: { params: IdParam },
  responses: {
    202: { description: 'Queued', content: { 'application/json': { schema: z.object({ jobId: z.string() }) } } },
    ...errorResponses(401, 403, 404),
  },
});

const view = (h: Webhook) => ({ id: h.id, url: h.url, events: h.events, active: h.active, createdAt: h.createdAt });

const URL_PROBLEM: Record<WebhookUrlProblem, { en: string; fr: string }> = {
  not_a_url: { en: 'Enter a full web address, like https://workorders.example.ca/munikit.', fr: 'Entrez une adresse Web complète, comme https://workorders.example.ca/munikit.' },
  scheme: { en: 'Enter an https:// address.', fr: 'Entrez une adresse https://.' },
  not_https: { en: 'Enter an https:// address (http:// is not encrypted).', fr: 'Entrez une adresse https:// (http:// n’est pas chiffré).' },
  credentials: { en: 'Remove the user name and password from the address: the signature proves the sender.', fr: 'Retirez le nom d’utilisateur et le mot de passe de l’adresse : la signature prouve l’expéditeur.' },
  internal_address: {
    en: 'This address is on an internal network (private, loopback or cloud metadata); webhooks go to public addresses only.',
    fr: 'Cette adresse est sur un réseau interne (privé, boucle locale ou métadonnées infonuagiques); les webhooks vont seulement vers des adresses publiques.',
  },
};

export function registerWebhookRoutes(app: App, { db, config }: RouteDeps) {
  const notFound = (c: Parameters<typeof say>[0]) =>
    apiError(c, 404, 'not_found', say(c, 'There is no webhook with this id in this town.', 'Aucun webhook ne porte cet identifiant dans cette municipalité.'));

  app.openapi(guard(listRoute, 'webhooks.manage'), async (c) => {
    const hooks = await listWebhooks(db, c.req.valid('param').town);
    return c.json({ webhooks: hooks.map(view) }, 200);
  });

  app.openapi(guard(createHookRoute, 'webhooks.manage'), async (c) => {
    const { town } = c.req.valid('param');
    const { url, events } = c.req.valid('json');
    const problem = await checkWebhookUrl(url, { allowPrivate: config.webhookAllowPrivate });
    if (problem) {
      // A well-formed URL the server will not post to: 422, naming the field.
      const m = URL_PROBLEM[problem];
      return apiError(c, 422, 'validation_failed', say(c, 'The field url is not valid.', 'Le champ url n’est pas valide.'), [{ field: 'url', message: say(c, m.en, m.fr) }]);
    }
    const { webhook, secret } = await createWebhook(db, town, url, events);
    await audit(c, 'webhook.created', { type: 'webhook', id: webhook.id }, null, { url, events: webhook.events });
    return c.json({ ...view(webhook), secret }, 201);
  });

  app.openapi(guard(updateRoute, 'webhooks.manage'), async (c) => {
    const { town, id } = c.req.valid('param');
    const { active } = c.req.valid('json');
    const hook = await getWebhook(db, town, id);
    if (!hook) return notFound(c);
    await setWebhookActive(db, town, id, active);
    await audit(c, active ? 'webhook.enabled' : 'webhook.disabled', { type: 'webhook', id }, { active: hook.active }, { active });
    return c.json(view({ ...hook, active }), 200);
  });

  app.openapi(guard(deleteRoute, 'webhooks.manage'), async (c) => {
    const { town, id } = c.req.valid('param');
    const hook = await getWebhook(db, town, id);
    if (!hook) return notFound(c);
    await deleteWebhook(db, town, id);
    await audit(c, 'webhook.deleted', { type: 'webhook', id }, { url: hook.url, events: hook.events, active: hook.active }, null);
    return c.body(null, 204);
  });

  app.openapi(guard(deliveriesRoute, 'webhooks.manage'), async (c) => {
    const { town, id } = c.req.valid('param');
    if (!(await getWebhook(db, town, id))) return notFound(c);
    return c.json({ deliveries: await listDeliveries(db, id) }, 200);
  });

  app.openapi(guard(pingRoute, 'webhooks.manage'), async (c) => {
    const { town, id } = c.req.valid('param');
    const hook = await getWebhook(db, town, id);
    if (!hook) return notFound(c);
    const jobId = await enqueueWebhookPing(db, hook);
    await audit(c, 'webhook.pinged', { type: 'webhook', id }, null, { jobId });
    return c.json({ jobId }, 202);
  });
}
