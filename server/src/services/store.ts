import type { DbOrTx, Lang, ServicesTable } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import { preparedQuery } from '../platform/database/prepared.ts';
import type { Selectable } from 'kysely';

export type Open311Datatype = 'string' | 'number' | 'datetime' | 'text' | 'singlevaluelist' | 'multivaluelist';

/** Stored form of an Open311 attribute (both languages). */
export interface StoredQuestion {
  code: string;
  datatype: Open311Datatype;
  required: boolean;
  variable: boolean;
  order: number;
  label: { en: string; fr: string };
  description?: { en: string; fr: string };
  values?: { key: string; name: { en: string; fr: string } }[];
}

export interface Service {
  id: string;
  townId: string;
  code: string;
  name: { en: string; fr: string };
  description: { en: string; fr: string };
  group: { en: string; fr: string };
  keywords: { en: string[]; fr: string[] };
  departmentId: string | null;
  questions: StoredQuestion[];
  targetDays: number | null;
  /** Working hours to acknowledge (requests/service-targets.ts); 48 unless set. */
  ackTargetHours: number | null;
  anonymousAllowed: boolean;
  active: boolean;
  sort: number;
}

export type NewService = Omit<Service, 'id' | 'active' | 'sort' | 'ackTargetHours'> & { id?: string; active?: boolean; sort?: number; ackTargetHours?: number | null };

const toService = (r: ServicesTable): Service => ({
  id: r.id,
  townId: r.town_id,
  code: r.code,
  name: { en: r.name_en, fr: r.name_fr },
  description: { en: r.description_en, fr: r.description_fr },
  group: { en: r.group_en, fr: r.group_fr },
  keywords: { en: JSON.parse(r.keywords_en) as string[], fr: JSON.parse(r.keywords_fr) as string[] },
  departmentId: r.department_id,
  questions: JSON.parse(r.questions) as StoredQuestion[],
  targetDays: r.target_days,
  ackTargetHours: r.ack_target_hours,
  anonymousAllowed: r.anonymous_allowed === 1,
  active: r.active === 1,
  sort: r.sort,
});

export async function insertService(db: DbOrTx, s: NewService): Promise<string> {
  const id = s.id ?? newId();
  const now = nowIso();
  await db
    .insertInto('services')
    .values({
      id,
      town_id: s.townId,
      code: s.code,
      name_en: s.name.en,
      name_fr: s.name.fr,
      description_en: s.description.en,
      description_fr: s.description.fr,
      group_en: s.group.en,
      group_fr: s.group.fr,
      keywords_en: JSON.stringify(s.keywords.en),
      keywords_fr: JSON.stringify(s.keywords.fr),
      department_id: s.departmentId,
      questions: JSON.stringify(s.questions),
      target_days: s.targetDays,
      ...(s.ackTargetHours !== undefined ? { ack_target_hours: s.ackTargetHours } : {}),
      anonymous_allowed: s.anonymousAllowed ? 1 : 0,
      active: s.active === false ? 0 : 1,
      sort: s.sort ?? 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function listActiveServices(db: DbOrTx, townId: string): Promise<Service[]> {
  const rows = await db
    .selectFrom('services')
    .selectAll()
    .where('town_id', '=', townId)
    .where('active', '=', 1)
    .orderBy('sort')
    .orderBy('code')
    .execute();
  return rows.map(toService);
}

// Compiled once (platform/database/prepared.ts): every filing looks its service up.
const activeServiceByCode = preparedQuery<[string, string], Selectable<ServicesTable>>((db, arg) =>
  db.selectFrom('services').selectAll().where('town_id', '=', arg<string>(0)).where('code', '=', arg<string>(1)).where('active', '=', 1),
);

export async function getActiveServiceByCode(db: DbOrTx, townId: string, code: string): Promise<Service | undefined> {
  const [row] = await activeServiceByCode(db, townId, code);
  return row ? toService(row) : undefined;
}

/** The public (one-language) view of a service, as the contract's endpoint 6 answers it. */
export function localiseService(s: Service, lang: Lang) {
  return {
    code: s.code,
    name: s.name[lang],
    description: s.description[lang],
    group: s.group[lang],
    keywords: s.keywords[lang],
    anonymousAllowed: s.anonymousAllowed,
    questions: [...s.questions]
      .sort((a, b) => a.order - b.order)
      .map((q) => ({
        code: q.code,
        datatype: q.datatype,
        required: q.required,
        variable: q.variable,
        label: q.label[lang],
        description: q.description?.[lang] ?? '',
        order: q.order,
        values: (q.values ?? []).map((v) => ({ key: v.key, name: v.name[lang] })),
      })),
  };
}
