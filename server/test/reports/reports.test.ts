// Reports on every dialect: counts, medians, share within target, "did we fix it?" answers, agent
// scope, and the CSV (BOM, CRLF, formula cells neutralised). Also the service targets and templates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setTownRole } from '../../src/accounts/users-store.ts';
import { median } from '../../src/reports/store.ts';
import { recomputeDueDates } from '../../src/requests/service-targets.ts';
import { insertDepartment } from '../../src/towns/departments-store.ts';
import type { Db, RequestStatus } from '../../src/platform/database/schema.ts';
import { jsonPost, makeStaff, signIn, type Signed } from '../accounts/helpers.ts';
import { createTestApp, dialects } from '../support/harness.ts';

let seq = 0;
async function file(db: Db, o: { code?: string; createdAt: string; status?: RequestStatus; closedAt?: string | null; ackAt?: string; channel?: 'web' | 'phone'; department?: string; description?: string }) {
  const svc = await db.selectFrom('services').select(['id', 'code', 'department_id']).where('town_id', '=', 'testville').where('code', '=', o.code ?? 'pothole').executeTakeFirstOrThrow();
  seq += 1;
  const id = `rep-${seq}`;
  await db
    .insertInto('requests')
    .values({
      id, town_id: 'testville', reference: `TST-R${seq}`, service_id: svc.id, service_code: svc.code, status: o.status ?? 'received', priority: 'normal',
      department_id: o.department ?? svc.department_id, assignee_user_id: null, location_text: '1 Main St', lat: null, lng: null,
      description: o.description ?? 'x', channel: o.channel ?? 'web', answers: '{}', idempotency_key: null, idempotency_hash: null, lang: 'en',
      created_at: o.createdAt, updated_at: o.createdAt, closed_at: o.closedAt ?? null,
    })
    .execute();
  if (o.ackAt) {
    await db.insertInto('request_events').values({ id: `${id}-ack`, request_id: id, type: 'status_changed', status: 'acknowledged', note: null, note_en: null, note_fr: null, visibility: 'public', actor_user_id: null, created_at: o.ackAt, details: null }).execute();
  }
  return id;
}

