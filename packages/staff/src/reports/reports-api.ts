// The console's calls for reports (/api/v1/staff/towns/{town}/reports): the figures and the CSV link.
import type { ApiClient, ReportCount, TownReport } from '@munikit/core';
import { apiRange, type Period } from './period.ts';

export type { ReportCount, TownReport };

const enc = encodeURIComponent;

export class ReportsApi {
  private readonly client: ApiClient;

  constructor(client: ApiClient) {
    this.client = client;
  }

  report(town: string, period: Period) {
    return this.client.get<TownReport>(`/staff/towns/${enc(town)}/reports`, apiRange(period));
  }

  /** The CSV's address: a plain link the browser downloads with the session cookie. */
  csvUrl(town: string, period: Period): string {
    return this.client.url(`/staff/towns/${enc(town)}/reports/export`, apiRange(period));
  }
}
