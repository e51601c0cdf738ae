// The form after its first step (choosing a service, in request-form.ts): the service's notices and
// suggested answers, details, location, questions, photos, contact details, "check your answers", the
// confirmation and the queued panel. Loaded with what they do (steps.ts) as one chunk, so the element
// is ready with the service list alone; request-form.ts keeps this module in its `steps` field.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { errorSummary } from '@munikit/core/error-summary';
import type { KbArticleSummary, ServiceQuestion, SubmittedRequest } from '@munikit/core';
import type { MuniRequestForm } from './request-form.ts';
import { suggestArticles } from './suggest.ts';
import {
  addPhotos, askLocation, cancelLocation, change, coordinates, copyReference, errorFor, hasPosition, MAX_DESCRIPTION, MAX_LOCATION,
  notices, questions, removeLocation, removePhoto, retryPhoto, setAnswer, shareLocation, startAnother, trackLink,
} from './steps.ts';

export * from './steps.ts';

type El = MuniRequestForm;

/** What the town promises until its own figure (its retentionMonths setting) arrives. */
const DEFAULT_RETENTION_MONTHS = 12;

/** `LKV-7K4Q2-M9XCR` read aloud one symbol at a time: "L K V, 7 K 4 Q 2, M 9 X C R". */
function spelled(reference: string): string {
  return reference.split('-').map((group) => [...group].join(' ')).join(', ');
}

function kbLink(el: El, article: KbArticleSummary): string | undefined {
  if (!el.kbUrl) return undefined;
  const url = new URL(el.kbUrl, document.baseURI);
  url.hash = `kb=${encodeURIComponent(article.slug)}`;
  return url.href;
}

/** Above the form: a restored draft, requests this device had queued, the error summary, a server failure. */
export function renderNotices(el: El) {
  return html`
    ${el.restored ? html`<p class="notice">${el.t('draftRestored')}</p>` : nothing}
    ${el.sentFromQueue.map(
      (r) => html`<div class="notice notice--success" role="status">
        <p>${el.t('sentFromQueue', { reference: r.reference })}</p>
        ${el.trackUrl ? html`<p><a href=${trackLink(el.trackUrl, r.reference)}>${el.t('trackLink')}</a></p>` : nothing}
      </div>`,
    )}
    ${el.waiting > 0 ? html`<p class="notice" role="status">${el.t('waiting', { count: el.waiting })}</p>` : nothing}
    ${el.notice ? html`<p class="notice notice--error">${el.notice}</p>` : nothing}
    ${errorSummary(el, el.errors, el.t('errorSummaryTitle'))}
    ${renderFailure(el)}`;
}

function renderFailure(el: El) {
  return el.failure
    ? html`<div id="network-error" part="network-error" class="notice notice--error" role="alert" tabindex="-1">
        <p>${el.failure}</p>
        <p>${el.t('keptOnDevice')}</p>
        <button class="button button--secondary" type="button" @click=${() => el.submit()}>${el.t('retry')}</button>
      </div>`
    : nothing;
}

