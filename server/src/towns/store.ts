import type { DbOrTx, Lang, TownsTable } from '../platform/database/schema.ts';
import { nowIso } from '../platform/database/schema.ts';
import { preparedQuery } from '../platform/database/prepared.ts';

export interface Town {
  id: string;
  name: { en: string; fr: string };
  defaultLanguage: Lang;
  siteOrigins: string[];
  referencePrefix: string;
  timezone: string;
  settings: Record<string, unknown>;
}

export type NewTown = Omit<Town, 'settings'> & { settings?: Record<string, unknown> };

const toTown = (r: TownsTable): Town => ({
  id: r.id,
  name: { en: r.name_en, fr: r.name_fr },
  defaultLanguage: r.default_language,
  siteOrigins: JSON.parse(r.site_origins) as string[],
  referencePrefix: r.reference_prefix,
  timezone: r.timezone,
  settings: JSON.parse(r.settings) as Record<string, unknown>,
});

export async function insertTown(db: DbOrTx, t: NewTown): Promise<void> {
  await db
    .insertInto('towns')
    .values({
      id: t.id,
      name_en: t.name.en,
      name_fr: t.name.fr,
      default_language: t.defaultLanguage,
      site_origins: JSON.stringify(t.siteOrigins),
      reference_prefix: t.referencePrefix,
      timezone: t.timezone,
      settings: JSON.stringify(t.settings ?? {}),
      created_at: nowIso(),
    })
    .execute();
}

export async function listTowns(db: DbOrTx): Promise<Town[]> {
  const rows = await db.selectFrom('towns').selectAll().orderBy('id').execute();
  return rows.map(toTown);
}

// Compiled once (platform/database/prepared.ts): every filing with an email reads its town.
const townById = preparedQuery<[string], TownsTable>((db, arg) => db.selectFrom('towns').selectAll().where('id', '=', arg<string>(0)));

export async function getTown(db: DbOrTx, id: string): Promise<Town | undefined> {
  const [row] = await townById(db, id);
  return row ? toTown(row) : undefined;
}

export interface TownSettingsChange {
  name?: { en: string; fr: string };
  defaultLanguage?: Lang;
  siteOrigins?: string[];
  referencePrefix?: string;
  timezone?: string;
  /** Merged into the settings JSON (e.g. `languages`). */
  settings?: Record<string, unknown>;
}

export async function updateTown(db: DbOrTx, id: string, change: TownSettingsChange): Promise<void> {
  const current = await getTown(db, id);
  if (!current) return;
  const set: Partial<TownsTable> = {};
  if (change.name) [set.name_en, set.name_fr] = [change.name.en, change.name.fr];
  if (change.defaultLanguage) set.default_language = change.defaultLanguage;
  if (change.siteOrigins) set.site_origins = JSON.stringify(change.siteOrigins);
  if (change.referencePrefix) set.reference_prefix = change.referencePrefix;
  if (change.timezone) set.timezone = change.timezone;
  if (change.settings) set.settings = JSON.stringify({ ...current.settings, ...change.settings });
  if (Object.keys(set).length > 0) await db.updateTable('towns').set(set).where('id', '=', id).execute();
}
