// Reports, the council report, service targets, response templates and the town's tracking page:
// real screens in the console shell over a stubbed API, axe in English and French on each state.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, apiError, deepActiveElement, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { ResponseTemplate, ServiceTarget, TownReport } from '@munikit/core';
import { apiRange, nextDay, periodFromQuery, presetPeriod } from '../src/reports/period.ts';
import { parseTarget } from '../src/targets/targets-screen.ts';
import { adminSession, openConsole, resetPage, screenOf, towns } from './support.ts';

/** A table row's cells, joined with " | ". */
const cells = (row: Element) => [...row.children].map((c) => c.textContent?.replace(/\s+/g, ' ').trim()).join(' | ');

const report: TownReport = {
  from: '2026-07-01T00:00:00.000Z',
  to: '2026-10-01T00:00:00.000Z',
  total: 12,
  byDepartment: [
    { key: 'public-works', name: { en: 'Public Works', fr: 'Travaux publics' }, count: 9 },
    { key: '', name: null, count: 3 },
  ],
  byService: [
    { key: 'pothole', name: { en: 'Pothole', fr: 'Nid-de-poule' }, count: 5 },
    { key: 'streetlight', name: { en: 'Streetlight out', fr: 'Lampadaire éteint' }, count: 2 },
    { key: 'graffiti', name: { en: 'Graffiti', fr: 'Graffiti' }, count: 1 },
    { key: 'tree', name: { en: 'Fallen tree', fr: 'Arbre tombé' }, count: 1 },
    { key: 'noise', name: { en: 'Noise', fr: 'Bruit' }, count: 1 },
    { key: 'water', name: { en: 'Water leak', fr: 'Fuite d’eau' }, count: 1 },
    { key: 'snow', name: { en: 'Snow clearing', fr: 'Déneigement' }, count: 1 },
  ],
  byStatus: [
    { key: 'closed', name: null, count: 7 },
    { key: 'in_progress', name: null, count: 5 },
  ],
  byChannel: [
    { key: 'web', name: null, count: 10 },
    { key: 'phone', name: null, count: 2 },
  ],
  medianHoursToAcknowledge: 5.5,
  medianHoursToClose: 132,
  closedWithTarget: 4,
  closedWithinTarget: 3,
  shareClosedWithinTarget: 0.75,
  fixAnswers: { yes: 4, no: 1 },
};
const emptyReport: TownReport = { ...report, total: 0, byDepartment: [], byService: [], byStatus: [], byChannel: [], medianHoursToAcknowledge: null, medianHoursToClose: null, closedWithTarget: 0, closedWithinTarget: 0, shareClosedWithinTarget: null, fixAnswers: { yes: 0, no: 0 } };

describe('report periods', () => {
  it('reads presets and chosen days from the URL and sends the API the day after the last', () => {
    const now = new Date('2026-12-04T12:00:00Z');
    expect(presetPeriod('month', now)).to.deep.equal({ preset: 'month', from: '2026-12-01', to: '2026-12-31' });
    expect(presetPeriod('quarter', now)).to.deep.equal({ preset: 'quarter', from: '2026-10-01', to: '2026-12-31' });
    expect(presetPeriod('last-quarter', new Date('2026-02-10T00:00:00Z'))).to.deep.equal({ preset: 'last-quarter', from: '2025-10-01', to: '2025-12-31' });
    expect(presetPeriod('year', now)).to.deep.equal({ preset: 'year', from: '2026-01-01', to: '2026-12-31' });
    expect(periodFromQuery(new URLSearchParams('from=2026-07-01&to=2026-09-30&period=year'), now)).to.deep.equal({ preset: 'custom', from: '2026-07-01', to: '2026-09-30' });
    // Not a real day, or the wrong way round: the preset (or this quarter) instead.
    expect(periodFromQuery(new URLSearchParams('from=2026-02-30&to=2026-03-01&period=year'), now).preset).to.equal('year');
    expect(periodFromQuery(new URLSearchParams('from=2026-09-01&to=2026-08-01'), now).preset).to.equal('quarter');
    expect(apiRange({ preset: 'custom', from: '2026-07-01', to: '2026-09-30' })).to.deep.equal({ from: '2026-07-01', to: '2026-10-01' });
    expect(nextDay('2028-02-28')).to.equal('2028-02-29');
  });

  it('takes a target as a whole number in range, or empty for none', () => {
    expect(parseTarget(' 24 ', 8760)).to.equal(24);
    expect(parseTarget('', 365)).to.equal(null);
    for (const bad of ['0', '366', '2.5', '-1', 'ten']) expect(parseTarget(bad, 365), bad).to.equal(undefined);
  });
});

