import type { DbOrTx } from '../platform/database/schema.ts';
import { nowIso } from '../platform/database/schema.ts';

export interface NewDepartment {
  id: string;
  townId: string;
  name: { en: string; fr: string };
  email?: string;
}

export async function insertDepartment(db: DbOrTx, d: NewDepartment): Promise<void> {
  await db
    .insertInto('departments')
    .values({ id: d.id, town_id: d.townId, name_en: d.name.en, name_fr: d.name.fr, email: d.email ?? null, created_at: nowIso() })
    .execute();
}

export interface Department {
  id: string;
  name: { en: string; fr: string };
}

export async function listDepartments(db: DbOrTx, townId: string): Promise<Department[]> {
  const rows = await db.selectFrom('departments').select(['id', 'name_en', 'name_fr']).where('town_id', '=', townId).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: { en: r.name_en, fr: r.name_fr } }));
}
