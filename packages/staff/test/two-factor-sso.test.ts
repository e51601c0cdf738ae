// Two-factor sign-in and single sign-on in the console: the sign-in screen's second step and SSO
// buttons, the messages after a refused SSO callback, enrolment on "My account", and the town's SSO
// settings. Every state checked with axe, in English and French.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, apiError, deepActiveElement, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import { adminSession, openConsole, screenOf, towns } from './support.ts';

const providers = { providers: [{ town: { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' } }, name: 'Lakeview Microsoft 365' }] };

describe('two-factor sign-in and single sign-on', () => {
  let stub: FetchStub;
  const startUrl = location.pathname + location.search;
  afterEach(() => {
    stub.restore();
    // Not resetPage(): test files run side by side in one browser and share localStorage, so this
    // file leaves it alone and names its language on every console it opens.
    history.replaceState(null, '', startUrl);
    document.documentElement.lang = 'en';
  });

  describe('sign-in', () => {
    beforeEach(() => {
      stub = stubFetch()
        .on('GET /auth/session', apiError(401, 'unauthenticated', 'Sign in'))
        .on('GET /towns', { status: 200, body: towns })
        .on('GET /auth/sso/providers', { status: 200, body: providers })
        .on('GET /staff/towns/lakeview/requests', { status: 200, body: { requests: [], nextCursor: null } })
        .on('POST /auth/login', { status: 200, body: { next: 'totp', pendingToken: 'pending-1', expiresAt: '2026-11-22T20:05:00.000Z' } })
        .on('POST /auth/login/totp', (req) =>
          (req.body as { code: string }).code === '123456'
            ? { status: 200, body: adminSession }
            : apiError(400, 'validation_failed', 'Invalid', [{ field: 'code', message: 'This code is not correct or was already used.' }]));
    });

    it('asks for the code after the password, names a wrong one, then signs in', async () => {
      const app = await openConsole('/staff/sign-in', 'en');
      const screen = await screenOf(app, 'muni-staff-sign-in', 'form');
      await waitUntil(() => $$(screen, '.sso button').length === 1, 'no SSO button');
      expect($(screen, '.sso button').textContent?.trim()).to.equal('Sign in with Lakeview Microsoft 365');
      await expect(app).to.be.accessible();

      type($<HTMLInputElement>(screen, '#email'), 'clerk@lakeview.ca');
      type($<HTMLInputElement>(screen, '#password'), 'a long password');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'code', 'code field not focused');
      expect($(screen, '#code').getAttribute('autocomplete')).to.equal('one-time-code');
      expect($(screen, 'h2').textContent).to.equal('Two-factor sign-in');
      await expect(app).to.be.accessible();

      type($<HTMLInputElement>(screen, '#code'), '000000');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
      expect($(screen, '#code').getAttribute('aria-invalid')).to.equal('true');
      expect($(screen, '#code-error').textContent).to.contain('This code is not correct or was already used.');
      await expect(app).to.be.accessible();

      type($<HTMLInputElement>(screen, '#code'), '123456');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => !location.pathname.startsWith('/staff/sign-in'), 'not signed in');
      expect(stub.calls.find((c) => c.url.pathname.endsWith('/auth/login/totp') && (c.body as { code: string }).code === '123456')!.body).to.deep.equal({
        pendingToken: 'pending-1',
        code: '123456',
      });
    });

    it('asks for the code when single sign-on comes back with a pending sign-in, and forgets it from the address', async () => {
      const app = await openConsole('/staff/sign-in#totp=pending-sso', 'en');
      const screen = await screenOf(app, 'muni-staff-sign-in', 'form');
      await waitUntil(() => deepActiveElement()?.id === 'code', 'code field not focused');
      expect(location.hash).to.equal('');
      await expect(app).to.be.accessible();
      type($<HTMLInputElement>(screen, '#code'), '123456');
      $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
      await waitUntil(() => !location.pathname.startsWith('/staff/sign-in'), 'not signed in');
      expect(stub.calls.find((c) => c.url.pathname.endsWith('/auth/login/totp'))!.body).to.deep.equal({ pendingToken: 'pending-sso', code: '123456' });
    });

    it('in French, explains a refused single sign-on and a provider that cannot be reached', async () => {
      stub.on('POST /auth/sso/start', apiError(502, 'provider_unavailable', 'Lakeview Microsoft 365 est injoignable pour le moment.'));
      const app = await openConsole('/staff/sign-in?sso_error=domain_not_allowed', 'fr');
      const screen = await screenOf(app, 'muni-staff-sign-in', 'form');
      await waitUntil(() => $(screen, '[role="alert"]')?.textContent?.includes('n’est pas acceptée par la municipalité'), 'no French SSO message');
      await waitUntil(() => $$(screen, '.sso button').length === 1, 'no SSO button');
      expect($(screen, '.sso button').textContent?.trim()).to.equal('Se connecter avec Lakeview Microsoft 365');
      await expect(app).to.be.accessible();

      $<HTMLButtonElement>(screen, '.sso button').click();
      await waitUntil(() => $(screen, '[role="alert"]')?.textContent?.includes('est injoignable'), 'no provider message');
      expect(stub.calls.find((c) => c.method === 'POST')!.body).to.deep.equal({ town: 'lakeview' });
      await expect(app).to.be.accessible();
    });
  });

  describe('my account', () => {
    beforeEach(() => {
      let enabled = false;
      stub = stubFetch()
        .on('GET /auth/session', { status: 200, body: adminSession })
        .on('GET /towns', { status: 200, body: towns })
        .on('GET /staff/me', { status: 200, body: { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk', language: null, hasPassword: true, towns: [] } })
        .on('GET /auth/totp', () => ({ status: 200, body: { enabled, required: true, recoveryCodesLeft: enabled ? 10 : 0, hasPassword: true } }))
        .on('POST /auth/totp/enrolment', {
          status: 200,
          body: {
            secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
            otpauthUri: 'otpauth://totp/MuniKit:clerk%40lakeview.ca?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP',
            qrCode: `data:image/svg+xml;base64,${btoa('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"><rect width="1" height="1"/></svg>')}`,
          },
        })
        .on('POST /auth/totp/confirm', (req) => {
          if ((req.body as { code: string }).code !== '654321') {
            return apiError(400, 'validation_failed', 'Invalid', [{ field: 'code', message: 'This code is not correct or was already used.' }]);
          }
          enabled = true;
          return { status: 200, body: { recoveryCodes: Array.from({ length: 10 }, (_, i) => `abcd-efgh-${String(i).padStart(2, '0')}`) } };
        })
        .on('POST /auth/totp/disable', () => {
          enabled = false;
          return { status: 204 };
        });
    });

    for (const lang of ['en', 'fr'] as const) {
      it(`enrols an authenticator app with the QR code and the key, and shows the recovery codes once (${lang})`, async () => {
        const app = await openConsole('/staff/account', lang);
        const account = await screenOf(app, 'muni-staff-account', 'form');
        await waitUntil(() => account.shadowRoot!.querySelector('muni-staff-two-factor')?.shadowRoot?.querySelector('section button'), 'no two-factor panel');
        const panel = account.shadowRoot!.querySelector('muni-staff-two-factor')!;
        expect($(panel, '.notice').textContent).to.contain(lang === 'fr' ? 'exige la connexion à deux facteurs' : 'requires two-factor sign-in');
        await expect(app).to.be.accessible();

        $<HTMLButtonElement>(panel, 'section button').click();
        await waitUntil(() => panel.shadowRoot!.querySelector('img'), 'no QR code');
        expect($<HTMLImageElement>(panel, 'img').src).to.match(/^data:image\/svg\+xml;base64,/);
        expect($<HTMLImageElement>(panel, 'img').alt).to.contain(lang === 'fr' ? 'Code QR' : 'QR code');
        expect($(panel, 'code').textContent).to.equal('JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP');
        expect(stub.calls.find((c) => c.url.pathname.endsWith('/auth/totp/enrolment'))!.headers.get('X-CSRF-Token')).to.equal('csrf-123');
        await expect(app).to.be.accessible();

        type($<HTMLInputElement>(panel, '#totp-code'), '111111');
        $<HTMLButtonElement>(panel, 'form button[type="submit"]').click();
        await waitUntil(() => panel.shadowRoot!.activeElement?.id === 'error-summary', 'summary not focused');
        expect($(panel, '#totp-code').getAttribute('aria-invalid')).to.equal('true');
        await expect(app).to.be.accessible();

        type($<HTMLInputElement>(panel, '#totp-code'), '654321');
        $<HTMLButtonElement>(panel, 'form button[type="submit"]').click();
        await waitUntil(() => $$(panel, '.recovery-codes li').length === 10, 'no recovery codes');
        await waitUntil(() => panel.shadowRoot!.activeElement?.id === 'recovery-heading', 'recovery heading not focused');
        await expect(app).to.be.accessible();

        $<HTMLButtonElement>(panel, 'section > button').click();
        await waitUntil(() => panel.shadowRoot!.querySelector('#disable-code'), 'no disable form');
        expect(panel.shadowRoot!.querySelector('.recovery-codes')).to.equal(null);
        type($<HTMLInputElement>(panel, '#disable-password'), 'a long password');
        $<HTMLButtonElement>(panel, 'form button[type="submit"]').click();
        await waitUntil(() => panel.shadowRoot!.querySelector('section > button') && !panel.shadowRoot!.querySelector('#disable-code'), 'not turned off');
        expect(stub.calls.find((c) => c.url.pathname.endsWith('/auth/totp/disable'))!.body).to.deep.equal({ password: 'a long password' });
        await expect(app).to.be.accessible();
      });
    }
  });

  describe('town settings', () => {
    for (const lang of ['en', 'fr'] as const) {
      it(`sets up the town's provider; the secret is sent but never shown (${lang})`, async () => {
        const empty = { configured: false, enabled: false, name: '', issuer: '', clientId: '', clientSecretSet: false, allowedDomains: [], defaultRole: 'viewer', redirectUri: 'https://munikit.example/api/v1/auth/sso/callback' };
        stub = stubFetch()
          .on('GET /auth/session', { status: 200, body: adminSession })
          .on('GET /towns', { status: 200, body: towns })
          .on('GET /staff/towns/lakeview/settings', {
            status: 200,
            body: { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' }, defaultLanguage: 'en', languages: ['en', 'fr'], siteOrigins: [], referencePrefix: 'LKV', timezone: 'America/Toronto', requireTwoFactor: false },
          })
          .on('PATCH /staff/towns/lakeview/settings', (req) => ({ status: 200, body: { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' }, defaultLanguage: 'en', languages: ['en', 'fr'], siteOrigins: [], referencePrefix: 'LKV', timezone: 'America/Toronto', ...(req.body as object) } }))
          .on('GET /staff/towns/lakeview/sso', { status: 200, body: empty })
          .on('PUT /staff/towns/lakeview/sso', (req) => {
            const b = req.body as Record<string, unknown>;
            return { status: 200, body: { ...empty, ...b, clientSecret: undefined, configured: true, clientSecretSet: true } };
          });
        const app = await openConsole('/staff/settings/town', lang);
        const screen = await screenOf(app, 'muni-staff-town-settings', 'form');
        await waitUntil(() => screen.shadowRoot!.querySelector('muni-staff-sso-settings')?.shadowRoot?.querySelector('form'), 'no SSO form');
        const sso = screen.shadowRoot!.querySelector('muni-staff-sso-settings')!;
        expect($(sso, 'code').textContent).to.equal('https://munikit.example/api/v1/auth/sso/callback');
        await expect(app).to.be.accessible();

        // Require two-factor: saved with the town's settings.
        $<HTMLInputElement>(screen, '#require-two-factor').click();
        $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
        await waitUntil(() => stub.calls.some((c) => c.method === 'PATCH'), 'settings not saved');
        expect((stub.calls.find((c) => c.method === 'PATCH')!.body as { requireTwoFactor: boolean }).requireTwoFactor).to.equal(true);

        // Missing fields are named in the summary.
        $<HTMLButtonElement>(sso, 'form button[type="submit"]').click();
        await waitUntil(() => sso.shadowRoot!.activeElement?.id === 'error-summary', 'summary not focused');
        expect($$(sso, '#error-summary li')).to.have.length(5);
        await expect(app).to.be.accessible();

        type($<HTMLInputElement>(sso, '#sso-name'), 'Lakeview Microsoft 365');
        type($<HTMLInputElement>(sso, '#sso-issuer'), 'https://login.microsoftonline.com/lakeview/v2.0');
        type($<HTMLInputElement>(sso, '#sso-client-id'), 'client-1');
        type($<HTMLInputElement>(sso, '#sso-client-secret'), 'very secret');
        type($<HTMLTextAreaElement>(sso, '#sso-domains'), 'lakeview.ca\nlakeview.on.ca');
        type($<HTMLSelectElement>(sso, '#sso-role'), 'agent');
        $<HTMLButtonElement>(sso, 'form button[type="submit"]').click();
        await waitUntil(() => $(sso, '[role="status"]').textContent?.includes(lang === 'fr' ? 'ont été enregistrés' : 'settings saved'), 'not saved');
        expect(stub.calls.find((c) => c.method === 'PUT')!.body).to.deep.equal({
          enabled: true,
          name: 'Lakeview Microsoft 365',
          issuer: 'https://login.microsoftonline.com/lakeview/v2.0',
          clientId: 'client-1',
          clientSecret: 'very secret',
          allowedDomains: ['lakeview.ca', 'lakeview.on.ca'],
          defaultRole: 'agent',
        });
        expect($<HTMLInputElement>(sso, '#sso-client-secret').value).to.equal('');
        expect($(sso, '#sso-client-secret-hint').textContent).to.contain(lang === 'fr' ? 'Un secret est enregistré' : 'A secret is saved');
        await expect(app).to.be.accessible();
      });
    }
  });
});
