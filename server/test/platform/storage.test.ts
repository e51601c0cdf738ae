// Migrations and queries on SQLite always, and on PostgreSQL when TEST_DATABASE_URL is set.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedTown } from '../../src/seed/seed.ts';
import { migrateToLatest } from '../../src/platform/database/migrate.ts';
import { addArticleRevision } from '../../src/kb/store.ts';
import { findPublicArticle, listPublicArticles, listPublicCategories, publishLatest } from '../../src/kb/publishing.ts';
import { getPublicRequestStatus } from '../../src/requests/status-store.ts';
import { fileRequest } from '../../src/requests/intake-store.ts';
import { getActiveServiceByCode, listActiveServices } from '../../src/services/store.ts';
import { deleteExpiredSessions, findSession, insertSession } from '../../src/accounts/sessions-store.ts';
import { addPublicNote, changeRequestStatus, listTownRequests } from '../../src/requests/staff-store.ts';
import { getTown, listTowns } from '../../src/towns/store.ts';
import { createUser, findUserByEmail, listTownRoles, setTownRole } from '../../src/accounts/users-store.ts';
import { dialects, TEST_DATABASE_URL, type TestDb } from '../support/harness.ts';
import { testTown } from '../support/test-town.ts';

if (!TEST_DATABASE_URL) console.log('storage suite: PostgreSQL skipped (set TEST_DATABASE_URL to run it)');

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`storage on ${dialect.name}`, () => {
    // Every test gets its own migrated database with the test town seeded: none depends on another's rows.
    let t: TestDb;
    beforeEach(async () => {
      t = await dialect.open();
      await migrateToLatest(t.db);
      await seedTown(t.db, testTown);
    });
    afterEach(async () => {
      await t?.cleanup();
    });

    /** Files the test's own request with a resident's contact details, then resolves it. */
    async function fileResolvedRequest() {
      const town = (await getTown(t.db, 'testville'))!;
      const service = (await getActiveServiceByCode(t.db, 'testville', 'pothole'))!;
      const input = {
        town,
        service,
        description: 'private words',
        location: { text: '5 Private Lane', lat: 45.5, lng: -75.5 },
        contact: { name: 'Pat', email: 'pat@example.com' },
        lang: 'fr' as const,
        channel: 'web' as const,
        idempotencyKey: 'key-123456',
      };
      const [a, b] = await Promise.all([fileRequest(t.db, input), fileRequest(t.db, input)]);
      const filed = await t.db.selectFrom('requests').select('id').where('reference', '=', a.reference).executeTakeFirstOrThrow();
      await changeRequestStatus(t.db, filed.id, 'resolved', { note: { en: 'Fixed' } });
      return { a, b };
    }

    it('migrates once; running again applies nothing', async () => {
      expect(await migrateToLatest(t.db)).toEqual([]);
    });

    it('seeds a town once, with its services, categories and articles', async () => {
      const fresh = await dialect.open();
      try {
        await migrateToLatest(fresh.db);
        expect(await seedTown(fresh.db, testTown)).toBe(true);
        expect(await seedTown(fresh.db, testTown)).toBe(false);
      } finally {
        await fresh.cleanup();
      }
      expect(await seedTown(t.db, testTown)).toBe(false);
      const towns = await listTowns(t.db);
      expect(towns.map((x) => x.id)).toEqual(['testville']);
      const town = await getTown(t.db, 'testville');
      expect(town?.siteOrigins).toEqual(['https://www.testville.example']);
      expect(town?.name.fr).toBe('Ville de Testville');
      const services = await listActiveServices(t.db, 'testville');
      expect(services.map((s) => s.code)).toEqual(['pothole', 'tree']);
      expect(services[1]?.anonymousAllowed).toBe(false);
      expect(services[1]?.questions[0]?.values?.[0]?.key).toBe('yes');
    });

    it('counts published articles per category as numbers', async () => {
      const cats = await listPublicCategories(t.db, 'testville', 'fr');
      expect(cats).toEqual([{ id: 'waste', slug: 'dechets', name: 'Déchets', articleCount: 1, sort: 1 }]);
    });

    it('keeps every revision and serves the published one per language', async () => {
      const rev = await addArticleRevision(
        t.db,
        'green-bin',
        'en',
        { slug: 'green-bin', title: 'Green bin (updated)', summary: 's', bodyMarkdown: 'new body', keywords: [] },
        null,
      );
      expect(rev.number).toBe(2);
      expect((await listPublicArticles(t.db, 'testville', 'en')).map((a) => a.title)).toEqual(['Green bin']);
      await publishLatest(t.db, 'green-bin', null);
      expect((await listPublicArticles(t.db, 'testville', 'en')).map((a) => a.title)).toEqual(['Green bin (updated)']);
      const fr = await findPublicArticle(t.db, 'testville', 'green-bin', 'fr');
      expect(fr.kind === 'found' && fr.article.title).toBe('Bac vert');
      const versions = await t.db.selectFrom('kb_article_versions').select('revision').where('article_id', '=', 'green-bin').execute();
      expect(versions).toHaveLength(3);
    });

    it('files a request once per idempotency key, and the public view holds no personal data', async () => {
      const { a, b } = await fileResolvedRequest();
      expect(a.reference).toBe(b.reference);
      expect([a.replayed, b.replayed].sort()).toEqual([false, true]);
      expect(a.reference).toMatch(/^TST-[2-9A-HJKMNP-Z]{5}-[2-9A-HJKMNP-Z]{5}$/);
      const count = await t.db.selectFrom('requests').select((eb) => eb.fn.countAll().as('n')).where('idempotency_key', '=', 'key-123456').executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(1);

      const pub = await getPublicRequestStatus(t.db, 'testville', a.reference, 'fr');
      expect(pub?.status).toBe('resolved');
      expect(pub?.serviceName).toBe('Nid-de-poule');
      expect(pub?.timeline).toEqual([
        expect.objectContaining({ type: 'created', status: 'received' }),
        expect.objectContaining({ type: 'status_changed', status: 'resolved', note: 'Fixed' }),
      ]);
      const json = JSON.stringify(pub);
      expect(json).not.toContain('pat@example.com');
      expect(json).not.toContain('private words');
      expect(json).not.toContain('Private Lane');
    });

    it('lists requests for staff newest first, with contacts and a numeric total', async () => {
      await fileResolvedRequest();
      const page = await listTownRequests(t.db, 'testville', { page: 1, pageSize: 2 });
      expect(page.total).toBe(3);
      expect(page.requests).toHaveLength(2);
      expect(page.requests[0]!.createdAt >= page.requests[1]!.createdAt).toBe(true);
      const resolved = await listTownRequests(t.db, 'testville', { status: 'resolved', page: 1, pageSize: 50 });
      expect(resolved.total).toBe(1);
      expect(resolved.requests[0]?.contact).toEqual({ name: 'Pat', email: 'pat@example.com', phone: null });
      expect(resolved.requests[0]?.location).toEqual({ text: '5 Private Lane', lat: 45.5, lng: -75.5 });
      const seeded = await listTownRequests(t.db, 'testville', { status: 'in_progress', page: 1, pageSize: 50 });
      expect(seeded.requests[0]?.contact?.email).toBe('resident.one@example.com');
      const received = await listTownRequests(t.db, 'testville', { status: 'received', page: 1, pageSize: 50 });
      expect(received.requests[0]?.contact).toBeNull();
    });

    it('seeds public notes into the public timeline', async () => {
      const seeded = await listTownRequests(t.db, 'testville', { status: 'in_progress', page: 1, pageSize: 50 });
      const pub = await getPublicRequestStatus(t.db, 'testville', seeded.requests[0]!.reference, 'en');
      expect(pub?.timeline.map((e) => e.type)).toEqual(['created', 'status_changed', 'public_note']);
      expect(pub?.timeline[2]?.note).toBe('Crew scheduled for Tuesday.');
      expect(pub?.timeline[2]?.noteLang).toBe('en');
    });

    it('gives a public note in the asked language, else in the other one, saying which', async () => {
      const seeded = await listTownRequests(t.db, 'testville', { status: 'in_progress', page: 1, pageSize: 50 });
      const ref = seeded.requests[0]!.reference;
      const fr = await getPublicRequestStatus(t.db, 'testville', ref, 'fr');
      expect(fr?.timeline[2]).toMatchObject({ noteLang: 'fr' });
      expect(fr?.timeline[2]?.note).not.toBe('Crew scheduled for Tuesday.');
      const requestId = (await t.db.selectFrom('requests').select('id').where('reference', '=', ref).executeTakeFirstOrThrow()).id;
      await addPublicNote(t.db, requestId, { en: 'Parts ordered.' }, { at: '2999-01-01T00:00:00.000Z' });
      const later = await getPublicRequestStatus(t.db, 'testville', ref, 'fr');
      expect(later?.timeline.at(-1)).toMatchObject({ note: 'Parts ordered.', noteLang: 'en' });
    });

    it('stores users with lower-case emails, roles and sessions', async () => {
      const id = await createUser(t.db, { email: 'Clerk@Testville.Example', name: 'Clerk', passwordHash: 'x' });
      expect((await findUserByEmail(t.db, 'CLERK@testville.example'))?.id).toBe(id);
      await setTownRole(t.db, id, 'testville', 'viewer');
      await setTownRole(t.db, id, 'testville', 'agent');
      expect(await listTownRoles(t.db, id)).toEqual([{ id: 'testville', role: 'agent' }]);
      const now = new Date();
      await insertSession(t.db, { id: 'sess-1', userId: id, csrfToken: 'c', createdAt: now.toISOString(), expiresAt: new Date(now.getTime() - 1000).toISOString() });
      expect((await findSession(t.db, 'sess-1'))?.user.email).toBe('clerk@testville.example');
      expect(await deleteExpiredSessions(t.db, now.toISOString())).toBe(1);
      expect(await findSession(t.db, 'sess-1')).toBeUndefined();
    });
  });
}
