// The staff inbox and a request's page, on every dialect (PostgreSQL when TEST_DATABASE_URL is set):
// filters, search, keyset paging with equal timestamps, agent scope, optimistic concurrency (409),
// merge moving subscribers, reopen, audit with before and after.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTownRole } from '../../src/accounts/users-store.ts';
import { insertDepartment } from '../../src/towns/departments-store.ts';
import type { Db, RequestStatus } from '../../src/platform/database/schema.ts';
import { dueDates, townCalendar } from '../../src/requests/service-targets.ts';
import { INBOX_COUNT_CAP } from '../../src/requests/staff-inbox.ts';
import { jsonPost, makeStaff, signIn, type Signed } from '../accounts/helpers.ts';
import { createTestApp, dialects } from '../support/harness.ts';

interface Item { reference: string; status: string; overdue: boolean; ackOverdue: boolean; dueAt: string | null; createdAt: string; priority: string }
interface Page { total: number | null; totalCapped: boolean; items: Item[]; nextCursor: string | null }

let seq = 0;
async function insertRequest(
  db: Db,
  o: { code?: string; status?: RequestStatus; createdAt: string; description?: string; location?: string; department?: string | null; priority?: string; assignee?: string | null },
): Promise<{ id: string; reference: string }> {
  const svc = await db
    .selectFrom('services')
    .select(['id', 'code', 'department_id', 'target_days', 'ack_target_hours'])
    .where('town_id', '=', 'testville')
    .where('code', '=', o.code ?? 'pothole')
    .executeTakeFirstOrThrow();
  const town = await db.selectFrom('towns').select(['timezone', 'settings']).where('id', '=', 'testville').executeTakeFirstOrThrow();
  // What filing does (intake-store.ts): the due dates from the service's targets in working days.
  const due = dueDates(o.createdAt, { targetDays: svc.target_days, ackTargetHours: svc.ack_target_hours }, townCalendar(town.timezone, JSON.parse(town.settings)));
  seq += 1;
  const id = `req-${String(seq).padStart(4, '0')}-${crypto.randomUUID().slice(0, 8)}`;
  const reference = `TST-T${String(seq).padStart(4, '0')}`;
  await db
    .insertInto('requests')
    .values({
      id,
      town_id: 'testville',
      reference,
      service_id: svc.id,
      service_code: svc.code,
      status: o.status ?? 'received',
      priority: o.priority ?? 'normal',
      department_id: o.department === undefined ? svc.department_id : o.department,
      assignee_user_id: o.assignee ?? null,
      location_text: o.location ?? '1 Main St',
      lat: null,
      lng: null,
      description: o.description ?? 'Something to fix',
      channel: 'web',
      answers: '{}',
      idempotency_key: null,
      idempotency_hash: null,
      lang: 'en',
      created_at: o.createdAt,
      updated_at: o.createdAt,
      closed_at: null,
      due_at: due.dueAt,
      ack_due_at: due.ackDueAt,
    })
    .execute();
  return { id, reference };
}

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`staff inbox on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let admin: Signed;
    let agentParks: Signed;
    const refs = { old: '', tree: '', done: '' };
    const ids = { old: '', tree: '' };

    const inbox = async (qs: string, who: Signed = admin): Promise<Page> => {
      const res = await t.app.request(`/api/v1/staff/towns/testville/inbox${qs}`, { headers: { cookie: who.cookie } });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as Page;
    };

    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open() });
      await insertDepartment(t.db, { id: 'parks', townId: 'testville', name: { en: 'Parks', fr: 'Parcs' } });
      await makeStaff(t.db, 'boss@testville.example', { testville: 'admin' });
      const parksId = await makeStaff(t.db, 'parks@testville.example', { testville: 'agent' });
      await setTownRole(t.db, parksId, 'testville', 'agent', ['parks']);
      admin = await signIn(t.app, 'boss@testville.example');
      agentParks = await signIn(t.app, 'parks@testville.example');
      // Only this suite's requests (the test town seeds a couple).
      await t.db.deleteFrom('request_events').where('request_id', 'in', t.db.selectFrom('requests').select('id').where('town_id', '=', 'testville')).execute();
      await t.db.deleteFrom('request_contacts').where('request_id', 'in', t.db.selectFrom('requests').select('id').where('town_id', '=', 'testville')).execute();
      await t.db.deleteFrom('requests').where('town_id', '=', 'testville').execute();
      // 12 requests filed in the same millisecond (keyset ties on id), and a few others.
      const same = '2026-11-01T10:00:00.000Z';
      for (let i = 0; i < 12; i++) await insertRequest(t.db, { createdAt: same, description: `Pothole number ${i}` });
      const old = await insertRequest(t.db, { createdAt: '2020-01-01T00:00:00.000Z', description: 'Ancient crater near the arena', location: 'Rue Saint-Élie' });
      const tree = await insertRequest(t.db, { code: 'tree', createdAt: '2026-11-02T00:00:00.000Z', description: 'Maple fell on the fence', department: 'parks', priority: 'urgent' });
      const done = await insertRequest(t.db, { createdAt: '2026-11-03T00:00:00.000Z', status: 'resolved', description: 'Fixed hole' });
      refs.old = old.reference;
      refs.tree = tree.reference;
      refs.done = done.reference;
      ids.old = old.id;
      ids.tree = tree.id;
    });
    afterAll(async () => t?.cleanup());

    it('pages through equal timestamps with a stable keyset, every request once', async () => {
      const seen: string[] = [];
      let cursor: string | null = '';
      let pages = 0;
      while (cursor !== null) {
        const page = await inbox(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
        expect(page.total).toBe(cursor ? null : 15);
        expect(page.totalCapped).toBe(false);
        seen.push(...page.items.map((i) => i.reference));
        cursor = page.nextCursor;
        pages += 1;
      }
      expect(pages).toBe(4);
      expect(new Set(seen).size).toBe(15);
      expect(seen[0]).toBe(refs.done);
      expect(seen[14]).toBe(refs.old);
      const oldest = await inbox('?sort=oldest&limit=2');
      expect(oldest.items[0]!.reference).toBe(refs.old);
      const second = await inbox(`?sort=oldest&limit=20&cursor=${oldest.nextCursor}`);
      expect([...oldest.items, ...second.items].map((i) => i.reference).sort()).toEqual([...seen].sort());
    });

    it('filters by status, department, service, priority, overdue, date range and search words', async () => {
      expect((await inbox('?status=resolved')).items.map((i) => i.reference)).toEqual([refs.done]);
      expect((await inbox('?status=open')).total).toBe(14);
      expect((await inbox('?status=received,resolved')).total).toBe(15);
      expect((await inbox('?department=parks')).items.map((i) => i.reference)).toEqual([refs.tree]);
      expect((await inbox('?service=tree')).total).toBe(1);
      expect((await inbox('?priority=urgent')).items.map((i) => i.reference)).toEqual([refs.tree]);
      // Everything open was filed before now minus its target: all overdue; the resolved one is not.
      const overdue = await inbox('?overdue=true&limit=200');
      expect(overdue.total).toBe(14);
      expect(overdue.items.every((i) => i.overdue && i.ackOverdue)).toBe(true);
      // Filed Tuesday 31 December 2019 at 19:00 in Toronto, 5 working days: by the end of Tuesday 7 January.
      expect(overdue.items.find((i) => i.reference === refs.old)!.dueAt).toBe('2020-01-08T04:59:59.999Z');
      expect((await inbox('?from=2026-11-02T00:00:00Z&to=2026-11-03T00:00:00Z')).items.map((i) => i.reference)).toEqual([refs.tree]);
      expect((await inbox('?q=crater')).items.map((i) => i.reference)).toEqual([refs.old]);
      expect((await inbox('?q=CRAT')).items.map((i) => i.reference)).toEqual([refs.old]);
      expect((await inbox('?q=maple%20fence')).items.map((i) => i.reference)).toEqual([refs.tree]);
      expect((await inbox(`?q=${refs.tree}`)).items.map((i) => i.reference)).toEqual([refs.tree]);
      expect((await inbox('?q=saint')).items.map((i) => i.reference)).toEqual([refs.old]);
      expect((await inbox('?q=nothing-like-this')).total).toBe(0);
      expect((await inbox('?sort=priority&limit=1')).items[0]!.reference).toBe(refs.tree);
      expect((await inbox('?sort=due&limit=1')).items[0]!.reference).toBe(refs.old);
    });

    it('answers 400 naming the field for a bad status or cursor', async () => {
      const res = await t.app.request('/api/v1/staff/towns/testville/inbox?status=lost', { headers: { cookie: admin.cookie } });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe('status');
      const bad = await t.app.request('/api/v1/staff/towns/testville/inbox?cursor=xyz', { headers: { cookie: admin.cookie } });
      expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('cursor');
    });

    it('keeps an agent to their departments, in the list and on the page', async () => {
      const page = await inbox('?limit=200', agentParks);
      expect(page.items.map((i) => i.reference)).toEqual([refs.tree]);
      const hidden = await t.app.request(`/api/v1/staff/towns/testville/requests/${refs.old}`, { headers: { cookie: agentParks.cookie } });
      expect(hidden.status).toBe(404);
      const mine = await t.app.request(`/api/v1/staff/towns/testville/requests/${refs.tree.toLowerCase()}`, { headers: { cookie: agentParks.cookie } });
      expect(mine.status).toBe(200);
      const assigned = await inbox('?assignee=me', agentParks);
      expect(assigned.total).toBe(0);
    });

    it('changes status with a note; a second change on the same version gets 409 with the current state', async () => {
      const url = `/api/v1/staff/towns/testville/requests/${refs.old}`;
      const before = (await (await t.app.request(url, { headers: { cookie: admin.cookie } })).json()) as { version: number };
      const first = await t.app.request(url, jsonPost({ version: before.version, status: 'acknowledged', priority: 'high', note: { fr: 'Reçu, merci.' } }, admin.write, 'PATCH'));
      expect(first.status, await first.clone().text()).toBe(200);
      const after = (await first.json()) as { version: number; status: string; priority: string; events: { type: string; noteEn: string | null; noteFr: string | null }[] };
      expect(after).toMatchObject({ version: before.version + 1, status: 'acknowledged', priority: 'high' });
      const ev = after.events.find((e) => e.type === 'status_changed')!;
      expect(ev).toMatchObject({ noteEn: null, noteFr: 'Reçu, merci.' });

      const second = await t.app.request(url, jsonPost({ version: before.version, status: 'in_progress' }, admin.write, 'PATCH'));
      expect(second.status).toBe(409);
      const conflict = (await second.json()) as { error: { code: string }; current: { status: string; version: number } };
      expect(conflict.error.code).toBe('conflict');
      expect(conflict.current).toMatchObject({ status: 'acknowledged', version: before.version + 1 });

      const log = await t.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', refs.old).where('action', '=', 'request.updated').execute();
      expect(log).toHaveLength(1);
      const details = JSON.parse(log[0]!.details) as { before: Record<string, unknown>; after: Record<string, unknown> };
      expect(details.before).toMatchObject({ status: 'received', priority: 'normal' });
      expect(details.after).toMatchObject({ status: 'acknowledged', priority: 'high', version: before.version + 1 });
    });

    it('assigns to staff of the town only, changes department, adds notes, and shows the history', async () => {
      const url = `/api/v1/staff/towns/testville/requests/${refs.old}`;
      let cur = (await (await t.app.request(url, { headers: { cookie: admin.cookie } })).json()) as { version: number };
      const stranger = await t.app.request(url, jsonPost({ version: cur.version, assigneeUserId: 'nobody' }, admin.write, 'PATCH'));
      expect(stranger.status).toBe(400);
      expect(((await stranger.json()) as { error: { field: string } }).error.field).toBe('assigneeUserId');
      const res = await t.app.request(url, jsonPost({ version: cur.version, assigneeUserId: admin.userId, departmentId: 'parks' }, admin.write, 'PATCH'));
      expect(res.status, await res.clone().text()).toBe(200);
      cur = (await res.json()) as { version: number };
      expect((await inbox('?assignee=me')).items.map((i) => i.reference)).toEqual([refs.old]);
      expect((await inbox('?assignee=unassigned')).total).toBe(14);
      const pub = await t.app.request(`${url}/notes`, jsonPost({ version: cur.version, visibility: 'public', en: 'Crew booked.' }, admin.write));
      expect(pub.status, await pub.clone().text()).toBe(200);
      cur = (await pub.json()) as { version: number };
      const internal = await t.app.request(`${url}/notes`, jsonPost({ version: cur.version, visibility: 'internal', text: 'Resident is the mayor’s cousin' }, admin.write));
      expect(internal.status).toBe(200);
      const detail = (await internal.json()) as { events: { type: string; visibility: string; note: string | null; actor: { id: string } | null; details: unknown }[]; department: { id: string } };
      expect(detail.department.id).toBe('parks');
      // department_changed and assigned were made in one change (same time): their order is not defined.
      expect(detail.events.map((e) => e.type).sort()).toEqual(['assigned', 'department_changed', 'internal_note', 'public_note', 'status_changed']);
      expect(detail.events.at(-1)!.type).toBe('internal_note');
      expect(detail.events.find((e) => e.type === 'internal_note')).toMatchObject({ visibility: 'internal', note: 'Resident is the mayor’s cousin', actor: { id: admin.userId } });
      expect(detail.events.find((e) => e.type === 'department_changed')).toMatchObject({ visibility: 'public', details: { departmentId: 'parks' } });
      // The public tracker never shows the internal note.
      const tracker = await (await t.app.request(`/api/v1/towns/testville/requests/${refs.old}?lang=fr`)).text();
      expect(tracker).not.toContain('cousin');
      const empty = await t.app.request(`${url}/notes`, jsonPost({ version: 99, visibility: 'public' }, admin.write));
      expect(empty.status).toBe(400);
    });

    it('merges a duplicate: status, merged event, a note on the other, subscribers moved without doubles; then reopens', async () => {
      const dup = await insertRequest(t.db, { createdAt: '2026-11-04T00:00:00.000Z' });
      const target = await insertRequest(t.db, { createdAt: '2026-11-04T00:00:01.000Z' });
      const sub = (requestId: string, email: string, status: 'confirmed' | 'pending' = 'confirmed') =>
        t.db
          .insertInto('request_subscribers')
          .values({ id: crypto.randomUUID(), town_id: 'testville', request_id: requestId, email, lang: 'en', source: 'reporter', status, confirm_token_hash: null, unsubscribe_token_hash: crypto.randomUUID(), created_at: '2026-11-04T00:00:00.000Z', confirmed_at: null, unsubscribed_at: null })
          .execute();
      await sub(dup.id, 'a@example.org');
      await sub(dup.id, 'b@example.org');
      await sub(target.id, 'b@example.org');
      const res = await t.app.request(`/api/v1/staff/towns/testville/requests/${dup.reference}/merge`, jsonPost({ version: 1, intoReference: target.reference.toLowerCase() }, admin.write));
      expect(res.status, await res.clone().text()).toBe(200);
      const merged = (await res.json()) as { status: string; events: { type: string; details: unknown }[] };
      expect(merged.status).toBe('duplicate');
      expect(merged.events.at(-1)).toMatchObject({ type: 'merged', details: { intoReference: target.reference } });
      const subs = await t.db.selectFrom('request_subscribers').select(['request_id', 'email']).where('request_id', 'in', [dup.id, target.id]).orderBy('email').execute();
      expect(subs).toEqual([{ request_id: target.id, email: 'a@example.org' }, { request_id: target.id, email: 'b@example.org' }]);
      const other = (await (await t.app.request(`/api/v1/staff/towns/testville/requests/${target.reference}`, { headers: { cookie: admin.cookie } })).json()) as {
        followers: number; events: { type: string; note: string | null }[];
      };
      // a@ came over from the duplicate and now follows; b@ is the request's own reporter (not a follower).
      expect(other.followers).toBe(1);
      // The inbox row counts followers the same way as the request's page.
      const listed = (await (await t.app.request(`/api/v1/staff/towns/testville/inbox?q=${target.reference}`, { headers: { cookie: admin.cookie } })).json()) as {
        items: { reference: string; followers: number }[];
      };
      expect(listed.items.find((i) => i.reference === target.reference)?.followers).toBe(1);
      expect(other.events.at(-1)!.type).toBe('internal_note');
      expect(other.events.at(-1)!.note).toContain(dup.reference);
      const self = await t.app.request(`/api/v1/staff/towns/testville/requests/${target.reference}/merge`, jsonPost({ version: 2, intoReference: target.reference }, admin.write));
      expect(self.status).toBe(400);

      const reopen = await t.app.request(`/api/v1/staff/towns/testville/requests/${dup.reference}/reopen`, jsonPost({ version: 2, note: { en: 'Not the same hole after all.' } }, admin.write));
      expect(reopen.status, await reopen.clone().text()).toBe(200);
      expect(((await reopen.json()) as { status: string }).status).toBe('in_progress');
      const again = await t.app.request(`/api/v1/staff/towns/testville/requests/${dup.reference}/reopen`, jsonPost({ version: 3, note: { en: 'x' } }, admin.write));
      expect(again.status).toBe(400);
      const audits = await t.db.selectFrom('audit_log').select(['action', 'details']).where('subject_id', '=', dup.reference).orderBy('created_at').execute();
      expect(audits.map((a) => a.action)).toEqual(['request.merged', 'request.reopened']);
      expect(JSON.parse(audits[0]!.details)).toMatchObject({ before: { status: 'received' }, after: { status: 'duplicate', intoReference: target.reference, subscribersMoved: 1 } });
    });

    it('finds words whatever their accents, both ways', async () => {
      const snow = await insertRequest(t.db, { createdAt: '2026-11-04T00:00:00.000Z', description: 'Déneigement oublié devant l’école', location: 'Rue Élise' });
      const plain = await insertRequest(t.db, { createdAt: '2026-11-04T00:01:00.000Z', description: 'Deneigement du trottoir', location: '3 Ecole Rd' });
      const found = async (q: string) => (await inbox(`?q=${encodeURIComponent(q)}`)).items.map((i) => i.reference).sort();
      expect(await found('deneigement')).toEqual([snow.reference, plain.reference].sort());
      expect(await found('déneigement')).toEqual([snow.reference, plain.reference].sort());
      expect(await found('DÉNEIG')).toEqual([snow.reference, plain.reference].sort());
      expect(await found('oublie elise')).toEqual([snow.reference]);
      expect(await found('école')).toEqual([snow.reference, plain.reference].sort());
      await t.db.deleteFrom('requests').where('id', 'in', [snow.id, plain.id]).execute();
    });

    it('counts the first page up to the cap and says when more match', async () => {
      const svc = await t.db.selectFrom('services').select(['id', 'code']).where('town_id', '=', 'testville').where('code', '=', 'pothole').executeTakeFirstOrThrow();
      const rows = Array.from({ length: INBOX_COUNT_CAP + 1 }, (_, i) => ({
        id: `cap-${i}`, town_id: 'testville', reference: `TST-C${i}`, service_id: svc.id, service_code: svc.code, status: 'received' as const, priority: 'normal',
        department_id: null, assignee_user_id: null, location_text: `${i} Bulk St`, lat: null, lng: null, description: 'bulk', channel: 'web' as const,
        answers: '{}', idempotency_key: null, idempotency_hash: null, lang: 'fr' as const, created_at: new Date(Date.UTC(2020, 0, 1) + i * 60_000).toISOString(),
        updated_at: '2020-01-01T00:00:00.000Z', closed_at: null, due_at: '2020-02-01T00:00:00.000Z', ack_due_at: '2020-01-05T00:00:00.000Z',
      }));
      for (let i = 0; i < rows.length; i += 200) await t.db.insertInto('requests').values(rows.slice(i, i + 200)).execute();
      const list = async (qs: string) => {
        const res = await t.app.request(`/api/v1/staff/towns/testville/inbox${qs}`, { headers: { cookie: admin.cookie } });
        expect(res.status).toBe(200);
        return (await res.json()) as Page;
      };
      for (const qs of ['', '?status=open', '?overdue=true', '?q=bulk', '?status=open&sort=due']) {
        const page = await list(qs);
        expect([qs, page.total, page.totalCapped]).toEqual([qs, INBOX_COUNT_CAP, true]);
      }
      expect(await list('?q=bulk&to=2020-01-01T00:10:00Z')).toMatchObject({ total: 10, totalCapped: false });
      const due = await list('?status=open&sort=due&limit=3');
      expect(due.items.map((i) => i.overdue)).toEqual([true, true, true]);
      await t.db.deleteFrom('requests').where('id', 'like', 'cap-%').execute();
    });

    it('refuses changes from a viewer and without CSRF', async () => {
      await makeStaff(t.db, 'viewer@testville.example', { testville: 'viewer' });
      const viewer = await signIn(t.app, 'viewer@testville.example');
      const url = `/api/v1/staff/towns/testville/requests/${refs.tree}`;
      expect((await t.app.request(url, jsonPost({ version: 1, priority: 'low' }, viewer.write, 'PATCH'))).status).toBe(403);
      expect((await t.app.request(url, jsonPost({ version: 1, priority: 'low' }, { cookie: admin.cookie }, 'PATCH'))).status).toBe(403);
      expect((await t.app.request(url, { headers: { cookie: viewer.cookie } })).status).toBe(200);
    });
  });
}
