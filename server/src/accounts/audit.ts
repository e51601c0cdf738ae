// The audit log: who did what, when, with the state before and after. Every staff change calls
// audit(c, …); code without a request (the CLI, bootstrap) calls writeAudit.
import type { Context } from 'hono';
import { stringify } from 'csv-stringify/sync';
import type { AppEnv } from '../app-types.ts';
import type { DbOrTx } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import type { Keyset } from '../platform/database/keyset.ts';

export interface AuditEntry {
  townId?: string | null;
  actorUserId?: string | null;
  action: string;
  subjectType?: string | null;
  subjectId?: string | null;
  details?: Record<string, unknown>;
}

export async function writeAudit(db: DbOrTx, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      id: newId(),
      town_id: e.townId ?? null,
      actor_user_id: e.actorUserId ?? null,
      action: e.action,
      subject_type: e.subjectType ?? null,
      subject_id: e.subjectId ?? null,
      details: JSON.stringify(e.details ?? {}),
      created_at: nowIso(),
    })
    .execute();
}

export interface AuditSubject {
  type: string;
  id: string | null;
}

/**
 * Records a staff change made through the API: the actor is the session's user, the town the route's
 * `{town}` (when it has one). `before`/`after` are the changed fields (never secrets).
 */
export async function audit(
  c: Context<AppEnv>,
  action: string,
  subject: AuditSubject | null,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  opts: { db?: DbOrTx; actorUserId?: string | null; townId?: string | null; extra?: Record<string, unknown> } = {},
): Promise<void> {
  const townId = opts.townId !== undefined ? opts.townId : (c.var.access?.townId ?? null);
  await writeAudit(opts.db ?? c.var.db, {
    townId,
    actorUserId: opts.actorUserId !== undefined ? opts.actorUserId : (c.var.session?.userId ?? null),
    action,
    subjectType: subject?.type ?? null,
    subjectId: subject?.id ?? null,
    details: { ...(opts.extra ?? {}), ...(before ? { before } : {}), ...(after ? { after } : {}) },
  });
}

export interface AuditFilter {
  action?: string;
  actorUserId?: string;
  from?: string;
  to?: string;
  /** Keyset: entries strictly older than this (created_at, id). */
  before?: Keyset;
  limit?: number;
}

export interface AuditRow {
  id: string;
  createdAt: string;
  action: string;
  actor: { id: string; email: string | null; name: string | null } | null;
  subject: { type: string; id: string | null } | null;
  details: Record<string, unknown>;
}

/**
 * A town's audit log, newest first: entries made in the town, plus sign-ins and account events (which
 * belong to no town) of the people who hold a role in it.
 */
export async function listTownAudit(db: DbOrTx, townId: string, f: AuditFilter = {}): Promise<AuditRow[]> {
  let q = db
    .selectFrom('audit_log as a')
    .leftJoin('users as u', 'u.id', 'a.actor_user_id')
    .select(['a.id', 'a.created_at', 'a.action', 'a.actor_user_id', 'u.email', 'u.name', 'a.subject_type', 'a.subject_id', 'a.details'])
    .where((eb) =>
      eb.or([
        eb('a.town_id', '=', townId),
        eb.and([
          eb('a.town_id', 'is', null),
          eb('a.subject_type', '=', 'user'),
          eb('a.subject_id', 'in', eb.selectFrom('user_town_roles').select('user_id').where('town_id', '=', townId)),
        ]),
      ]),
    );
  if (f.action) q = q.where('a.action', '=', f.action);
  if (f.actorUserId) q = q.where('a.actor_user_id', '=', f.actorUserId);
  if (f.from) q = q.where('a.created_at', '>=', f.from);
  if (f.to) q = q.where('a.created_at', '<', f.to);
  if (f.before) {
    const b = f.before;
    q = q.where((eb) => eb.or([eb('a.created_at', '<', b.createdAt), eb.and([eb('a.created_at', '=', b.createdAt), eb('a.id', '<', b.id)])]));
  }
  const rows = await q
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(f.limit ?? 100)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    createdAt: r.created_at,
    action: r.action,
    actor: r.actor_user_id ? { id: r.actor_user_id, email: r.email, name: r.name } : null,
    subject: r.subject_type ? { type: r.subject_type, id: r.subject_id } : null,
    details: JSON.parse(r.details) as Record<string, unknown>,
  }));
}

/**
 * A cell a spreadsheet would read as a formula (= + - @, or a leading tab or carriage return) gets a
 * leading apostrophe (OWASP "CSV injection").
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function auditCsv(rows: AuditRow[]): string {
  const header = ['created_at', 'action', 'actor_email', 'actor_name', 'subject_type', 'subject_id', 'details'];
  const body = rows.map((r) =>
    [r.createdAt, r.action, r.actor?.email ?? '', r.actor?.name ?? '', r.subject?.type ?? '', r.subject?.id ?? '', JSON.stringify(r.details)].map(
      neutraliseCell,
    ),
  );
  return stringify([header, ...body], { record_delimiter: 'windows' });
}
