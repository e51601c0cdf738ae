// Residents' personal data and the retention setting: real screens in the console shell over a
// stubbed API, axe in English and French on each state.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, apiError, deepActiveElement, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { PersonalData } from '../src/privacy/privacy-screen.ts';
import { adminSession, openConsole, resetPage, screenOf, towns } from './support.ts';

const held: PersonalData = {
  town: { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' } },
  query: { email: 'pat@example.org', phone: null },
  generatedAt: '2026-11-20T15:00:00.000Z',
  requests: [
    {
      reference: 'LKV-24-0007', service: { code: 'pothole', en: 'Pothole', fr: 'Nid-de-poule' }, status: 'closed',
      createdAt: '2026-03-01T14:00:00.000Z', closedAt: '2026-03-04T14:00:00.000Z', location: '12 Lake Rd', description: 'Deep hole',
      contact: { name: 'Pat Resident', email: 'pat@example.org', phone: '613-555-0199' },
      photos: [{ id: 'p1', contentType: 'image/jpeg', bytes: 204800, width: 1600, height: 1200, createdAt: '2026-03-01T14:00:00.000Z' }],
      subscriptions: [{ email: 'pat@example.org', status: 'confirmed', source: 'reporter', lang: 'en', createdAt: '2026-03-01T14:00:00.000Z' }],
    },
    {
      reference: 'LKV-24-0009', service: { code: 'tree', en: 'Fallen tree', fr: 'Arbre tombé' }, status: 'in_progress',
      createdAt: '2026-04-01T14:00:00.000Z', closedAt: null, location: 'Park', description: 'Branch down',
      contact: null, photos: [],
      subscriptions: [{ email: 'pat@example.org', status: 'confirmed', source: 'follower', lang: 'en', createdAt: '2026-04-02T14:00:00.000Z' }],
    },
  ],
};

describe('residents’ personal data screen', () => {
  let stub: FetchStub;
  let searched: unknown[];
  let erased: unknown[];
  beforeEach(() => {
    searched = [];
    erased = [];
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('POST /staff/towns/lakeview/personal-data/search', (req) => {
        searched.push(req.body);
        return { status: 200, body: held };
      })
      .on('POST /staff/towns/lakeview/personal-data/export', { status: 200, body: held })
      .on('POST /staff/towns/lakeview/personal-data/erase', (req) => {
        erased.push(req.body);
        return { status: 200, body: { references: ['LKV-24-0007', 'LKV-24-0009'], contacts: 1, photos: 1, subscriptions: 2 } };
      });
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`finds, shows, and erases after a confirmation (${lang})`, async () => {
      const app = await openConsole('/staff/settings/privacy', lang);
      const screen = await screenOf(app, 'muni-staff-privacy', 'form');
      await expect(app).to.be.accessible();
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
      expect(searched).to.have.length(0);
      await expect(app).to.be.accessible();

      type($<HTMLInputElement>(screen, '#pd-email'), ' pat@example.org ');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'results-heading', 'results not focused');
      expect(searched).to.deep.equal([{ email: 'pat@example.org' }]);
      const text = $(screen, '.held').textContent!.replace(/\s+/g, ' ');
      expect($$(screen, '.held article')).to.have.length(2);
      if (lang === 'en') {
        expect(text).to.contain('What Township of Lakeview holds');
        expect(text).to.contain('2 requests hold their data.');
        expect(text).to.contain('Pat Resident');
        expect(text).to.contain('None: they only follow this request by email');
        expect(text).to.contain('image/jpeg, 1600 × 1200, 200 KB');
      } else {
        expect(text).to.contain('Ce que Canton de Lakeview détient');
        expect(text).to.contain('Nid-de-poule');
        expect(text).to.contain('Toujours ouverte');
      }
      await expect(app).to.be.accessible();

      $<HTMLButtonElement>(screen, '#pd-erase').click();
      await waitUntil(() => deepActiveElement()?.id === 'confirm-heading', 'confirmation not focused');
      expect(erased).to.have.length(0);
      expect($(screen, '#confirm-text').textContent).to.contain('pat@example.org');
      await expect(app).to.be.accessible();
      $<HTMLButtonElement>(screen, '#pd-confirm').click();
      await waitUntil(() => erased.length === 1 && $(screen, '#pd-notice').textContent!.includes('LKV-24-0009'), 'not erased');
      expect(erased[0]).to.deep.equal({ email: 'pat@example.org', confirm: true });
      expect(screen.shadowRoot!.querySelector('.held')).to.equal(null);
      await expect(app).to.be.accessible();
    });
  }

  it('cancels the erasure and puts focus back', async () => {
    const app = await openConsole('/staff/settings/privacy');
    const screen = await screenOf(app, 'muni-staff-privacy', 'form');
    type($<HTMLInputElement>(screen, '#pd-phone'), '613 555 0199');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => screen.shadowRoot!.querySelector('#pd-erase'), 'no results');
    expect(searched).to.deep.equal([{ phone: '613 555 0199' }]);
    $<HTMLButtonElement>(screen, '#pd-erase').click();
    await waitUntil(() => screen.shadowRoot!.querySelector('#pd-confirm'));
    $$<HTMLButtonElement>(screen, '[role="alertdialog"] button')[1]!.click();
    await waitUntil(() => deepActiveElement()?.id === 'pd-erase', 'focus not back');
    expect(erased).to.have.length(0);
  });

  it('shows the server’s refusal on the field', async () => {
    stub.on('POST /staff/towns/lakeview/personal-data/search', apiError(400, 'validation_failed', 'Invalid', [{ field: 'phone', message: 'Enter a full phone number.' }]));
    const app = await openConsole('/staff/settings/privacy');
    const screen = await screenOf(app, 'muni-staff-privacy', 'form');
    type($<HTMLInputElement>(screen, '#pd-phone'), '555');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => screen.shadowRoot!.querySelector('#pd-phone-error'), 'no field error');
    expect($(screen, '#pd-phone-error').textContent).to.contain('Enter a full phone number.');
    await expect(app).to.be.accessible();
  });
});