/** Inside the form, after the service choice: everything else the form asks, then Continue. */
export function renderDetails(el: El) {
  const v = el.values;
  const service = el.selectedService;
  const contactRequired = service ? !service.anonymousAllowed : false;
  const set = (key: 'description' | 'locationText' | 'name' | 'email' | 'phone') => (e: Event) =>
    el.update_({ [key]: (e.target as HTMLInputElement | HTMLTextAreaElement).value });
  return html`
    ${renderServiceInfo(el)}
    ${field(el, 'description', el.t('description'), el.t('descriptionHint'), (describedBy, invalid) => html`
      <textarea id="description" rows="6" maxlength=${MAX_DESCRIPTION} aria-describedby=${describedBy} aria-invalid=${invalid}
        .value=${v.description} @input=${set('description')}></textarea>`)}
    ${field(el, 'location', el.t('location'), el.t('locationHint'), (describedBy, invalid) => html`
      <input id="location" type="text" autocomplete="street-address" maxlength=${MAX_LOCATION} aria-describedby=${describedBy} aria-invalid=${invalid}
        .value=${v.locationText} @input=${set('locationText')} />
      ${renderDeviceLocation(el)}`)}
    ${el.nearby?.render() ?? nothing}
    ${questions(el).map((q) => renderQuestion(el, q))}
    ${renderPhotos(el)}
    <fieldset aria-describedby="contact-hint">
      <legend>${contactRequired ? el.t('contactLegendRequired') : el.t('contactLegendOptional')}</legend>
      <p class="hint" id="contact-hint">${contactRequired ? el.t('contactHintRequired') : el.t('contactHintOptional')}</p>
      ${field(el, 'name', `${el.t('name')} ${el.t('optionalSuffix')}`, '', (describedBy, invalid) => html`
        <input id="name" type="text" autocomplete="name" aria-describedby=${describedBy} aria-invalid=${invalid}
          .value=${v.name} @input=${set('name')} />`)}
      ${field(el, 'email', contactRequired ? el.t('email') : `${el.t('email')} ${el.t('optionalSuffix')}`, '', (describedBy, invalid) => html`
        <input id="email" type="email" autocomplete="email" spellcheck="false" aria-describedby=${describedBy} aria-invalid=${invalid}
          .value=${v.email} @input=${set('email')} />`)}
      ${v.email.trim()
        ? html`<div class="checkbox"><input id="subscribe" type="checkbox" .checked=${el.subscribe}
            @change=${(e: Event) => (el.subscribe = (e.target as HTMLInputElement).checked)} /><label for="subscribe">${el.t('subscribe')}</label></div>`
        : nothing}
      ${field(el, 'phone', contactRequired ? el.t('phone') : `${el.t('phone')} ${el.t('optionalSuffix')}`, '', (describedBy, invalid) => html`
        <input id="phone" type="tel" autocomplete="tel" aria-describedby=${describedBy} aria-invalid=${invalid}
          .value=${v.phone} @input=${set('phone')} />`)}
      <p part="privacy" class="privacy">${el.t('privacy', { count: el.retentionMonths || el.townRetentionMonths || DEFAULT_RETENTION_MONTHS })}</p>
    </fieldset>
    <div class="visually-hidden" aria-hidden="true">
      <label for="website">${el.t('honeypot')}</label>
      <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" .value=${el.website}
        @input=${(e: Event) => (el.website = (e.target as HTMLInputElement).value)} />
    </div>
    <div class="actions">
      <button part="continue-button" class="button" type="submit">${el.t('continue')}</button>
    </div>`;
}

/** What the chosen service says before anything is asked: its description, notices and answers that may help. */
function renderServiceInfo(el: El) {
  const service = el.selectedService;
  if (!service) return nothing;
  const suggestions = el.articles ? suggestArticles(service, el.articles) : [];
  return html`<div class="service-info" aria-live="polite">
      ${service.description ? html`<p class="hint">${service.description}</p>` : nothing}
      ${notices(el).map(
        (n) => html`<div class="notice" part="service-notice"><p><strong>${n.label}</strong>${n.description ? html` ${n.description}` : nothing}</p></div>`,
      )}
    </div>
    ${suggestions.length
      ? html`<div part="suggestions" class="suggestions" role="group" aria-labelledby="suggestions-title">
          <p id="suggestions-title" class="label">${el.t('kbHeading')}</p>
          <p class="hint">${el.t('kbIntro')}</p>
          <ul>
            ${suggestions.map((a) => {
              const href = kbLink(el, a);
              return html`<li>
                ${href ? html`<a href=${href}>${a.title}</a>` : html`<strong>${a.title}</strong>`}
                ${a.summary ? html`<span class="hint">${a.summary}</span>` : nothing}
              </li>`;
            })}
          </ul>
        </div>`
      : nothing}`;
}

