// Editing articles as staff: the editor's view of an article (its working drafts, what is published,
// what is missing), and the writes, each guarded by the article's version (optimistic concurrency):
// a write names the version it started from; if another editor saved first, nothing is written and
// the caller gets the current article back. Saving writes revisions and never changes what the public
// sees; publishing does (publishing.ts).
import type { ArticleStatus, DbOrTx, Lang, Visibility } from '../platform/database/schema.ts';
import { latestPublications, publishLatest, type Publication } from './publishing.ts';
import {
  LANGS,
  addArticleRevision,
  bumpVersion,
  getArticle,
  insertArticle,
  latestRevisions,
  listArticles,
  setArticleServices,
  updateArticleFields,
  type ArticleFilter,
  type ArticleRow,
  type Revision,
} from './store.ts';

export interface LangText {
  title: string;
  summary: string;
  body: string;
  keywords: string[];
}

export interface ArticleInput {
  slug: string;
  categoryId: string | null;
  visibility: Visibility;
  serviceCodes: string[];
  reviewBy: string | null;
  en: LangText | null;
  fr: LangText | null;
}

export interface StaffArticle extends ArticleInput {
  id: string;
  status: ArticleStatus;
  version: number;
  publishAt: string | null;
  published: Record<Lang, Publication | null>;
  missing: Lang[];
  unpublishedChanges: boolean;
  updatedAt: string;
  updatedByName: string | null;
}

export interface StaffArticleListItem {
  id: string;
  slug: string;
  categoryId: string | null;
  visibility: Visibility;
  status: ArticleStatus;
  titleEn: string | null;
  titleFr: string | null;
  missing: Lang[];
  unpublishedChanges: boolean;
  publishAt: string | null;
  reviewBy: string | null;
  updatedAt: string;
  updatedByName: string | null;
  serviceCodes: string[];
}

const textOf = (r: Revision | undefined): LangText | null =>
  r ? { title: r.title, summary: r.summary, body: r.body, keywords: r.keywords } : null;

/** A scheduled publish still to come; null once it has happened (or when there is none). */
const pendingPublishAt = (a: ArticleRow, now: string): string | null => (a.publishAt && a.publishAt > now ? a.publishAt : null);

function derive(a: ArticleRow, latest: Partial<Record<Lang, Revision>>, pubs: Partial<Record<Lang, Publication>>) {
  const missing = LANGS.filter((l) => !latest[l]);
  const unpublishedChanges = LANGS.some((l) => latest[l] && pubs[l]?.revisionId !== latest[l]!.id);
  return { missing, unpublishedChanges };
}

export async function staffArticle(db: DbOrTx, townId: string, id: string, now = new Date().toISOString()): Promise<StaffArticle | undefined> {
  const a = await getArticle(db, townId, id);
  if (!a) return undefined;
  const latest = (await latestRevisions(db, [id])).get(id) ?? {};
  const pubs = (await latestPublications(db, [id])).get(id) ?? {};
  return {
    id: a.id,
    slug: a.slug,
    categoryId: a.categoryId,
    visibility: a.visibility,
    serviceCodes: a.serviceCodes,
    reviewBy: a.reviewBy,
    en: textOf(latest.en),
    fr: textOf(latest.fr),
    status: a.status,
    version: a.version,
    publishAt: pendingPublishAt(a, now),
    published: { en: pubs.en ?? null, fr: pubs.fr ?? null },
    ...derive(a, latest, pubs),
    updatedAt: a.updatedAt,
    updatedByName: a.updatedByName,
  };
}

export async function listStaffArticles(
  db: DbOrTx,
  townId: string,
  f: ArticleFilter & { q?: string },
  now = new Date().toISOString(),
): Promise<StaffArticleListItem[]> {
  const rows = await listArticles(db, townId, f);
  const ids = rows.map((r) => r.id);
  const [latest, pubs] = await Promise.all([latestRevisions(db, ids), latestPublications(db, ids)]);
  const needle = f.q ? fold(f.q) : '';
  const out: StaffArticleListItem[] = [];
  for (const a of rows) {
    const l = latest.get(a.id) ?? {};
    if (needle) {
      const hay = fold([a.slug, ...LANGS.flatMap((lang) => (l[lang] ? [l[lang].title, l[lang].summary, ...l[lang].keywords] : []))].join(' '));
      if (!hay.includes(needle)) continue;
    }
    out.push({
      id: a.id,
      slug: a.slug,
      categoryId: a.categoryId,
      visibility: a.visibility,
      status: a.status,
      titleEn: l.en?.title ?? null,
      titleFr: l.fr?.title ?? null,
      ...derive(a, l, pubs.get(a.id) ?? {}),
      publishAt: pendingPublishAt(a, now),
      reviewBy: a.reviewBy,
      updatedAt: a.updatedAt,
      updatedByName: a.updatedByName,
      serviceCodes: a.serviceCodes,
    });
  }
  return out;
}