describe('reports screen', () => {
  let stub: FetchStub;
  let answer: TownReport;
  beforeEach(() => {
    answer = report;
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/reports', () => ({ status: 200, body: answer }));
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });
  const reportCalls = () => stub.calls.filter((c) => c.url.pathname.endsWith('/reports'));

  for (const lang of ['en', 'fr']) {
    it(`is accessible with figures, with a refused period and with an empty period (${lang})`, async () => {
      const app = await openConsole('/staff/reports?from=2026-07-01&to=2026-09-30', lang);
      const screen = await screenOf(app, 'muni-staff-reports', '.figures');
      await waitUntil(() => $$(screen, 'svg.bar-chart').length === 5, 'charts not drawn');
      await expect(app).to.be.accessible();
      // Chosen days, the wrong way round: the error summary.
      type($<HTMLInputElement>(screen, '#period-from'), '2026-09-30');
      type($<HTMLInputElement>(screen, '#period-to'), '2026-09-01');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
      expect($(screen, '#period-to').getAttribute('aria-invalid')).to.equal('true');
      await expect(app).to.be.accessible();
      // Nothing in the period.
      answer = emptyReport;
      type($<HTMLInputElement>(screen, '#period-from'), '2020-01-01');
      type($<HTMLInputElement>(screen, '#period-to'), '2020-01-31');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'results-heading', 'results not focused');
      expect($(screen, '.notice').textContent).to.match(/No requests|Aucune demande/);
      await expect(app).to.be.accessible();
    });
  }

  it('shows the period from the URL as charts and tables, with the CSV and council links', async () => {
    const app = await openConsole('/staff/reports?from=2026-07-01&to=2026-09-30');
    const screen = await screenOf(app, 'muni-staff-reports', '.figures');
    const sent = reportCalls().at(-1)!.url.searchParams;
    expect([sent.get('from'), sent.get('to')]).to.deep.equal(['2026-07-01', '2026-10-01']);
    expect($(screen, '#results-heading').textContent).to.contain('July 1, 2026 to September 30, 2026');
    expect($$(screen, '.figures dd').map((d) => d.textContent?.trim())).to.deep.equal(['12', '5.5 hours', '5.5 days', '75% (3 of 4)']);
    // Each chart is an image named with every bar's label and value; its bars are patterned.
    const dept = $$(screen, 'svg.bar-chart')[0]!;
    expect(dept.getAttribute('role')).to.equal('img');
    expect(dept.getAttribute('aria-label')).to.equal('Requests by department: Public Works, 9; No department, 3');
    expect([...dept.querySelectorAll('rect.bar')].map((r) => r.getAttribute('fill'))).to.deep.equal(['url(#chart-byDepartment-hatch)', 'url(#chart-byDepartment-hatch)']);
    const fix = $$(screen, 'svg.bar-chart')[4]!;
    expect(new Set([...fix.querySelectorAll('rect.bar')].map((r) => r.getAttribute('fill'))).size).to.equal(2);
    // The same figures as tables.
    expect($$(screen, '#byStatus-caption ~ tbody tr').map(cells)).to.deep.equal(['Closed | 7 | 58%', 'In progress | 5 | 42%']);
    expect($$(screen, '#byChannel-caption ~ tbody tr').map(cells)).to.deep.equal(['Website | 10 | 83%', 'Phone | 2 | 17%']);
    expect($$(screen, '#fix-caption ~ tbody tr').map(cells)).to.deep.equal(['Yes, it was fixed | 4 | 80%', 'No, it was not fixed | 1 | 20%']);
    const csv = new URL($<HTMLAnchorElement>(screen, 'a[download]').href);
    expect(csv.pathname).to.equal('/api/v1/staff/towns/lakeview/reports/export');
    expect([csv.searchParams.get('from'), csv.searchParams.get('to')]).to.deep.equal(['2026-07-01', '2026-10-01']);
    expect($$<HTMLAnchorElement>(screen, '.downloads a:not([download])').map((a) => a.getAttribute('href'))).to.deep.equal([
      '/staff/reports/council?from=2026-07-01&to=2026-09-30&lang=en',
      '/staff/reports/council?from=2026-07-01&to=2026-09-30&lang=fr',
    ]);
  });

  it('keeps a chosen preset or chosen days in the URL and follows Back', async () => {
    const app = await openConsole('/staff/reports');
    const screen = await screenOf(app, 'muni-staff-reports', '.figures');
    expect($<HTMLInputElement>(screen, '#preset-quarter').checked).to.equal(true);
    $<HTMLInputElement>(screen, '#preset-year').click();
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'results-heading', 'results not focused');
    expect(location.pathname + location.search).to.equal('/staff/reports?period=year');
    const year = String(new Date().getUTCFullYear());
    expect(reportCalls().at(-1)!.url.searchParams.get('from')).to.equal(`${year}-01-01`);
    $<HTMLInputElement>(screen, '#preset-custom').click();
    await waitUntil(() => $$(screen, '#period-from').length === 1, 'no dates');
    type($<HTMLInputElement>(screen, '#period-from'), '2026-01-15');
    type($<HTMLInputElement>(screen, '#period-to'), '2026-02-14');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => location.search === '?from=2026-01-15&to=2026-02-14', 'dates not in the URL');
    await waitUntil(() => reportCalls().at(-1)!.url.searchParams.get('to') === '2026-02-15', 'not asked');
    history.back();
    await waitUntil(() => location.search === '?period=year' && $<HTMLInputElement>(screen, '#preset-year')?.checked, 'Back did not return to the year');
  });
});

