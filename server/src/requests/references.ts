import { sql } from 'kysely';
import type { DbOrTx } from '../platform/database/schema.ts';

/** The year of `at` in the town's own time zone (a request filed at 20:00 on 31 Dec in Halifax is last year's). */
export function townYear(timezone: string, at: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric' }).format(at));
}

/**
 * Mints the next reference, e.g. LKV-2026-00001. The increment is one atomic upsert
 * (INSERT … ON CONFLICT DO UPDATE … RETURNING), so several server instances sharing one
 * database never hand out the same number.
 */
export async function mintReference(db: DbOrTx, townId: string, prefix: string, year: number): Promise<string> {
  const row = await db
    .insertInto('reference_counters')
    .values({ town_id: townId, year, value: 1 })
    .onConflict((oc) => oc.columns(['town_id', 'year']).doUpdateSet({ value: sql<number>`reference_counters.value + 1` }))
    .returning('value')
    .executeTakeFirstOrThrow();
  return `${prefix}-${year}-${String(Number(row.value)).padStart(5, '0')}`;
}
