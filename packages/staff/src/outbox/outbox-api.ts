// The console's calls for the outbox screen (/api/v1/staff/towns/{town}/outbox).
import type { ApiClient, OutboxJob } from '@munikit/core';

export type { OutboxJob };
export type JobStatus = OutboxJob['status'];

const enc = encodeURIComponent;

export class OutboxApi {
  private readonly client: ApiClient;
  private readonly csrfToken: string;

  constructor(client: ApiClient, csrfToken: string) {
    this.client = client;
    this.csrfToken = csrfToken;
  }

  list(town: string, status: JobStatus | '', cursor?: string) {
    return this.client.get<{ jobs: OutboxJob[]; nextCursor: string | null }>(`/staff/towns/${enc(town)}/outbox`, { status: status || undefined, cursor });
  }
  retry(town: string, id: string) {
    return this.client.request<{ id: string; status: JobStatus }>('POST', this.client.url(`/staff/towns/${enc(town)}/outbox/${enc(id)}/retry`), undefined, {
      headers: { 'X-CSRF-Token': this.csrfToken },
    });
  }
}