describe('council report', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/reports', { status: 200, body: report });
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  for (const lang of ['en', 'fr']) {
    it(`is accessible, in French or English whatever the console's language (console ${lang})`, async () => {
      const other = lang === 'en' ? 'fr' : 'en';
      const app = await openConsole(`/staff/reports/council?from=2026-07-01&to=2026-09-30&lang=${other}`, lang);
      const screen = await screenOf(app, 'muni-staff-council-report', 'table');
      await waitUntil(() => $(screen, '.town').textContent === (other === 'fr' ? 'Canton de Lakeview' : 'Township of Lakeview'), 'no town name');
      expect($(screen, 'h1').textContent).to.equal(other === 'fr' ? 'Demandes de service\u00a0: rapport au conseil' : 'Service requests: report to council');
      expect($(screen, 'article').getAttribute('lang')).to.equal(other);
      // The console around it stays in its own language.
      expect($$(app, 'nav a')[0]!.textContent).to.equal(lang === 'fr' ? 'Demandes' : 'Requests');
      await expect(app).to.be.accessible();
    });
  }

  it('shows the period, key figures and small tables, the long ones summed into "others"', async () => {
    const app = await openConsole('/staff/reports/council?from=2026-07-01&to=2026-09-30&lang=fr');
    const screen = await screenOf(app, 'muni-staff-council-report', 'table');
    const sent = stub.calls.filter((c) => c.url.pathname.endsWith('/reports')).at(-1)!.url.searchParams;
    expect([sent.get('from'), sent.get('to')]).to.deep.equal(['2026-07-01', '2026-10-01']);
    expect($(screen, '.period').textContent).to.equal('Demandes reçues du 1 juillet 2026 au 30 septembre 2026');
    expect($$(screen, '.figures dd').map((d) => d.textContent?.trim())).to.deep.equal(['12', '5,5\u00a0heures', '5,5\u00a0jours', '75\u00a0% (3 sur 4)', '80\u00a0%']);
    const services = [...$$(screen, 'table')[1]!.querySelectorAll('tbody tr')].map(cells);
    expect(services).to.have.length(6);
    expect(services[0]).to.equal('Nid-de-poule | 5');
    expect(services.at(-1)).to.equal('Autres | 2'); // Fuite d’eau and Déneigement
    expect($$(screen, 'table caption').map((c) => c.textContent)).to.include('Demandes par canal');
    // A link to the same report in the other language.
    expect($<HTMLAnchorElement>(screen, 'a[lang="en"]').getAttribute('href')).to.equal('/staff/reports/council?from=2026-07-01&to=2026-09-30&lang=en');
  });
});

