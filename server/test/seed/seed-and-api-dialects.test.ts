// The real demo seed, and the main API paths, on every dialect (PostgreSQL when TEST_DATABASE_URL is set).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoTown } from '../../src/seed/seed.ts';
import { demoTown } from '../../src/seed/demo-town.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { listPublicArticles, listPublicCategories } from '../../src/kb/publishing.ts';
import { listTownRequests } from '../../src/requests/staff-store.ts';
import { listActiveServices } from '../../src/services/store.ts';
import { ADMIN, createTestApp, dialects, type TestDb } from '../support/harness.ts';

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`demo seed on ${dialect.name}`, () => {
    let t: TestDb;
    beforeAll(async () => {
      t = await dialect.open();
      await migrateToLatest(t.db);
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('seeds the whole demo town once', async () => {
      expect(await seedDemoTown(t.db)).toBe(true);
      expect(await seedDemoTown(t.db)).toBe(false);
      const id = demoTown.town.id;
      expect((await listActiveServices(t.db, id)).length).toBe(demoTown.services.length);
      const publicArticles = demoTown.articles.filter((a) => a.visibility !== 'internal');
      expect(publicArticles.length).toBeLessThan(demoTown.articles.length);
      expect((await listPublicArticles(t.db, id, 'fr')).length).toBe(publicArticles.filter((a) => a.fr).length);
      const cats = await listPublicCategories(t.db, id, 'en');
      expect(cats.reduce((n, c) => n + c.articleCount, 0)).toBe(publicArticles.filter((a) => a.en).length);
      expect((await listTownRequests(t.db, id, { page: 1, pageSize: 200 })).total).toBe(demoTown.requests.length);
    });
  });

  describe.skipIf(dialect.skip)(`API on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open() });
    });
    afterAll(async () => {
      await t?.cleanup();
    });

    it('files a request, replays it, looks it up, and lists it for staff', async () => {
      const key = crypto.randomUUID();
      const init = {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ serviceCode: 'pothole', description: 'On both dialects', location: { text: 'Here' } }),
      };
      const first = await t.app.request('/api/v1/towns/testville/requests', init);
      expect(first.status).toBe(201);
      const { reference } = (await first.json()) as { reference: string };
      const again = await t.app.request('/api/v1/towns/testville/requests', init);
      expect(again.status).toBe(200);
      expect(((await again.json()) as { reference: string }).reference).toBe(reference);
      expect((await t.app.request(`/api/v1/towns/testville/requests/${reference}`)).status).toBe(200);

      const login = await t.app.request('/api/v1/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      const list = await t.app.request('/api/v1/staff/towns/testville/requests', { headers: { cookie } });
      const body = (await list.json()) as { total: number; requests: { reference: string }[] };
      expect(body.total).toBe(3);
      expect(body.requests[0]?.reference).toBe(reference);
      const kb = (await (await t.app.request('/api/v1/towns/testville/kb/categories')).json()) as {
        categories: { articleCount: number }[];
      };
      expect(kb.categories[0]?.articleCount).toBe(1);
    });
  });
}
