// The staff inbox: one list of a town's requests across departments, with filters, full-text search,
// sorts and keyset pagination on (sort key, id). Indexes and the search index: migration 0014.
import { PostgresAdapter, sql, type Expression, type SqlBool } from 'kysely';
import type { DbOrTx, RequestPriority, RequestStatus } from '../platform/database/schema.ts';
import { followerCounts } from '../notifications/subscriptions-store.ts';
import { OPEN_STATUSES, isClosedStatus } from './statuses.ts';

export const INBOX_SORTS = ['newest', 'oldest', 'priority', 'due'] as const;
export type InboxSort = (typeof INBOX_SORTS)[number];
export const PRIORITIES = ['urgent', 'high', 'normal', 'low'] as const satisfies readonly RequestPriority[];

export interface InboxFilter {
  statuses?: readonly RequestStatus[];
  departmentId?: string;
  serviceCode?: string;
  priority?: string;
  /** A user id, or 'unassigned'. */
  assignee?: string;
  overdue?: boolean;
  /** Filed at or after (ISO time). */
  from?: string;
  /** Filed before (ISO time). */
  to?: string;
  q?: string;
  /** An agent's departments (empty or absent: every department). */
  departmentIds?: readonly string[];
}

export interface InboxItem {
  reference: string;
  status: RequestStatus;
  priority: string;
  serviceCode: string;
  serviceName: { en: string; fr: string };
  department: { id: string; name: { en: string; fr: string } } | null;
  assignee: { id: string; name: string } | null;
  locationText: string;
  createdAt: string;
  updatedAt: string;
  ackDueAt: string | null;
  dueAt: string | null;
  /** Open past its time to close. */
  overdue: boolean;
  /** Still 'received' past its time to acknowledge. */
  ackOverdue: boolean;
  followers: number;
}

/** The first page counts matching requests up to this many (counting 100,000 would cost more than the page). */
export const INBOX_COUNT_CAP = 1000;

export interface InboxPage {
  /** Requests matching the filter, counted up to INBOX_COUNT_CAP; null on a page reached by a cursor. */
  total: number | null;
  /** More than `total` match (the count stopped at the cap). */
  totalCapped: boolean;
  items: InboxItem[];
  nextCursor: string | null;
}

const NO_DUE = '9999-12-31T00:00:00.000Z';
const PRIORITY_RANK = sql<number>`CASE r.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END`;

interface SortKey {
  expr: Expression<unknown>;
  dir: 'asc' | 'desc';
  /** The row's value of this key (for the cursor). */
  value: (r: { created_at: string; id: string; due_at: string | null; priority: string }) => string | number;
}

const rank = (p: string): number => {
  const i = (PRIORITIES as readonly string[]).indexOf(p);
  return i === -1 ? 3 : i;
};

function sortKeys(sort: InboxSort): SortKey[] {
  const created = (dir: 'asc' | 'desc'): SortKey => ({ expr: sql.ref('r.created_at'), dir, value: (r) => r.created_at });
  const id = (dir: 'asc' | 'desc'): SortKey => ({ expr: sql.ref('r.id'), dir, value: (r) => r.id });
  switch (sort) {
    case 'oldest':
      return [created('asc'), id('asc')];
    case 'priority':
      return [{ expr: PRIORITY_RANK, dir: 'asc', value: (r) => rank(r.priority) }, created('desc'), id('desc')];
    case 'due':
      return [{ expr: sql`COALESCE(r.due_at, ${sql.lit(NO_DUE)})`, dir: 'asc', value: (r) => r.due_at ?? NO_DUE }, id('asc')];
    default:
      return [created('desc'), id('desc')];
  }
}

export const encodeInboxCursor = (values: (string | number)[]): string => Buffer.from(JSON.stringify(values)).toString('base64url');

export function decodeInboxCursor(cursor: string, sort: InboxSort): (string | number)[] | undefined {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    const keys = sortKeys(sort);
    if (!Array.isArray(v) || v.length !== keys.length) return undefined;
    if (sort === 'priority' && !(typeof v[0] === 'number' && v.slice(1).every((x) => typeof x === 'string'))) return undefined;
    if (sort !== 'priority' && !v.every((x) => typeof x === 'string')) return undefined;
    return v as (string | number)[];
  } catch {
    return undefined;
  }
}