describe('median', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`reports on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let admin: Signed;
    let agent: Signed;
    let first = '';
    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open() });
      await insertDepartment(t.db, { id: 'parks', townId: 'testville', name: { en: 'Parks', fr: 'Parcs' } });
      await makeStaff(t.db, 'boss@testville.example', { testville: 'admin' });
      const a = await makeStaff(t.db, 'parks@testville.example', { testville: 'agent' });
      await setTownRole(t.db, a, 'testville', 'agent', ['parks']);
      admin = await signIn(t.app, 'boss@testville.example');
      agent = await signIn(t.app, 'parks@testville.example');
      // pothole target: 5 days. Acknowledged after 2, 4 and 10 hours; closed after 1 day (within), 10 days (late).
      first = await file(t.db, { createdAt: '2025-01-10T00:00:00.000Z', ackAt: '2025-01-10T02:00:00.000Z', status: 'resolved', closedAt: '2025-01-11T00:00:00.000Z' });
      await file(t.db, { createdAt: '2025-01-12T00:00:00.000Z', ackAt: '2025-01-12T04:00:00.000Z', status: 'closed', closedAt: '2025-01-22T00:00:00.000Z', channel: 'phone' });
      await file(t.db, { createdAt: '2025-02-01T00:00:00.000Z', ackAt: '2025-02-01T10:00:00.000Z', status: 'in_progress' });
      const fixed = await file(t.db, { code: 'tree', createdAt: '2025-03-01T00:00:00.000Z', department: 'parks', description: '=HYPERLINK("http://evil")' });
      await file(t.db, { createdAt: '2025-05-01T00:00:00.000Z' }); // outside Q1
      // Rows written directly: due dates as filing sets them (working days, service-targets.ts).
      await recomputeDueDates(t.db, 'testville');
      for (const [n, f] of [[1, 1], [2, 1], [3, 0]] as const) {
        await t.db.insertInto('request_fix_answers').values({ id: `fix-${n}`, town_id: 'testville', request_id: fixed, fixed: f, created_at: '2025-03-02T00:00:00.000Z' }).execute();
      }
    });
    afterAll(async () => t?.cleanup());

    const report = async (qs: string, who = admin) => {
      const res = await t.app.request(`/api/v1/staff/towns/testville/reports${qs}`, { headers: { cookie: who.cookie } });
      expect(res.status, await res.clone().text()).toBe(200);
      return (await res.json()) as Record<string, unknown> & { byDepartment: { key: string; count: number }[]; byStatus: { key: string; count: number }[] };
    };

    it('counts, medians, share within target and fix answers for a quarter', async () => {
      const r = await report('?from=2025-01-01&to=2025-04-01');
      expect(r.total).toBe(4);
      expect(r.byDepartment).toEqual([
        { key: 'public-works', name: { en: 'Public Works', fr: 'Travaux publics' }, count: 3 },
        { key: 'parks', name: { en: 'Parks', fr: 'Parcs' }, count: 1 },
      ]);
      expect(r.byChannel).toEqual([{ key: 'web', name: null, count: 3 }, { key: 'phone', name: null, count: 1 }]);
      expect(r.byStatus.find((s) => s.key === 'resolved')!.count).toBe(1);
      expect(r.medianHoursToAcknowledge).toBe(4);
      expect(r.medianHoursToClose).toBe(132); // (24 + 240) / 2
      expect(r).toMatchObject({ closedWithTarget: 2, closedWithinTarget: 1, shareClosedWithinTarget: 0.5, fixAnswers: { yes: 2, no: 1 } });
    });

    it('keeps an agent to their departments, and refuses a period that ends before it starts', async () => {
      const r = await report('?from=2025-01-01&to=2025-04-01', agent);
      expect(r.total).toBe(1);
      const bad = await t.app.request('/api/v1/staff/towns/testville/reports?from=2025-04-01&to=2025-01-01', { headers: { cookie: admin.cookie } });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { field: string } }).error.field).toBe('to');
      const junk = await t.app.request('/api/v1/staff/towns/testville/reports?from=soon', { headers: { cookie: admin.cookie } });
      expect(junk.status).toBe(400);
    });

    it('exports CSV with a BOM, CRLF and neutralised formula cells', async () => {
      await t.db.updateTable('departments').set({ name_en: '=cmd|calc' }).where('id', '=', 'parks').execute();
      const res = await t.app.request('/api/v1/staff/towns/testville/reports/export?from=2025-01-01&to=2025-04-01', { headers: { cookie: admin.cookie } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/csv');
      const bytes = new Uint8Array(await res.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes.slice(3));
      expect(text.split('\r\n')[0]).toBe('section,key,name_en,name_fr,value');
      expect(text).not.toMatch(/[^\r]\n/);
      expect(text).toContain("department,parks,'=cmd|calc,Parcs,1");
      expect(text).toContain('time,median_hours_to_close,,,132');
    });

    it('lets an admin change targets (due dates follow) and keep response templates; an agent only reads', async () => {
      const put = await t.app.request('/api/v1/staff/towns/testville/service-targets/pothole', jsonPost({ ackTargetHours: 24, targetDays: 30 }, admin.write, 'PUT'));
      expect(put.status, await put.clone().text()).toBe(200);
      const due = await t.db.selectFrom('requests').select(['due_at', 'ack_due_at']).where('id', '=', first).executeTakeFirstOrThrow();
      // Filed Thursday 9 January 2025 at 19:00 in Toronto: 30 working days → Thursday 20 February (end
      // of day); 24 working hours → Friday 10 January at 19:00.
      expect(due).toEqual({ due_at: '2025-02-21T04:59:59.999Z', ack_due_at: '2025-01-11T00:00:00.000Z' });
      const list = (await (await t.app.request('/api/v1/staff/towns/testville/service-targets', { headers: { cookie: agent.cookie } })).json()) as { services: { code: string; targetDays: number }[] };
      expect(list.services.find((s) => s.code === 'pothole')!.targetDays).toBe(30);
      expect((await t.app.request('/api/v1/staff/towns/testville/service-targets/pothole', jsonPost({ ackTargetHours: 1, targetDays: 1 }, agent.write, 'PUT'))).status).toBe(403);
      const audits = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'service.targets_changed').execute();
      expect(JSON.parse(audits[0]!.details)).toMatchObject({ before: { ackTargetHours: 48, targetDays: 5 }, after: { ackTargetHours: 24, targetDays: 30 } });

      const created = await t.app.request('/api/v1/staff/towns/testville/response-templates', jsonPost({ serviceCode: 'pothole', name: 'Crew booked', textEn: 'A crew is booked.', textFr: 'Une équipe est prévue.' }, admin.write));
      expect(created.status, await created.clone().text()).toBe(201);
      await t.app.request('/api/v1/staff/towns/testville/response-templates', jsonPost({ serviceCode: null, name: 'Thanks', textEn: 'Thank you.', textFr: null }, admin.write));
      const forTree = (await (await t.app.request('/api/v1/staff/towns/testville/response-templates?service=tree', { headers: { cookie: agent.cookie } })).json()) as { templates: { name: string }[] };
      expect(forTree.templates.map((x) => x.name)).toEqual(['Thanks']);
      const forPothole = (await (await t.app.request('/api/v1/staff/towns/testville/response-templates?service=pothole', { headers: { cookie: agent.cookie } })).json()) as { templates: { name: string; id: string }[] };
      expect(forPothole.templates.map((x) => x.name)).toEqual(['Crew booked', 'Thanks']);
      const crewId = forPothole.templates[0]!.id;
      const edit = (b: unknown, s = admin) => t.app.request(`/api/v1/staff/towns/testville/response-templates/${crewId}`, jsonPost(b, s.write, 'PUT'));
      const edited = await edit({ serviceCode: 'pothole', name: 'Crew booked this week', textEn: 'A crew is booked this week.', textFr: null });
      expect(edited.status, await edited.clone().text()).toBe(200);
      expect(await edited.json()).toEqual({ id: crewId, serviceCode: 'pothole', name: 'Crew booked this week', textEn: 'A crew is booked this week.', textFr: null });
      expect((await edit({ serviceCode: 'pothole', name: 'x', textEn: 'y', textFr: null }, agent)).status).toBe(403);
      const badService = await edit({ serviceCode: 'nope', name: 'x', textEn: 'y', textFr: null });
      expect(badService.status).toBe(400);
      expect(((await badService.json()) as { error: { field: string } }).error.field).toBe('serviceCode');
      expect((await t.app.request('/api/v1/staff/towns/testville/response-templates/missing', jsonPost({ serviceCode: null, name: 'x', textEn: 'y', textFr: null }, admin.write, 'PUT'))).status).toBe(404);
      const changedAudit = await t.db.selectFrom('audit_log').select('details').where('action', '=', 'response_template.changed').executeTakeFirstOrThrow();
      expect(JSON.parse(changedAudit.details)).toMatchObject({ before: { name: 'Crew booked', textFr: 'Une équipe est prévue.' }, after: { name: 'Crew booked this week', textFr: null } });
      const del = await t.app.request(`/api/v1/staff/towns/testville/response-templates/${crewId}`, { method: 'DELETE', headers: admin.write });
      expect(del.status).toBe(204);
      const empty = await t.app.request('/api/v1/staff/towns/testville/response-templates', jsonPost({ serviceCode: null, name: 'Empty', textEn: null, textFr: null }, admin.write));
      expect(empty.status).toBe(400);
    });
  });
}
