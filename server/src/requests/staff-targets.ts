// Targets per service (time to acknowledge in working hours, time to close in working days; see
// service-targets.ts) and response templates
// (texts agents insert into a note). Admins change them (settings.manage); staff read them.
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { audit } from '../accounts/audit.ts';
import { say } from '../accounts/messages.ts';
import { guard } from '../accounts/permissions.ts';
import { inTransaction } from '../platform/database/group-commit.ts';
import type { Db } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import { apiError, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { TownParam } from '../towns/routes.ts';
import { recomputeDueDates } from './service-targets.ts';

const Bilingual = z.object({ en: z.string(), fr: z.string() });
const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const ServiceTarget = z
  .object({ code: z.string(), name: Bilingual, ackTargetHours: z.number().int().nullable(), targetDays: z.number().int().nullable() })
  .openapi('ServiceTarget');
const Template = z
  .object({ id: z.string(), serviceCode: z.string().nullable(), name: z.string(), textEn: z.string().nullable(), textFr: z.string().nullable() })
  .openapi('ResponseTemplate');

const TemplateBody = z.object({
  serviceCode: z.string().min(1).max(100).nullable(),
  name: z.string().trim().min(1).max(200),
  textEn: z.string().trim().max(5000).nullable(),
  textFr: z.string().trim().max(5000).nullable(),
});
const TemplateIdParam = TownParam.extend({ id: z.string().min(1).max(100).openapi({ param: { name: 'id', in: 'path' } }) });

const listTargets = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/service-targets',
  tags: ['Staff'],
  summary: "The services' targets: time to acknowledge (working hours) and to close (working days)",
  request: { params: TownParam },
  responses: {
    200: { description: 'Targets', content: { 'application/json': { schema: z.object({ services: z.array(ServiceTarget) }) } } },
    ...errorResponses(401, 403),
  },
});