/** "Use my location": an explanation first, then the browser's own permission prompt. */
function renderDeviceLocation(el: El) {
  let body: TemplateResult;
  if (hasPosition(el)) {
    body = html`<p id="location-chosen" class="location-chosen" tabindex="-1">
      ${el.t('geoChosen', coordinates(el))}
      <button class="link-button" type="button" @click=${() => removeLocation(el)}>${el.t('geoRemove')}</button>
    </p>`;
  } else if (el.geoState === 'consent') {
    body = html`<div id="location-consent" part="location-consent" class="notice" role="group" aria-labelledby="location-consent-title" tabindex="-1">
      <p id="location-consent-title" class="label">${el.t('geoConsentHeading')}</p>
      <p>${el.t('geoConsentText')}</p>
      <div class="actions">
        <button class="button" type="button" @click=${() => shareLocation(el)}>${el.t('geoShare')}</button>
        <button class="button button--secondary" type="button" @click=${() => cancelLocation(el)}>${el.t('geoCancel')}</button>
      </div>
    </div>`;
  } else {
    const locating = el.geoState === 'locating';
    body = html`<button id="use-location" class="button button--secondary" type="button" aria-disabled=${locating ? 'true' : 'false'}
      @click=${() => !locating && askLocation(el)}>${el.t('useLocation')}</button>`;
  }
  return html`<div class="device-location">
    ${body}
    <p class="status" role="status">${el.geoMessage}</p>
  </div>`;
}

function renderPhotos(el: El) {
  const error = [el.photoError, errorFor(el, 'photos')].filter(Boolean).join(' ');
  const describedBy = ['photos-hint', error ? 'photos-error' : ''].filter(Boolean).join(' ');
  return html`<div class="field ${error ? 'field--error' : ''}">
    <label for="photos">${el.t('addPhotos')}</label>
    <span class="hint" id="photos-hint">${el.t('photosHint')}</span>
    ${error ? html`<span class="error-message" id="photos-error"><span class="visually-hidden">${el.t('errorPrefix')} </span>${error}</span>` : nothing}
    <input id="photos" type="file" accept="image/*" multiple aria-describedby=${describedBy} aria-invalid=${error ? 'true' : 'false'}
      @change=${(e: Event) => addPhotos(el, e.target as HTMLInputElement)} />
    ${el.photoItems.length
      ? html`<ul part="photos" class="photos">
          ${el.photoItems.map((p, i) => {
            const n = i + 1;
            const state =
              p.state === 'preparing' ? el.t('photoPreparing', { n })
              : p.state === 'uploading' ? el.t('photoUploading', { n })
              : p.state === 'failed' ? el.t('errors.photoFailed', { n })
              : '';
            return html`<li class="photo ${p.state === 'failed' ? 'photo--failed' : ''}">
              ${p.preview
                ? html`<img src=${p.preview} alt=${el.t('photoAlt', { n })} />`
                : html`<span class="photo-placeholder">${el.t(p.state === 'done' ? 'photoEarlier' : 'photoAlt', { n })}</span>`}
              ${state ? html`<span class="hint">${state}</span>` : nothing}
              <span class="actions">
                ${p.state === 'failed' && p.blob
                  ? html`<button class="button button--secondary" type="button" @click=${() => retryPhoto(el, p)}>${el.t('photoRetry')}<span class="visually-hidden"> (${el.t('photoN', { n })})</span></button>`
                  : nothing}
                <button class="button button--secondary" type="button" @click=${() => removePhoto(el, p.key)}>${el.t('remove')}<span class="visually-hidden"> ${el.t('photoN', { n })}</span></button>
              </span>
            </li>`;
          })}
        </ul>`
      : nothing}
    <p class="visually-hidden" role="status">${el.photoStatus}</p>
  </div>`;
}

