// Categories as staff manage them: both languages' names and slugs, an order, and how many articles
// (of any status or visibility) are filed under each. A category with articles cannot be deleted.
import type { DbOrTx } from '../platform/database/schema.ts';
import { newId } from '../platform/database/schema.ts';

export interface StaffCategory {
  id: string;
  slugEn: string;
  slugFr: string;
  nameEn: string;
  nameFr: string;
  sort: number;
  articleCount: number;
}

/** "Taxes & paiements" → "taxes-paiements". */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 80) || 'category'
  );
}

export async function listStaffCategories(db: DbOrTx, townId: string): Promise<StaffCategory[]> {
  const rows = await db
    .selectFrom('kb_categories as c')
    .leftJoin('kb_articles as a', 'a.category_id', 'c.id')
    .select(['c.id', 'c.slug_en', 'c.slug_fr', 'c.name_en', 'c.name_fr', 'c.sort'])
    .select((eb) => eb.fn.count('a.id').as('n'))
    .where('c.town_id', '=', townId)
    .groupBy(['c.id', 'c.slug_en', 'c.slug_fr', 'c.name_en', 'c.name_fr', 'c.sort'])
    .orderBy('c.sort')
    .orderBy('c.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    slugEn: r.slug_en,
    slugFr: r.slug_fr,
    nameEn: r.name_en,
    nameFr: r.name_fr,
    sort: Number(r.sort),
    articleCount: Number(r.n),
  }));
}

export async function getStaffCategory(db: DbOrTx, townId: string, id: string): Promise<StaffCategory | undefined> {
  return (await listStaffCategories(db, townId)).find((c) => c.id === id);
}

export interface CategoryChange {
  nameEn?: string;
  nameFr?: string;
  slugEn?: string;
  slugFr?: string;
  sort?: number;
}

export async function createCategory(db: DbOrTx, townId: string, c: Required<Pick<CategoryChange, 'nameEn' | 'nameFr'>> & CategoryChange): Promise<string> {
  const id = newId();
  let sort = c.sort;
  if (sort === undefined) {
    const max = await db
      .selectFrom('kb_categories')
      .select((eb) => eb.fn.max('sort').as('m'))
      .where('town_id', '=', townId)
      .executeTakeFirst();
    sort = Number(max?.m ?? 0) + 1;
  }
  await db
    .insertInto('kb_categories')
    .values({
      id,
      town_id: townId,
      name_en: c.nameEn,
      name_fr: c.nameFr,
      slug_en: c.slugEn ?? slugify(c.nameEn),
      slug_fr: c.slugFr ?? slugify(c.nameFr),
      sort,
    })
    .execute();
  return id;
}

export async function updateCategory(db: DbOrTx, townId: string, id: string, c: CategoryChange): Promise<void> {
  const set: Record<string, unknown> = {};
  if (c.nameEn !== undefined) set.name_en = c.nameEn;
  if (c.nameFr !== undefined) set.name_fr = c.nameFr;
  if (c.slugEn !== undefined) set.slug_en = c.slugEn;
  if (c.slugFr !== undefined) set.slug_fr = c.slugFr;
  if (c.sort !== undefined) set.sort = c.sort;
  if (Object.keys(set).length === 0) return;
  await db.updateTable('kb_categories').set(set).where('id', '=', id).where('town_id', '=', townId).execute();
}

/** Deletes an empty category; false when articles are still filed under it. */
export async function deleteCategory(db: DbOrTx, townId: string, id: string): Promise<boolean> {
  const used = await db.selectFrom('kb_articles').select('id').where('category_id', '=', id).executeTakeFirst();
  if (used) return false;
  await db.deleteFrom('kb_categories').where('id', '=', id).where('town_id', '=', townId).execute();
  return true;
}
