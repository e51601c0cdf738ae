// Routing rules: the matching (no database), then rules in the database deciding real filings and
// leaving an internal `routed` event, on SQLite and (with TEST_DATABASE_URL) PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser, findUserByEmail, listTownRoles, setTownRole } from '../../src/accounts/users-store.ts';
import { insertDepartment, listDepartments } from '../../src/towns/departments-store.ts';
import { listActiveServices } from '../../src/services/store.ts';
import { decideRouting, distanceMetres, foldText, matchRule, type RoutingRule } from '../../src/requests/routing.ts';
import {
  deleteRoutingRule,
  insertRoutingRule,
  listRoutingRules,
  prepareRoutingRule,
} from '../../src/requests/routing-store.ts';
import { createTestApp, dialects } from '../support/harness.ts';

const rule = (over: Partial<RoutingRule>): RoutingRule => ({
  id: 'r',
  townId: 'testville',
  position: 1,
  name: 'rule',
  enabled: true,
  serviceCodes: [],
  words: [],
  addressContains: null,
  near: null,
  priority: 'high',
  departmentId: null,
  assigneeUserId: null,
  ...over,
});
const req = (over: Partial<Parameters<typeof matchRule>[1]> = {}) => ({
  serviceCode: 'tree',
  description: 'A tree fell',
  locationText: '12 Main Street',
  lat: null,
  lng: null,
  ...over,
});