/** Label, hint, inline error and control wired together with ids (GOV.UK pattern). */
function field(
  el: El,
  id: string,
  label: string,
  hint: string,
  control: (describedBy: string | typeof nothing, invalid: 'true' | 'false') => TemplateResult,
) {
  const error = errorFor(el, id);
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return html`<div class="field ${error ? 'field--error' : ''}">
    <label for=${id}>${label}</label>
    ${hint ? html`<span class="hint" id="${id}-hint">${hint}</span>` : nothing}
    ${error
      ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${el.t('errorPrefix')} </span>${error}</span>`
      : nothing}
    ${control(describedBy || nothing, error ? 'true' : 'false')}
  </div>`;
}

function renderQuestion(el: El, q: ServiceQuestion) {
  const id = `q-${q.code}`;
  const label = q.required ? q.label : `${q.label} ${el.t('optionalSuffix')}`;
  const answer = el.values.answers[q.code];
  const text = typeof answer === 'string' ? answer : '';
  const onInput = (e: Event) => setAnswer(el, q.code, (e.target as HTMLInputElement).value);
  const options = q.values ?? [];
  // Checkboxes for several answers; radios for one of a few (every choice in sight); a select for a long list.
  if (q.datatype === 'multivaluelist' || (q.datatype === 'singlevaluelist' && options.length <= 5)) {
    const multiple = q.datatype === 'multivaluelist';
    const error = errorFor(el, id);
    const chosen = Array.isArray(answer) ? answer : [];
    const describedBy = [q.description ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
    return html`<fieldset id=${id} class="field ${error ? 'field--error' : ''}" aria-describedby=${describedBy || nothing}>
      <legend>${label}</legend>
      ${q.description ? html`<span class="hint" id="${id}-hint">${q.description}</span>` : nothing}
      ${error ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${el.t('errorPrefix')} </span>${error}</span>` : nothing}
      <div class="checkboxes">
        ${options.map((opt, i) => html`<div class="checkbox">
          <input type=${multiple ? 'checkbox' : 'radio'} id="${id}-${i}" name=${id} value=${opt.key}
            .checked=${multiple ? chosen.includes(opt.key) : text === opt.key} aria-invalid=${error ? 'true' : 'false'}
            @change=${(e: Event) => {
              const on = (e.target as HTMLInputElement).checked;
              if (!multiple) return setAnswer(el, q.code, opt.key);
              setAnswer(el, q.code, on ? [...chosen, opt.key] : chosen.filter((k) => k !== opt.key));
            }} />
          <label for="${id}-${i}">${opt.name}</label>
        </div>`)}
      </div>
    </fieldset>`;
  }
  return field(el, id, label, q.description ?? '', (describedBy, invalid) => {
    switch (q.datatype) {
      case 'text':
        return html`<textarea id=${id} rows="4" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${text} @input=${onInput}></textarea>`;
      case 'singlevaluelist':
        return html`<select id=${id} aria-describedby=${describedBy} aria-invalid=${invalid} @change=${onInput}>
          <option value="" ?selected=${!text}>—</option>
          ${options.map((opt) => html`<option value=${opt.key} ?selected=${opt.key === text}>${opt.name}</option>`)}
        </select>`;
      case 'number':
        return html`<input id=${id} type="text" inputmode="decimal" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${text} @input=${onInput} />`;
      case 'datetime':
        return html`<input id=${id} type="datetime-local" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${text} @input=${onInput} />`;
      default:
        return html`<input id=${id} type="text" aria-describedby=${describedBy} aria-invalid=${invalid} .value=${text} @input=${onInput} />`;
    }
  });
}

