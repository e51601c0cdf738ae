// The report as CSV that opens cleanly in Excel: UTF-8 with a byte-order mark, CRLF line ends, and
// cells a spreadsheet would run as a formula neutralised (the audit log's rule, accounts/audit.ts).
import { stringify } from 'csv-stringify/sync';
import { neutraliseCell } from '../accounts/audit.ts';
import type { TownReport } from './store.ts';

export const BOM = '\uFEFF';

export function reportCsv(r: TownReport): string {
  const rows: (string | number)[][] = [['section', 'key', 'name_en', 'name_fr', 'value']];
  const add = (section: string, list: TownReport['byDepartment']) => {
    for (const x of list) rows.push([section, x.key, x.name?.en ?? '', x.name?.fr ?? '', x.count]);
  };
  rows.push(['period', 'from', '', '', r.from], ['period', 'to', '', '', r.to], ['total', 'requests', '', '', r.total]);
  add('department', r.byDepartment);
  add('service', r.byService);
  add('status', r.byStatus);
  add('channel', r.byChannel);
  rows.push(
    ['time', 'median_hours_to_acknowledge', '', '', r.medianHoursToAcknowledge ?? ''],
    ['time', 'median_hours_to_close', '', '', r.medianHoursToClose ?? ''],
    ['target', 'closed_with_target', '', '', r.closedWithTarget],
    ['target', 'closed_within_target', '', '', r.closedWithinTarget],
    ['target', 'share_closed_within_target', '', '', r.shareClosedWithinTarget ?? ''],
    ['fixed', 'yes', '', '', r.fixAnswers.yes],
    ['fixed', 'no', '', '', r.fixAnswers.no],
  );
  return BOM + stringify(rows.map((row) => row.map((v) => (typeof v === 'number' ? String(v) : neutraliseCell(v)))), { record_delimiter: 'windows' });
}
