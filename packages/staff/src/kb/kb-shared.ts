// What the knowledge-base screens share: the town's KbApi from the shell's context, who may edit,
// the flags shown beside an article, and the screens' styles.
import { css, html } from 'lit';
import type { TemplateResult } from 'lit';
import { ApiError } from '@munikit/core';
import type { MuniElement } from '@munikit/core';
import { allowed } from '../shared/staff-api.ts';
import { screenStyles } from '../shared/screen.styles.ts';
import type { StaffContext } from '../app/staff-context.ts';
import { KbApi, type StaffArticleSummary } from './kb-api.ts';

/** A screen's ContextConsumer of the shell's context. */
interface StaffConsumer {
  readonly value?: StaffContext | undefined;
}

export function kbApi(staff: StaffConsumer): KbApi {
  const ctx = staff.value!;
  return new KbApi(ctx.client, ctx.session.csrfToken, ctx.town);
}

/** Editors and administrators (kb.edit) change the knowledge base; agents and viewers read it. */
export function canEdit(staff: StaffConsumer): boolean {
  const ctx = staff.value;
  return ctx ? allowed(ctx.session, ctx.town, 'kb.edit') : false;
}

/** A 401 sends the shell back to sign-in; everything else is for the screen to show. */
export function sessionCheck(staff: StaffConsumer, error: unknown): void {
  if (error instanceof ApiError && error.status === 401) staff.value?.sessionExpired();
}

/** Today as YYYY-MM-DD in the browser's time zone. */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export type Flag = 'missingEn' | 'missingFr' | 'unpublishedChanges' | 'reviewPassed' | 'scheduled';

/** The flags of an article in the list, as words (never colour alone). */
export function flagsOf(a: Pick<StaffArticleSummary, 'missing' | 'unpublishedChanges' | 'reviewBy' | 'publishAt' | 'status'>, now = new Date()): Flag[] {
  const flags: Flag[] = [];
  if (a.missing.includes('en')) flags.push('missingEn');
  if (a.missing.includes('fr')) flags.push('missingFr');
  if (a.unpublishedChanges) flags.push('unpublishedChanges');
  if (a.reviewBy && a.reviewBy < today(now)) flags.push('reviewPassed');
  if (a.publishAt && new Date(a.publishAt).getTime() > now.getTime()) flags.push('scheduled');
  return flags;
}

export function flagList(el: MuniElement, flags: Flag[]): TemplateResult | string {
  return flags.length ? html`<ul class="flags">${flags.map((f) => html`<li class="flag flag--${f}">${el.t(`flag.${f}`)}</li>`)}</ul>` : '';
}

/** Opens a console path through the shell (keeps the address bar and history right). */
export function go(staff: StaffConsumer, e: MouseEvent | undefined, path: string): void {
  if (e && (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey)) return;
  e?.preventDefault();
  staff.value?.navigate(path);
}

export const kbStyles = [
  ...screenStyles,
  css`
    .flags {
      list-style: none;
      margin: 0;
      padding: 0;
      display: flex;
      flex-wrap: wrap;
      gap: 0.25em;
    }
    .flag {
      display: inline-block;
      border: 1px solid var(--_muni-border);
      border-radius: var(--_muni-radius);
      padding: 0 0.4em;
      font-size: 0.875em;
      white-space: nowrap;
    }
    .flag--missingEn,
    .flag--missingFr,
    .flag--reviewPassed {
      border: 2px solid var(--_muni-error);
      font-weight: 700;
    }
    .filters {
      display: flex;
      flex-wrap: wrap;
      gap: 0 1em;
      align-items: flex-end;
      max-width: none;
    }
    .filters .field {
      margin-bottom: 0.75em;
    }
    .toolbar {
      display: flex;
      flex-wrap: wrap;
      gap: 0.75em;
      align-items: center;
      margin: 0 0 1em;
    }
    ins,
    del {
      text-decoration-thickness: 2px;
    }
    ins {
      background: #d7f0dd;
      text-decoration: underline;
    }
    del {
      background: #f9dadd;
      text-decoration: line-through;
    }
    @media print {
      .no-print,
      .filters button {
        display: none;
      }
      .data-table {
        max-height: none;
        overflow: visible;
      }
    }
  `,
];
