// The GOV.UK error summary, once for every MuniKit form (resident widgets and the staff console).
// As GOV.UK Frontend builds it: the container takes focus (tabindex=-1) and a child carries
// role="alert", so the problems are announced once and keyboard users start from the list. Each
// problem links to its control; inside shadow DOM a fragment link goes nowhere, so the click is
// handled here: the control's label (or its fieldset's legend) is scrolled into view, then the
// control takes focus.
import { html, nothing } from 'lit';
import type { LitElement, TemplateResult } from 'lit';
import { focusAfterRender } from './muni-element.ts';

export interface Problem {
  /** id of the control in the host's shadow root, or '' for a problem with the whole form. */
  id: string;
  message: string;
}

const SUMMARY_ID = 'error-summary';

/**
 * Scrolls the label of the control `id` into view, then focuses the control. A fieldset (a group of
 * radios or checkboxes, or any group of controls) gives focus to its checked radio, else its first
 * control, and scrolls its legend into view. Returns whether a control took focus.
 */
export function focusControl(host: LitElement, id: string): boolean {
  const root = host.renderRoot as ParentNode;
  const control = root.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
  if (!control) return false;
  const isGroup = control.matches('fieldset, [role="group"], [role="radiogroup"]');
  const target = isGroup
    ? (control.querySelector<HTMLElement>('input:checked') ?? control.querySelector<HTMLElement>('input, select, textarea, button'))
    : control;
  const label = isGroup
    ? control.querySelector(':scope > legend')
    : root.querySelector(`label[for="${CSS.escape(id)}"]`);
  (label ?? target)?.scrollIntoView({ block: 'center' });
  target?.focus({ preventScroll: !!label });
  return !!target;
}

/** The summary of `problems` under `title`, or nothing when there are none. */
export function errorSummary(host: LitElement, problems: readonly Problem[], title: string): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  const follow = (e: Event, id: string) => {
    e.preventDefault();
    focusControl(host, id);
  };
  return html`<div id=${SUMMARY_ID} part="error-summary" class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
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

/** Moves focus to the summary once it has rendered (after a failed submit). */
export function focusErrorSummary(host: LitElement): Promise<void> {
  return focusAfterRender(host, `#${SUMMARY_ID}`);
}
