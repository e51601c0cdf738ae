import type { ApiClient } from './api-client.ts';

/** Thrown when no `town` attribute is given and the server hosts several towns (or none). */
export class TownNotConfiguredError extends Error {
  constructor() {
    super('Set the town attribute: this server hosts more than one town.');
    this.name = 'TownNotConfiguredError';
  }
}

const onlyTown = new Map<string, Promise<string>>();

/** The `town` attribute when set, else the server's only town (looked up once per API base). */
export function resolveTown(client: ApiClient, town?: string | null): Promise<string> {
  if (town) return Promise.resolve(town);
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
