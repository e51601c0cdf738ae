// "Email me about changes" (double opt-in), "this is my problem too", the /r/ pages and the functions
// the notify and inbox engineers call, on SQLite and (with TEST_DATABASE_URL) PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CONFIRM_TTL_MS,
  confirmSubscription,
  createSubscription,
  followerCounts,
  listConfirmedSubscribers,
  unsubscribeUrl,
} from '../../src/notifications/subscriptions-store.ts';
import { createTestApp, dialects } from '../support/harness.ts';

type ErrorBody = { error: { code: string; field?: string } };
type EmailPayload = { to: string; lang: string; template: string; subject: string; text: string };

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`subscriptions on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let ip = 0;
    const addr = () => ({ 'x-forwarded-for': `192.0.2.${++ip % 250}` });
    const post = (path: string, body: unknown, headers: Record<string, string> = addr()) =>
      t.app.request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    const file = async (body: Record<string, unknown> = {}) => {
      const res = await post('/api/v1/towns/testville/requests', { serviceCode: 'pothole', description: 'A hole', location: { text: '1 Lake Road' }, lang: 'en', ...body });
      expect(res.status).toBe(201);
      const { reference } = (await res.json()) as { reference: string };
      const { id } = await t.db.selectFrom('requests').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
      return { reference, id };
    };
    const emailsTo = async (to: string): Promise<EmailPayload[]> => {
      const jobs = await t.db.selectFrom('jobs').select(['payload']).where('kind', '=', 'email').orderBy('run_at').execute();
      return jobs.map((j) => JSON.parse(j.payload) as EmailPayload).filter((p) => p.to === to);
    };
    const linkIn = (text: string, path: string) => {
      const m = new RegExp(`http://127\\.0\\.0\\.1:\\d+(${path}\\?t=[A-Za-z0-9_%-]+)`).exec(text);
      expect(m, text).not.toBeNull();
      return m![1]!;
    };

    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open(), config: { TRUST_PROXY: '1' } });
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('subscribes with double opt-in: 202, a confirmation email in the asked language, confirmed by its link', async () => {
      const { reference, id } = await file();
      const res = await post(`/api/v1/towns/testville/requests/${reference.toLowerCase()}/subscriptions`, { email: 'Fan@Example.ca', lang: 'fr' });
      expect(res.status).toBe(202);
      const accepted = await res.json();
      expect(accepted).toEqual({ status: 'accepted' });
      expect(await listConfirmedSubscribers(t.db, id)).toEqual([]);
      const [mail] = await emailsTo('fan@example.ca');
      expect(mail).toMatchObject({ lang: 'fr', template: 'subscription-confirm' });
      expect(mail!.subject).toContain(reference);
      const confirm = linkIn(mail!.text, '/r/confirm');

      const page = await t.app.request(confirm);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      const html = await page.text();
      expect(html).toContain('<html lang="fr">');
      expect(html).toContain('Vous recevrez les avis par courriel');
      expect(html).not.toMatch(/<script|style=/);
      const subs = await listConfirmedSubscribers(t.db, id);
      expect(subs).toHaveLength(1);
      expect(subs[0]).toMatchObject({ email: 'fan@example.ca', lang: 'fr', source: 'tracker' });

      // Asking again answers the same and sends nothing: nobody learns the address already follows.
      const again = await post(`/api/v1/towns/testville/requests/${reference}/subscriptions`, { email: 'fan@example.ca', lang: 'fr' });
      expect(again.status).toBe(202);
      expect(await again.json()).toEqual(accepted);
      expect(await emailsTo('fan@example.ca')).toHaveLength(1);
      // Tokens are stored hashed only.
      const row = await t.db.selectFrom('request_subscribers').selectAll().where('request_id', '=', id).executeTakeFirstOrThrow();
      expect(row.confirm_token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(confirm).not.toContain(row.confirm_token_hash!);
    });

    it('unsubscribes from the page’s button and with RFC 8058 one-click; a GET alone changes nothing', async () => {
      const { id } = await file();
      const { confirmToken } = await createSubscription(t.db, { townId: 'testville', requestId: id, email: 'leave@example.ca', lang: 'en', source: 'tracker' });
      expect((await confirmSubscription(t.db, confirmToken!)).outcome).toBe('confirmed');
      const [sub] = await listConfirmedSubscribers(t.db, id);
      const url = new URL(unsubscribeUrl('https://services.example.ca', sub!.unsubscribeToken));
      expect(url.pathname).toBe('/r/unsubscribe');
      // The same token every time (each email can carry it), stored as a hash only.
      expect((await listConfirmedSubscribers(t.db, id))[0]!.unsubscribeToken).toBe(sub!.unsubscribeToken);

      const page = await t.app.request(`${url.pathname}${url.search}`);
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('<form method="post" action="/r/unsubscribe">');
      expect(html).toContain('Stop emails');
      expect(await listConfirmedSubscribers(t.db, id)).toHaveLength(1);

      const oneClick = await t.app.request(`${url.pathname}${url.search}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'List-Unsubscribe=One-Click',
      });
      expect(oneClick.status).toBe(200);
      expect(await oneClick.text()).toContain('You will get no more emails');
      expect(await listConfirmedSubscribers(t.db, id)).toEqual([]);

      // The button (token in the form) after that is still fine; an unknown token is a 404 page.
      const button = await t.app.request('/r/unsubscribe', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `t=${encodeURIComponent(sub!.unsubscribeToken)}`,
      });
      expect(button.status).toBe(200);
      expect((await t.app.request('/r/unsubscribe?t=nothing', { method: 'POST' })).status).toBe(404);
      expect((await t.app.request('/r/confirm?t=nothing&lang=fr')).status).toBe(404);
    });

    it('lets a confirm link expire after 7 days', async () => {
      const { id } = await file();
      const sent = new Date('2026-01-01T00:00:00.000Z');
      const { confirmToken } = await createSubscription(t.db, { townId: 'testville', requestId: id, email: 'late@example.ca', lang: 'en', source: 'tracker', now: sent });
      expect((await confirmSubscription(t.db, confirmToken!, new Date(sent.getTime() + CONFIRM_TTL_MS + 1000))).outcome).toBe('expired');
      const page = await t.app.request(`/r/confirm?t=${confirmToken}`);
      expect(page.status).toBe(410);
      expect(await listConfirmedSubscribers(t.db, id)).toEqual([]);
    });

    it('files with "email me" (a pending reporter subscription and its confirmation), and counts followers for staff', async () => {
      const { id } = await file({ contact: { email: 'reporter@example.ca' }, subscribe: true });
      // One email: the acknowledgement of the filing holds the double opt-in link for updates.
      const mails = await emailsTo('reporter@example.ca');
      expect(mails.map((m) => m.template)).toEqual(['request-received-subscribe']);
      const mail = mails[0];
      await t.app.request(linkIn(mail!.text, '/r/confirm'));
      expect((await listConfirmedSubscribers(t.db, id))[0]).toMatchObject({ source: 'reporter' });
      const quiet = await file({ contact: { email: 'quiet@example.ca' } });
      expect((await emailsTo('quiet@example.ca')).map((m) => m.template)).toEqual(['request-received']);
      expect(await listConfirmedSubscribers(t.db, quiet.id)).toEqual([]);

      const { reference } = await file();
      expect((await post(`/api/v1/towns/testville/requests/${reference}/followers`, {})).status).toBe(202);
      expect((await post(`/api/v1/towns/testville/requests/${reference}/followers`, { email: 'too@example.ca', lang: 'en' })).status).toBe(202);
      expect(await emailsTo('too@example.ca')).toHaveLength(1);
      const reqId = (await t.db.selectFrom('requests').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;
      const counts = await followerCounts(t.db, [reqId, id]);
      expect(counts.get(reqId)).toBe(2);
      expect(counts.get(id) ?? 0).toBe(0); // the reporter is not a follower
    });

    it('validates, answers 404 like the tracker for an unknown reference, and limits asks per address', async () => {
      const { reference } = await file();
      const bad = await post(`/api/v1/towns/testville/requests/${reference}/subscriptions`, { email: 'not an email' });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as ErrorBody).error.field).toBe('email');
      const unknown = await post('/api/v1/towns/testville/requests/TST-NOPE/subscriptions', { email: 'x@example.ca' });
      expect(unknown.status).toBe(404);

      const me = { 'x-forwarded-for': '203.0.113.200' };
      for (let i = 0; i < 5; i++) expect((await post(`/api/v1/towns/testville/requests/${reference}/subscriptions`, { email: `n${i}@example.ca` }, me)).status).toBe(202);
      const refused = await post(`/api/v1/towns/testville/requests/${reference}/subscriptions`, { email: 'n6@example.ca' }, me);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    });
  });
}
