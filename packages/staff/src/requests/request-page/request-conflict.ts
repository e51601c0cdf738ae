// What another agent changed between the version this page was working on and the current one, in
// words, for the "someone else changed this request" notice.
import type { MuniElement } from '@munikit/core';
import type { StaffRequestDetail } from '../requests-api.ts';

export function whatChanged(el: MuniElement, before: StaffRequestDetail, after: StaffRequestDetail): string[] {
  const lang = el.uiLang;
  const out: string[] = [];
  const field = (what: string, a: string, b: string) => {
    if (a !== b) out.push(el.t('conflict.field', { what, before: a, after: b }));
  };
  field(el.t('statusLabel'), el.t(`status.${before.status}`), el.t(`status.${after.status}`));
  field(el.t('priorityLabel'), el.t(`priority.${before.priority}`), el.t(`priority.${after.priority}`));
  field(el.t('department'), before.department?.name[lang] ?? el.t('change.noDepartment'), after.department?.name[lang] ?? el.t('change.noDepartment'));
  field(el.t('assignee'), before.assignee?.name ?? el.t('change.nobody'), after.assignee?.name ?? el.t('change.nobody'));
  const added = after.events.length - before.events.length;
  if (added > 0) out.push(el.t('conflict.events', { count: added }));
  return out;
}
