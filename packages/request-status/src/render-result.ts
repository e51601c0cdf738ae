// What a found request shows (status, dates, history) and the "Email me about changes" form: fetched
// once the lookup form is ready (or with the first lookup), so the tracker is ready sooner on a slow
// line. Its words come with it (request-status-result.i18n.ts).
import { html, nothing } from 'lit';
import { focusAfterRender, NetworkError } from '@munikit/core';
import type { PublicRequestStatus, RequestStatus, TimelineEntry } from '@munikit/core';
import type { MuniRequestStatus } from './request-status.ts';
import { subscribeToRequest } from './status-api.ts';
import './request-status-result.i18n.ts';

const OPEN: readonly RequestStatus[] = ['received', 'acknowledged', 'in_progress', 'on_hold'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

async function onSubscribe(el: MuniRequestStatus, e: Event): Promise<void> {
  e.preventDefault();
  const email = el.email.trim();
  if (!EMAIL.test(email)) {
    el.subscribeState = 'invalid';
    el.subscribeMessage = email ? el.t('emailInvalid') : el.t('emailRequired');
    await focusAfterRender(el, '#email');
    return;
  }
  if (!el.request || el.subscribeState === 'sending') return;
  el.subscribeState = 'sending';
  try {
    const town = await el.resolveTown();
    await subscribeToRequest(el.client, town, el.request.reference, email, el.uiLang);
    el.subscribeState = 'sent';
    el.subscribeMessage = el.t('checkEmail', { email });
  } catch (error) {
    el.subscribeState = 'error';
    el.subscribeMessage = error instanceof NetworkError ? el.t('offline') : el.describeError(error);
  }
}

/** A `YYYY-MM-DD` calendar date in words (no time zone shift). */
function formatDay(el: MuniRequestStatus, day: string): string {
  const date = new Date(`${day}T12:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return day;
  return new Intl.DateTimeFormat(el.locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}

export function renderRequest(el: MuniRequestStatus, r: PublicRequestStatus) {
  const timeline = [...r.timeline].sort((a, b) => b.at.localeCompare(a.at));
  const open = OPEN.includes(r.status);
  return html`<section part="result" aria-labelledby="result-heading">
    <h2 id="result-heading" tabindex="-1">${el.t('resultHeading', { reference: r.reference })}</h2>
    <dl>
      <dt>${el.t('currentStatus')}</dt>
      <dd><span part="status" class="badge badge--${r.status}">${el.statusLabel(r.status)}</span></dd>
      <dt>${el.t('service')}</dt>
      <dd>${r.serviceName}</dd>
      <dt>${el.t('submitted')}</dt>
      <dd><time datetime=${r.createdAt}>${el.formatDate(r.createdAt)}</time></dd>
      ${open && r.expectedDate
        ? html`<dt>${el.t('expected')}</dt>
            <dd class="expected"><time datetime=${r.expectedDate}>${formatDay(el, r.expectedDate)}</time></dd>`
        : nothing}
      <dt>${el.t('updated')}</dt>
      <dd><time datetime=${r.updatedAt}>${el.formatDate(r.updatedAt)}</time></dd>
    </dl>
    ${timeline.length
      ? html`<h3>${el.t('timelineHeading')}</h3>
          <ol part="timeline" class="timeline">
            ${timeline.map((entry) => renderEntry(el, entry))}
          </ol>`
      : nothing}
    ${renderSubscribe(el)}
  </section>`;
}

function entryTitle(el: MuniRequestStatus, entry: TimelineEntry): string {
  switch (entry.type) {
    case 'created':
      return el.t('event.created');
    case 'department_changed':
      return el.t('event.department', { department: entry.department ?? '' });
    case 'merged':
      return el.t('event.merged', { reference: entry.intoReference ?? '' });
    case 'public_note':
      return el.t('note');
    case 'status_changed':
      return entry.status ? el.t(`event.status.${entry.status}`) : '';
  }
}

function renderEntry(el: MuniRequestStatus, entry: TimelineEntry) {
  const otherLang = entry.note && entry.noteLang && entry.noteLang !== el.uiLang ? entry.noteLang : null;
  return html`<li>
    <time datetime=${entry.at}>${el.formatDate(entry.at)}</time>
    <p><strong>${entryTitle(el, entry)}</strong></p>
    ${otherLang ? html`<p class="hint">${el.t(otherLang === 'en' ? 'noteOnlyEnglish' : 'noteOnlyFrench')}</p>` : nothing}
    ${entry.note ? html`<p class="note" lang=${entry.noteLang ?? el.uiLang}>${entry.note}</p>` : nothing}
  </li>`;
}

function renderSubscribe(el: MuniRequestStatus) {
  if (el.subscribeState === 'sent') {
    return html`<div part="subscribe" class="subscribe notice" role="status">
      <p id="subscribe-done">${el.subscribeMessage}</p>
    </div>`;
  }
  const invalid = el.subscribeState === 'invalid';
  const sending = el.subscribeState === 'sending';
  return html`<form part="subscribe" class="subscribe" novalidate aria-labelledby="subscribe-heading" @submit=${(e: Event) => onSubscribe(el, e)}>
    <h3 id="subscribe-heading">${el.t('subscribeHeading')}</h3>
    <div class="field ${invalid ? 'field--error' : ''}">
      <label for="email">${el.t('emailLabel')}</label>
      <span class="hint" id="email-hint">${el.t('emailHint')}</span>
      ${invalid
        ? html`<span class="error-message" id="email-error" role="alert"
            ><span class="visually-hidden">${el.t('errorPrefix')} </span>${el.subscribeMessage}</span
          >`
        : nothing}
      <input
        id="email"
        type="email"
        autocomplete="email"
        spellcheck="false"
        aria-describedby=${invalid ? 'email-hint email-error' : 'email-hint'}
        aria-invalid=${invalid ? 'true' : 'false'}
        .value=${el.email}
        @input=${(e: Event) => (el.email = (e.target as HTMLInputElement).value)}
      />
    </div>
    ${el.subscribeState === 'error' ? html`<p class="notice notice--error" role="alert">${el.subscribeMessage}</p>` : nothing}
    <button class="button button--secondary" type="submit" aria-disabled=${sending ? 'true' : 'false'}>
      ${sending ? el.t('subscribing') : el.t('subscribe')}
    </button>
  </form>`;
}