/** GOV.UK "check your answers": every answer with a Change link back to its field, then Send. */
export function renderCheck(el: El) {
  const v = el.values;
  const service = el.selectedService;
  const submitting = el.submitState === 'submitting';
  const row = (key: string, value: unknown, id: string) => html`<div class="summary-row">
    <dt>${key}</dt>
    <dd>${value || el.t('notGiven')}</dd>
    <dd class="summary-action">
      <button class="link-button" type="button" aria-label=${el.t('changeItem', { item: key })} @click=${() => change(el, id)}>${el.t('change')}</button>
    </dd>
  </div>`;
  const answerText = (q: ServiceQuestion) => {
    const a = v.answers[q.code];
    const keys = Array.isArray(a) ? a : a ? [a] : [];
    return keys.map((k) => q.values?.find((o) => o.key === k)?.name ?? (q.datatype === 'datetime' ? el.formatDate(k) : k)).join(', ');
  };
  const contact = [v.name, v.email, v.phone].map((x) => x.trim()).filter(Boolean).join(', ');
  const place = [v.locationText.trim(), hasPosition(el) ? el.t('devicePosition', coordinates(el)) : '']
    .filter(Boolean)
    .map((line) => html`<span class="line">${line}</span>`);
  return html`
    ${errorSummary(el, el.errors, el.t('errorSummaryTitle'))}
    ${renderFailure(el)}
    <section part="check" aria-labelledby="check-heading">
      <h2 id="check-heading" tabindex="-1">${el.t('checkHeading')}</h2>
      <p>${el.t('checkIntro')}</p>
      <dl class="summary-list">
        ${row(el.t('rowService'), service?.name ?? '', 'service')}
        ${row(el.t('description'), v.description.trim(), 'description')}
        ${row(el.t('location'), place.length ? place : '', 'location')}
        ${questions(el).map((q) => row(q.label, answerText(q), `q-${q.code}`))}
        ${row(el.t('rowPhotos'), v.photos.length ? el.t('photoCount', { count: v.photos.length }) : '', 'photos')}
        ${row(el.t('rowContact'), contact, contact ? (v.name.trim() ? 'name' : v.email.trim() ? 'email' : 'phone') : 'name')}
      </dl>
      <form part="check-form" novalidate @submit=${(e: Event) => { e.preventDefault(); void el.submit(); }}>
        <button part="submit-button" class="button" type="submit" aria-disabled=${submitting ? 'true' : 'false'}>
          ${submitting ? el.t('submitting') : el.t('submit')}
        </button>
        <p class="status" role="status" aria-live="polite">${submitting ? el.t('sendingStatus') : ''}</p>
      </form>
    </section>`;
}

export function renderConfirmation(el: El, result: SubmittedRequest) {
  const groups = result.reference.split('-');
  return html`<div part="confirmation" class="panel--success">
    <h2 id="confirmation-heading" tabindex="-1">${el.t('confirmationHeading')}</h2>
    <p>${el.t('referenceIntro')}</p>
    <p part="reference" class="reference" data-reference=${result.reference}>
      <span aria-hidden="true" data-copy>${groups.map((g, i) => html`${i ? html`<span class="ref-dash">-</span>` : nothing}<span class="ref-group">${g}</span>`)}</span>
      <span class="visually-hidden">${spelled(result.reference)}</span>
    </p>
    <p>
      <button class="button button--secondary" type="button" @click=${() => copyReference(el, result.reference)}>${el.t('copyReference')}</button>
    </p>
    <p class="status" role="status">${el.copyStatus}</p>
    <p>${el.t('referenceKeep')}</p>
    <h3>${el.t('nextHeading')}</h3>
    <p>${el.t('nextText')}</p>
    <p>${el.t('nextContact')}</p>
    <div class="actions">
      ${el.trackUrl ? html`<a href=${trackLink(el.trackUrl, result.reference)}>${el.t('trackLink')}</a>` : nothing}
      <button class="button button--secondary" type="button" @click=${() => startAnother(el)}>${el.t('another')}</button>
    </div>
  </div>`;
}

export function renderQueued(el: El) {
  return html`<div part="queued" class="notice">
    <h2 id="queued-heading" tabindex="-1">${el.t('queuedHeading')}</h2>
    <p>${el.t('queuedText')}</p>
    <p>${el.t('queuedKeep')}</p>
    <button class="button button--secondary" type="button" @click=${() => startAnother(el)}>${el.t('another')}</button>
  </div>`;
}
