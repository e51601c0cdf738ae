import { css, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { ContextConsumer } from '@lit/context';
import { MuniElement, sharedStyles } from '@munikit/core';
import { staffContext } from '../app/staff-context.ts';
import type { StaffArticleSummary } from './kb-api.ts';
import { GUIDANCE_NS } from './staff-guidance.i18n.ts';

const CACHE_MS = 60_000;
/** One request per town and service for a minute, however many rows of the inbox show that service. */
const cache = new Map<string, { at: number; articles: Promise<StaffArticleSummary[]> }>();

function internalArticles(el: MuniElement, town: string, service: string): Promise<StaffArticleSummary[]> {
  const key = `${town}|${service}`;
  const hit = cache.get(key);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.articles;
  const articles = el.client
    .get<{ articles: StaffArticleSummary[] }>(`/staff/towns/${encodeURIComponent(town)}/kb/articles`, { visibility: 'internal', service })
    .then((r) => r.articles.filter((a) => a.status !== 'archived'));
  // A failure (no kb.read, offline) shows nothing and is asked again next time.
  articles.catch(() => cache.delete(key));
  cache.set(key, { at: Date.now(), articles });
  return articles;
}

/**
 * "Staff guidance": the internal knowledge-base articles linked to a service (what to ask a caller,
 * who handles what), shown beside a request of that service. Renders nothing when there are none.
 *
 * @tagname muni-staff-kb-guidance
 * @summary Internal articles for a request's service, in the console.
 * @attr service - The service code.
 * @attr town - The town id.
 */
export class MuniStaffKbGuidance extends MuniElement {
  static override i18nNamespace = GUIDANCE_NS;
  static override styles = [
    ...sharedStyles,
    css`
      :host {
        display: block;
      }
      details {
        margin-top: 0.25em;
      }
      summary {
        cursor: pointer;
        color: var(--_muni-primary);
      }
      ul {
        margin: 0.25em 0;
        padding-inline-start: 1.25em;
      }
    `,
  ];
  static override properties = {
    ...MuniElement.properties,
    service: { type: String },
    articles: { state: true, attribute: false },
  };

  declare service: string;
  declare articles: StaffArticleSummary[];
  protected override credentials: RequestCredentials = 'same-origin';
  private readonly staff = new ContextConsumer(this, { context: staffContext, subscribe: true });

  constructor() {
    super();
    this.service = '';
    this.articles = [];
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('service') || changed.has('town')) {
      const town = this.town ?? '';
      const service = this.service;
      this.articles = [];
      if (!town || !service) return;
      internalArticles(this, town, service).then(
        (articles) => {
          if (this.town === town && this.service === service) this.articles = articles;
        },
        () => undefined,
      );
    }
  }

  private articleTitle(a: StaffArticleSummary): { text: string; lang: string } {
    const mine = this.uiLang === 'fr' ? a.titleFr : a.titleEn;
    if (mine) return { text: mine, lang: this.uiLang };
    return this.uiLang === 'fr' ? { text: a.titleEn ?? a.slug, lang: 'en' } : { text: a.titleFr ?? a.slug, lang: 'fr' };
  }

  private open(e: MouseEvent, path: string): void {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || !this.staff.value) return;
    e.preventDefault();
    this.staff.value.navigate(path);
  }

  override render() {
    if (this.articles.length === 0) return nothing;
    return html`<details lang=${this.uiLang}>
      <summary>${this.t('summary', { count: this.articles.length })}</summary>
      <ul>
        ${this.articles.map((a) => {
          const path = `/staff/kb/article?id=${encodeURIComponent(a.id)}`;
          const title = this.articleTitle(a);
          return html`<li><a href=${path} lang=${title.lang} @click=${(e: MouseEvent) => this.open(e, path)}>${title.text}</a></li>`;
        })}
      </ul>
    </details>`;
  }
}

if (!customElements.get('muni-staff-kb-guidance')) customElements.define('muni-staff-kb-guidance', MuniStaffKbGuidance);

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-kb-guidance': MuniStaffKbGuidance;
  }
}