describe('service targets screen', () => {
  let stub: FetchStub;
  let services: ServiceTarget[];
  let puts: { code: string; body: unknown; csrf: string | null }[];
  beforeEach(() => {
    puts = [];
    services = [
      { code: 'pothole', name: { en: 'Pothole', fr: 'Nid-de-poule' }, ackTargetHours: 48, targetDays: 5 },
      { code: 'streetlight', name: { en: 'Streetlight out', fr: 'Lampadaire éteint' }, ackTargetHours: null, targetDays: 10 },
    ];
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/service-targets', () => ({ status: 200, body: { services } }));
    for (const code of ['pothole', 'streetlight']) {
      stub.on(`PUT /staff/towns/lakeview/service-targets/${code}`, (req) => {
        puts.push({ code, body: req.body, csrf: req.headers.get('X-CSRF-Token') });
        const s = services.find((x) => x.code === code)!;
        return { status: 200, body: { ...s, ...(req.body as object) } };
      });
    }
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  for (const lang of ['en', 'fr']) {
    it(`is accessible when listed, refused and saved (${lang})`, async () => {
      const app = await openConsole('/staff/settings/targets', lang);
      const screen = await screenOf(app, 'muni-staff-targets', 'table');
      await expect(app).to.be.accessible();
      type($<HTMLInputElement>(screen, '#ack-pothole'), '0');
      type($<HTMLInputElement>(screen, '#close-streetlight'), '2.5');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
      expect($$(screen, '#error-summary a')).to.have.length(2);
      await expect(app).to.be.accessible();
      type($<HTMLInputElement>(screen, '#ack-pothole'), '24');
      type($<HTMLInputElement>(screen, '#close-streetlight'), '');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'saved-notice', 'no confirmation');
      await expect(app).to.be.accessible();
    });
  }

  it('saves only the services that changed, with the CSRF token, and confirms which', async () => {
    const app = await openConsole('/staff/settings/targets');
    const screen = await screenOf(app, 'muni-staff-targets', 'table');
    expect($<HTMLInputElement>(screen, '#ack-pothole').value).to.equal('48');
    expect($<HTMLInputElement>(screen, '#ack-streetlight').value).to.equal('');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '#saved-notice').textContent === 'No target was changed.', 'no notice');
    type($<HTMLInputElement>(screen, '#close-pothole'), '7');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'saved-notice', 'no confirmation');
    expect($(screen, '#saved-notice').textContent).to.equal('Targets saved for Pothole. The due dates of its requests follow.');
    expect(puts).to.deep.equal([{ code: 'pothole', body: { ackTargetHours: 48, targetDays: 7 }, csrf: 'csrf-123' }]);
    // Saved is the new baseline: saving again changes nothing.
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '#saved-notice').textContent === 'No target was changed.', 'saved twice');
    expect(puts).to.have.length(1);
  });

  it("puts the server's refusal on the service's box", async () => {
    stub.on('PUT /staff/towns/lakeview/service-targets/streetlight', apiError(400, 'validation_failed', 'Invalid', [{ field: 'targetDays', message: 'Too long.' }]));
    const app = await openConsole('/staff/settings/targets');
    const screen = await screenOf(app, 'muni-staff-targets', 'table');
    type($<HTMLInputElement>(screen, '#close-streetlight'), '300');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($(screen, '#close-streetlight-error').textContent).to.contain('Too long.');
  });
});

