// A request's history for staff: every event, public and internal, oldest first. Internal entries
// are marked "Staff only" in words; a public note shows both languages and says which is missing.
import { html, nothing } from 'lit';
import type { MuniElement } from '@munikit/core';
import type { StaffRequestEvent } from '../requests-api.ts';

function noteText(el: MuniElement, e: StaffRequestEvent) {
  if (e.visibility === 'internal' || (e.noteEn === null && e.noteFr === null)) {
    return e.note ? html`<p class="note-text">${e.note}</p>` : nothing;
  }
  const part = (lang: 'en' | 'fr', text: string | null) =>
    text !== null
      ? html`<div class="note-lang"><span class="label">${el.t(lang === 'en' ? 'noteEn' : 'noteFr')}</span><p class="note-text" lang=${lang}>${text}</p></div>`
      : html`<p class="missing">${el.t('missingLang', { lang: el.t(`langs.${lang}`) })}</p>`;
  return html`${part('en', e.noteEn)}${part('fr', e.noteFr)}`;
}

function detail(el: MuniElement, e: StaffRequestEvent) {
  const into = e.details?.['intoReference'];
  const from = e.details?.['mergedReference'];
  if (e.type === 'merged' && typeof into === 'string') return html`<p>${el.t('mergedInto', { reference: into })}</p>`;
  if (e.type === 'merged' && typeof from === 'string') return html`<p>${el.t('mergedFrom', { reference: from })}</p>`;
  return nothing;
}

export function requestHistory(el: MuniElement, events: StaffRequestEvent[]) {
  return html`<ol class="history">
    ${events.map((e) => {
      const internal = e.visibility === 'internal';
      const title = el.t(`event.${e.type}`, { defaultValue: e.type, status: e.status ? el.t(`status.${e.status}`) : '' });
      return html`<li class=${internal ? 'internal' : ''}>
        <p class="event-title">
          <strong>${title}</strong>${internal ? html` <span class="staff-only">${el.t('staffOnly')}</span>` : nothing}
          <br /><time datetime=${e.createdAt}>${el.formatDate(e.createdAt)}</time>${e.actor ? html` ${el.t('by', { name: e.actor.name })}` : nothing}
        </p>
        ${detail(el, e)} ${noteText(el, e)}
      </li>`;
    })}
  </ol>`;
}