const putTarget = createRoute({
  method: 'put',
  path: '/api/v1/staff/towns/{town}/service-targets/{code}',
  tags: ['Staff'],
  summary: "Change a service's targets (the due dates of its requests follow)",
  request: {
    params: TownParam.extend({ code: z.string().min(1).max(100).openapi({ param: { name: 'code', in: 'path' } }) }),
    ...body(z.object({ ackTargetHours: z.number().int().min(1).max(8760).nullable(), targetDays: z.number().int().min(1).max(365).nullable() })),
  },
  responses: {
    200: { description: 'The service', content: { 'application/json': { schema: ServiceTarget } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const listTemplates = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/response-templates',
  tags: ['Staff'],
  summary: 'Response templates (for a service: its own and those for any service)',
  request: { params: TownParam, query: z.object({ service: z.string().max(100).optional() }) },
  responses: {
    200: { description: 'Templates', content: { 'application/json': { schema: z.object({ templates: z.array(Template) }) } } },
    ...errorResponses(401, 403),
  },
});

const createTemplate = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/response-templates',
  tags: ['Staff'],
  summary: 'Add a response template',
  request: {
    params: TownParam,
    ...body(TemplateBody),
  },
  responses: {
    201: { description: 'The template', content: { 'application/json': { schema: Template } } },
    ...errorResponses(400, 401, 403),
  },
});

const updateTemplate = createRoute({
  method: 'put',
  path: '/api/v1/staff/towns/{town}/response-templates/{id}',
  tags: ['Staff'],
  summary: 'Change a response template (its name, service and texts)',
  request: { params: TemplateIdParam, ...body(TemplateBody) },
  responses: {
    200: { description: 'The template', content: { 'application/json': { schema: Template } } },
    ...errorResponses(400, 401, 403, 404),
  },
});

const deleteTemplate = createRoute({
  method: 'delete',
  path: '/api/v1/staff/towns/{town}/response-templates/{id}',
  tags: ['Staff'],
  summary: 'Remove a response template',
  request: { params: TemplateIdParam },
  responses: {
    204: { description: 'Removed' },
    ...errorResponses(401, 403, 404),
  },
});

export function registerServiceTargetRoutes(app: App, { db }: RouteDeps) {
  /** A template needs a text in at least one language, and a service of this town if it names one. */
  const templateProblem = async (c: Parameters<typeof validationFailed>[0], town: string, b: z.infer<typeof TemplateBody>) => {
    if (!b.textEn && !b.textFr) return validationFailed(c, [{ field: 'textEn', message: say(c, 'Write the text in English, French or both.', 'Rédigez le texte en anglais, en français ou dans les deux langues.') }]);
    if (b.serviceCode) {
      const s = await db.selectFrom('services').select('id').where('town_id', '=', town).where('code', '=', b.serviceCode).executeTakeFirst();
      if (!s) return validationFailed(c, [{ field: 'serviceCode', message: say(c, 'This town has no such service.', 'Cette municipalité n’offre pas ce service.') }]);
    }
    return undefined;
  };

  app.openapi(guard(listTargets, 'requests.read'), async (c) => {
    const { town } = c.req.valid('param');
    const rows = await db.selectFrom('services').select(['code', 'name_en', 'name_fr', 'ack_target_hours', 'target_days']).where('town_id', '=', town).orderBy('sort').orderBy('code').execute();
    return c.json({ services: rows.map((r) => ({ code: r.code, name: { en: r.name_en, fr: r.name_fr }, ackTargetHours: r.ack_target_hours, targetDays: r.target_days })) }, 200);
  });

  app.openapi(guard(putTarget, 'settings.manage'), async (c) => {
    const { town, code } = c.req.valid('param');
    const b = c.req.valid('json');
    const s = await db.selectFrom('services').select(['id', 'code', 'name_en', 'name_fr', 'ack_target_hours', 'target_days']).where('town_id', '=', town).where('code', '=', code).executeTakeFirst();
    if (!s) return apiError(c, 404, 'not_found', say(c, 'This town has no such service.', 'Cette municipalité n’offre pas ce service.'));
    await inTransaction(db as Db, async (tx) => {
      await tx.updateTable('services').set({ ack_target_hours: b.ackTargetHours, target_days: b.targetDays, updated_at: nowIso() }).where('id', '=', s.id).execute();
      await recomputeDueDates(tx, town, s.id);
      await audit(c, 'service.targets_changed', { type: 'service', id: code }, { ackTargetHours: s.ack_target_hours, targetDays: s.target_days }, { ackTargetHours: b.ackTargetHours, targetDays: b.targetDays }, { db: tx });
    });
    return c.json({ code, name: { en: s.name_en, fr: s.name_fr }, ackTargetHours: b.ackTargetHours, targetDays: b.targetDays }, 200);
  });

  app.openapi(guard(listTemplates, 'requests.read'), async (c) => {
    const { town } = c.req.valid('param');
    const { service } = c.req.valid('query');
    let q = db.selectFrom('response_templates').selectAll().where('town_id', '=', town);
    if (service) q = q.where((eb) => eb.or([eb('service_code', 'is', null), eb('service_code', '=', service)]));
    const rows = await q.orderBy('name').execute();
    return c.json({ templates: rows.map((r) => ({ id: r.id, serviceCode: r.service_code, name: r.name, textEn: r.text_en, textFr: r.text_fr })) }, 200);
  });

  app.openapi(guard(createTemplate, 'settings.manage'), async (c) => {
    const { town } = c.req.valid('param');
    const b = c.req.valid('json');
    const problem = await templateProblem(c, town, b);
    if (problem) return problem;
    const t = { id: newId(), serviceCode: b.serviceCode, name: b.name, textEn: b.textEn || null, textFr: b.textFr || null };
    await inTransaction(db as Db, async (tx) => {
      const at = nowIso();
      await tx.insertInto('response_templates').values({ id: t.id, town_id: town, service_code: t.serviceCode, name: t.name, text_en: t.textEn, text_fr: t.textFr, created_at: at, updated_at: at }).execute();
      await audit(c, 'response_template.created', { type: 'response_template', id: t.id }, null, t, { db: tx });
    });
    return c.json(t, 201);
  });

  app.openapi(guard(updateTemplate, 'settings.manage'), async (c) => {
    const { town, id } = c.req.valid('param');
    const b = c.req.valid('json');
    const row = await db.selectFrom('response_templates').selectAll().where('town_id', '=', town).where('id', '=', id).executeTakeFirst();
    if (!row) return apiError(c, 404, 'not_found', say(c, 'There is no such template.', 'Ce modèle n’existe pas.'));
    const problem = await templateProblem(c, town, b);
    if (problem) return problem;
    const before = { serviceCode: row.service_code, name: row.name, textEn: row.text_en, textFr: row.text_fr };
    const t = { id, serviceCode: b.serviceCode, name: b.name, textEn: b.textEn || null, textFr: b.textFr || null };
    await inTransaction(db as Db, async (tx) => {
      await tx.updateTable('response_templates').set({ service_code: t.serviceCode, name: t.name, text_en: t.textEn, text_fr: t.textFr, updated_at: nowIso() }).where('id', '=', id).execute();
      await audit(c, 'response_template.changed', { type: 'response_template', id }, before, { serviceCode: t.serviceCode, name: t.name, textEn: t.textEn, textFr: t.textFr }, { db: tx });
    });
    return c.json(t, 200);
  });

  app.openapi(guard(deleteTemplate, 'settings.manage'), async (c) => {
    const { town, id } = c.req.valid('param');
    const row = await db.selectFrom('response_templates').selectAll().where('town_id', '=', town).where('id', '=', id).executeTakeFirst();
    if (!row) return apiError(c, 404, 'not_found', say(c, 'There is no such template.', 'Ce modèle n’existe pas.'));
    await inTransaction(db as Db, async (tx) => {
      await tx.deleteFrom('response_templates').where('id', '=', id).execute();
      await audit(c, 'response_template.deleted', { type: 'response_template', id }, { name: row.name, serviceCode: row.service_code, textEn: row.text_en, textFr: row.text_fr }, null, { db: tx });
    });
    return c.body(null, 204);
  });
}
