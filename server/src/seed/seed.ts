// Turns seed data (demo-town.ts and its content/ files, in the shapes of seed-types.ts) into rows, through the same storage
// functions the API uses, in one transaction. Seeding a town that already exists does nothing.
import type { Db } from '../platform/database/schema.ts';
import { insertDepartment } from '../towns/departments-store.ts';
import { insertArticle, insertCategory } from '../kb/store.ts';
import { publishLatest } from '../kb/publishing.ts';
import { insertRequest } from '../requests/intake-store.ts';
import { insertService } from '../services/store.ts';
import { addPublicNote, changeRequestStatus } from '../requests/staff-store.ts';
import { getTown, insertTown } from '../towns/store.ts';
import type { SeedArticleVersion, SeedData } from './seed-types.ts';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Inserts a town and its content; returns false (and changes nothing) when the town already exists. */
export async function seedTown(db: Db, data: SeedData, now: Date = new Date()): Promise<boolean> {
  if (await getTown(db, data.town.id)) return false;
  await db.transaction().execute(async (trx) => {
    const t = data.town;
    await insertTown(trx, {
      id: t.id,
      name: t.name,
      defaultLanguage: t.defaultLanguage,
      siteOrigins: t.siteOrigins,
      referencePrefix: t.referencePrefix,
      timezone: t.timezone,
      settings: { contact: t.contact },
    });
    for (const d of data.departments) {
      await insertDepartment(trx, { id: d.id, townId: t.id, name: d.name, email: d.email });
    }
    const serviceIds = new Map<string, { id: string; code: string; departmentId: string | null; targetDays: number | null; ackTargetHours: number | null }>();
    for (const [i, s] of data.services.entries()) {
      const id = await insertService(trx, {
        townId: t.id,
        code: s.code,
        name: s.name,
        description: s.description,
        group: s.group,
        keywords: s.keywords,
        departmentId: s.departmentId,
        questions: s.questions,
        targetDays: s.targetDays,
        anonymousAllowed: s.anonymousAllowed,
        sort: i,
      });
      serviceIds.set(s.code, { id, code: s.code, departmentId: s.departmentId, targetDays: s.targetDays, ackTargetHours: 48 });
    }
    for (const c of data.categories) {
      await insertCategory(trx, { id: c.id, townId: t.id, slug: c.slug, name: c.name, sort: c.order });
    }
    for (const a of data.articles) {
      const text = (v: SeedArticleVersion | undefined) =>
        v ? { slug: v.slug, title: v.title, summary: v.summary, bodyMarkdown: v.body, keywords: v.keywords } : undefined;
      const id = await insertArticle(trx, {
        id: a.id,
        townId: t.id,
        slug: (a.en ?? a.fr)!.slug,
        categoryId: a.categoryId,
        status: 'published',
        visibility: a.visibility ?? 'public',
        serviceCodes: a.serviceCodes ?? [],
        texts: { en: text(a.en), fr: text(a.fr) },
      });
      await publishLatest(trx, id, null, now.toISOString());
    }
    // Oldest first, so reference numbers follow filing order.
    const requests = [...data.requests].sort((a, b) => b.daysAgo - a.daysAgo);
    for (const r of requests) {
      const service = serviceIds.get(r.serviceCode);
      if (!service) throw new Error(`seed request names unknown service ${r.serviceCode}`);
      const filedAt = now.getTime() - r.daysAgo * DAY_MS;
      const filed = await insertRequest(trx, {
        town: { id: t.id, referencePrefix: t.referencePrefix, timezone: t.timezone, settings: { contact: t.contact } },
        service,
        description: r.description,
        location: { text: r.locationText, lat: r.lat ?? null, lng: r.lng ?? null },
        contact: r.contact ?? null,
        lang: t.defaultLanguage,
        channel: 'web',
        createdAt: new Date(filedAt).toISOString(),
      });
      // Spread the staff's follow-ups between filing and now.
      const steps = r.publicNotes.length + (r.status === 'received' ? 0 : 1);
      const stepMs = (now.getTime() - filedAt) / (steps + 1);
      let at = filedAt;
      const next = () => new Date((at += stepMs)).toISOString();
      // A closing status comes after the notes that describe the work; any other after filing.
      const closes = r.status === 'resolved' || r.status === 'declined';
      if (r.status !== 'received' && !closes) await changeRequestStatus(trx, filed.id, r.status, { at: next() });
      for (const n of r.publicNotes) await addPublicNote(trx, filed.id, { en: n.en, fr: n.fr }, { at: next() });
      if (closes) await changeRequestStatus(trx, filed.id, r.status, { at: next() });
    }
  });
  return true;
}

/** Seeds the fictional Township of Lakeview from demo-town.ts and content/kb/. */
export async function seedDemoTown(db: Db): Promise<boolean> {
  const { demoTown } = await import('./demo-town.ts');
  return seedTown(db, demoTown);
}
