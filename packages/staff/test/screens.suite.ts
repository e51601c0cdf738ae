// The console's screens for an administrator: users and roles, town settings, audit log, my account,
// and the signed-out pages opened from emails. Every state checked with axe, in English and French.
import { expect, waitUntil } from '@open-wc/testing';
import { $, $$, apiError, deepActiveElement, stubFetch, type } from '../../core/test/fetch-stub.ts';
import type { FetchStub } from '../../core/test/fetch-stub.ts';
import type { ApiKey } from '@munikit/core';
import { adminSession, openConsole, resetPage, screenOf, towns } from './support.ts';

const people = {
  users: [
    { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk', role: 'admin', departmentIds: [], disabled: false, hasPassword: true, language: null, createdAt: '2026-01-01T00:00:00Z' },
    { id: 'u2', email: 'sam@lakeview.ca', name: 'Sam Agent', role: 'agent', departmentIds: [], disabled: false, hasPassword: false, language: 'fr', createdAt: '2026-02-01T00:00:00Z' },
  ],
  invitations: [{ email: 'new@lakeview.ca', role: 'viewer', departmentIds: [], createdAt: '2026-11-20T00:00:00Z', expiresAt: '2026-11-23T00:00:00Z' }],
};
const settings = { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' }, defaultLanguage: 'en', languages: ['en', 'fr'], siteOrigins: ['https://www.lakeview.ca'], referencePrefix: 'LKV', timezone: 'America/Toronto' };
const entry = (id: string, action: string) => ({
  id, createdAt: '2026-11-21T10:00:00Z', action, actor: { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk' },
  subject: { type: 'user', id: 'u2' }, details: { before: { role: 'viewer' }, after: { role: 'agent' } },
});

describe('console screens', () => {
  let stub: FetchStub;
  beforeEach(() => {
    stub = stubFetch().on('GET /auth/session', { status: 200, body: adminSession }).on('GET /towns', { status: 200, body: towns });
  });
  afterEach(() => {
    stub.restore();
    resetPage();
  });

  it('shows an administrator every screen in the navigation, and a viewer only theirs', async () => {
    const app = await openConsole('/staff/account');
    stub.on('GET /staff/me', { status: 200, body: { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk', language: null, hasPassword: true, towns: [] } });
    await screenOf(app, 'muni-staff-account');
    expect($$(app, 'nav a').map((a) => a.getAttribute('href'))).to.deep.equal([
      '/staff/inbox', '/staff/kb', '/staff/kb/categories', '/staff/kb/insight', '/staff/settings/users', '/staff/settings/town', '/staff/settings/embed', '/staff/settings/privacy', '/staff/settings/api-keys', '/staff/settings/webhooks',
      '/staff/reports', '/staff/settings/targets', '/staff/settings/templates', '/staff/outbox', '/staff/audit', '/staff/account',
    ]);
    app.remove();
    resetPage();
    stub.on('GET /auth/session', { status: 200, body: { ...adminSession, towns: [{ id: 'lakeview', role: 'viewer' }] } })
      .on('GET /staff/towns/lakeview/inbox', { status: 200, body: { total: 0, items: [], nextCursor: null } });
    const viewer = await openConsole('/staff/settings/users');
    await screenOf(viewer, 'muni-staff-inbox');
    expect(location.pathname).to.equal('/staff/inbox');
    expect($$(viewer, 'nav a').map((a) => a.getAttribute('href'))).to.deep.equal(['/staff/inbox', '/staff/kb', '/staff/kb/categories', '/staff/kb/insight', '/staff/reports', '/staff/account']);
  });

  it('has no accessibility problem on any screen in English or in French', async function () {
    this.timeout(30_000); // twelve screens, each checked with axe, on a shared machine
    stub
      .on('GET /staff/towns/lakeview/inbox', { status: 200, body: { total: 0, items: [], nextCursor: null } })
      .on('GET /staff/towns/lakeview/users', { status: 200, body: people })
      .on('GET /staff/towns/lakeview/settings', { status: 200, body: settings })
      .on('GET /staff/towns/lakeview/sso', { status: 200, body: { configured: false, enabled: false, name: '', issuer: '', clientId: '', clientSecretSet: false, allowedDomains: [], defaultRole: 'viewer', redirectUri: 'https://services.lakeview.ca/api/v1/auth/sso/callback' } })
      .on('GET /staff/towns/lakeview/api-keys', { status: 200, body: { keys: [] } })
      .on('GET /staff/towns/lakeview/audit', { status: 200, body: { entries: [entry('a1', 'user.role_changed')], nextCursor: null } })
      .on('GET /staff/me', { status: 200, body: { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk', language: null, hasPassword: true, towns: [] } })
      .on('GET /auth/totp', { status: 200, body: { enabled: false, required: false, recoveryCodesLeft: 0, hasPassword: true } });
    const screens: [string, string, string][] = [
      ['/staff/inbox', 'muni-staff-inbox', 'table'],
      ['/staff/settings/users', 'muni-staff-users', 'table'],
      ['/staff/settings/town', 'muni-staff-town-settings', 'form'],
      ['/staff/settings/api-keys', 'muni-staff-api-keys', 'table'],
      ['/staff/audit', 'muni-staff-audit', 'table'],
      ['/staff/account', 'muni-staff-account', 'form'],
    ];
    for (const lang of ['en', 'fr']) {
      for (const [path, tag, ready] of screens) {
        const app = await openConsole(path, lang);
        await screenOf(app, tag, ready);
        await expect(app, `${path} in ${lang}`).to.be.accessible();
        app.remove();
        resetPage();
      }
    }
  });

  it('users: lists people, changes a role with the CSRF token, invites someone, and shows a server refusal', async () => {
    let changed: unknown;
    stub
      .on('GET /staff/towns/lakeview/users', { status: 200, body: people })
      .on('PATCH /staff/towns/lakeview/users/u2', (req) => {
        changed = req.body;
        return req.headers.get('X-CSRF-Token') === 'csrf-123' ? { status: 200, body: { ...people.users[1], role: 'viewer' } } : apiError(403, 'csrf_failed', 'CSRF');
      })
      .on('POST /staff/towns/lakeview/users/invitations', (req) =>
        (req.body as { email: string }).email === 'taken@lakeview.ca'
          ? apiError(409, 'conflict', 'Already invited', [{ field: 'email', message: 'This person already has a pending invitation.' }])
          : { status: 201, body: { status: 'invited', email: (req.body as { email: string }).email, expiresAt: '2026-11-25T00:00:00Z' } });
    const app = await openConsole('/staff/settings/users');
    const screen = await screenOf(app, 'muni-staff-users', 'table');
    expect($$(screen, 'tbody tr')).to.have.length(2);
    expect($(screen, 'tbody tr:nth-child(2)').textContent).to.contain('Single sign-on only');
    expect($(screen, 'ul').textContent).to.contain('new@lakeview.ca');
    await expect(app).to.be.accessible();

    $<HTMLButtonElement>(screen, 'button[aria-label="Change access of Sam Agent"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'edit-heading', 'edit panel not focused');
    type($<HTMLSelectElement>(screen, '#edit-role'), 'viewer');
    await expect(app).to.be.accessible();
    $$<HTMLButtonElement>(screen, '.panel button').find((b) => b.textContent?.includes('Save role'))!.click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('The access of Sam Agent was changed.'), 'no notice');
    expect(changed).to.deep.equal({ role: 'viewer' });

    type($<HTMLInputElement>(screen, '#invite-email'), 'taken@lakeview.ca');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($(screen, '#invite-email').getAttribute('aria-invalid')).to.equal('true');
    await expect(app).to.be.accessible();

    type($<HTMLInputElement>(screen, '#invite-email'), 'new.clerk@lakeview.ca');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('An invitation was emailed to new.clerk@lakeview.ca'), 'no invite notice');
  });

  it('town settings: keeps what was typed when the server refuses an origin, names the field, then saves', async () => {
    let sent: Record<string, unknown> | undefined;
    stub.on('GET /staff/towns/lakeview/settings', { status: 200, body: settings }).on('PATCH /staff/towns/lakeview/settings', (req) => {
      sent = req.body as Record<string, unknown>;
      const origins = sent.siteOrigins as string[];
      return origins.some((o) => !o.startsWith('https://'))
        ? apiError(400, 'validation_failed', 'Invalid', [{ field: 'siteOrigins.1', message: 'Enter a web address such as https://www.lakeview.ca' }])
        : { status: 200, body: { ...settings, siteOrigins: origins } };
    });
    const app = await openConsole('/staff/settings/town', 'fr');
    const screen = await screenOf(app, 'muni-staff-town-settings', 'form');
    expect($<HTMLInputElement>(screen, '#name-fr').value).to.equal('Canton de Lakeview');
    await expect(app).to.be.accessible();
    type($<HTMLTextAreaElement>(screen, '#site-origins'), 'https://www.lakeview.ca\nlakeview.ca');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($(screen, '#site-origins').getAttribute('aria-invalid')).to.equal('true');
    expect($<HTMLTextAreaElement>(screen, '#site-origins').value).to.equal('https://www.lakeview.ca\nlakeview.ca');
    await expect(app).to.be.accessible();
    type($<HTMLTextAreaElement>(screen, '#site-origins'), 'https://www.lakeview.ca\nhttps://lakeview.ca');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('Les paramètres ont été enregistrés.'), 'not saved');
    expect(sent?.siteOrigins).to.deep.equal(['https://www.lakeview.ca', 'https://lakeview.ca']);
  });

  it('API keys: makes a key shown once, lists keys, and revokes one with the CSRF token', async () => {
    const keys: ApiKey[] = [{ id: 'k1', name: 'Citizen app', createdAt: '2026-11-01T10:00:00Z', revokedAt: null }];
    stub
      .on('GET /staff/towns/lakeview/api-keys', () => ({ status: 200, body: { keys } }))
      .on('POST /staff/towns/lakeview/api-keys', (req) => {
        const made = { id: 'k2', name: (req.body as { name: string }).name, createdAt: '2026-11-22T10:00:00Z', revokedAt: null };
        keys.push(made);
        return { status: 201, body: { ...made, key: 'mk_secret_key_shown_once' } };
      })
      .on('DELETE /staff/towns/lakeview/api-keys/k1', (req) => {
        if (req.headers.get('X-CSRF-Token') !== 'csrf-123') return apiError(403, 'csrf_failed', 'CSRF');
        keys[0] = { ...keys[0]!, revokedAt: '2026-11-22T11:00:00Z' };
        return { status: 204 };
      });
    const app = await openConsole('/staff/settings/api-keys');
    const screen = await screenOf(app, 'muni-staff-api-keys', 'table');
    await expect(app).to.be.accessible();
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    type($<HTMLInputElement>(screen, '#key-name'), 'Public Works CRM');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'made-heading', 'new key not announced');
    expect($<HTMLInputElement>(screen, '#made-key').value).to.equal('mk_secret_key_shown_once');
    await waitUntil(() => $$(screen, 'tbody tr').length === 2, 'new key not listed');
    await expect(app).to.be.accessible();
    const confirmed = window.confirm;
    window.confirm = () => true;
    try {
      $<HTMLButtonElement>(screen, 'button[aria-label="Revoke the key of Citizen app"]').click();
      await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('The key of Citizen app was revoked.'), 'not revoked');
    } finally {
      window.confirm = confirmed;
    }
  });

  it('audit log: filters, loads older entries and offers the CSV with the same filters', async () => {
    stub.on('GET /staff/towns/lakeview/audit', (req) =>
      req.url.searchParams.get('cursor')
        ? { status: 200, body: { entries: [entry('a3', 'auth.login')], nextCursor: null } }
        : { status: 200, body: { entries: [entry('a1', 'user.role_changed'), entry('a2', 'auth.login_failed')], nextCursor: 'next-1' } });
    const app = await openConsole('/staff/audit');
    const screen = await screenOf(app, 'muni-staff-audit', 'table');
    expect($$(screen, 'tbody tr')).to.have.length(2);
    expect($(screen, 'tbody tr').textContent).to.contain('role: viewer → agent');
    await expect(app).to.be.accessible();
    $$<HTMLButtonElement>(screen, 'button').find((b) => b.textContent?.includes('Show older entries'))!.click();
    await waitUntil(() => $$(screen, 'tbody tr').length === 3, 'older entries not added');
    type($<HTMLInputElement>(screen, '#action'), 'auth.login_failed');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => stub.calls.some((c) => c.url.searchParams.get('action') === 'auth.login_failed'), 'filter not sent');
    expect($<HTMLAnchorElement>(screen, 'a[download]').href).to.contain('/api/v1/staff/towns/lakeview/audit/export?action=auth.login_failed');
  });

  it('my account: saves a language that the console then follows, and changes the password', async () => {
    stub
      .on('GET /staff/me', { status: 200, body: { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk', language: null, hasPassword: true, towns: [] } })
      .on('PATCH /staff/me', (req) => ({ status: 200, body: { id: 'u1', email: 'clerk@lakeview.ca', name: 'Pat Clerk', hasPassword: true, towns: [], ...(req.body as object) } }))
      .on('POST /staff/me/password', (req) =>
        (req.body as { newPassword: string }).newPassword.length < 12
          ? apiError(400, 'validation_failed', 'Too short', [{ field: 'newPassword', message: 'Use at least 12 characters.' }])
          : { status: 204 });
    const app = await openConsole('/staff/account');
    const screen = await screenOf(app, 'muni-staff-account', 'form');
    await expect(app).to.be.accessible();
    $<HTMLInputElement>(screen, '#language-fr').click();
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => app.getAttribute('lang') === 'fr', 'console did not switch to French');
    expect(stub.calls.find((c) => c.method === 'PATCH')!.body).to.deep.equal({ name: 'Pat Clerk', language: 'fr' });
    type($<HTMLInputElement>(screen, '#current-password'), 'an old password');
    type($<HTMLInputElement>(screen, '#new-password'), 'short');
    $$<HTMLButtonElement>(screen, 'form button[type="submit"]')[1]!.click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    expect($(screen, '#new-password-error').textContent).to.contain('Use at least 12 characters.');
    await expect(app).to.be.accessible();
  });

  it('password reset from the emailed link, signed out, in both languages', async () => {
    stub.on('GET /auth/session', apiError(401, 'unauthenticated', 'Sign in')).on('POST /auth/password-reset', { status: 202, body: { message: 'ok' } })
      .on('POST /auth/password-reset/confirm', { status: 204 });
    const ask = await openConsole('/staff/forgot-password');
    let screen = await screenOf(ask, 'muni-staff-reset-password', 'form');
    await expect(ask).to.be.accessible();
    type($<HTMLInputElement>(screen, '#email'), 'clerk@lakeview.ca');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('If clerk@lakeview.ca has a staff account'), 'no confirmation');
    ask.remove();

    const choose = await openConsole('/staff/reset-password#token=tok-1', 'fr');
    screen = await screenOf(choose, 'muni-staff-reset-password', 'form');
    await expect(choose).to.be.accessible();
    type($<HTMLInputElement>(screen, '#new-password'), 'four unrelated words here');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('Votre mot de passe a été changé'), 'not changed');
    expect(stub.calls.find((c) => c.url.pathname.endsWith('/confirm'))!.body).to.deep.equal({ token: 'tok-1', password: 'four unrelated words here' });
  });

  it('accepts an invitation from the emailed link', async () => {
    stub.on('GET /auth/session', apiError(401, 'unauthenticated', 'Sign in'))
      .on('POST /auth/invitations/inspect', { status: 200, body: { email: 'new@lakeview.ca', town: { id: 'lakeview', name: { en: 'Township of Lakeview', fr: 'Canton de Lakeview' } }, role: 'agent', expiresAt: '2026-11-25T00:00:00Z' } })
      .on('POST /auth/invitations/accept', { status: 201, body: { email: 'new@lakeview.ca' } });
    const app = await openConsole('/staff/accept-invitation#token=inv-1');
    const screen = await screenOf(app, 'muni-staff-invitation', 'form');
    expect(location.hash, 'the token stays out of the history').to.equal('');
    expect(screen.shadowRoot!.textContent).to.contain('Township of Lakeview as agent');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => deepActiveElement()?.id === 'error-summary', 'summary not focused');
    await expect(app).to.be.accessible();
    type($<HTMLInputElement>(screen, '#name'), 'Robin New');
    type($<HTMLInputElement>(screen, '#password'), 'four unrelated words here');
    $<HTMLButtonElement>(screen, 'form button[type="submit"]').click();
    await waitUntil(() => $(screen, '[role="status"]').textContent?.includes('Your account is ready'), 'not accepted');
  });
});
