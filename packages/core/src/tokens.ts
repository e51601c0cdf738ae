import { css } from 'lit';

/**
 * Theme tokens. Pages theme the widgets by setting the public `--muni-*` properties; inside we read
 * private `--_muni-*` copies so every default lives in exactly one place. `--_muni-text` and
 * `--_muni-background` colour the opaque surfaces (fields, popups, secondary buttons); the element's
 * own text and background follow the page unless `--muni-color-text` / `--muni-color-background` are set.
 */
export const tokens = css`
  :host {
    --_muni-primary: var(--muni-color-primary, #1d4f91);
    --_muni-on-primary: var(--muni-color-on-primary, #fff);
    --_muni-text: var(--muni-color-text, #1b1b1b);
    --_muni-background: var(--muni-color-background, #fff);
    --_muni-space: var(--muni-spacing, 1em);
    --_muni-border: var(--muni-color-border, #6b6b6b);
    --_muni-error: var(--muni-color-error, #b00020);
    --_muni-success: var(--muni-color-success, #1e6b34);
    --_muni-radius: var(--muni-radius, 4px);
    --_muni-focus-ring: var(--muni-focus-ring, 3px solid #ffbf47);
  }
`;

/**
 * Host reset: we are guests on someone else's page, so inherit nothing we did not ask for, except the
 * page's font and text colour, so the elements look native. A `var()` of an unset property with no
 * fallback makes the declaration `unset`: inherited for font and colour, transparent for background.
 */
export const hostStyles = css`
  :host {
    all: initial;
    display: block;
    box-sizing: border-box;
    font-family: var(--muni-font-family);
    font-size: var(--muni-font-size);
    line-height: var(--muni-line-height, 1.5);
    color: var(--muni-color-text);
    background: var(--muni-color-background);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  [hidden] {
    display: none !important;
  }
  h2,
  h3 {
    margin: 0 0 0.75em;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.375em;
  }
  h3 {
    font-size: 1.125em;
  }
  p {
    margin: 0 0 var(--_muni-space);
  }
  a {
    color: var(--_muni-primary);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }
`;

export const focusStyles = css`
  :focus {
    outline: none;
  }
  :focus-visible {
    outline: var(--_muni-focus-ring);
    outline-offset: 2px;
  }
  [tabindex='-1']:focus-visible {
    outline-offset: 4px;
  }
  @media (forced-colors: active) {
    :focus-visible {
      outline: 3px solid CanvasText;
    }
  }
`;

export const visuallyHiddenStyles = css`
  .visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip: rect(0 0 0 0) !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
`;

export const buttonStyles = css`
  .button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    min-height: 44px;
    padding: 0.5em 1.1em;
    border: 2px solid var(--_muni-primary);
    border-radius: var(--_muni-radius);
    background: var(--_muni-primary);
    color: var(--_muni-on-primary);
    font: inherit;
    font-weight: 600;
    cursor: pointer;
    text-decoration: none;
  }
  .button:hover {
    text-decoration: underline;
  }
  .button[aria-disabled='true'] {
    cursor: progress;
    opacity: 0.75;
  }
  .button--secondary {
    background: var(--_muni-background);
    color: var(--_muni-primary);
  }
  .link-button {
    display: inline;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_muni-primary);
    font: inherit;
    text-align: start;
    text-decoration: underline;
    text-underline-offset: 0.15em;
    cursor: pointer;
  }
`;

export const formStyles = css`
  .field {
    margin: 0 0 calc(1.25 * var(--_muni-space));
  }
  .field--error {
    border-inline-start: 4px solid var(--_muni-error);
    padding-inline-start: 0.75em;
  }
  label,
  legend,
  .label {
    display: block;
    margin: 0 0 0.25em;
    font-weight: 600;
  }
  fieldset {
    margin: 0 0 calc(1.25 * var(--_muni-space));
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    font-size: 1.125em;
    padding: 0;
  }
  .hint {
    display: block;
    margin: 0 0 0.35em;
    color: inherit;
    font-weight: 400;
  }
  .error-message {
    display: block;
    margin: 0 0 0.35em;
    color: var(--_muni-error);
    font-weight: 600;
  }
  input:not([type='checkbox']):not([type='radio']),
  select,
  textarea {
    display: block;
    width: 100%;
    max-width: 36em;
    min-height: 44px;
    padding: 0.4em 0.5em;
    border: 2px solid var(--_muni-border);
    border-radius: var(--_muni-radius);
    background: var(--_muni-background);
    color: var(--_muni-text);
    font: inherit;
  }
  textarea {
    min-height: 8em;
    resize: vertical;
  }
  /* As specific as the base control rule above, so the error colour wins on every control. */
  input:not([type='checkbox']):not([type='radio'])[aria-invalid='true'],
  select:not([multiple])[aria-invalid='true'],
  textarea:not([hidden])[aria-invalid='true'] {
    border-color: var(--_muni-error);
  }
  /* Radios and checkboxes have no border to colour: a ring that leaves the focus outline alone. */
  input[type='checkbox'][aria-invalid='true'],
  input[type='radio'][aria-invalid='true'] {
    box-shadow: 0 0 0 2px var(--_muni-error);
  }
  .checkbox {
    display: flex;
    align-items: center;
    gap: 0.5em;
    font-weight: 400;
    min-height: 44px;
  }
  .checkbox input {
    width: 1.4em;
    height: 1.4em;
    margin: 0;
  }
`;

export const messageStyles = css`
  .error-summary {
    margin: 0 0 calc(1.5 * var(--_muni-space));
    padding: var(--_muni-space) calc(1.25 * var(--_muni-space));
    border: 4px solid var(--_muni-error);
    border-radius: var(--_muni-radius);
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary a,
  .error-summary li {
    color: var(--_muni-error);
    font-weight: 600;
  }
  .notice {
    margin: 0 0 calc(1.25 * var(--_muni-space));
    padding: var(--_muni-space) calc(1.25 * var(--_muni-space));
    border-inline-start: 6px solid var(--_muni-primary);
  }
  .notice--error {
    border-color: var(--_muni-error);
  }
  .panel--success {
    margin: 0 0 calc(1.5 * var(--_muni-space));
    padding: calc(1.25 * var(--_muni-space));
    border: 4px solid var(--_muni-success);
    border-radius: var(--_muni-radius);
  }
`;

/** Everything most elements need, in cascade order. */
export const sharedStyles = [
  tokens,
  hostStyles,
  focusStyles,
  visuallyHiddenStyles,
  buttonStyles,
  formStyles,
  messageStyles,
];
