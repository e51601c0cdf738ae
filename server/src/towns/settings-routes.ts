// GET/PATCH /api/v1/staff/towns/{town}/settings (settings.manage): names, site origins (CORS),
// reference prefix, time zone, languages, holidays, the tracker page emails link to. A change is audited and
// clears this instance's town cache; a new time zone or holiday list moves the due dates of the town's requests
// (service-targets.ts).
import { createRoute, z } from '@hono/zod-openapi';
import type { App, RouteDeps } from '../app-types.ts';
import { audit } from '../accounts/audit.ts';
import { guard } from '../accounts/permissions.ts';
import { errorResponses, validationFailed } from '../platform/http/errors.ts';
import { errorLang } from '../platform/http/validation-messages.ts';
import type { Lang } from '../platform/database/schema.ts';
import { TownParam } from './routes.ts';
import { getTown, updateTown, type Town } from './store.ts';
import { recomputeDueDates, townHolidays } from '../requests/service-targets.ts';
import { OriginSchema, ReferencePrefixSchema, TimeZoneSchema, TrackerUrlSchema } from './validation.ts';
import { MAX_RETENTION_MONTHS, MIN_RETENTION_MONTHS, retentionMonthsOf } from '../privacy/retention.ts';

const Lang = z.enum(['en', 'fr']);

const TownSettingsSchema = z
  .object({
    id: z.string(),
    name: z.object({ en: z.string(), fr: z.string() }),
    defaultLanguage: Lang,
    languages: z.array(Lang).openapi({ description: 'Languages the town publishes in' }),
    siteOrigins: z.array(z.string()).openapi({ description: "The town's websites allowed to use the widgets (CORS)" }),
    referencePrefix: z.string(),
    timezone: z.string(),
    requireTwoFactor: z.boolean().openapi({ description: 'Staff of this town must sign in with two-factor (TOTP); those without it are sent to enrol after sign-in' }),
    trackerUrl: z.string().nullable().openapi({ description: "The page of the town's site that holds <muni-request-status>; emails link there (null: the server's /track.html)" }),
    holidays: z.array(z.string()).openapi({ description: "The town's holidays (YYYY-MM-DD): not working days for service targets, like weekends" }),
    retentionMonths: z.number().int().openapi({ description: "Months residents' contact details, photos and subscriptions are kept after a request closes (then erased by the daily job)" }),
  })
  .openapi('TownSettings');

const Holiday = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'Not a date (YYYY-MM-DD)' });

const TownSettingsChangeSchema = z
  .object({
    name: z.object({ en: z.string().trim().min(1).max(200), fr: z.string().trim().min(1).max(200) }).optional(),
    defaultLanguage: Lang.optional(),
    languages: z.array(Lang).min(1).max(2).optional(),
    siteOrigins: z.array(OriginSchema).max(20).optional(),
    referencePrefix: ReferencePrefixSchema.optional(),
    timezone: TimeZoneSchema.optional(),
    requireTwoFactor: z.boolean().optional(),
    trackerUrl: TrackerUrlSchema.nullable().optional(),
    holidays: z.array(Holiday).max(400).optional(),
    retentionMonths: z.number().int().min(MIN_RETENTION_MONTHS).max(MAX_RETENTION_MONTHS).optional(),
  })
  .openapi('TownSettingsChange');

export const languagesOf = (t: Town): Lang[] => {
  const v = t.settings.languages;
  return Array.isArray(v) && v.every((l) => l === 'en' || l === 'fr') && v.length > 0 ? (v as Lang[]) : ['en', 'fr'];
};

const view = (t: Town) => ({
  id: t.id,
  name: t.name,
  defaultLanguage: t.defaultLanguage,
  languages: languagesOf(t),
  siteOrigins: t.siteOrigins,
  referencePrefix: t.referencePrefix,
  timezone: t.timezone,
  requireTwoFactor: t.settings.requireTwoFactor === true,
  trackerUrl: typeof t.settings.trackerUrl === 'string' ? t.settings.trackerUrl : null,
  holidays: townHolidays(t.settings),
  retentionMonths: retentionMonthsOf(t),
});

const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/settings',
  tags: ['Town settings'],
  summary: "The town's settings",
  request: { params: TownParam },
  responses: { 200: { description: 'Settings', content: { 'application/json': { schema: TownSettingsSchema } } }, ...errorResponses(401, 403) },
});

const patchRoute = createRoute({
  method: 'patch',
  path: '/api/v1/staff/towns/{town}/settings',
  tags: ['Town settings'],
  summary: "Change the town's settings (only the fields sent)",
  request: { params: TownParam, body: { required: true, content: { 'application/json': { schema: TownSettingsChangeSchema } } } },
  responses: {
    200: { description: 'Settings', content: { 'application/json': { schema: TownSettingsSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export function registerTownSettingsRoutes(app: App, { db, towns }: RouteDeps) {
  app.openapi(guard(getRoute, 'settings.manage'), async (c) => {
    const { town } = c.req.valid('param');
    return c.json(view((await getTown(db, town))!), 200);
  });

  app.openapi(guard(patchRoute, 'settings.manage'), async (c) => {
    const { town: id } = c.req.valid('param');
    const change = c.req.valid('json');
    const current = (await getTown(db, id))!;
    const before = view(current);
    const languages = change.languages ? [...new Set(change.languages)] : before.languages;
    const defaultLanguage = change.defaultLanguage ?? before.defaultLanguage;
    if (!languages.includes(defaultLanguage)) {
      const fr = errorLang(c) === 'fr';
      return validationFailed(c, [
        {
          field: change.languages ? 'languages' : 'defaultLanguage',
          message: fr ? 'La langue par défaut doit être l’une des langues de la municipalité.' : "The default language must be one of the town's languages.",
        },
      ]);
    }
    await updateTown(db, id, {
      name: change.name,
      defaultLanguage: change.defaultLanguage,
      siteOrigins: change.siteOrigins ? [...new Set(change.siteOrigins)] : undefined,
      referencePrefix: change.referencePrefix,
      timezone: change.timezone,
      // Merged into the settings JSON: only what was sent (trackerUrl null clears it).
      settings: dropUndefined({
        languages: change.languages ? languages : undefined,
        requireTwoFactor: change.requireTwoFactor,
        trackerUrl: change.trackerUrl,
        holidays: change.holidays ? [...new Set(change.holidays)].sort() : undefined,
        retentionMonths: change.retentionMonths,
      }),
    });
    towns.invalidate();
    const after = view((await getTown(db, id))!);
    if (after.timezone !== before.timezone || JSON.stringify(after.holidays) !== JSON.stringify(before.holidays)) await recomputeDueDates(db, id);
    const b: Record<string, unknown> = {};
    const a: Record<string, unknown> = {};
    for (const k of Object.keys(after) as (keyof typeof after)[]) {
      if (JSON.stringify(before[k]) !== JSON.stringify(after[k])) [b[k], a[k]] = [before[k], after[k]];
    }
    if (Object.keys(a).length > 0) await audit(c, 'town.settings_changed', { type: 'town', id }, b, a);
    return c.json(after, 200);
  });
}

/** The keys that have a value; undefined when none has (nothing to merge into the settings). */
function dropUndefined(values: Record<string, unknown>): Record<string, unknown> | undefined {
  const kept = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  return Object.keys(kept).length > 0 ? kept : undefined;
}
