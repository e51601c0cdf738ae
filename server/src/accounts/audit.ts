import type { DbOrTx } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';

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

export async function listAudit(db: DbOrTx, opts: { action?: string; limit?: number } = {}) {
  let q = db.selectFrom('audit_log').selectAll();
  if (opts.action) q = q.where('action', '=', opts.action);
  return q.orderBy('created_at', 'desc').limit(opts.limit ?? 100).execute();
}