describe('routing rules (matching)', () => {
  it('folds case, accents, ligatures and punctuation', () => {
    expect(foldText('Éclairage  CASSÉ—rue de l’Œuvre')).toBe('eclairage casse rue de l oeuvre');
  });

  it('matches words as whole words in English or French, ignoring case and accents; * matches any ending', () => {
    const words = rule({ words: ['arbre', 'tree', 'éclairage', 'nid de poule', 'tomb*'] });
    expect(matchRule(words, req({ description: 'Un ARBRE est tombé' }))).toEqual(['word:arbre']);
    expect(matchRule(words, req({ description: 'Eclairage en panne' }))).toEqual(['word:éclairage']);
    expect(matchRule(words, req({ description: 'Gros nid-de-poule' }))).toEqual(['word:nid de poule']);
    expect(matchRule(words, req({ description: "L'arbre du parc" }))).toEqual(['word:arbre']);
    expect(matchRule(words, req({ description: 'Branches tombées partout' }))).toEqual(['word:tomb*']);
    expect(matchRule(words, req({ description: 'Street light out' }))).toBeUndefined(); // "tree" is not in "street"
  });

  it('needs every condition of a rule: services, words, address and distance', () => {
    const r = rule({ serviceCodes: ['tree', 'pothole'], words: ['road'], addressContains: 'main st' });
    expect(matchRule(r, req({ description: 'Tree across the road', locationText: '12 MAIN ST.' }))).toEqual(['service:tree', 'word:road', 'address:main st']);
    expect(matchRule(r, req({ description: 'Tree across the road', locationText: 'Lake Road' }))).toBeUndefined();
    expect(matchRule(r, req({ serviceCode: 'graffiti', description: 'road', locationText: 'Main St' }))).toBeUndefined();

    const near = rule({ near: { lat: 45.0, lng: -75.0, metres: 200 } });
    expect(matchRule(near, req({ lat: 45.001, lng: -75.0 }))).toEqual(['near:111m']);
    expect(matchRule(near, req({ lat: 45.01, lng: -75.0 }))).toBeUndefined();
    expect(matchRule(near, req())).toBeUndefined(); // no coordinates: not near anything
    expect(Math.round(distanceMetres({ lat: 45, lng: -75 }, { lat: 46, lng: -75 }) / 1000)).toBe(111);
  });

  it('takes the first enabled matching rule by position, over the defaults; no match keeps the defaults', () => {
    const rules = [
      rule({ id: 'c', position: 3, words: ['tree'], priority: 'low' }),
      rule({ id: 'a', position: 1, words: ['tree'], priority: 'urgent', enabled: false }),
      rule({ id: 'b', position: 2, serviceCodes: ['tree'], priority: null, assigneeUserId: 'u1' }),
    ];
    const d = decideRouting(rules, req(), { departmentId: 'public-works' });
    expect(d).toMatchObject({ priority: 'normal', departmentId: 'public-works', assigneeUserId: 'u1', matched: ['service:tree'] });
    expect(d.rule?.id).toBe('b');
    expect(decideRouting(rules, req({ serviceCode: 'pothole', description: 'hole' }), { departmentId: 'roads' })).toEqual({
      priority: 'normal',
      departmentId: 'roads',
      assigneeUserId: null,
      rule: null,
      matched: [],
    });
  });
});

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`routing rules on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let clerkId: string;
    let n = 0;
    const file = async (body: Record<string, unknown>) => {
      const res = await t.app.request('/api/v1/towns/testville/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${++n}` },
        body: JSON.stringify({ serviceCode: 'pothole', description: 'A hole', location: { text: '1 Lake Road' }, lang: 'en', ...body }),
      });
      expect(res.status).toBe(201);
      const { reference } = (await res.json()) as { reference: string };
      const row = await t.db
        .selectFrom('requests')
        .select(['id', 'reference', 'priority', 'department_id', 'assignee_user_id'])
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow();
      const events = await t.db
        .selectFrom('request_events')
        .select(['type', 'visibility', 'note', 'details'])
        .where('request_id', '=', row.id)
        .orderBy('created_at')
        .execute();
      return { row, events };
    };
    const lookups = (db: typeof t.db) => ({
      serviceCodes: async (townId: string) => (await listActiveServices(db, townId)).map((s) => s.code),
      departmentIds: async (townId: string) => (await listDepartments(db, townId)).map((d) => d.id),
      townUserId: async (townId: string, email: string) => {
        const u = await findUserByEmail(db, email);
        return u && (await listTownRoles(db, u.id)).some((r) => r.id === townId) ? u.id : undefined;
      },
    });

    beforeEach(async () => {
      t = await createTestApp({ db: await dialect.open(), config: { TRUST_PROXY: '1' } });
      await insertDepartment(t.db, { id: 'parks', townId: 'testville', name: { en: 'Parks', fr: 'Parcs' } });
      clerkId = await createUser(t.db, { email: 'forester@testville.example', name: 'Forester', passwordHash: 'x' });
      await setTownRole(t.db, clerkId, 'testville', 'agent');
    });
    afterEach(async () => {
      await t?.cleanup();
    });

    it('without rules: the service department, normal priority, and a routed event saying no rule matched', async () => {
      const { row, events } = await file({});
      expect(row).toMatchObject({ priority: 'normal', department_id: 'public-works', assignee_user_id: null });
      expect(events.map((e) => [e.type, e.visibility])).toEqual([['created', 'public'], ['routed', 'internal']]);
      expect(events[1]!.note).toBeNull();
      expect(JSON.parse(events[1]!.details!)).toMatchObject({ ruleId: null, priority: 'normal', departmentId: 'public-works' });
    });

    it('applies the first matching rule, records it on the timeline as internal, and keeps it out of the public status', async () => {
      const prep = await prepareRoutingRule(
        t.db,
        'testville',
        { name: 'Arbres sur la route', serviceCodes: ['tree'], words: ['route', 'road'], priority: 'urgent', departmentId: 'parks', assigneeEmail: 'forester@testville.example' },
        lookups(t.db),
      );
      expect(prep.ok).toBe(true);
      if (!prep.ok) return;
      const urgent = await insertRoutingRule(t.db, prep.rule);
      await insertRoutingRule(t.db, { townId: 'testville', name: 'Every tree to parks', serviceCodes: ['tree'], departmentId: 'parks', priority: 'low' });

      const tree = { serviceCode: 'tree', contact: { email: 'a@example.com' }, answers: { blocking: 'yes' } };
      const onRoad = await file({ ...tree, description: 'Un arbre bloque la ROUTE' });
      expect(onRoad.row).toMatchObject({ priority: 'urgent', department_id: 'parks', assignee_user_id: clerkId });
      const routed = onRoad.events.find((e) => e.type === 'routed')!;
      expect(routed).toMatchObject({ visibility: 'internal', note: '#1 Arbres sur la route' });
      expect(JSON.parse(routed.details!)).toEqual({
        ruleId: urgent.id,
        rulePosition: 1,
        ruleName: 'Arbres sur la route',
        matched: ['service:tree', 'word:route'],
        priority: 'urgent',
        departmentId: 'parks',
        assigneeUserId: clerkId,
      });

      const inPark = await file({ ...tree, description: 'Fallen in the park' });
      expect(inPark.row).toMatchObject({ priority: 'low', department_id: 'parks', assignee_user_id: null });
      expect(inPark.events.find((e) => e.type === 'routed')!.note).toBe('#2 Every tree to parks');

      const pothole = await file({ description: 'A hole in the road' });
      expect(pothole.row).toMatchObject({ priority: 'normal', department_id: 'public-works' });

      const status = await t.app.request(`/api/v1/towns/testville/requests/${onRoad.row.reference}`);
      const text = await status.text();
      expect(text).not.toContain('routed');
      expect(text).not.toContain('Arbres sur la route');
      expect(text).not.toContain(clerkId);
    });

    it('routes by address text and by distance from a point', async () => {
      await insertRoutingRule(t.db, { townId: 'testville', name: 'Near the school', position: 1, near: { lat: 45.5, lng: -75.5, metres: 300 }, priority: 'high' });
      await insertRoutingRule(t.db, { townId: 'testville', name: 'Highway', position: 2, addressContains: 'Highway 7', priority: 'urgent' });
      const near = await file({ location: { text: '', lat: 45.501, lng: -75.5 } });
      expect(near.row.priority).toBe('high');
      expect(near.events.find((e) => e.type === 'routed')!.note).toBe('#1 Near the school');
      const far = await file({ location: { text: 'km 12, highway 7 east', lat: 45.6, lng: -75.5 } });
      expect(far.row.priority).toBe('urgent');
      const list = await listRoutingRules(t.db, 'testville');
      expect(list.map((r) => [r.position, r.name])).toEqual([
        [1, 'Near the school'],
        [2, 'Highway'],
      ]);
    });

    it('closes the gap when a rule is removed', async () => {
      for (const name of ['Near the school', 'Highway', 'Arbres sur la route', 'Every tree to parks']) {
        await insertRoutingRule(t.db, { townId: 'testville', name, priority: 'high' });
      }
      const before = await listRoutingRules(t.db, 'testville');
      const removed = await t.db.transaction().execute((trx) => deleteRoutingRule(trx, 'testville', before[1]!.id));
      expect(removed?.name).toBe('Highway');
      expect(await deleteRoutingRule(t.db, 'testville', 'no-such-rule')).toBeUndefined();
      expect((await listRoutingRules(t.db, 'testville')).map((r) => [r.position, r.name])).toEqual([
        [1, 'Near the school'],
        [2, 'Arbres sur la route'],
        [3, 'Every tree to parks'],
      ]);
    });

    it('refuses rules that name unknown services, departments or staff, or set nothing', async () => {
      const check = (spec: Parameters<typeof prepareRoutingRule>[2]) => prepareRoutingRule(t.db, 'testville', spec, lookups(t.db));
      expect(await check({ name: 'x', serviceCodes: ['dragons'], priority: 'high' })).toMatchObject({ ok: false, error: expect.stringMatching(/dragons/) });
      expect(await check({ name: 'x', departmentId: 'nowhere' })).toMatchObject({ ok: false, error: expect.stringMatching(/nowhere/) });
      expect(await check({ name: 'x', assigneeEmail: 'stranger@example.com' })).toMatchObject({ ok: false });
      expect(await check({ name: 'x', priority: 'whenever' })).toMatchObject({ ok: false, error: expect.stringMatching(/priority/) });
      expect(await check({ name: 'x', words: ['tree'] })).toMatchObject({ ok: false, error: expect.stringMatching(/must set something/) });
      expect(await check({ name: 'x', near: { lat: 95, lng: 0, metres: 10 }, priority: 'high' })).toMatchObject({ ok: false });
      expect(await check({ name: '  ', priority: 'high' })).toMatchObject({ ok: false });
    });
  });
}
