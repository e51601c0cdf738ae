// Figures for any period (requests filed in [from, to)): counts by department, service, status and
// channel; median time to acknowledge (filing → first status change) and to close; the share closed
// within the service's target; residents' "did we fix it?" answers. Medians are computed here, on
// both databases alike.
import type { DbOrTx, RequestStatus } from '../platform/database/schema.ts';

export interface CountRow {
  key: string;
  name: { en: string; fr: string } | null;
  count: number;
}

export interface TownReport {
  from: string;
  to: string;
  total: number;
  byDepartment: CountRow[];
  byService: CountRow[];
  byStatus: CountRow[];
  byChannel: CountRow[];
  /** Hours; null without any acknowledged request. */
  medianHoursToAcknowledge: number | null;
  medianHoursToClose: number | null;
  closedWithTarget: number;
  closedWithinTarget: number;
  /** closedWithinTarget / closedWithTarget; null when nothing closed had a target. */
  shareClosedWithinTarget: number | null;
  fixAnswers: { yes: number; no: number };
}

export function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const hours = (a: string, b: string) => (Date.parse(b) - Date.parse(a)) / 3_600_000;
const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);

export async function townReport(db: DbOrTx, townId: string, from: string, to: string, departmentIds: readonly string[] = []): Promise<TownReport> {
  let base = db.selectFrom('requests as r').where('r.town_id', '=', townId).where('r.created_at', '>=', from).where('r.created_at', '<', to);
  if (departmentIds.length > 0) base = base.where('r.department_id', 'in', [...departmentIds]);
  const byDept = await base
    .leftJoin('departments as d', 'd.id', 'r.department_id')
    .select(['r.department_id as key', 'd.name_en', 'd.name_fr', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['r.department_id', 'd.name_en', 'd.name_fr'])
    .execute();
  const bySvc = await base
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(['s.code as key', 's.name_en', 's.name_fr', (eb) => eb.fn.countAll().as('n')])
    .groupBy(['s.code', 's.name_en', 's.name_fr'])
    .execute();
  const byStatus = await base.select(['r.status as key', (eb) => eb.fn.countAll().as('n')]).groupBy('r.status').execute();
  const byChannel = await base.select(['r.channel as key', (eb) => eb.fn.countAll().as('n')]).groupBy('r.channel').execute();
  const sortRows = (rows: CountRow[]) => rows.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));

  const times = await base
    .select(['r.id', 'r.created_at', 'r.closed_at', 'r.due_at', 'r.status'])
    .select((eb) =>
      eb
        .selectFrom('request_events as e')
        .select((e) => e.fn.min('e.created_at').as('at'))
        .whereRef('e.request_id', '=', 'r.id')
        .where('e.type', 'in', ['status_changed', 'merged'])
        .as('first_change'),
    )
    .execute();
  const ack: number[] = [];
  const close: number[] = [];
  let withTarget = 0;
  let within = 0;
  for (const t of times) {
    if (t.first_change) ack.push(hours(t.created_at, t.first_change));
    if (t.closed_at && (t.status as RequestStatus) !== 'duplicate') {
      close.push(hours(t.created_at, t.closed_at));
      if (t.due_at) {
        withTarget += 1;
        if (t.closed_at <= t.due_at) within += 1;
      }
    }
  }
  let fixQ = db
    .selectFrom('request_fix_answers as f')
    .innerJoin('requests as r', 'r.id', 'f.request_id')
    .select(['f.fixed', (eb) => eb.fn.countAll().as('n')])
    .where('f.town_id', '=', townId)
    .where('f.created_at', '>=', from)
    .where('f.created_at', '<', to);
  if (departmentIds.length > 0) fixQ = fixQ.where('r.department_id', 'in', [...departmentIds]);
  const fix = await fixQ.groupBy('f.fixed').execute();
  return {
    from,
    to,
    total: times.length,
    byDepartment: sortRows(byDept.map((r) => ({ key: r.key ?? '', name: r.name_en ? { en: r.name_en, fr: r.name_fr ?? '' } : null, count: Number(r.n) }))),
    byService: sortRows(bySvc.map((r) => ({ key: r.key, name: { en: r.name_en, fr: r.name_fr }, count: Number(r.n) }))),
    byStatus: sortRows(byStatus.map((r) => ({ key: r.key, name: null, count: Number(r.n) }))),
    byChannel: sortRows(byChannel.map((r) => ({ key: r.key, name: null, count: Number(r.n) }))),
    medianHoursToAcknowledge: round1(median(ack)),
    medianHoursToClose: round1(median(close)),
    closedWithTarget: withTarget,
    closedWithinTarget: within,
    shareClosedWithinTarget: withTarget === 0 ? null : Math.round((within / withTarget) * 1000) / 1000,
    fixAnswers: { yes: Number(fix.find((f) => Number(f.fixed) === 1)?.n ?? 0), no: Number(fix.find((f) => Number(f.fixed) === 0)?.n ?? 0) },
  };
}
