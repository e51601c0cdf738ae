import { LitElement } from 'lit';
import type { PropertyValues } from 'lit';
import type { TOptions } from 'i18next';
import { ApiError, NetworkError, apiClientFor, resolveApiBase } from './api-client.ts';
import type { ApiClient } from './api-client.ts';
import { TownNotConfiguredError, resolveTown } from './town.ts';
import { closestLangElement, localeFor, resolveLang, translate } from './i18n.ts';
import type { Lang } from './i18n.ts';

/**
 * Base class of every MuniKit element: API base, town and language resolution, translation and
 * event helpers.
 *
 * @attr api - Base URL of the MuniKit server. Defaults to the origin the widget script was loaded from.
 * @attr town - Town id. Defaults to the server's only town.
 * @attr lang - Interface language (`en` or `fr`). Defaults to the nearest ancestor's `lang`, then the page's.
 */
export class MuniElement extends LitElement {
  static override properties = {
    api: { type: String },
    town: { type: String },
    lang: { type: String, reflect: true },
    uiLang: { state: true, attribute: false },
  };

  /** i18next namespace holding this element's strings (falls back to `core`). */
  static i18nNamespace = 'core';

  declare api: string | undefined;
  declare town: string | undefined;
  declare lang: string;
  /** The language the interface is currently rendered in. */
  declare uiLang: Lang;

  /** How this element talks to the server; staff elements use 'same-origin' for the session cookie. */
  protected credentials: RequestCredentials = 'omit';
  private langObservers: MutationObserver[] = [];

  constructor() {
    super();
    this.uiLang = 'en';
  }

  get client(): ApiClient {
    return apiClientFor(resolveApiBase(this.api), this.credentials);
  }

  /** The town to query: the attribute, else the server's only town. */
  resolveTown(): Promise<string> {
    return resolveTown(this.client, this.town);
  }

  /** Translate in this element's namespace and current language. */
  t(key: string, opts?: TOptions): string {
    return translate(this.uiLang, (this.constructor as typeof MuniElement).i18nNamespace, key, opts);
  }

  get locale(): string {
    return localeFor(this.uiLang);
  }

  formatDate(iso: string, withTime = true): string {
    const date = new Date(iso);
    if (Number.isNaN(date.getTime())) return iso;
    return new Intl.DateTimeFormat(this.locale, {
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short' } : {}),
    }).format(date);
  }

  /** A sentence for the resident describing why a call failed. */
  describeError(error: unknown): string {
    if (error instanceof NetworkError) return this.t('networkError');
    if (error instanceof TownNotConfiguredError) return this.t('townNotConfigured');
    if (error instanceof ApiError && error.status < 500) return error.message;
    return this.t('serverError');
  }

  /** Dispatches a typed `muni-*` event that crosses shadow boundaries. */
  emit<T>(name: `muni-${string}`, detail: T): boolean {
    const init: CustomEventInit<T> = { detail, bubbles: true, composed: true, cancelable: true };
    const event = new CustomEvent<T>(name, init);
    return this.dispatchEvent(event);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.uiLang = resolveLang(this);
    this.observeLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.langObservers.forEach((o) => o.disconnect());
    this.langObservers = [];
  }

  /** Called when the interface language changes after the first render; reload localised data here. */
  protected languageChanged(_previous: Lang): void {}

  /**
   * Watches `lang` on <html>, on every ancestor in the light DOM of each tree we live in (page or
   * shadow roots), so a language switch anywhere above us re-renders.
   */
  private observeLanguage(): void {
    this.langObservers.forEach((o) => o.disconnect());
    const onChange = () => this.syncLanguage();
    const roots = new Set<Node>([document.documentElement]);
    for (let root = this.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
      roots.add(root);
    }
    this.langObservers = [...roots].map((root) => {
      const observer = new MutationObserver(onChange);
      observer.observe(root, { attributes: true, attributeFilter: ['lang'], subtree: true });
      return observer;
    });
  }

  private syncLanguage(): void {
    const next = resolveLang(this);
    if (next !== this.uiLang) {
      const previous = this.uiLang;
      this.uiLang = next;
      if (this.hasUpdated) this.languageChanged(previous);
    }
  }

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('lang')) this.syncLanguage();
  }

  /** Exposed for tests and debugging: the element that decided our language. */
  get languageSource(): Element | null {
    return closestLangElement(this);
  }
}

/** Keyboard focus after the next render, e.g. onto a heading or an error summary. */
export async function focusAfterRender(el: LitElement, selector: string): Promise<void> {
  await el.updateComplete;
  const target = el.renderRoot.querySelector<HTMLElement>(selector);
  target?.focus();
}
