// Problems with a console form, shown the GOV.UK way: a summary that takes focus and links to each
// field (the link scrolls the field's label into view, then focuses the field), and the same message
// beside the field, which is marked aria-invalid.
import { html, nothing } from 'lit';
import type { LitElement, TemplateResult } from 'lit';
import { ApiError, focusAfterRender } from '@munikit/core';

export interface Problem {
  /** id of the control in the screen's shadow root, or '' for a problem with the whole form. */
  id: string;
  message: string;
}

export function errorSummary(host: LitElement, problems: Problem[], title: string): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const follow = (e: Event, id: string) => {
    e.preventDefault();
    host.renderRoot.querySelector(`label[for="${id}"]`)?.scrollIntoView({ block: 'center' });
    host.renderRoot.querySelector<HTMLElement>(`#${id}`)?.focus();
  };
  return html`<div id="error-summary" part="error-summary" class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
    <div role="alert">
      <h2 id="error-summary-title">${title}</h2>
      <ul>
        ${problems.map((p) =>
          p.id ? html`<li><a href="#${p.id}" @click=${(e: Event) => follow(e, p.id)}>${p.message}</a></li>` : html`<li>${p.message}</li>`,
        )}
      </ul>
    </div>
  </div>`;
}

export const focusErrorSummary = (host: LitElement) => focusAfterRender(host, '#error-summary');

/** The inline message for a control, and the attributes that tie it to the control. */
export function inlineProblem(problems: Problem[], id: string, prefix: string) {
  const message = problems.find((p) => p.id === id)?.message;
  return {
    invalid: message ? 'true' : 'false',
    describedBy: message ? `${id}-error` : undefined,
    fieldClass: message ? 'field field--error' : 'field',
    message: message
      ? html`<span class="error-message" id="${id}-error"><span class="visually-hidden">${prefix} </span>${message}</span>`
      : nothing,
  };
}

/**
 * Turns a server answer into problems: each named field becomes a problem on its control (through
 * `controlFor`), anything else one problem for the whole form with `fallback` as its message.
 */
export function problemsFrom(error: unknown, controlFor: (field: string) => string | undefined, fallback: string): Problem[] {
  if (error instanceof ApiError && error.fields.length > 0) {
    return error.fields.map((f) => ({ id: controlFor(f.field) ?? '', message: f.message }));
  }
  return [{ id: '', message: fallback }];
}