describe('response templates screen', () => {
  let stub: FetchStub;
  let templates: ResponseTemplate[];
  let writes: { method: string; path: string; body: unknown }[];
  const services: ServiceTarget[] = [{ code: 'pothole', name: { en: 'Pothole', fr: 'Nid-de-poule' }, ackTargetHours: 48, targetDays: 5 }];
  beforeEach(() => {
    writes = [];
    templates = [
      { id: 't1', serviceCode: 'pothole', name: 'Crew booked', textEn: 'A crew is booked.', textFr: 'Une équipe est prévue.' },
      { id: 't2', serviceCode: null, name: 'Thanks', textEn: 'Thank you.', textFr: null },
    ];
    const record = (req: { method: string; url: URL; body: unknown }) => writes.push({ method: req.method, path: req.url.pathname.replace('/api/v1/staff/towns/lakeview', ''), body: req.body });
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/service-targets', { status: 200, body: { services } })
      .on('GET /staff/towns/lakeview/response-templates', () => ({ status: 200, body: { templates } }))
      .on('POST /staff/towns/lakeview/response-templates', (req) => {
        record(req);
        const made = { id: 't3', ...(req.body as Omit<ResponseTemplate, 'id'>) };
        templates = [...templates, made];
        return { status: 201, body: made };
      })
      .on('PUT /staff/towns/lakeview/response-templates/t2', (req) => {
        record(req);
        templates = templates.map((t) => (t.id === 't2' ? { id: 't2', ...(req.body as Omit<ResponseTemplate, 'id'>) } : t));
        return { status: 200, body: templates.find((t) => t.id === 't2') };
      })
      .on('DELETE /staff/towns/lakeview/response-templates/t1', (req) => {
        record(req);
        templates = templates.filter((t) => t.id !== 't1');
        return { status: 204 };
      });
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  for (const lang of ['en', 'fr']) {
    it(`is accessible when listed, refused and editing (${lang})`, async () => {
      const app = await openConsole('/staff/settings/templates', lang);
      const screen = await screenOf(app, 'muni-staff-templates', 'table');
      await expect(app).to.be.accessible();
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
      expect($$(screen, '#error-summary a')).to.have.length(2);
      await expect(app).to.be.accessible();
      $$<HTMLButtonElement>(screen, 'tbody button')[2]!.click(); // edit "Thanks"
      await waitUntil(() => deepActiveElement()?.id === 'form-heading', 'form not focused');
      expect($(screen, '#one-language').textContent).to.not.equal('');
      await expect(app).to.be.accessible();
    });
  }

  it('flags the missing language, adds, edits and deletes with the CSRF token', async () => {
    const app = await openConsole('/staff/settings/templates');
    const screen = await screenOf(app, 'muni-staff-templates', 'table');
    const rows = () => $$(screen, '#templates-caption ~ tbody tr').map(cells);
    expect(rows()[1]).to.match(/^Thanks \| Every service \| Thank you\. \| Missing No French text/);
    expect($(screen, 'td.fr .visually-hidden').textContent).to.contain('No French text');

    type($<HTMLInputElement>(screen, '#tpl-name'), 'Not ours');
    const select = $<HTMLSelectElement>(screen, '#tpl-service');
    select.value = 'pothole';
    select.dispatchEvent(new Event('change'));
    type($<HTMLTextAreaElement>(screen, '#tpl-text-fr'), 'Ce n’est pas de notre ressort.');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'templates-notice', 'not added');
    expect($(screen, '#templates-notice').textContent).to.equal('The template “Not ours” was added.');
    expect(writes.at(-1)).to.deep.equal({ method: 'POST', path: '/response-templates', body: { serviceCode: 'pothole', name: 'Not ours', textEn: null, textFr: 'Ce n’est pas de notre ressort.' } });
    await waitUntil(() => rows().length === 3, 'not listed');

    $<HTMLButtonElement>(screen, 'button[aria-label="Edit Thanks"]').click();
    await waitUntil(() => $<HTMLInputElement>(screen, '#tpl-name').value === 'Thanks', 'not editing');
    type($<HTMLTextAreaElement>(screen, '#tpl-text-fr'), 'Merci.');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '#templates-notice').textContent === 'The template “Thanks” was saved.', 'not saved');
    expect(writes.at(-1)).to.deep.equal({ method: 'PUT', path: '/response-templates/t2', body: { serviceCode: null, name: 'Thanks', textEn: 'Thank you.', textFr: 'Merci.' } });
    await waitUntil(() => rows().some((r) => r.startsWith('Thanks | Every service | Thank you. | Merci.')), 'still flagged');
    expect($(screen, '#form-heading').textContent).to.equal('Add a template');

    const confirmed = window.confirm;
    window.confirm = () => true;
    try {
      $<HTMLButtonElement>(screen, 'button[aria-label="Delete Crew booked"]').click();
      await waitUntil(() => $(screen, '#templates-notice').textContent === 'The template “Crew booked” was deleted.', 'not deleted');
      expect(writes.at(-1)).to.deep.equal({ method: 'DELETE', path: '/response-templates/t1', body: undefined });
      await waitUntil(() => rows().length === 2, 'still listed');
    } finally {
      window.confirm = confirmed;
    }
    expect(stub.calls.filter((c) => c.method !== 'GET' && !c.url.pathname.startsWith('/api/v1/auth')).every((c) => c.headers.get('X-CSRF-Token') === 'csrf-123')).to.equal(true);
  });
});

