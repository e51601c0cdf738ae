// Styles of what view.ts renders (suggestions, results, topics), added to the element when it arrives.
import { css } from 'lit';

export const viewStyles = css`
  mark {
    background: var(--muni-color-highlight, #fff3b0);
    color: inherit;
    font-weight: 700;
  }
  .popup {
    position: absolute;
    z-index: 10;
    inset-inline: 0;
    top: 100%;
    /* No scrolling box of its own: max-results bounds it, and focus stays in the text box
       (aria-activedescendant), so a scrolling popup could not be reached with the keyboard. */
    background: var(--_muni-background);
    border: 1px solid var(--_muni-border);
    border-top: 0;
    box-shadow: 0 4px 8px rgb(0 0 0 / 15%);
  }
  .popup[hidden] {
    display: none;
  }
  .popup-heading {
    margin: 0;
    padding: 0.5em 0.75em 0.25em;
    font-weight: 600;
  }
  [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .option {
    display: flex;
    flex-direction: column;
    padding: 0.5em 0.75em;
    cursor: pointer;
    border-bottom: 1px solid #e3e3e3;
  }
  .option:hover {
    background: #f0f4fa;
  }
  .option[aria-selected='true'] {
    background: var(--_muni-primary);
    color: var(--_muni-on-primary);
    outline: 2px solid transparent;
  }
  .option[aria-selected='true'] mark {
    background: transparent;
    color: inherit;
    text-decoration: underline;
  }
  .option-meta {
    font-size: 0.875em;
  }
  .count {
    margin: 0 0 0.75em;
    font-size: 1.125em;
  }
  .results,
  .topics {
    list-style: none;
    margin: 0 0 1em;
    padding: 0;
  }
  .result {
    padding: 0.75em 0;
    border-bottom: 1px solid var(--_muni-border);
  }
  .result a {
    font-size: 1.125em;
    font-weight: 600;
  }
  .result p {
    margin: 0.25em 0 0;
  }
  .topics {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(14em, 1fr));
    gap: 0.5em;
  }
  .topic {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    width: 100%;
    min-height: 44px;
    padding: 0.5em 0.75em;
    font: inherit;
    text-align: start;
    color: var(--_muni-primary);
    background: var(--_muni-background);
    border: 1px solid var(--_muni-border);
    border-radius: var(--_muni-radius);
    cursor: pointer;
  }
  .topic-name {
    font-weight: 600;
    text-decoration: underline;
  }
  .topic-count {
    font-size: 0.875em;
    color: var(--_muni-text);
  }
  .back {
    margin: 0 0 1em;
  }
  .request {
    margin: 1em 0 0;
  }
`;
