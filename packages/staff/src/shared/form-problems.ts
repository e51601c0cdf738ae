// Problems with a console form, shown the GOV.UK way: a summary that takes focus and links to each
// field (the link scrolls the field's label into view, then focuses the field), and the same message
// beside the field, which is marked aria-invalid.
import { html, nothing } from 'lit';
import { ApiError } from '@munikit/core';
import type { Problem } from '@munikit/core/error-summary';

// The summary itself is the shared one in @munikit/core (the resident form uses it too).
export { errorSummary, focusErrorSummary } from '@munikit/core/error-summary';
export type { Problem } from '@munikit/core/error-summary';

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