/** Words of a search (letters and digits only, so nothing reaches the query syntax), at most 8. */
export const searchWords = (q: string): string[] =>
  (q.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8);

const isPostgres = (db: DbOrTx): boolean => db.getExecutor().adapter instanceof PostgresAdapter;

// The open statuses as literals, exactly as in the partial indexes of migration 0015: both databases
// use a partial index only for a query whose WHERE contains its predicate (not bound parameters).
const OPEN_TERM = sql<SqlBool>`r.status IN (${sql.join(OPEN_STATUSES.map((s) => sql.lit(s)))})`;
const isOpenSet = (statuses: readonly RequestStatus[]): boolean =>
  statuses.length === OPEN_STATUSES.length && OPEN_STATUSES.every((s) => statuses.includes(s));

/** Requests matching the filter (without sort or paging); shared by the list and its count. */
function filtered(db: DbOrTx, townId: string, f: InboxFilter, now: string) {
  let q = db.selectFrom('requests as r').where('r.town_id', '=', townId);
  if (f.departmentIds && f.departmentIds.length > 0) q = q.where('r.department_id', 'in', [...f.departmentIds]);
  if (f.statuses && f.statuses.length > 0) q = isOpenSet(f.statuses) ? q.where(OPEN_TERM) : q.where('r.status', 'in', [...f.statuses]);
  if (f.departmentId) q = q.where('r.department_id', '=', f.departmentId);
  if (f.serviceCode) q = q.where('r.service_code', '=', f.serviceCode);
  if (f.priority) q = q.where('r.priority', '=', f.priority);
  if (f.assignee === 'unassigned') q = q.where('r.assignee_user_id', 'is', null);
  else if (f.assignee) q = q.where('r.assignee_user_id', '=', f.assignee);
  if (f.from) q = q.where('r.created_at', '>=', f.from);
  if (f.to) q = q.where('r.created_at', '<', f.to);
  if (f.overdue) {
    // Only open requests are overdue: the open term lets both databases read the partial index.
    if (!f.statuses || !isOpenSet(f.statuses)) q = q.where(OPEN_TERM);
    q = q.where((eb) =>
      eb.or([
        eb.and([eb('r.status', 'in', [...OPEN_STATUSES]), eb('r.due_at', '<', now)]),
        eb.and([eb('r.status', '=', 'received'), eb('r.ack_due_at', '<', now)]),
      ]),
    );
  }
  const words = f.q ? searchWords(f.q) : [];
  if (words.length > 0) {
    if (isPostgres(db)) {
      const query = words.map((w) => `${w}:*`).join(' & ');
      // Folded like the indexed text (munikit_fold, migration 0015): accents never matter.
      q = q.where(sql<SqlBool>`r.search @@ to_tsquery('simple', munikit_fold(${query}))`);
    } else {
      const match = words.map((w) => `"${w}"*`).join(' ');
      q = q.where(sql<SqlBool>`r.id IN (SELECT request_id FROM requests_fts WHERE requests_fts MATCH ${match})`);
    }
  }
  return q;
}

