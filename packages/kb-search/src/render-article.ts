// An open article: its body (through the allow-list), the other language, related articles and
// "Was this helpful?". Loaded when an article opens, or at once when the page's address names one.
import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import { focusAfterRender } from '@munikit/core';
import { sendFeedback } from './article-api.ts';
import type { KbSearchView } from './view.ts';

export { sanitizeHtml } from './sanitize.ts';
export { articleStyles } from './article.styles.ts';

function chooseHelpful(view: KbSearchView, helpful: boolean): void {
  view.host.helpful = helpful;
  view.host.feedback = 'chosen';
  void focusAfterRender(view.host, '#feedback-comment');
}

async function onFeedbackSubmit(view: KbSearchView, e: Event): Promise<void> {
  e.preventDefault();
  const h = view.host;
  const article = h.article;
  if (!article || h.feedback === 'sending') return;
  const comment = h.renderRoot.querySelector<HTMLTextAreaElement>('#feedback-comment')?.value.trim() ?? '';
  h.feedback = 'sending';
  h.feedbackError = '';
  try {
    const town = await h.resolveTown();
    await sendFeedback(h.client, town, article.id, {
      lang: h.articleLang,
      helpful: h.helpful,
      ...(comment ? { comment: comment.slice(0, 1000) } : {}),
    });
    h.feedback = 'sent';
    void focusAfterRender(h, '#feedback-thanks');
  } catch (error) {
    h.feedback = 'chosen';
    h.feedbackError = h.describeError(error);
  }
}

/** The article in any state but 'loading' (view.ts shows that while this file arrives). */
export function renderArticle(view: KbSearchView): TemplateResult {
  const h = view.host;
  const backButton = view.backButton();
  const lang = h.articleLang;
  if (h.articleState === 'translation-missing') {
    const o = h.article?.otherLanguage;
    return html`${backButton}
      <div id="article-status" tabindex="-1" class="notice">
        <p lang=${lang}>${h.t('translationMissing', { lng: lang })}</p>
        ${o
          ? html`<p><a href=${view.fragmentFor(o.slug, o.lang)} lang=${o.lang} hreflang=${o.lang}
                >${h.t('readInThisLanguage', { lng: o.lang })}: ${o.title}</a
              ></p>`
          : nothing}
      </div>`;
  }
  if (h.articleState !== 'ready' || !h.article) {
    const message = h.articleState === 'not-found' ? h.t('notFound') : h.errorMessage;
    return html`${backButton}
      <div id="article-status" tabindex="-1" class="notice notice--error" role="alert">
        <p>${message}</p>
        ${h.articleState === 'error' && view.openSlug
          ? html`<button class="button button--secondary" type="button" @click=${() => view.showArticle(view.openSlug!, lang)}>
              ${h.t('retry')}
            </button>`
          : nothing}
      </div>`;
  }
  const a = h.article;
  const o = a.otherLanguage;
  return html`${backButton}
    <article part="article" aria-labelledby="article-title">
      <div lang=${lang}>
        <h2 id="article-title" tabindex="-1">${a.title}</h2>
        <p class="meta">
          ${a.categoryName ? html`${a.categoryName} · ` : nothing}${h.t('updated', {
            lng: lang,
            date: new Intl.DateTimeFormat(lang === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'long' }).format(new Date(a.updatedAt)),
          })}
        </p>
        <!-- bodyHtml passed our own allow-list (sanitize.ts) after the server's: nothing in it runs. Set as
             innerHTML, as unsafeHTML would, without that directive's two chunks to fetch one after the other. -->
        <div part="article-body" class="article-body" .innerHTML=${view.safeBody}></div>
      </div>
      ${o && o.lang !== lang
        ? html`<p><a href=${view.fragmentFor(o.slug, o.lang)} lang=${o.lang} hreflang=${o.lang}
              >${h.t('readInThisLanguage', { lng: o.lang })}: ${o.title}</a
            ></p>`
        : nothing}
      ${a.related?.length
        ? html`<nav aria-labelledby="related-heading" class="related">
            <h3 id="related-heading">${h.t('related')}</h3>
            <ul lang=${lang}>
              ${a.related.map(
                (r) => html`<li>
                  <a href=${view.fragmentFor(r.slug, lang)} @click=${(e: MouseEvent) => view.onArticleLink(e, r.slug, r.id, lang)}
                    >${r.title}</a
                  >
                </li>`,
              )}
            </ul>
          </nav>`
        : nothing}
      ${renderFeedback(view)}
    </article>`;
}

function renderFeedback(view: KbSearchView): TemplateResult {
  const h = view.host;
  if (h.feedback === 'sent') {
    return html`<section part="feedback" class="feedback">
      <p id="feedback-thanks" tabindex="-1" role="status">${h.t('thanks')}</p>
    </section>`;
  }
  if (h.feedback === 'idle') {
    return html`<section part="feedback" class="feedback" aria-labelledby="feedback-heading">
      <h3 id="feedback-heading">${h.t('helpfulQuestion')}</h3>
      <p class="feedback-buttons">
        <button class="button button--secondary" type="button" data-helpful="yes" @click=${() => chooseHelpful(view, true)}>
          ${h.t('yes')}
        </button>
        <button class="button button--secondary" type="button" data-helpful="no" @click=${() => chooseHelpful(view, false)}>
          ${h.t('no')}
        </button>
      </p>
    </section>`;
  }
  return html`<section part="feedback" class="feedback" aria-labelledby="feedback-heading">
    <h3 id="feedback-heading">${h.t('helpfulQuestion')}</h3>
    <p>${h.t('youAnswered', { answer: h.t(h.helpful ? 'yes' : 'no') })}</p>
    <form @submit=${(e: Event) => onFeedbackSubmit(view, e)}>
      ${h.feedbackError ? html`<p class="notice notice--error" role="alert">${h.feedbackError}</p>` : nothing}
      <div class="field">
        <label for="feedback-comment">${h.t('commentLabel')}</label>
        <span class="hint" id="feedback-hint">${h.t('commentHint')}</span>
        <textarea id="feedback-comment" rows="3" maxlength="1000" aria-describedby="feedback-hint"></textarea>
      </div>
      <button class="button" type="submit" ?disabled=${h.feedback === 'sending'}>${h.t('sendFeedback')}</button>
    </form>
  </section>`;
}
