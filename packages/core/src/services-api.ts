// A town's service catalogue, for the report form and the console's embed builder. An entry point of
// its own (@munikit/core/services-api), not part of the shared core chunk.
import type { ApiClient } from './api-client.ts';
import type { Lang, Service } from './api-types.ts';

export async function services(client: ApiClient, town: string, lang: Lang): Promise<Service[]> {
  return (await client.get<{ services: Service[] }>(`/towns/${encodeURIComponent(town)}/services`, { lang })).services;
}
