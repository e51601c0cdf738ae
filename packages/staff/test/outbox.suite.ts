// The outbox screen: filter by state, retry a failed message now with the CSRF token, older pages; axe
// in English and French on each state.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, apiError, stubFetch } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { OutboxJob } from '@munikit/core';
import { adminSession, openConsole, resetPage, screenOf, towns } from './support.ts';

const job = (id: string, status: OutboxJob['status'], over: Partial<OutboxJob> = {}): OutboxJob => ({
  id, kind: 'email', status, attempts: status === 'failed' ? 8 : 1, lastError: status === 'failed' ? 'connect ECONNREFUSED' : null,
  runAt: '2026-11-22T10:00:00Z', createdAt: '2026-11-22T10:00:00Z', doneAt: status === 'done' ? '2026-11-22T10:00:01Z' : null,
  failedAt: status === 'failed' ? '2026-11-22T12:00:00Z' : null,
  payload: { to: 'fan@example.com', lang: 'en', template: 'request-status-changed', subject: `Request LKV-${id}: In progress`, text: '…' }, result: null, ...over,
});

describe('outbox screen', () => {
  let stub: FetchStub;
  let jobs: OutboxJob[];
  beforeEach(() => {
    jobs = [job('1', 'failed'), job('2', 'done'), job('3', 'pending', { kind: 'webhook', payload: { webhookId: 'w1', body: { type: 'request.received' } } })];
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/outbox', (req) => {
        const status = req.url.searchParams.get('status');
        if (req.url.searchParams.get('cursor')) return { status: 200, body: { jobs: [job('0', 'done')], nextCursor: null } };
        return { status: 200, body: { jobs: jobs.filter((j) => !status || j.status === status), nextCursor: status ? null : 'older-1' } };
      })
      .on('POST /staff/towns/lakeview/outbox/1/retry', (req) => {
        if (req.headers.get('X-CSRF-Token') !== 'csrf-123') return apiError(403, 'csrf_failed', 'CSRF');
        jobs[0] = { ...jobs[0]!, status: 'pending', failedAt: null };
        return { status: 200, body: { id: '1', status: 'pending' } };
      });
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  for (const lang of ['en', 'fr']) {
    it(`is accessible in every state (${lang})`, async () => {
      const app = await openConsole('/staff/outbox', lang);
      const screen = await screenOf(app, 'muni-staff-outbox', 'table');
      await expect(app).to.be.accessible();
      const select = $<HTMLSelectElement>(screen, '#outbox-filter');
      select.value = 'failed';
      select.dispatchEvent(new Event('change'));
      await waitUntil(() => $$(screen, 'tbody tr').length === 1, 'not filtered');
      $<HTMLButtonElement>(screen, 'tbody button').click();
      await waitUntil(() => $(screen, '[role="status"]').textContent?.trim(), 'retry not announced');
      await expect(app).to.be.accessible();
    });
  }

  it('lists messages, filters failed ones, retries one now with the CSRF token and loads older pages', async () => {
    const app = await openConsole('/staff/outbox');
    const screen = await screenOf(app, 'muni-staff-outbox', 'table');
    expect($$(screen, 'tbody tr')).to.have.length(3);
    expect($(screen, 'tbody tr').textContent).to.contain('Email to fan@example.com: Request LKV-1: In progress');
    expect($$(screen, 'tbody tr')[2]!.textContent).to.contain('Webhook: request.received');
    $$<HTMLButtonElement>(screen, 'button').find((b) => b.textContent?.includes('Show older messages'))!.click();
    await waitUntil(() => $$(screen, 'tbody tr').length === 4, 'older not added');

    const select = $<HTMLSelectElement>(screen, '#outbox-filter');
    select.value = 'failed';
    select.dispatchEvent(new Event('change'));
    await waitUntil(() => $$(screen, 'tbody tr').length === 1, 'not filtered');
    expect(stub.calls.at(-1)?.url.searchParams.get('status')).to.equal('failed');
    expect($(screen, 'tbody tr').textContent).to.contain('connect ECONNREFUSED');
    $<HTMLButtonElement>(screen, 'button[aria-label="Retry now: Email to fan@example.com: Request LKV-1: In progress"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('It will be sent again'), 'not retried');
    await waitUntil(() => $(screen, '#jobs-caption').textContent?.includes('Nothing here'), 'failed list not refreshed');
  });
});
