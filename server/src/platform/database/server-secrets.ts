// Secrets the server makes itself and every instance sharing the database uses (the HMAC keys of the
// links in residents' emails). Made on first use — the first instance to insert wins — then read
// once per database handle. Never shown in any answer or log.
import { randomBytes } from 'node:crypto';
import type { DbOrTx } from './schema.ts';

const cache = new WeakMap<object, Map<string, string>>();

export async function serverSecret(db: DbOrTx, name: string): Promise<string> {
  const known = cache.get(db)?.get(name);
  if (known) return known;
  await db
    .insertInto('server_secrets')
    .values({ name, value: randomBytes(32).toString('base64url'), created_at: new Date().toISOString() })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('server_secrets').select('value').where('name', '=', name).executeTakeFirstOrThrow();
  // A transaction object is short-lived: cache on real handles only.
  if (!db.isTransaction) {
    let names = cache.get(db);
    if (!names) cache.set(db, (names = new Map()));
    names.set(name, row.value);
  }
  return row.value;
}
