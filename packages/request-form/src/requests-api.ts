// The calls the report form makes besides the service list (core's services-api.ts).
import type { ApiClient, KbArticleSummary, Lang, NearbyRequests, NewServiceRequest, SubmittedRequest, UploadedPhoto } from '@munikit/core';

const townPath = (town: string) => `/towns/${encodeURIComponent(town)}`;

export function submitRequest(client: ApiClient, town: string, request: NewServiceRequest, idempotencyKey: string): Promise<SubmittedRequest> {
  return client.post<SubmittedRequest>(`${townPath(town)}/requests`, request, {
    // The language of any validation messages in the answer.
    headers: { 'Idempotency-Key': idempotencyKey, ...(request.lang ? { 'Accept-Language': request.lang } : {}) },
  });
}

/** A photo's bytes (JPEG, PNG or WebP) to attach to a request later by the returned id. */
export function uploadPhoto(client: ApiClient, town: string, photo: Blob, lang?: Lang): Promise<UploadedPhoto> {
  return client.post<UploadedPhoto>(`${townPath(town)}/uploads`, photo, {
    // A 2 MB photo on a slow rural link (256 kbit/s) takes over a minute.
    timeoutMs: 180_000,
    headers: lang ? { 'Accept-Language': lang } : {},
  });
}

/** "This is my problem too": follow a request instead of filing it again, optionally with email. */
export function followRequest(client: ApiClient, town: string, reference: string, email: string | null, lang: Lang): Promise<unknown> {
  return client.post(`${townPath(town)}/requests/${encodeURIComponent(reference)}/followers`, { email, lang }, { headers: { 'Accept-Language': lang } });
}

/** The town's published articles (their summaries), from which the form suggests answers for the chosen service. */
export async function articlesToSuggest(client: ApiClient, town: string, lang: Lang): Promise<KbArticleSummary[]> {
  return (await client.get<{ articles: KbArticleSummary[] }>(`${townPath(town)}/kb/articles`, { lang })).articles;
}

/** Open requests of a service near a point (within about 50 m) or at the same address. */
export function nearbyRequests(
  client: ApiClient,
  town: string,
  params: { service: string; lat?: number | null; lng?: number | null; address?: string | null; lang: Lang },
): Promise<NearbyRequests> {
  return client.get<NearbyRequests>(`${townPath(town)}/requests/nearby`, {
    service: params.service,
    lat: params.lat ?? undefined,
    lng: params.lng ?? undefined,
    address: params.address || undefined,
    lang: params.lang,
  });
}
