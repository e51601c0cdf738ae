// API keys let an Open311 client (a 311 app, a city's CRM connector) file requests for one town.
// The key is shown once when made; only its SHA-256 is stored, so a database dump holds no usable key.
import { randomBytes } from 'node:crypto';
import type { DbOrTx } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import { sha256 } from './tokens.ts';

export interface ApiKeyInfo {
  id: string;
  townId: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

/** 256 random bits, prefixed so a leaked key is recognisable in a log or a repository scan. */
export const newApiKey = (): string => `mk_${randomBytes(32).toString('base64url')}`;

export async function createApiKey(db: DbOrTx, townId: string, name: string, key = newApiKey()): Promise<{ id: string; key: string }> {
  const id = newId();
  await db.insertInto('api_keys').values({ id, town_id: townId, name, key_hash: sha256(key), created_at: nowIso(), revoked_at: null }).execute();
  return { id, key };
}

/** The town and id of a valid, unrevoked key; undefined otherwise. Looked up by hash, so timing reveals nothing of the key. */
export async function findApiKey(db: DbOrTx, key: string): Promise<ApiKeyInfo | undefined> {
  if (!key || key.length > 200) return undefined;
  const row = await db.selectFrom('api_keys').selectAll().where('key_hash', '=', sha256(key)).where('revoked_at', 'is', null).executeTakeFirst();
  return row ? { id: row.id, townId: row.town_id, name: row.name, createdAt: row.created_at, revokedAt: row.revoked_at } : undefined;
}

export async function listApiKeys(db: DbOrTx, townId?: string): Promise<ApiKeyInfo[]> {
  let q = db.selectFrom('api_keys').selectAll().orderBy('created_at').orderBy('id');
  if (townId) q = q.where('town_id', '=', townId);
  const rows = await q.execute();
  return rows.map((r) => ({ id: r.id, townId: r.town_id, name: r.name, createdAt: r.created_at, revokedAt: r.revoked_at }));
}

export async function revokeApiKey(db: DbOrTx, id: string): Promise<boolean> {
  const r = await db.updateTable('api_keys').set({ revoked_at: nowIso() }).where('id', '=', id).where('revoked_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/**
 * Keys from MUNIKIT_OPEN311_KEYS, for automation: each is added to `townId` unless a key with the same
 * hash exists (revoked or not), so the same environment on every start makes no duplicates and a key
 * an admin revoked stays revoked.
 */
export async function ensureApiKeys(db: DbOrTx, townId: string, keys: readonly string[]): Promise<number> {
  let added = 0;
  for (const key of new Set(keys)) {
    // ON CONFLICT on the unique key_hash: a key already there (or added by another instance starting
    // at the same moment) inserts nothing.
    const inserted = await db
      .insertInto('api_keys')
      .values({ id: newId(), town_id: townId, name: 'MUNIKIT_OPEN311_KEYS', key_hash: sha256(key), created_at: nowIso(), revoked_at: null })
      .onConflict((oc) => oc.column('key_hash').doNothing())
      .returning('id')
      .execute();
    added += inserted.length;
  }
  return added;
}
