// The towns this server hosts, read through a short cache. Every public call needs its town (and a
// cross-origin one its site origins): one primary-key read each time would cost more than the rest of
// a status lookup. Changes made on this instance call invalidate(); other instances see them within
// the TTL, which is why it is seconds, not minutes.
import type { DbOrTx } from '../platform/database/schema.ts';
import { getTown, listTowns, type Town } from './store.ts';

export interface TownDirectory {
  get(id: string): Promise<Town | undefined>;
  all(): Promise<Town[]>;
  invalidate(): void;
}

export function createTownDirectory(db: DbOrTx, ttlMs = 5_000, now: () => number = Date.now): TownDirectory {
  const one = new Map<string, { town: Town | undefined; at: number }>();
  let every: { towns: Town[]; at: number } | undefined;
  return {
    async get(id) {
      const hit = one.get(id);
      if (hit && now() - hit.at < ttlMs) return hit.town;
      const town = await getTown(db, id);
      // Bounded: unknown ids are cached too (so probing costs one read per id and TTL), but the map is
      // cleared when it grows past what any real server hosts.
      if (one.size > 1000) one.clear();
      one.set(id, { town, at: now() });
      return town;
    },
    async all() {
      if (every && now() - every.at < ttlMs) return every.towns;
      every = { towns: await listTowns(db), at: now() };
      return every.towns;
    },
    invalidate() {
      one.clear();
      every = undefined;
    },
  };
}
