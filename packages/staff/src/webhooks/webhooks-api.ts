// The console's calls for the webhooks screen (/api/v1/staff/towns/{town}/webhooks).
import type { ApiClient, NewWebhook, Webhook, WebhookDelivery } from '@munikit/core';

export type { NewWebhook, Webhook, WebhookDelivery };
export type WebhookEvent = Webhook['events'][number];
export const WEBHOOK_EVENTS: WebhookEvent[] = ['request.received', 'request.status_changed', 'request.public_note', 'request.merged', 'request.department_changed'];

const enc = encodeURIComponent;

export class WebhooksApi {
  private readonly client: ApiClient;
  private readonly csrfToken: string;

  constructor(client: ApiClient, csrfToken: string) {
    this.client = client;
    this.csrfToken = csrfToken;
  }

  private write<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.client.request<T>(method, this.client.url(path), body, { headers: { 'X-CSRF-Token': this.csrfToken } });
  }

  list(town: string) {
    return this.client.get<{ webhooks: Webhook[] }>(`/staff/towns/${enc(town)}/webhooks`);
  }
  create(town: string, body: { url: string; events: WebhookEvent[] }) {
    return this.write<NewWebhook>('POST', `/staff/towns/${enc(town)}/webhooks`, body);
  }
  setActive(town: string, id: string, active: boolean) {
    return this.write<Webhook>('PATCH', `/staff/towns/${enc(town)}/webhooks/${enc(id)}`, { active });
  }
  remove(town: string, id: string) {
    return this.write<void>('DELETE', `/staff/towns/${enc(town)}/webhooks/${enc(id)}`);
  }
  ping(town: string, id: string) {
    return this.write<{ jobId: string }>('POST', `/staff/towns/${enc(town)}/webhooks/${enc(id)}/ping`);
  }
  deliveries(town: string, id: string) {
    return this.client.get<{ deliveries: WebhookDelivery[] }>(`/staff/towns/${enc(town)}/webhooks/${enc(id)}/deliveries`);
  }
}
