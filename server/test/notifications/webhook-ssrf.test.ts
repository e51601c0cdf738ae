// Webhooks cannot reach the server's own network (SSRF): internal addresses are refused when a webhook
// is made (422 naming the url) and again at each delivery, on the address DNS gives then, which is the
// one connected to (no second lookup to rebind). WEBHOOK_ALLOW_PRIVATE lets tests and on-premise towns
// post to private addresses. On SQLite, and on PostgreSQL when TEST_DATABASE_URL is set.
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressProblem, checkWebhookUrl, webhookUrlProblem, type Resolve } from '../../src/notifications/webhook-target.ts';
import { createWebhook, enqueueWebhookPing, listDeliveries, WEBHOOK_KIND, webhookHandler } from '../../src/notifications/webhooks.ts';
import { getJob } from '../../src/platform/jobs/outbox.ts';
import { createWorker } from '../../src/platform/jobs/worker.ts';
import { loadConfig } from '../../src/platform/config.ts';
import { jsonPost, signIn, type Signed } from '../accounts/helpers.ts';
import { ADMIN, createTestApp, dialects } from '../support/harness.ts';
import { startReceiver } from './support.ts';

const strict = { allowPrivate: false };
const onPremise = { allowPrivate: true };

describe('which addresses a webhook may reach', () => {
  const internal = [
    '127.0.0.1',
    '127.8.9.10',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '169.254.169.254',
    '169.254.10.1',
    '100.64.0.1',
    '100.127.255.254',
    '0.0.0.0',
    '::1',
    '::',
    'fd12:3456::1',
    'fc00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:a00:1', // ::ffff:10.0.0.1
    '::ffff:169.254.169.254',
    '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
    '2002:c0a8:0101::1', // 6to4 of 192.168.1.1
    'fd00:ec2::254',
    '224.0.0.1',
    '255.255.255.255',
  ];
  const external = ['93.184.216.34', '8.8.8.8', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'];

  it('refuses internal addresses and accepts public ones', () => {
    for (const a of internal) expect(addressProblem(a, strict), a).toBe('internal_address');
    for (const a of external) expect(addressProblem(a, strict), a).toBeNull();
  });

  it('with WEBHOOK_ALLOW_PRIVATE, allows private and loopback but never metadata, unspecified or multicast', () => {
    for (const a of ['127.0.0.1', '10.1.2.3', '192.168.1.10', '100.64.0.1', '::1', 'fd12:3456::1', '::ffff:127.0.0.1']) expect(addressProblem(a, onPremise), a).toBeNull();
    for (const a of ['169.254.169.254', '::ffff:169.254.169.254', '0.0.0.0', '::', 'fd00:ec2::254', '224.0.0.1']) expect(addressProblem(a, onPremise), a).toBe('internal_address');
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE: '1' }).webhookAllowPrivate).toBe(true);
    expect(loadConfig({}).webhookAllowPrivate).toBe(false);
  });

  it('checks the scheme, credentials, IP literals in any spelling and localhost names', () => {
    expect(webhookUrlProblem('not a url', strict)).toBe('not_a_url');
    expect(webhookUrlProblem('ftp://wo.example/hook', strict)).toBe('scheme');
    expect(webhookUrlProblem('file:///etc/passwd', onPremise)).toBe('scheme');
    expect(webhookUrlProblem('gopher://wo.example/', strict)).toBe('scheme');
    expect(webhookUrlProblem('http://wo.example/hook', strict)).toBe('not_https');
    expect(webhookUrlProblem('http://wo.example/hook', onPremise)).toBeNull();
    expect(webhookUrlProblem('https://user:pass@wo.example/hook', strict)).toBe('credentials');
    expect(webhookUrlProblem('https://token@wo.example/hook', onPremise)).toBe('credentials');
    for (const u of ['https://127.0.0.1/', 'https://2130706433/', 'https://0x7f.1/', 'https://[::1]/', 'https://[::ffff:7f00:1]/', 'https://169.254.169.254/latest/meta-data', 'https://localhost/', 'https://api.localhost./x']) {
      expect(webhookUrlProblem(u, strict), u).toBe('internal_address');
    }
    expect(webhookUrlProblem('https://wo.example/hook', strict)).toBeNull();
  });

  it('refuses a name whose DNS answer holds any internal address; a name that does not resolve is left to delivery', async () => {
    const dns = (table: Record<string, string[]>): Resolve => async (host) => {
      const list = table[host];
      if (!list) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      return list.map((address): LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 }));
    };
    const resolve = dns({ 'public.example': ['93.184.216.34'], 'inside.example': ['10.0.0.7'], 'mixed.example': ['93.184.216.34', '127.0.0.1'], 'v6.example': ['fd00::5'] });
    expect(await checkWebhookUrl('https://public.example/hook', strict, resolve)).toBeNull();
    expect(await checkWebhookUrl('https://inside.example/hook', strict, resolve)).toBe('internal_address');
    expect(await checkWebhookUrl('https://mixed.example/hook', strict, resolve)).toBe('internal_address');
    expect(await checkWebhookUrl('https://v6.example/hook', strict, resolve)).toBe('internal_address');
    expect(await checkWebhookUrl('https://inside.example/hook', onPremise, resolve)).toBeNull();
    expect(await checkWebhookUrl('https://unknown.example/hook', strict, resolve)).toBeNull();
  });
});

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`webhook targets on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let admin: Signed;

    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open() }); // WEBHOOK_ALLOW_PRIVATE unset: the default
      admin = await signIn(t.app, ADMIN.email, ADMIN.password);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('refuses to make a webhook to an internal address: 422 naming the url, in the staff member’s language, nothing stored', async () => {
      for (const url of ['https://127.0.0.1:8443/hook', 'https://169.254.169.254/latest/meta-data/', 'https://[fd00::1]/h', 'https://[::ffff:10.0.0.1]/h', 'https://100.64.0.9/h', 'https://localhost/h', 'http://wo.example/hook', 'https://u:p@wo.example/hook', 'ftp://wo.example/hook']) {
        const res = await t.app.request('/api/v1/staff/towns/testville/webhooks', jsonPost({ url, events: ['request.received'] }, admin.write));
        expect(res.status, url).toBe(422);
        const body = (await res.json()) as { error: { code: string; field: string; fields: { field: string; message: string }[] } };
        expect(body.error).toMatchObject({ code: 'validation_failed', field: 'url' });
      }
      const fr = await t.app.request('/api/v1/staff/towns/testville/webhooks?lang=fr', jsonPost({ url: 'https://10.0.0.1/h', events: ['request.received'] }, admin.write));
      expect(((await fr.json()) as { error: { fields: { message: string }[] } }).error.fields[0]!.message).toContain('réseau interne');
      expect(await t.db.selectFrom('webhooks').selectAll().execute()).toEqual([]);
      const ok = await t.app.request('/api/v1/staff/towns/testville/webhooks', jsonPost({ url: 'https://wo.example/hook', events: ['request.received'] }, admin.write));
      expect(ok.status).toBe(201);
      await t.db.deleteFrom('webhooks').execute();
    });

    it('checks again at delivery, on the address DNS gives then, and connects to that address only', async () => {
      const receiver = await startReceiver();
      try {
        const port = new URL(receiver.url).port;
        // Rows that passed an earlier check (made before it existed, or DNS changed since).
        const literal = (await createWebhook(t.db, 'testville', receiver.url.replace('http:', 'https:'), ['request.received'])).webhook;
        const rebound = (await createWebhook(t.db, 'testville', `https://hooks.town.example:${port}/in`, ['request.received'])).webhook;
        // A rebinding name: public when the webhook is made, loopback when it is delivered.
        let lookups = 0;
        const rebinding: Resolve = async () => (++lookups === 1 ? [{ address: '93.184.216.34', family: 4 }] : [{ address: '127.0.0.1', family: 4 }]);
        expect(await checkWebhookUrl(rebound.url, strict, rebinding)).toBeNull();

        const strictWorker = createWorker({ db: t.db, handlers: { [WEBHOOK_KIND]: webhookHandler({ timeoutMs: 3000, allowPrivate: false, resolve: rebinding }) } });
        const jobs = [await enqueueWebhookPing(t.db, literal), await enqueueWebhookPing(t.db, rebound)];
        while ((await strictWorker.runOnce()) > 0);
        expect(receiver.received).toEqual([]);
        expect(lookups).toBe(2); // one lookup for the delivery, and its answer was refused
        for (const id of jobs) expect((await getJob(t.db, id))?.failedAt).toBeTruthy(); // a ping has one attempt
        expect((await listDeliveries(t.db, literal.id))[0]).toMatchObject({ statusCode: null, error: 'refused: internal address' });
        expect((await listDeliveries(t.db, rebound.id))[0]).toMatchObject({ statusCode: null, error: 'refused: hooks.town.example resolves to an internal address' });

        // On premise (WEBHOOK_ALLOW_PRIVATE): the name is resolved once, by our lookup, and the socket
        // connects to exactly that answer (the system resolver does not know this name at all).
        let onPremLookups = 0;
        const townDns: Resolve = async (host) => {
          onPremLookups++;
          expect(host).toBe('hooks.town.example');
          return [{ address: '127.0.0.1', family: 4 }];
        };
        const named = (await createWebhook(t.db, 'testville', `http://hooks.town.example:${port}/in`, ['request.received'])).webhook;
        const onPremWorker = createWorker({ db: t.db, handlers: { [WEBHOOK_KIND]: webhookHandler({ timeoutMs: 3000, allowPrivate: true, resolve: townDns }) } });
        await enqueueWebhookPing(t.db, named);
        while ((await onPremWorker.runOnce()) > 0);
        expect(onPremLookups).toBe(1);
        expect(receiver.received).toHaveLength(1);
        expect(receiver.received[0]!.headers.host).toBe(`hooks.town.example:${port}`);
        expect((await listDeliveries(t.db, named.id))[0]).toMatchObject({ statusCode: 200, error: null });
      } finally {
        await receiver.close();
        await t.db.deleteFrom('webhooks').execute();
      }
    });
  });
}
