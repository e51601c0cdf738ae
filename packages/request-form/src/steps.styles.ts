import { css } from 'lit';

// The later steps' styles (location, photos, check answers, confirmation): added to the form's shadow
// root with the steps' code (render-steps.ts), after request-form.styles.ts.
export const stepsStyles = css`
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.75em;
    align-items: center;
  }
  .status {
    margin: 0.5em 0 0;
  }
  .status:empty {
    margin: 0;
  }
  .checkboxes {
    display: grid;
    gap: 0.25em;
  }
  .service-info,
  .suggestions {
    max-width: 36em;
    margin: 0 0 1.25em;
  }
  .notice--success {
    border-color: var(--_muni-success);
  }
  .link-button {
    min-height: 44px;
  }
  .reference {
    font-size: 1.75em;
    font-weight: 700;
    letter-spacing: 0.08em;
    font-variant-numeric: tabular-nums;
    margin: 0 0 0.5em;
    overflow-wrap: anywhere;
  }
  .ref-dash {
    margin: 0 0.3em;
    color: var(--_muni-border);
  }
  .suggestions ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .suggestions li {
    margin: 0 0 0.5em;
  }
  .device-location {
    margin: 0.75em 0 0;
  }
  .location-chosen {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin: 0;
  }
  .photos {
    list-style: none;
    margin: 0.75em 0 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .photo {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
  }
  .photo img,
  .photo-placeholder {
    width: 7.5em;
    height: 5.5em;
    object-fit: cover;
    border: 1px solid var(--_muni-border);
    border-radius: var(--_muni-radius);
  }
  .photo-placeholder {
    display: flex;
    align-items: center;
    padding: 0.25em;
    font-size: 0.875em;
  }
  .photo--failed img {
    border: 2px solid var(--_muni-error);
  }
  .privacy {
    margin: 0;
    max-width: 36em;
  }
  .line {
    display: block;
  }
  .summary-list {
    margin: 0 0 1.5em;
    border-top: 1px solid var(--_muni-border);
  }
  .summary-row {
    display: grid;
    grid-template-columns: minmax(8em, 1fr) 2fr auto;
    gap: 0.25em 1em;
    padding: 0.6em 0;
    border-bottom: 1px solid var(--_muni-border);
  }
  .summary-row dt {
    font-weight: 700;
  }
  .summary-row dd {
    margin: 0;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  @media (max-width: 40em) {
    .summary-row {
      grid-template-columns: 1fr;
    }
  }
`;
