// What residents read and look for, recorded without personal data: counters per article, language
// and day (views), per folded query, language, result count and day (searches), and feedback rows
// (helpful or not, an optional comment). No IP address, cookie or user agent is stored anywhere.
import { sql } from 'kysely';
import type { DbOrTx, Lang } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';

const DAY_MS = 24 * 60 * 60 * 1000;
export const dayOf = (d: Date): string => d.toISOString().slice(0, 10);

/** Lower case, accents removed, spaces collapsed: "  Quand passe LE camion " → "quand passe le camion". */
export function foldQuery(q: string): string {
  return q
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
}

export async function recordView(db: DbOrTx, articleId: string, lang: Lang, now = new Date()): Promise<void> {
  await db
    .insertInto('kb_article_views')
    .values({ article_id: articleId, lang, day: dayOf(now), count: 1 })
    .onConflict((oc) => oc.columns(['article_id', 'lang', 'day']).doUpdateSet({ count: sql<number>`kb_article_views.count + 1` }))
    .execute();
}

/** Views per article of a town (every language) over the last `days` days. */
export async function popularity(db: DbOrTx, townId: string, days = 90, now = new Date()): Promise<Map<string, number>> {
  const since = dayOf(new Date(now.getTime() - (days - 1) * DAY_MS));
  const rows = await db
    .selectFrom('kb_article_views as v')
    .innerJoin('kb_articles as a', 'a.id', 'v.article_id')
    .select('v.article_id')
    .select((eb) => eb.fn.sum<number>('v.count').as('n'))
    .where('a.town_id', '=', townId)
    .where('v.day', '>=', since)
    .groupBy('v.article_id')
    .execute();
  return new Map(rows.map((r) => [r.article_id, Number(r.n)]));
}

export async function recordSearch(
  db: DbOrTx,
  townId: string,
  s: { lang: Lang; query: string; resultCount: number; opened: boolean },
  now = new Date(),
): Promise<boolean> {
  const query = foldQuery(s.query);
  if (!query) return false;
  const opened = s.opened ? 1 : 0;
  await db
    .insertInto('kb_searches')
    .values({ town_id: townId, day: dayOf(now), lang: s.lang, query, result_count: s.resultCount, count: 1, opened_count: opened })
    .onConflict((oc) =>
      oc.columns(['town_id', 'day', 'lang', 'query', 'result_count']).doUpdateSet({
        count: sql<number>`kb_searches.count + 1`,
        opened_count: sql<number>`kb_searches.opened_count + ${opened}`,
      }),
    )
    .execute();
  return true;
}

export async function recordFeedback(
  db: DbOrTx,
  f: { townId: string; articleId: string; lang: Lang; helpful: boolean; comment: string | null },
): Promise<void> {
  await db
    .insertInto('kb_feedback')
    .values({
      id: newId(),
      town_id: f.townId,
      article_id: f.articleId,
      lang: f.lang,
      helpful: f.helpful ? 1 : 0,
      comment: f.comment,
      created_at: nowIso(),
    })
    .execute();
}

export interface Insight {
  from: string;
  to: string;
  totalSearches: number;
  topSearches: { query: string; lang: Lang; count: number }[];
  noResultSearches: { query: string; lang: Lang; count: number }[];
  articles: {
    id: string;
    title: string;
    lang: Lang;
    views: number;
    helpful: number;
    unhelpful: number;
    comments: { text: string; helpful: boolean; createdAt: string }[];
  }[];
}

/**
 * The period from `from` to `to` (days, inclusive): top searches, searches that found nothing, and the
 * articles read or rated in it (per language), those rated unhelpful most often first.
 */
export async function insight(db: DbOrTx, townId: string, from: string, to: string, limit = 20): Promise<Insight> {
  const searchTotals = (noResult: boolean) => {
    let q = db
      .selectFrom('kb_searches')
      .select(['query', 'lang'])
      .select((eb) => eb.fn.sum<number>('count').as('n'))
      .where('town_id', '=', townId)
      .where('day', '>=', from)
      .where('day', '<=', to);
    if (noResult) q = q.where('result_count', '=', 0);
    return q
      .groupBy(['query', 'lang'])
      .orderBy(sql`sum(count)`, 'desc')
      .orderBy('query')
      .limit(limit)
      .execute()
      .then((rows) => rows.map((r) => ({ query: r.query, lang: r.lang, count: Number(r.n) })));
  };
  const endExclusive = dayOf(new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS));
  const [total, topSearches, noResultSearches, views, feedback] = await Promise.all([
    db
      .selectFrom('kb_searches')
      .select((eb) => eb.fn.sum<number>('count').as('n'))
      .where('town_id', '=', townId)
      .where('day', '>=', from)
      .where('day', '<=', to)
      .executeTakeFirst(),
    searchTotals(false),
    searchTotals(true),
    db
      .selectFrom('kb_article_views as v')
      .innerJoin('kb_articles as a', 'a.id', 'v.article_id')
      .select(['v.article_id', 'v.lang'])
      .select((eb) => eb.fn.sum<number>('v.count').as('n'))
      .where('a.town_id', '=', townId)
      .where('v.day', '>=', from)
      .where('v.day', '<=', to)
      .groupBy(['v.article_id', 'v.lang'])
      .execute(),
    db
      .selectFrom('kb_feedback')
      .select(['article_id', 'lang', 'helpful', 'comment', 'created_at'])
      .where('town_id', '=', townId)
      .where('created_at', '>=', `${from}T00:00:00.000Z`)
      .where('created_at', '<', `${endExclusive}T00:00:00.000Z`)
      .orderBy('created_at', 'desc')
      .execute(),
  ]);

  type Row = Insight['articles'][number];
  const byKey = new Map<string, Row>();
  const row = (id: string, lang: Lang): Row => {
    const key = `${id}|${lang}`;
    let r = byKey.get(key);
    if (!r) byKey.set(key, (r = { id, title: '', lang, views: 0, helpful: 0, unhelpful: 0, comments: [] }));
    return r;
  };
  for (const v of views) row(v.article_id, v.lang).views += Number(v.n);
  for (const f of feedback) {
    const r = row(f.article_id, f.lang);
    if (f.helpful) r.helpful++;
    else r.unhelpful++;
    if (f.comment) r.comments.push({ text: f.comment, helpful: f.helpful === 1, createdAt: f.created_at });
  }
  const ids = [...new Set([...byKey.values()].map((r) => r.id))];
  if (ids.length > 0) {
    const titles = await db
      .selectFrom('kb_article_versions as v')
      .select(['v.article_id', 'v.lang', 'v.title'])
      .where('v.article_id', 'in', ids)
      .where((eb) =>
        eb(
          'v.revision',
          '=',
          eb
            .selectFrom('kb_article_versions as v2')
            .select((e) => e.fn.max('v2.revision').as('m'))
            .whereRef('v2.article_id', '=', 'v.article_id')
            .whereRef('v2.lang', '=', 'v.lang'),
        ),
      )
      .execute();
    for (const t of titles) {
      const r = byKey.get(`${t.article_id}|${t.lang}`);
      if (r) r.title = t.title;
    }
  }
  const share = (r: Row) => (r.helpful + r.unhelpful === 0 ? -1 : r.unhelpful / (r.helpful + r.unhelpful));
  const articles = [...byKey.values()].sort(
    (a, b) => share(b) - share(a) || b.unhelpful - a.unhelpful || b.views - a.views || a.title.localeCompare(b.title),
  );
  return { from, to, totalSearches: Number(total?.n ?? 0), topSearches, noResultSearches, articles };
}
