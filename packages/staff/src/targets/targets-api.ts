// The console's calls for service targets and response templates
// (/api/v1/staff/towns/{town}/service-targets and …/response-templates).
import type { ApiClient, ResponseTemplate, ServiceTarget } from '@munikit/core';

export type { ResponseTemplate, ServiceTarget };
export type TemplateDraft = Omit<ResponseTemplate, 'id'>;

const enc = encodeURIComponent;

export class TargetsApi {
  private readonly client: ApiClient;
  private readonly csrfToken: string;

  constructor(client: ApiClient, csrfToken: string) {
    this.client = client;
    this.csrfToken = csrfToken;
  }

  private write<T>(method: string, path: string, body?: unknown): Promise<T> {
    return this.client.request<T>(method, this.client.url(path), body, { headers: { 'X-CSRF-Token': this.csrfToken } });
  }

  targets(town: string) {
    return this.client.get<{ services: ServiceTarget[] }>(`/staff/towns/${enc(town)}/service-targets`);
  }
  setTarget(town: string, code: string, body: { ackTargetHours: number | null; targetDays: number | null }) {
    return this.write<ServiceTarget>('PUT', `/staff/towns/${enc(town)}/service-targets/${enc(code)}`, body);
  }

  templates(town: string) {
    return this.client.get<{ templates: ResponseTemplate[] }>(`/staff/towns/${enc(town)}/response-templates`);
  }
  createTemplate(town: string, body: TemplateDraft) {
    return this.write<ResponseTemplate>('POST', `/staff/towns/${enc(town)}/response-templates`, body);
  }
  changeTemplate(town: string, id: string, body: TemplateDraft) {
    return this.write<ResponseTemplate>('PUT', `/staff/towns/${enc(town)}/response-templates/${enc(id)}`, body);
  }
  removeTemplate(town: string, id: string) {
    return this.write<void>('DELETE', `/staff/towns/${enc(town)}/response-templates/${enc(id)}`);
  }
}
