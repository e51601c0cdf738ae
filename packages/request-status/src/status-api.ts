// The calls the tracker makes.
import type { ApiClient, Lang, PublicRequestStatus } from '@munikit/core';

const requestPath = (town: string, reference: string) => `/towns/${encodeURIComponent(town)}/requests/${encodeURIComponent(reference)}`;

export function requestStatus(client: ApiClient, town: string, reference: string, lang: Lang): Promise<PublicRequestStatus> {
  return client.get<PublicRequestStatus>(requestPath(town, reference), { lang });
}

/** Email me about changes: always 202 the same; the server emails a link to confirm (double opt-in). */
export function subscribeToRequest(client: ApiClient, town: string, reference: string, email: string, lang: Lang): Promise<unknown> {
  return client.post(`${requestPath(town, reference)}/subscriptions`, { email, lang }, { headers: { 'Accept-Language': lang } });
}
