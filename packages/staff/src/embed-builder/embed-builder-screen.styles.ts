import { css } from 'lit';

export const embedBuilderStyles = css`
  .builder {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(22em, 1fr));
    gap: 1.5em 2.5em;
    align-items: start;
  }
  .colour-row {
    display: flex;
    gap: 0.5em;
    align-items: center;
  }
  .colour-row input {
    max-width: 10em;
  }
  .swatch {
    display: inline-block;
    width: 2.5em;
    height: 2.5em;
    border: 1px solid var(--_muni-border);
    border-radius: var(--_muni-radius);
  }
  .checks {
    list-style: none;
    margin: 0 0 1.5em;
    padding: 0;
  }
  .check {
    display: grid;
    grid-template-columns: 1fr auto auto;
    gap: 0.75em;
    padding: 0.35em 0;
    border-bottom: 1px solid var(--_muni-border);
  }
  .check--fail strong {
    color: var(--_muni-error);
  }
  .preview {
    padding: 1em;
    border: 2px dashed var(--_muni-border);
    border-radius: var(--_muni-radius);
    margin: 0 0 1.5em;
  }
  textarea {
    font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    font-size: 0.875em;
    max-width: none;
  }
  .copy-status {
    font-weight: 600;
  }
`;
