import type { ApiClient } from './api-client.ts';

/** Thrown when no `town` attribute is given and the server hosts several towns (or none). */
export class TownNotConfiguredError extends Error {
  constructor() {
    super('Set the town attribute: this server hosts more than one town.');
    this.name = 'TownNotConfiguredError';
  }
}

/** What the MuniKit server writes into munikit.js about its only town, so no request asks for it. */
export interface BakedTown {
  id: string;
  defaultLanguage: string;
  languages: string[];
}

/** The towns baked into the munikit.js that `base` served (munikit.ts registers them), if any. */
export function bakedTowns(base: string): BakedTown[] | undefined {
  return (globalThis as Record<symbol, Record<string, BakedTown[]> | undefined>)[Symbol.for('munikit.towns')]?.[base];
}

const onlyTown = new Map<string, Promise<string>>();

/** The `town` attribute when set, else the server's only town (from munikit.js, else looked up once per API base). */
export function resolveTown(client: ApiClient, town?: string | null): Promise<string> {
  if (town) return Promise.resolve(town);
  const baked = bakedTowns(client.base);
  if (baked?.length === 1) return Promise.resolve(baked[0]!.id);
  let pending = onlyTown.get(client.base);
  if (!pending) {
    pending = client.listTowns().then((towns) => {
      if (towns.length !== 1 || !towns[0]) throw new TownNotConfiguredError();
      return towns[0].id;
    });
    // Failures are not cached, so a retry after a dropped connection asks again.
    pending.catch(() => onlyTown.delete(client.base));
    onlyTown.set(client.base, pending);
  }
  return pending;
}

/** For tests. */
export function clearTownCache(): void {
  onlyTown.clear();
}
