// Retention: residents' contact details, photos and subscriptions are kept for the town's
// `retentionMonths` after a request closes, then erased; the request itself (service, place,
// description, statuses) stays for the town's statistics. Run daily by main.ts and by
// `npm run admin -- erase-expired`. Every erasure is one transaction per town whose UPDATE/DELETE
// statements return only the rows they changed, so two instances running it at once erase each row
// once and the audit log counts it once.
import { writeAudit } from '../accounts/audit.ts';
import { enqueue } from '../platform/jobs/outbox.ts';
import type { JobHandler } from '../platform/jobs/worker.ts';
import type { Db } from '../platform/database/schema.ts';
import type { PhotoStorage } from '../requests/photos/bytes.ts';
import { listTowns, type Town } from '../towns/store.ts';
import { eraseRequestsData } from './erase.ts';

export const DEFAULT_RETENTION_MONTHS = 12;
export const MIN_RETENTION_MONTHS = 1;
export const MAX_RETENTION_MONTHS = 120;

export function retentionMonthsOf(town: Pick<Town, 'settings'>): number {
  const v = town.settings.retentionMonths;
  return typeof v === 'number' && Number.isInteger(v) && v >= MIN_RETENTION_MONTHS && v <= MAX_RETENTION_MONTHS
    ? v
    : DEFAULT_RETENTION_MONTHS;
}

/** `now` minus `months` calendar months (UTC), clamped to the month's last day (31 March − 1 = 28/29 Feb). */
export function retentionCutoff(now: Date, months: number): Date {
  const d = new Date(now.getTime());
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() - months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d;
}

export interface TownErasure {
  townId: string;
  retentionMonths: number;
  cutoff: string;
  references: string[];
  contacts: number;
  photos: number;
  subscriptions: number;
}

/** Erases, in every town, the personal data of requests closed before the town's cutoff. */
export async function eraseExpired(db: Db, storage: PhotoStorage, now = new Date()): Promise<TownErasure[]> {
  const out: TownErasure[] = [];
  for (const town of await listTowns(db)) {
    const months = retentionMonthsOf(town);
    const cutoff = retentionCutoff(now, months).toISOString();
    const expired = await db
      .selectFrom('requests')
      .select('id')
      .where('town_id', '=', town.id)
      .where('closed_at', 'is not', null)
      .where('closed_at', '<', cutoff)
      .where((eb) =>
        eb.or([
          eb.exists(
            eb
              .selectFrom('request_contacts as c')
              .select('c.request_id')
              .whereRef('c.request_id', '=', 'requests.id')
              .where((w) =>
                w.or([
                  w('c.name', 'is not', null),
                  w('c.email', 'is not', null),
                  w('c.phone', 'is not', null),
                  w('c.device_id', 'is not', null),
                  w('c.account_id', 'is not', null),
                ]),
              ),
          ),
          eb.exists(eb.selectFrom('uploads as u').select('u.id').whereRef('u.request_id', '=', 'requests.id')),
          eb.exists(eb.selectFrom('request_subscribers as s').select('s.id').whereRef('s.request_id', '=', 'requests.id')),
        ]),
      )
      .execute();
    if (expired.length === 0) continue;
    const done = await db.transaction().execute(async (trx) => {
      const r = await eraseRequestsData(trx, town.id, expired.map((e) => e.id));
      if (r.references.length > 0) {
        await writeAudit(trx, {
          townId: town.id,
          action: 'privacy.retention_erased',
          subjectType: 'town',
          subjectId: town.id,
          details: { retentionMonths: months, closedBefore: cutoff, references: r.references, contacts: r.contacts, photos: r.photoIds.length, subscriptions: r.subscriptions },
        });
      }
      return r;
    });
    await storage.removeBytes(done.photoIds);
    if (done.references.length > 0) {
      out.push({ townId: town.id, retentionMonths: months, cutoff, references: done.references, contacts: done.contacts, photos: done.photoIds.length, subscriptions: done.subscriptions });
    }
  }
  return out;
}

export const RETENTION_KIND = 'retention';

/**
 * Puts today's retention run in the outbox (main.ts asks at start and every hour). Its id is the date,
 * so however many instances ask, each day has one run, worked once, retried like any job.
 */
export async function scheduleRetention(db: Db, now = new Date()): Promise<void> {
  await enqueue(db, RETENTION_KIND, {}, now, { id: `retention-${now.toISOString().slice(0, 10)}` });
}

/** The outbox job: erase what is past every town's retention period; the job's result says how much. */
export const retentionHandler =
  (storage: PhotoStorage): JobHandler =>
  async (_job, { db }) => {
    const done = await eraseExpired(db, storage);
    return { towns: done.map((t) => ({ townId: t.townId, requests: t.references.length })) };
  };