const fold = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();

export async function createArticle(db: DbOrTx, townId: string, input: ArticleInput, userId: string | null): Promise<string> {
  const text = (t: LangText | null) => (t ? { title: t.title, summary: t.summary, bodyMarkdown: t.body, keywords: t.keywords } : undefined);
  return insertArticle(db, {
    townId,
    slug: input.slug,
    categoryId: input.categoryId,
    visibility: input.visibility,
    serviceCodes: input.serviceCodes,
    reviewBy: input.reviewBy,
    status: 'draft',
    texts: { en: text(input.en), fr: text(input.fr) },
    authorUserId: userId,
  });
}

const sameText = (a: LangText, r: Revision) =>
  a.title === r.title && a.summary === r.summary && a.body === r.body && JSON.stringify(a.keywords) === JSON.stringify(r.keywords);

export type WriteResult = { ok: true; changedLangs: Lang[] } | { ok: false };

/**
 * Saves an article: its fields, and a new revision of each language whose text changed (a language
 * sent as null is left as it is). Run inside a transaction.
 */
export async function saveArticle(
  db: DbOrTx,
  townId: string,
  id: string,
  version: number,
  input: ArticleInput,
  userId: string | null,
): Promise<WriteResult> {
  if (!(await bumpVersion(db, townId, id, version, userId))) return { ok: false };
  await updateArticleFields(db, id, { slug: input.slug, categoryId: input.categoryId, visibility: input.visibility, reviewBy: input.reviewBy });
  await setArticleServices(db, id, input.serviceCodes);
  const latest = (await latestRevisions(db, [id])).get(id) ?? {};
  const changedLangs: Lang[] = [];
  for (const lang of LANGS) {
    const t = input[lang];
    if (!t) continue;
    const prev = latest[lang];
    if (prev && sameText(t, prev)) continue;
    await addArticleRevision(
      db,
      id,
      lang,
      { slug: prev?.slug ?? input.slug, title: t.title, summary: t.summary, bodyMarkdown: t.body, keywords: t.keywords },
      userId,
    );
    changedLangs.push(lang);
  }
  return { ok: true, changedLangs };
}

/** Publishes now, or schedules for `publishAt` when it is in the future. */
export async function publishArticle(
  db: DbOrTx,
  townId: string,
  id: string,
  version: number,
  publishAt: string | null,
  userId: string | null,
  now = new Date().toISOString(),
): Promise<WriteResult> {
  if (!(await bumpVersion(db, townId, id, version, userId))) return { ok: false };
  const scheduled = publishAt && publishAt > now ? publishAt : null;
  const changedLangs = await publishLatest(db, id, userId, scheduled ?? now);
  await updateArticleFields(db, id, { status: 'published', publishAt: scheduled });
  return { ok: true, changedLangs };
}

export async function setArticleStatus(
  db: DbOrTx,
  townId: string,
  id: string,
  version: number,
  status: ArticleStatus,
  userId: string | null,
): Promise<WriteResult> {
  if (!(await bumpVersion(db, townId, id, version, userId))) return { ok: false };
  await updateArticleFields(db, id, { status, publishAt: null });
  return { ok: true, changedLangs: [] };
}

/** A new revision of the old one's language with the old one's content. */
export async function restoreRevision(
  db: DbOrTx,
  townId: string,
  id: string,
  version: number,
  old: Revision,
  userId: string | null,
): Promise<WriteResult & { revisionId?: string }> {
  if (!(await bumpVersion(db, townId, id, version, userId))) return { ok: false };
  const rev = await addArticleRevision(
    db,
    id,
    old.lang,
    { slug: old.slug, title: old.title, summary: old.summary, bodyMarkdown: old.body, keywords: old.keywords },
    userId,
  );
  return { ok: true, changedLangs: [old.lang], revisionId: rev.id };
}
