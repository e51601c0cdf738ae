// Styles of an open article (render-article.ts), added to the element when its code arrives.
import { css } from 'lit';

export const articleStyles = css`
  .meta {
    font-size: 0.875em;
  }
  .article-body {
    max-width: 42em;
  }
  .article-body img {
    max-width: 100%;
    height: auto;
  }
  .article-body table {
    border-collapse: collapse;
    margin: 1em 0;
    display: block;
    overflow-x: auto;
  }
  .article-body th,
  .article-body td {
    border: 1px solid var(--_muni-border);
    padding: 0.25em 0.5em;
    text-align: start;
    vertical-align: top;
  }
  .article-body th {
    background: #f2f2f2;
  }
  .article-body blockquote {
    margin: 1em 0;
    padding-inline-start: 1em;
    border-inline-start: 4px solid var(--_muni-border);
  }
  .article-body pre {
    overflow-x: auto;
  }
  .related ul {
    padding-inline-start: 1.25em;
  }
  .feedback {
    margin-top: 2em;
    padding-top: 1em;
    border-top: 1px solid var(--_muni-border);
  }
  .feedback h3 {
    margin-top: 0;
  }
  .feedback-buttons {
    display: flex;
    gap: 0.5em;
  }
  .feedback textarea {
    width: 100%;
    box-sizing: border-box;
  }
`;
