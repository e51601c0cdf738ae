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