export async function listInbox(
  db: DbOrTx,
  townId: string,
  f: InboxFilter,
  opts: { sort: InboxSort; limit: number; cursor?: (string | number)[]; now?: string; withTotal?: boolean },
): Promise<InboxPage> {
  const now = opts.now ?? new Date().toISOString();
  const keys = sortKeys(opts.sort);
  const searching = f.q ? searchWords(f.q).length > 0 : false;
  let q = filtered(db, townId, f, now);
  if (searching && isPostgres(db)) {
    // PostgreSQL misjudges a prefix search's selectivity and walks the whole sort index testing each
    // row's tsvector (0.66 s at 100,000); behind an OFFSET 0 fence it reads the GIN index's matches
    // and sorts them (3 ms).
    const matches = q
      .select(['r.id', 'r.reference', 'r.status', 'r.priority', 'r.service_code', 'r.service_id', 'r.location_text', 'r.created_at', 'r.updated_at', 'r.due_at', 'r.ack_due_at', 'r.department_id', 'r.assignee_user_id', 'r.town_id'])
      .offset(0);
    q = db.selectFrom(matches.as('r')) as unknown as typeof q;
  }
  if (opts.cursor) {
    const cursor = opts.cursor;
    if (keys.every((k) => k.dir === keys[0]!.dir)) {
      // One direction: a row-value comparison, which both databases answer with an index range.
      const op = sql.raw(keys[0]!.dir === 'asc' ? '>' : '<');
      q = q.where(sql<SqlBool>`(${sql.join(keys.map((k) => k.expr))}) ${op} (${sql.join(cursor.map((v) => sql`${v}`))})`);
    } else {
      // Mixed directions: (k1 > c1) OR (k1 = c1 AND k2 > c2) OR … (> or < by direction).
      q = q.where((eb) =>
        eb.or(
          keys.map((_, i) =>
            eb.and([
              ...keys.slice(0, i).map((k, j) => eb(k.expr, '=', cursor[j])),
              eb(keys[i]!.expr, keys[i]!.dir === 'asc' ? '>' : '<', cursor[i]),
            ]),
          ),
        ),
      );
    }
  }
  for (const k of keys) q = q.orderBy(k.expr, k.dir);
  // A search's matches are all read to be sorted anyway: its first page counts them in the same
  // statement (a window count) instead of searching twice.
  const countInPage = !opts.cursor && opts.withTotal !== false && searching;
  const rows = await q
    .select(countInPage ? sql<number>`count(*) over ()`.as('matches') : sql.lit(null).as('matches'))
    .innerJoin('services as s', 's.id', 'r.service_id')
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .leftJoin('users as u', 'u.id', 'r.assignee_user_id')
    .select([
      'r.id', 'r.reference', 'r.status', 'r.priority', 'r.service_code', 'r.location_text', 'r.created_at', 'r.updated_at',
      'r.due_at', 'r.ack_due_at', 'r.department_id', 'r.assignee_user_id', 's.name_en', 's.name_fr',
      'd.name_en as dept_en', 'd.name_fr as dept_fr', 'u.name as assignee_name',
    ])
    .limit(opts.limit + 1)
    .execute();
  const page = rows.slice(0, opts.limit);
  const last = page[page.length - 1];
  // The count comes with the first page only, and stops at the cap: a page answers from the first
  // matching index entries, a count of every match would read them all (100,000 with no filter).
  let total: number | null = null;
  let totalCapped = false;
  if (!opts.cursor && opts.withTotal !== false) {
    if (rows.length <= opts.limit) total = rows.length;
    else if (countInPage) {
      const n = Number(rows[0]!.matches);
      total = Math.min(n, INBOX_COUNT_CAP);
      totalCapped = n > INBOX_COUNT_CAP;
    } else {
      // In the page's order, so it reads the page's index (PostgreSQL otherwise picks a sequential
      // scan with a limit, which reads most of the table when the matches are the newest rows).
      let first = filtered(db, townId, f, now).select(sql.lit(1).as('one'));
      for (const k of keys) first = first.orderBy(k.expr, k.dir);
      const n = await db
        .selectFrom(first.limit(INBOX_COUNT_CAP + 1).as('m'))
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      total = Math.min(Number(n.n), INBOX_COUNT_CAP);
      totalCapped = Number(n.n) > INBOX_COUNT_CAP;
    }
  }
  const followers = await followerCounts(db, page.map((r) => r.id));
  return {
    total,
    totalCapped,
    nextCursor: rows.length > opts.limit && last ? encodeInboxCursor(keys.map((k) => k.value(last))) : null,
    items: page.map((r) => ({
      reference: r.reference,
      status: r.status,
      priority: r.priority,
      serviceCode: r.service_code,
      serviceName: { en: r.name_en, fr: r.name_fr },
      department: r.department_id ? { id: r.department_id, name: { en: r.dept_en ?? '', fr: r.dept_fr ?? '' } } : null,
      assignee: r.assignee_user_id ? { id: r.assignee_user_id, name: r.assignee_name ?? '' } : null,
      locationText: r.location_text,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      ackDueAt: r.ack_due_at,
      dueAt: r.due_at,
      ...overdueFlags(r, now),
      followers: followers.get(r.id) ?? 0,
    })),
  };
}

export function overdueFlags(r: { status: RequestStatus; due_at: string | null; ack_due_at: string | null }, now: string) {
  return {
    overdue: !isClosedStatus(r.status) && r.due_at !== null && r.due_at < now,
    ackOverdue: r.status === 'received' && r.ack_due_at !== null && r.ack_due_at < now,
  };
}
