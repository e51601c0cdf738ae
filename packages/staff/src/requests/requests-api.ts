// The console's calls for the inbox and a request's page (/api/v1/staff/towns/{town}/inbox,
// …/requests/{reference} and its changes). Every shape comes from the generated API types. A change
// answered 409 (someone else changed the request first) rejects with `RequestConflict`, which carries
// the request as it is now.
import { ApiError, NetworkError } from '@munikit/core';
import type {
  ApiClient,
  ApiErrorBody,
  Assignee,
  Department,
  InboxPage,
  InboxQuery,
  ResponseTemplate,
  StaffRequestChange,
  StaffRequestConflict,
  StaffRequestDetail,
  StaffRequestNote,
} from '@munikit/core';

export type { Assignee, Department, InboxItem, InboxPage, InboxQuery, InboxSort, RequestPriority, ResponseTemplate, StaffRequestDetail, StaffRequestEvent } from '@munikit/core';
export interface ServiceOption {
  code: string;
  name: { en: string; fr: string };
}

/** Another change came first; nothing was saved. */
export class RequestConflict extends Error {
  readonly current: StaffRequestDetail;
  constructor(body: StaffRequestConflict) {
    super(body.error.message);
    this.name = 'RequestConflict';
    this.current = body.current;
  }
}

const enc = encodeURIComponent;

export class RequestsApi {
  private readonly client: ApiClient;
  private readonly csrfToken: string;
  private readonly town: string;

  constructor(client: ApiClient, csrfToken: string, town: string) {
    this.client = client;
    this.csrfToken = csrfToken;
    this.town = town;
  }

  private path(rest: string): string {
    return `/staff/towns/${enc(this.town)}${rest}`;
  }

  /** A write on a request; a 409 turns into RequestConflict (ApiClient would drop its `current`). */
  private async write(method: string, rest: string, body: unknown): Promise<StaffRequestDetail> {
    let res: Response;
    try {
      res = await globalThis.fetch(this.client.url(this.path(rest)), {
        method,
        headers: { Accept: 'application/json', 'Content-Type': 'application/json', 'X-CSRF-Token': this.csrfToken },
        body: JSON.stringify(body),
        credentials: this.client.credentials,
        signal: AbortSignal.timeout(45_000),
      });
    } catch (e) {
      const timedOut = e instanceof DOMException && e.name === 'TimeoutError';
      throw new NetworkError(timedOut ? 'Request timed out' : 'Network request failed', timedOut, e);
    }
    if (res.status === 409) {
      const conflict = (await res.json().catch(() => undefined)) as StaffRequestConflict | undefined;
      if (conflict?.current) throw new RequestConflict(conflict);
    }
    if (res.ok) return (await res.json()) as StaffRequestDetail;
    const answer = (await res.json().catch(() => undefined)) as Partial<ApiErrorBody> | undefined;
    const err = answer?.error;
    const fields = [...(err?.fields ?? [])];
    if (err?.field && !fields.some((f) => f.field === err.field)) fields.push({ field: err.field, message: err.message });
    throw new ApiError(res.status, err?.code ?? 'unknown', err?.message ?? `HTTP ${res.status}`, fields);
  }

  inbox(query: InboxQuery) {
    return this.client.get<InboxPage>(this.path('/inbox'), query as Record<string, string | number | undefined>);
  }
  request(reference: string) {
    return this.client.get<StaffRequestDetail>(this.path(`/requests/${enc(reference)}`));
  }
  departments() {
    return this.client.get<{ departments: Department[] }>(this.path('/departments'));
  }
  assignees() {
    return this.client.get<{ staff: Assignee[] }>(this.path('/assignees'));
  }
  services() {
    return this.client.get<{ services: ServiceOption[] }>(this.path('/service-targets'));
  }
  templates(service: string) {
    return this.client.get<{ templates: ResponseTemplate[] }>(this.path('/response-templates'), { service });
  }

  change(reference: string, change: StaffRequestChange) {
    return this.write('PATCH', `/requests/${enc(reference)}`, change);
  }
  note(reference: string, note: StaffRequestNote) {
    return this.write('POST', `/requests/${enc(reference)}/notes`, note);
  }
  merge(reference: string, version: number, intoReference: string) {
    return this.write('POST', `/requests/${enc(reference)}/merge`, { version, intoReference });
  }
  reopen(reference: string, version: number, note: { en?: string; fr?: string }) {
    return this.write('POST', `/requests/${enc(reference)}/reopen`, { version, note });
  }

  /** A photo through the staff-only URL (the session cookie goes with it). */
  photoUrl(reference: string, id: string): string {
    return this.client.url(this.path(`/requests/${enc(reference)}/photos/${enc(id)}`));
  }
}

/** The inbox view last shown (its URL query), so "Back to the inbox" returns to the same filters and page. */
export const lastInboxView = { search: '' };