describe("town settings: the tracking page", () => {
  let stub: FetchStub;
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  it('shows, sends and clears the tracker page, with the server refusal on the field', async () => {
    let sent: Record<string, unknown> | undefined;
    const settings = { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' }, defaultLanguage: 'en', languages: ['en', 'fr'], siteOrigins: ['https://www.lakeview.ca'], referencePrefix: 'LKV', timezone: 'America/Toronto', requireTwoFactor: false, trackerUrl: 'https://www.lakeview.ca/track', retentionMonths: 12 };
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/sso', { status: 200, body: { configured: false, enabled: false, name: '', issuer: '', clientId: '', clientSecretSet: false, allowedDomains: [], defaultRole: 'viewer', redirectUri: 'https://services.lakeview.ca/api/v1/auth/sso/callback' } })
      .on('GET /staff/towns/lakeview/settings', { status: 200, body: settings })
      .on('PATCH /staff/towns/lakeview/settings', (req) => {
        sent = req.body as Record<string, unknown>;
        if (typeof sent.trackerUrl === 'string' && !sent.trackerUrl.startsWith('http')) {
          return apiError(400, 'validation_failed', 'Invalid', [{ field: 'trackerUrl', message: 'Enter the full address of the page.' }]);
        }
        return { status: 200, body: { ...settings, trackerUrl: sent.trackerUrl } };
      });
    const app = await openConsole('/staff/settings/town');
    const screen = await screenOf(app, 'muni-staff-town-settings', 'form');
    expect($<HTMLInputElement>(screen, '#tracker-url').value).to.equal('https://www.lakeview.ca/track');
    type($<HTMLInputElement>(screen, '#tracker-url'), 'www.lakeview.ca/track');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($(screen, '#tracker-url-error').textContent).to.contain('Enter the full address of the page.');
    await expect(app).to.be.accessible();
    type($<HTMLInputElement>(screen, '#tracker-url'), '');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('saved'), 'not saved');
    expect(sent?.trackerUrl).to.equal(null);
    expect($<HTMLInputElement>(screen, '#tracker-url').value).to.equal('');
  });
});
