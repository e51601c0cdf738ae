// Notifications end to end inside the server: a request's changes reach its confirmed subscribers at a
// real SMTP server (smtp-server, parsed by mailparser) in their language with a one-click unsubscribe,
// and the town's webhooks at a real HTTP receiver, signed; internal notes reach nobody. On SQLite, and
// on PostgreSQL when TEST_DATABASE_URL is set.
import { createHmac } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ParsedMail } from 'mailparser';
import { NOTIFICATION_TEMPLATES_DIR, notifyRequestChange } from '../../src/notifications/request-changes.ts';
import { sha256Hex } from '../../src/notifications/tokens.ts';
import { WEBHOOK_KIND, webhookHandler } from '../../src/notifications/webhooks.ts';
import { EMAIL_KIND, emailHandler, renderEmailTemplate, smtpSender } from '../../src/platform/jobs/email.ts';
import { getJob } from '../../src/platform/jobs/outbox.ts';
import { createWorker, type Worker } from '../../src/platform/jobs/worker.ts';
import type { RequestEventType } from '../../src/platform/database/schema.ts';
import { addInternalNote, addPublicNote, changeRequestStatus } from '../../src/requests/staff-store.ts';
import { updateTown } from '../../src/towns/store.ts';
import { jsonPost, signIn, type Signed } from '../accounts/helpers.ts';
import { ADMIN, createTestApp, dialects } from '../support/harness.ts';
import { addSubscriber, startReceiver, startSmtp, type TestSmtp } from './support.ts';

const SECRET_NOTE = 'INTERNAL: resident is the councillor’s cousin, key code 4711';

let address = 0;
const filing = (over: Record<string, unknown> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-forwarded-for': `198.51.100.${++address % 250}` },
  body: JSON.stringify({
    serviceCode: 'pothole',
    description: 'A deep pothole by the school.',
    location: { text: '1 Lake Road', lat: 45.1, lng: -75.2 },
    contact: { name: 'Sam Resident', email: 'sam.resident@example.com', phone: '613-555-0123' },
    lang: 'en',
    ...over,
  }),
});