describe('retention setting', () => {
  let stub: FetchStub;
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  it('shows, checks and sends the months residents’ data is kept', async () => {
    let sent: Record<string, unknown> | undefined;
    const settings = { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' }, defaultLanguage: 'en', languages: ['en', 'fr'], siteOrigins: ['https://www.lakeview.ca'], referencePrefix: 'LKV', timezone: 'America/Toronto', requireTwoFactor: false, trackerUrl: null, retentionMonths: 12 };
    stub = stubFetch()
      .on('GET /auth/session', { status: 200, body: adminSession })
      .on('GET /towns', { status: 200, body: towns })
      .on('GET /staff/towns/lakeview/sso', { status: 200, body: { configured: false, enabled: false, name: '', issuer: '', clientId: '', clientSecretSet: false, allowedDomains: [], defaultRole: 'viewer', redirectUri: 'https://services.lakeview.ca/api/v1/auth/sso/callback' } })
      .on('GET /staff/towns/lakeview/settings', { status: 200, body: settings })
      .on('PATCH /staff/towns/lakeview/settings', (req) => {
        sent = req.body as Record<string, unknown>;
        return { status: 200, body: { ...settings, retentionMonths: sent.retentionMonths } };
      });
    const app = await openConsole('/staff/settings/town', 'fr');
    const screen = await screenOf(app, 'muni-staff-town-settings', 'form');
    expect($<HTMLInputElement>(screen, '#retention-months').value).to.equal('12');
    type($<HTMLInputElement>(screen, '#retention-months'), '200');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($(screen, '#retention-months-error').textContent).to.contain('de 1 à 120');
    expect(sent).to.equal(undefined);
    await expect(app).to.be.accessible();
    type($<HTMLInputElement>(screen, '#retention-months'), '24');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => sent !== undefined, 'not sent');
    expect(sent!.retentionMonths).to.equal(24);
  });
});
