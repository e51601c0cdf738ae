// The webhooks screen: add one (secret shown once), the error summary, disable, test, the delivery log,
// delete; axe in English and French on each state.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, apiError, deepActiveElement, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { Webhook, WebhookDelivery } from '@munikit/core';
import { adminSession, openConsole, resetPage, screenOf, towns } from './support.ts';

describe('webhooks screen', () => {
  let stub: FetchStub;
  let hooks: Webhook[];
  const deliveries: WebhookDelivery[] = [
    { id: 'd2', jobId: 'j1', event: 'request.received', statusCode: 200, durationMs: 42, error: null, attempt: 2, createdAt: '2026-11-22T10:01:00Z' },
    { id: 'd1', jobId: 'j1', event: 'request.received', statusCode: 500, durationMs: 35, error: 'HTTP 500', attempt: 1, createdAt: '2026-11-22T10:00:00Z' },
  ];
  beforeEach(() => {
    hooks = [{ id: 'w1', url: 'https://wo.lakeview.ca/hook', events: ['request.received'], active: true, createdAt: '2026-11-01T10:00:00Z' }];
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/webhooks', () => ({ status: 200, body: { webhooks: hooks } }))
      .on('GET /staff/towns/lakeview/webhooks/w1/deliveries', { status: 200, body: { deliveries } })
      .on('POST /staff/towns/lakeview/webhooks', (req) => {
        const body = req.body as { url: string; events: Webhook['events'] };
        if (!body.url.startsWith('https://')) return apiError(422, 'validation_failed', 'Bad URL', [{ field: 'url', message: 'Enter an https:// address.' }]);
        const made = { id: 'w2', url: body.url, events: body.events, active: true, createdAt: '2026-11-22T10:00:00Z' };
        hooks.push(made);
        return { status: 201, body: { ...made, secret: 'whsec_shown_once' } };
      })
      .on('PATCH /staff/towns/lakeview/webhooks/w1', (req) => {
        if (req.headers.get('X-CSRF-Token') !== 'csrf-123') return apiError(403, 'csrf_failed', 'CSRF');
        hooks[0] = { ...hooks[0]!, active: (req.body as { active: boolean }).active };
        return { status: 200, body: hooks[0] };
      })
      .on('POST /staff/towns/lakeview/webhooks/w1/ping', { status: 202, body: { jobId: 'j9' } })
      .on('DELETE /staff/towns/lakeview/webhooks/w1', () => {
        hooks = hooks.filter((h) => h.id !== 'w1');
        return { status: 204 };
      });
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  for (const lang of ['en', 'fr']) {
    it(`is accessible in every state (${lang})`, async () => {
      const app = await openConsole('/staff/settings/webhooks', lang);
      const screen = await screenOf(app, 'muni-staff-webhooks', 'table');
      await expect(app).to.be.accessible();
      // The error summary.
      $$<HTMLInputElement>(screen, 'input[type="checkbox"]').forEach((c) => c.click());
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
      expect($$(screen, '#error-summary a')).to.have.length(2);
      await expect(app).to.be.accessible();
      // Made, with the secret; the delivery log open.
      $<HTMLInputElement>(screen, '#hook-event-1').click();
      type($<HTMLInputElement>(screen, '#hook-url'), 'https://crm.lakeview.ca/in');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'made-heading', 'secret not announced');
      $$<HTMLButtonElement>(screen, 'tbody button').find((b) => b.getAttribute('aria-label')?.includes('wo.lakeview.ca') && /Deliveries|Envois/.test(b.textContent ?? ''))!.click();
      await waitUntil(() => deepActiveElement()?.id === 'log-heading', 'log not shown');
      await expect(app).to.be.accessible();
    });
  }

  it('adds a webhook, shows its secret once, and manages one with the CSRF token', async () => {
    const app = await openConsole('/staff/settings/webhooks');
    const screen = await screenOf(app, 'muni-staff-webhooks', 'table');
    expect($(screen, 'tbody tr').textContent).to.contain('Request received');

    type($<HTMLInputElement>(screen, '#hook-url'), 'http://crm.lakeview.ca/in');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'server refusal not shown');
    expect($(screen, '#hook-url-error').textContent).to.contain('Enter an https:// address.');

    type($<HTMLInputElement>(screen, '#hook-url'), 'https://crm.lakeview.ca/in');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'made-heading', 'secret not announced');
    expect($<HTMLInputElement>(screen, '#made-secret').value).to.equal('whsec_shown_once');
    const sent = stub.calls.filter((c) => c.method === 'POST' && c.url.pathname.endsWith('/webhooks')).at(-1);
    expect(sent?.body).to.deep.equal({ url: 'https://crm.lakeview.ca/in', events: ['request.received', 'request.status_changed', 'request.public_note', 'request.merged', 'request.department_changed'] });
    await waitUntil(() => $$(screen, 'tbody tr').length === 2, 'new webhook not listed');

    $<HTMLButtonElement>(screen, 'button[aria-label="Disable https://wo.lakeview.ca/hook"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('is disabled'), 'not disabled');
    await waitUntil(() => $(screen, 'button[aria-label="Enable https://wo.lakeview.ca/hook"]'), 'no enable button');
    $<HTMLButtonElement>(screen, 'button[aria-label="Send a test to https://wo.lakeview.ca/hook"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('A test was queued'), 'not pinged');
    $<HTMLButtonElement>(screen, 'button[aria-label="Show the deliveries of https://wo.lakeview.ca/hook"]').click();
    await waitUntil(() => $$(screen, '#log-caption').length === 1, 'no log');
    expect($(screen, '#log-caption').textContent).to.contain('2 deliveries');
    expect($$(screen, 'section tbody tr').map((r) => r.textContent)).to.satisfy((rows: string[]) => rows.some((r) => r.includes('Failed: HTTP 500')));

    const confirmed = window.confirm;
    window.confirm = () => true;
    try {
      $<HTMLButtonElement>(screen, 'button[aria-label="Delete https://wo.lakeview.ca/hook"]').click();
      await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('was deleted'), 'not deleted');
      await waitUntil(() => $$(screen, '#hooks-caption').length === 1 && $(screen, '#hooks-caption').textContent?.includes('1 webhook'), 'still listed');
    } finally {
      window.confirm = confirmed;
    }
  });
});