const allText = (m: ParsedMail) => `${m.subject}\n${m.text}\n${typeof m.html === 'string' ? m.html : ''}\n${JSON.stringify([...m.headers])}`;

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`notifications on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let smtp: TestSmtp;
    let worker: Worker;
    let admin: Signed;

    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open(), config: { TRUST_PROXY: '1', WEBHOOK_ALLOW_PRIVATE: '1' } });
      smtp = await startSmtp();
      const sender = smtpSender(smtp.url, 'Town of Testville <no-reply@testville.example>');
      worker = createWorker({ db: t.db, handlers: { [EMAIL_KIND]: emailHandler(sender), [WEBHOOK_KIND]: webhookHandler({ timeoutMs: 3000, allowPrivate: true }) } });
      admin = await signIn(t.app, ADMIN.email, ADMIN.password);
    });
    afterAll(async () => {
      await smtp?.close();
      await t?.cleanup();
    });
    beforeEach(async () => {
      // Each test starts with an empty mailbox and no webhooks; jobs of earlier tests are done.
      await drain();
      smtp.mails.length = 0;
      await t.db.deleteFrom('webhooks').execute();
    });

    async function drainWith(w: Worker, now: Date) {
      while ((await w.runOnce(now)) > 0);
    }

    /** Runs every due job (a failing one stays for later). */
    async function drain(now?: Date) {
      while ((await worker.runOnce(now)) > 0);
    }

    async function file(over: Record<string, unknown> = {}): Promise<{ id: string; reference: string }> {
      const res = await t.app.request('/api/v1/towns/testville/requests', filing(over));
      expect(res.status).toBe(201);
      const { reference } = (await res.json()) as { reference: string };
      const row = await t.db.selectFrom('requests').select('id').where('reference', '=', reference).executeTakeFirstOrThrow();
      return { id: row.id, reference };
    }

    async function lastEventId(requestId: string, type: RequestEventType): Promise<string> {
      const r = await t.db.selectFrom('request_events').select('id').where('request_id', '=', requestId).where('type', '=', type).orderBy('created_at', 'desc').executeTakeFirstOrThrow();
      return r.id;
    }

    /** A staff status change as the inbox makes it: event and notification in one transaction. */
    async function changeStatus(requestId: string, status: 'in_progress' | 'resolved' | 'acknowledged', note?: { en?: string; fr?: string }) {
      await t.db.transaction().execute(async (trx) => {
        await changeRequestStatus(trx, requestId, status, { note });
        const ev = await trx.selectFrom('request_events').select('id').where('request_id', '=', requestId).where('type', '=', 'status_changed').orderBy('created_at', 'desc').executeTakeFirstOrThrow();
        await notifyRequestChange(trx, { kind: 'status_changed', townId: 'testville', requestId, eventId: ev.id, status });
      });
    }

    async function webhook(url: string, events: string[]): Promise<{ id: string; secret: string }> {
      const res = await t.app.request('/api/v1/staff/towns/testville/webhooks', jsonPost({ url, events }, admin.write));
      expect(res.status).toBe(201);
      return (await res.json()) as { id: string; secret: string };
    }

    it('acknowledges a filing to the reporter in their language, with the tracker link, in text and HTML', async () => {
      const en = await file();
      const fr = await file({ lang: 'fr', contact: { email: 'camille@example.com' } });
      await drain();
      expect(smtp.mails).toHaveLength(2);
      const toEn = smtp.mails.find((m) => m.subject?.includes(en.reference))!;
      expect(toEn.subject).toBe(`We received your request ${en.reference}`);
      expect(toEn.from?.text).toContain('no-reply@testville.example');
      // The Message-ID comes from the outbox job, the same on every attempt of it.
      const ackJob = (await t.db.selectFrom('jobs').select(['id', 'payload']).where('kind', '=', 'email').execute()).find((j) => j.payload.includes(en.reference))!;
      expect(toEn.messageId).toBe(`<job-${ackJob.id}@testville.example>`);
      expect(toEn.text).toContain(`http://127.0.0.1:8787/track.html?ref=${en.reference}`);
      expect(toEn.html).toContain(`<a href="http://127.0.0.1:8787/track.html?ref=${en.reference}">`);
      const toFr = smtp.mails.find((m) => m.subject?.includes(fr.reference))!;
      expect(toFr.subject).toBe(`Nous avons reçu votre demande ${fr.reference}`);
      expect((toFr.to as { text: string }).text).toBe('camille@example.com');
      expect(toFr.html).toContain('lang="fr"');

      // The town's own tracker page, when set.
      await updateTown(t.db, 'testville', { settings: { trackerUrl: 'https://www.testville.example/services/track?x=1' } });
      const third = await file({ contact: { phone: '613-555-0100' } }); // no email: nobody to tell
      const fourth = await file();
      await drain();
      await updateTown(t.db, 'testville', { settings: { trackerUrl: null } });
      expect(smtp.mails.filter((m) => m.subject?.includes(third.reference))).toEqual([]);
      expect(smtp.mails.find((m) => m.subject?.includes(fourth.reference))?.text).toContain(`https://www.testville.example/services/track?x=1&ref=${fourth.reference}`);
    });

    it('sends a reporter who ticked "email me" one email: the acknowledgement with the confirm link, which starts the updates', async () => {
      const key = crypto.randomUUID();
      const res = await t.app.request('/api/v1/towns/testville/requests', {
        ...filing({ lang: 'fr', contact: { email: 'Reporter@Example.ca' }, subscribe: true }),
        headers: { ...filing().headers, 'idempotency-key': key },
      });
      expect(res.status).toBe(201);
      const { reference } = (await res.json()) as { reference: string };
      // The same filing sent again (a retry) files nothing and sends nothing more.
      const replay = await t.app.request('/api/v1/towns/testville/requests', {
        ...filing({ lang: 'fr', contact: { email: 'Reporter@Example.ca' }, subscribe: true }),
        headers: { ...filing().headers, 'idempotency-key': key },
      });
      expect(replay.status).toBe(200);
      await drain();
      expect(smtp.mails).toHaveLength(1);
      const m = smtp.mails[0]!;
      expect((m.to as { text: string }).text.toLowerCase()).toBe('reporter@example.ca');
      expect(m.subject).toBe(`Nous avons reçu votre demande ${reference} : confirmez votre courriel`);
      expect(m.text).toContain(`track.html?ref=${reference}`);
      const confirm = /http:\/\/127\.0\.0\.1:8787(\/r\/confirm\?t=[A-Za-z0-9_%-]+)/.exec(m.text ?? '')![1]!;
      expect(m.html).toContain(`href="http://127.0.0.1:8787${confirm}"`);
      const id = (await t.db.selectFrom('requests').select('id').where('reference', '=', reference).executeTakeFirstOrThrow()).id;

      // Not confirmed yet: a change reaches nobody.
      await changeStatus(id, 'acknowledged');
      await drain();
      expect(smtp.mails).toHaveLength(1);
      const page = await t.app.request(confirm);
      expect(await page.text()).toContain('Vous recevrez les avis par courriel');
      await changeStatus(id, 'in_progress');
      await drain();
      expect(smtp.mails).toHaveLength(2);
      expect(smtp.mails[1]!.subject).toBe(`Demande ${reference} : En cours`);
      expect((smtp.mails[1]!.to as { text: string }).text).toBe('reporter@example.ca');

      // Without the box ticked, or without an email, no subscription.
      const quiet = await file({ contact: { email: 'quiet@example.ca' } });
      const noEmail = await file({ contact: { phone: '613-555-0100' }, subscribe: true });
      const subs = await t.db.selectFrom('request_subscribers').select('request_id').where('request_id', 'in', [quiet.id, noEmail.id]).execute();
      expect(subs).toEqual([]);
    });

    it('retries an email the SMTP server refused, with back-off, and sends it once with the same Message-ID', async () => {
      const busy = await startSmtp({ refuseFirst: 2 });
      try {
        const sender = smtpSender(busy.url, 'Town of Testville <no-reply@testville.example>');
        const w = createWorker({ db: t.db, handlers: { [EMAIL_KIND]: emailHandler(sender) } });
        const r = await file();
        while ((await w.runOnce()) > 0);
        const job = (await t.db.selectFrom('jobs').select(['id', 'payload']).where('kind', '=', 'email').execute()).find((j) => j.payload.includes(r.reference))!;
        let j = (await getJob(t.db, job.id))!;
        expect(j).toMatchObject({ attempts: 1, doneAt: null, failedAt: null });
        expect(j.lastError).toContain('Mailbox busy');
        const firstDelay = Date.parse(j.runAt) - Date.now();
        expect(firstDelay).toBeGreaterThan(20_000); // 30 s back-off
        await drainWith(w, new Date(Date.parse(j.runAt) + 1));
        j = (await getJob(t.db, job.id))!;
        expect(j).toMatchObject({ attempts: 2, doneAt: null });
        expect(Date.parse(j.runAt) - Date.now()).toBeGreaterThan(firstDelay); // longer
        await drainWith(w, new Date(Date.parse(j.runAt) + 1));
        j = (await getJob(t.db, job.id))!;
        expect(j.doneAt).toBeTruthy();
        expect(busy.mails).toHaveLength(1);
        expect(busy.mails[0]!.messageId).toBe(`<job-${job.id}@testville.example>`);
        sender.close();
      } finally {
        await busy.close();
      }
    });

    it('tells a confirmed subscriber of a status change, once, in their language, with one-click unsubscribe; nobody else', async () => {
      const r = await file({ contact: { phone: '613-555-0100' } });
      const confirmed = await addSubscriber(t.db, { townId: 'testville', requestId: r.id, email: 'fan@example.com', lang: 'fr', status: 'confirmed' });
      await addSubscriber(t.db, { townId: 'testville', requestId: r.id, email: 'pending@example.com', lang: 'en', status: 'pending' });
      await addSubscriber(t.db, { townId: 'testville', requestId: r.id, email: 'gone@example.com', lang: 'en', status: 'unsubscribed' });
      await changeStatus(r.id, 'in_progress');
      await drain();
      expect(smtp.mails).toHaveLength(1);
      const m = smtp.mails[0]!;
      expect((m.to as { text: string }).text).toBe('fan@example.com');
      expect(m.subject).toBe(`Demande ${r.reference} : En cours`);
      expect(m.text).toContain('est maintenant : En cours.');
      const link = `http://127.0.0.1:8787/r/unsubscribe?t=${confirmed.unsubscribeToken}`;
      expect(m.text).toContain(link);
      expect(m.html).toContain(`href="${link}"`);
      const header = (key: string) => m.headerLines.find((h) => h.key === key)?.line.replace(/\r\n[ \t]+/g, ' ');
      expect(header('list-unsubscribe')).toBe(`List-Unsubscribe: <${link}>`);
      expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
      // The token in the link is the one whose SHA-256 the subscriptions table keeps.
      const row = await t.db.selectFrom('request_subscribers').select('unsubscribe_token_hash').where('id', '=', confirmed.id).executeTakeFirstOrThrow();
      expect(sha256Hex(confirmed.unsubscribeToken)).toBe(row.unsubscribe_token_hash);
    });

    it('sends a public note in the subscriber’s language, else the other one saying so', async () => {
      const r = await file({ contact: { phone: '613-555-0100' } });
      await addSubscriber(t.db, { townId: 'testville', requestId: r.id, email: 'en@example.com', lang: 'en', status: 'confirmed' });
      await addSubscriber(t.db, { townId: 'testville', requestId: r.id, email: 'fr@example.com', lang: 'fr', status: 'confirmed' });
      await t.db.transaction().execute(async (trx) => {
        await addPublicNote(trx, r.id, { en: 'Crews fill potholes on Lake Road on Tuesday.' });
        const ev = await trx.selectFrom('request_events').select('id').where('request_id', '=', r.id).where('type', '=', 'public_note').executeTakeFirstOrThrow();
        await notifyRequestChange(trx, { kind: 'public_note', townId: 'testville', requestId: r.id, eventId: ev.id });
      });
      await drain();
      const en = smtp.mails.find((m) => (m.to as { text: string }).text === 'en@example.com')!;
      const fr = smtp.mails.find((m) => (m.to as { text: string }).text === 'fr@example.com')!;
      expect(en.text).toContain('Crews fill potholes on Lake Road on Tuesday.');
      expect(en.text).not.toContain('French only');
      expect(fr.subject).toBe(`Demande ${r.reference} : un message de Ville de Testville`);
      expect(fr.text).toContain('Crews fill potholes on Lake Road on Tuesday.');
      expect(fr.text).toContain('Cette note a été rédigée en anglais seulement.');
    });

    it('never sends an internal note: nothing queued, its text in no email and no webhook payload', async () => {
      const receiver = await startReceiver();
      try {
        await webhook(receiver.url, ['request.received', 'request.status_changed', 'request.public_note', 'request.merged']);
        const r = await file();
        await addSubscriber(t.db, { townId: 'testville', requestId: r.id, email: 'fan@example.com', lang: 'en', status: 'confirmed' });
        const before = await t.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        await addInternalNote(t.db, r.id, SECRET_NOTE);
        // Even a caller that wrongly names the internal note as a public one queues nothing.
        await notifyRequestChange(t.db, { kind: 'public_note', townId: 'testville', requestId: r.id, eventId: await lastEventId(r.id, 'internal_note') });
        const after = await t.db.selectFrom('jobs').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
        expect(Number(after.n) - Number(before.n)).toBe(1); // only the webhook's request.public_note, with no note in it
        await changeStatus(r.id, 'resolved', { en: 'Filled.' });
        await drain();
        expect(smtp.mails.length).toBeGreaterThanOrEqual(2);
        expect(receiver.received.length).toBeGreaterThanOrEqual(3);
        for (const m of smtp.mails) expect(allText(m)).not.toContain('key code 4711');
        for (const h of receiver.received) expect(h.body).not.toContain('key code 4711');
        const jobs = await t.db.selectFrom('jobs').select('payload').execute();
        for (const j of jobs) expect(j.payload).not.toContain('key code 4711');
      } finally {
        await receiver.close();
      }
    });

    it('asks "did we fix it?" on resolution and records one answer per link', async () => {
      const r = await file({ contact: { phone: '613-555-0100' } });
      await addSubscriber(t.db, { townId: 'testville', requestId: r.id, email: 'fan@example.com', lang: 'fr', status: 'confirmed' });
      await changeStatus(r.id, 'resolved', { fr: 'Le nid-de-poule est bouché.' });
      await drain();
      expect(smtp.mails).toHaveLength(1);
      const m = smtp.mails[0]!;
      expect(m.text).toContain('Le nid-de-poule est bouché.');
      const yes = /Oui : (\S+)/.exec(m.text ?? '')![1]!;
      const no = /Non : (\S+)/.exec(m.text ?? '')![1]!;
      expect(yes).toMatch(/^http:\/\/127\.0\.0\.1:8787\/r\/fixed\?t=[^&]+&answer=yes&lang=fr$/);
      const path = (u: string) => u.slice('http://127.0.0.1:8787'.length);

      const first = await t.app.request(path(no));
      expect(first.status).toBe(200);
      const page = await first.text();
      expect(page).toContain('<html lang="fr">');
      expect(page).toContain('Merci de nous l’avoir indiqué');
      expect(first.headers.get('content-security-policy')).toContain("script-src 'self'");
      const again = await t.app.request(path(yes));
      expect(again.status).toBe(200);
      expect(await again.text()).toContain('Nous avons déjà votre réponse');
      const rows = await t.db.selectFrom('request_fix_answers').selectAll().where('request_id', '=', r.id).execute();
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({ fixed: 0, town_id: 'testville' });

      const forged = path(no).replace(/t=([^.]+)\.([^.]+)\.([0-9a-f]{4})/, 't=$1.$2.0000');
      expect((await t.app.request(forged)).status).toBe(400);
      expect((await t.app.request('/r/fixed?t=nothing&answer=maybe')).status).toBe(400);
      expect(await t.db.selectFrom('request_fix_answers').selectAll().where('request_id', '=', r.id).execute()).toHaveLength(1);
    });

    it('tells subscribers and webhooks when staff pass a request to another department', async () => {
      const receiver = await startReceiver();
      try {
        await t.db
          .insertInto('departments')
          .values({ id: 'roads', town_id: 'testville', name_en: 'Roads', name_fr: 'Voirie', email: null, created_at: new Date().toISOString() })
          .onConflict((oc) => oc.column('id').doNothing())
          .execute();
        await webhook(receiver.url, ['request.department_changed']);
        const r = await file({ contact: { phone: '613-555-0100' } });
        const en = await addSubscriber(t.db, { townId: 'testville', requestId: r.id, email: 'en@example.com', lang: 'en', status: 'confirmed' });
        await addSubscriber(t.db, { townId: 'testville', requestId: r.id, email: 'fr@example.com', lang: 'fr', status: 'confirmed' });
        const url = `/api/v1/staff/towns/testville/requests/${r.reference}`;
        const { version } = (await (await t.app.request(url, { headers: { cookie: admin.cookie } })).json()) as { version: number };
        const res = await t.app.request(url, jsonPost({ version, departmentId: 'roads' }, admin.write, 'PATCH'));
        expect(res.status).toBe(200);
        await drain();
        expect(smtp.mails).toHaveLength(2);
        const toEn = smtp.mails.find((m) => (m.to as { text: string }).text === 'en@example.com')!;
        const toFr = smtp.mails.find((m) => (m.to as { text: string }).text === 'fr@example.com')!;
        expect(toEn.subject).toBe(`Request ${r.reference}: passed to Roads`);
        expect(toEn.text).toContain('was passed to the department that will handle it: Roads.');
        expect(toEn.text).toContain(`http://127.0.0.1:8787/r/unsubscribe?t=${en.unsubscribeToken}`);
        expect(toEn.html).toContain(`href="http://127.0.0.1:8787/track.html?ref=${r.reference}"`);
        expect(toFr.subject).toBe(`Demande ${r.reference} : transmise à Voirie`);
        expect(toFr.html).toContain('au service qui s’en occupera : Voirie.');
        expect(receiver.received.map((h) => h.headers['munikit-event'])).toEqual(['request.department_changed']);
        expect(JSON.parse(receiver.received[0]!.body)).toMatchObject({ type: 'request.department_changed', request: { reference: r.reference, department: 'roads' } });

        // A change that leaves the department as it is tells nobody.
        const again = (await (await t.app.request(url, { headers: { cookie: admin.cookie } })).json()) as { version: number };
        expect((await t.app.request(url, jsonPost({ version: again.version, departmentId: 'roads', priority: 'high' }, admin.write, 'PATCH'))).status).toBe(200);
        await drain();
        expect(smtp.mails).toHaveLength(2);
        expect(receiver.received).toHaveLength(1);
      } finally {
        await receiver.close();
      }
    });

    it('has every notification email in English and French, text and HTML, with every placeholder filled', () => {
      const dir = NOTIFICATION_TEMPLATES_DIR;
      const files = readdirSync(dir);
      const names = [...new Set(files.filter((f) => f.endsWith('.txt')).map((f) => f.replace(/\.(en|fr)\.txt$/, '')))];
      expect(names).toContain('request-department-changed');
      const vars = new Proxy({} as Record<string, string>, { get: (_, k) => `[${String(k)}]` });
      for (const n of names) {
        for (const lang of ['en', 'fr'] as const) {
          expect(files, `${n}.${lang}`).toContain(`${n}.${lang}.txt`);
          const m = renderEmailTemplate(dir, n, lang, vars);
          expect(m.text, n).not.toMatch(/\{\{/);
          expect(m.html, `${n}.${lang}.html`).toContain(`lang="${lang}"`);
        }
      }
    });

    it('tells subscribers of a merged request where it went', async () => {
      const into = await file({ contact: { phone: '613-555-0100' } });
      const dup = await file({ contact: { phone: '613-555-0100' } });
      await addSubscriber(t.db, { townId: 'testville', requestId: dup.id, email: 'fan@example.com', lang: 'en', status: 'confirmed' });
      await notifyRequestChange(t.db, { kind: 'merged', townId: 'testville', requestId: dup.id, intoRequestId: into.id });
      await drain();
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]!.subject).toBe(`Request ${dup.reference} was merged into ${into.reference}`);
      expect(smtp.mails[0]!.text).toContain(`track.html?ref=${into.reference}`);
    });

    it('posts a signed payload without personal data to a webhook receiver', async () => {
      const receiver = await startReceiver();
      try {
        const hook = await webhook(receiver.url, ['request.status_changed']);
        expect(hook.secret).toMatch(/^whsec_/);
        const r = await file();
        await changeStatus(r.id, 'acknowledged');
        await drain();
        expect(receiver.received).toHaveLength(1); // request.received was not asked for
        const got = receiver.received[0]!;
        expect(got.headers['munikit-event']).toBe('request.status_changed');
        const sig = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(got.headers['munikit-signature']))!;
        expect(Math.abs(Number(sig[1]) - Date.now() / 1000)).toBeLessThan(60);
        expect(createHmac('sha256', hook.secret).update(`${sig[1]}.${got.body}`).digest('hex')).toBe(sig[2]);
        const body = JSON.parse(got.body) as Record<string, unknown>;
        expect(got.headers['munikit-delivery']).toBe(body['id']);
        expect(body).toMatchObject({
          type: 'request.status_changed',
          town: 'testville',
          request: { reference: r.reference, serviceCode: 'pothole', status: 'acknowledged', lat: 45.1, lng: -75.2, locationText: '1 Lake Road' },
        });
        for (const personal of ['sam.resident', 'Sam Resident', '555-0123', 'deep pothole']) expect(got.body).not.toContain(personal);

        const log = await t.app.request(`/api/v1/staff/towns/testville/webhooks/${hook.id}/deliveries`, { headers: { cookie: admin.cookie } });
        expect(((await log.json()) as { deliveries: unknown[] }).deliveries).toMatchObject([{ event: 'request.status_changed', statusCode: 200, error: null, attempt: 1 }]);
      } finally {
        await receiver.close();
      }
    });

    it('retries a failing receiver with back-off and logs every attempt', async () => {
      const receiver = await startReceiver([500, 503, 204]);
      try {
        const hook = await webhook(receiver.url, ['request.received']);
        await file();
        await drain();
        expect(receiver.received).toHaveLength(1);
        const job = (await t.db.selectFrom('jobs').select('id').where('kind', '=', 'webhook').orderBy('created_at', 'desc').executeTakeFirstOrThrow()).id;
        let j = (await getJob(t.db, job))!;
        expect(j).toMatchObject({ attempts: 1, lastError: 'webhook HTTP 500', doneAt: null, failedAt: null });
        await drain(new Date(Date.parse(j.runAt) + 1));
        j = (await getJob(t.db, job))!;
        expect(j).toMatchObject({ attempts: 2, lastError: 'webhook HTTP 503' });
        await drain(new Date(Date.parse(j.runAt) + 1));
        j = (await getJob(t.db, job))!;
        expect(j.doneAt).toBeTruthy();
        expect(receiver.received).toHaveLength(3);
        // Every attempt carries the same delivery id, so a receiver can drop repeats.
        expect(new Set(receiver.received.map((r) => r.headers['munikit-delivery'])).size).toBe(1);
        const log = await t.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', hook.id).orderBy('attempt').execute();
        expect(log.map((d) => [d.attempt, d.status_code, d.error])).toEqual([
          [1, 500, 'HTTP 500'],
          [2, 503, 'HTTP 503'],
          [3, 204, null],
        ]);
      } finally {
        await receiver.close();
      }
    });

    it('manages webhooks for admins only: http(s) only, disable, ping, delete, all audited', async () => {
      const bad = await t.app.request('/api/v1/staff/towns/testville/webhooks', jsonPost({ url: 'ftp://example.com/hook', events: ['request.received'] }, admin.write));
      expect(bad.status).toBe(422);
      expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('url');
      const noEvents = await t.app.request('/api/v1/staff/towns/testville/webhooks', jsonPost({ url: 'https://wo.example/hook', events: [] }, admin.write));
      expect(noEvents.status).toBe(400);

      const receiver = await startReceiver();
      try {
        const hook = await webhook(receiver.url, ['request.received']);
        const list = await t.app.request('/api/v1/staff/towns/testville/webhooks', { headers: { cookie: admin.cookie } });
        const listed = await list.text();
        expect(listed).not.toContain(hook.secret);
        expect(JSON.parse(listed)).toMatchObject({ webhooks: [{ id: hook.id, url: receiver.url, active: true, events: ['request.received'] }] });

        const off = await t.app.request(`/api/v1/staff/towns/testville/webhooks/${hook.id}`, jsonPost({ active: false }, admin.write, 'PATCH'));
        expect(off.status).toBe(200);
        await file();
        await drain();
        expect(receiver.received).toHaveLength(0); // disabled: nothing queued

        const ping = await t.app.request(`/api/v1/staff/towns/testville/webhooks/${hook.id}/ping`, { method: 'POST', headers: admin.write });
        expect(ping.status).toBe(202);
        await drain();
        expect(receiver.received.map((r) => r.headers['munikit-event'])).toEqual(['ping']);

        const del = await t.app.request(`/api/v1/staff/towns/testville/webhooks/${hook.id}`, { method: 'DELETE', headers: admin.write });
        expect(del.status).toBe(204);
        expect((await t.app.request(`/api/v1/staff/towns/testville/webhooks/${hook.id}`, { method: 'DELETE', headers: admin.write })).status).toBe(404);
        const actions = (await t.db.selectFrom('audit_log').select('action').where('action', 'like', 'webhook.%').where('subject_id', '=', hook.id).execute()).map((r) => r.action);
        expect(actions.sort()).toEqual(['webhook.created', 'webhook.deleted', 'webhook.disabled', 'webhook.pinged']);
      } finally {
        await receiver.close();
      }
    });
  });
}

