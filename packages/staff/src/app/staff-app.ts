import { html, nothing } from 'lit';
import { ContextProvider } from '@lit/context';
import { ApiError, MuniElement, normaliseLang } from '@munikit/core';
import type { Lang, LocalisedText } from '@munikit/core';
import '../sign-in/sign-in-screen.ts';
import type { StaffSignedInEvent } from '../sign-in/sign-in-screen.ts';
import type { StaffLanguageChosenEvent } from '../account/account-screen.ts';
import { StaffApi, allowed, type ConsoleSession } from '../shared/staff-api.ts';
import { ROUTES, SIGN_IN_PATH, routeFor, safeNext, signedOutRouteFor, type SignedOutRoute, type StaffRoute } from './routes.ts';
import { staffContext, type StaffContext } from './staff-context.ts';
import { STAFF_APP_NS } from './staff-app.i18n.ts';
import { staffAppStyles } from './staff-app.styles.ts';
import { currentSession, logout } from '../shared/staff-api.ts';

type Phase = 'checking' | 'signed-out' | 'signed-in';

/** Where the staff member's language choice is remembered on this browser. */
export const LANGUAGE_KEY = 'munikit-staff-lang';
const TOWN_KEY = 'munikit-staff-town';

/** A screen element; signed-out screens take the emailed link's token. */
type Screen = HTMLElement & { updateComplete?: Promise<unknown>; token?: string; query?: URLSearchParams };

/**
 * The staff console: session, town, navigation and one lazily loaded screen per URL under /staff.
 * Screens receive the session through @lit/context (`staffContext`); the shell owns it.
 *
 * @tagname muni-staff-app
 * @summary The staff console application shell.
 *
 * @attr lang - Interface language (`en` or `fr`); the staff member's choice is remembered.
 * @fires muni-staff-signed-out - The staff member signed out. `detail: {}`.
 * @csspart header - The top bar with the town, the account and sign-out.
 * @csspart nav - The navigation between screens.
 */
export class MuniStaffApp extends MuniElement {
  static override i18nNamespace = STAFF_APP_NS;
  static override styles = staffAppStyles;
  static override properties = {
    ...MuniElement.properties,
    phase: { state: true, attribute: false },
    route: { state: true, attribute: false },
    signedOutScreen: { state: true, attribute: false },
    screen: { state: true, attribute: false },
    notice: { state: true, attribute: false },
  };

  declare phase: Phase;
  declare route: StaffRoute | undefined;
  /** A signed-out screen (password reset, invitation) shown instead of sign-in. */
  declare signedOutScreen: Screen | undefined;
  declare screen: Screen | undefined;
  declare notice: string;
  protected override credentials: RequestCredentials = 'same-origin';

  private readonly provider = new ContextProvider(this, { context: staffContext });
  private readonly screens = new Map<string, Screen>();
  private session: ConsoleSession | undefined;
  private townNames: Record<string, LocalisedText> = {};
  private readonly onPopState = () => void this.showPath(location.pathname + location.search, false);

  constructor() {
    super();
    this.phase = 'checking';
    this.notice = '';
  }

  override connectedCallback(): void {
    if (!this.getAttribute('lang')) this.setAttribute('lang', this.rememberedLanguage());
    super.connectedCallback();
    document.documentElement.lang = this.uiLang;
    window.addEventListener('popstate', this.onPopState);
    void this.start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onPopState);
  }

  private rememberedLanguage(): Lang {
    try {
      const stored = localStorage.getItem(LANGUAGE_KEY);
      if (stored) return normaliseLang(stored);
    } catch {
      /* storage blocked: fall through */
    }
    return normaliseLang(document.documentElement.getAttribute('lang') || navigator.language);
  }

  private async start(): Promise<void> {
    const signedOutRoute = signedOutRouteFor(location.pathname);
    if (signedOutRoute) return this.showSignedOut(signedOutRoute);
    try {
      await this.signedIn(await currentSession(this.client));
      await this.showPath(location.pathname + location.search, false, true);
    } catch (error) {
      this.signedOut(error instanceof ApiError && error.status === 401 ? '' : this.describeError(error));
    }
  }

  /** A page opened from an emailed link (password reset, invitation): no session needed. */
  private async showSignedOut(route: SignedOutRoute): Promise<void> {
    this.phase = 'signed-out';
    document.title = `${this.t(route.titleKey)} — ${this.t('brand')}`;
    await route.load();
    const screen = document.createElement(route.tag) as Screen;
    // Emailed links carry the token in the fragment (never sent to a server); take it, then drop it
    // from the address bar so it does not stay in the browser's history.
    const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? new URLSearchParams(location.search).get('token') ?? '';
    if (token) history.replaceState(null, '', location.pathname);
    screen.token = token;
    this.signedOutScreen = screen;
    await this.updateComplete;
    await screen.updateComplete;
  }

  /** The first screen this person's role lets them see in the current town. */
  private home(town: string): StaffRoute | undefined {
    return this.session ? ROUTES.find((r) => allowed(this.session!, town, r.permission)) : undefined;
  }

  private async signedIn(session: ConsoleSession): Promise<void> {
    this.session = session;
    // A language saved on the account wins over this browser's memory.
    if (session.user.language) this.applyLanguage(session.user.language, false);
    this.phase = 'signed-in';
    this.notice = '';
    const ids = session.towns.map((t) => t.id);
    let remembered = '';
    try {
      remembered = localStorage.getItem(TOWN_KEY) ?? '';
    } catch {
      /* ignore */
    }
    const town = ids.includes(this.town ?? '') ? this.town! : ids.includes(remembered) ? remembered : (ids[0] ?? '');
    this.publish(town);
    // Names for the town switcher and captions; the ids stand in if this fails.
    this.client.listTowns().then(
      (towns) => {
        this.townNames = Object.fromEntries(towns.map((t) => [t.id, t.name]));
        this.publish(this.provider.value?.town ?? town);
      },
      () => undefined,
    );
  }

  private publish(town: string): void {
    const session = this.session!;
    const ctx: StaffContext = {
      session,
      town,
      townNames: this.townNames,
      client: this.client,
      sessionExpired: () => this.signedOut(this.t('sessionEnded')),
      navigate: (path) => void this.showPath(path, true),
    };
    this.provider.setValue(ctx);
    this.requestUpdate();
  }

  /** Shows sign-in at /staff/sign-in, remembering where the staff member was going. */
  private signedOut(notice: string): void {
    this.session = undefined;
    this.signedOutScreen = undefined;
    this.phase = 'signed-out';
    this.notice = notice;
    this.screens.clear();
    this.screen = undefined;
    const here = location.pathname + location.search;
    if (!location.pathname.startsWith(SIGN_IN_PATH)) {
      const next = routeFor(location.pathname) ? `?next=${encodeURIComponent(here)}` : '';
      history.replaceState(null, '', `${SIGN_IN_PATH}${next}`);
    }
    document.title = `${this.t('signInTitle')} — ${this.t('brand')}`;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement & { focusHeading?: () => void }>('muni-staff-sign-in')?.focusHeading?.());
  }

  private async onSignedIn(e: StaffSignedInEvent): Promise<void> {
    await this.signedIn(e.detail.session);
    // A town requires two-factor sign-in and this account has none yet: enrol first (my account).
    if ((e.detail.session as { next?: string }).next === 'enrol_totp') return this.showPath('/staff/account', false, true);
    const next = safeNext(new URLSearchParams(location.search).get('next')) ?? this.home(this.provider.value?.town ?? '')?.path ?? '/staff/account';
    await this.showPath(next, false, true);
  }

  /** Navigates to a console path: the URL, the title and the screen; focus goes to its heading. */
  private async showPath(path: string, push: boolean, replace = false): Promise<void> {
    if (this.phase !== 'signed-in') {
      if (this.phase === 'signed-out' && !path.startsWith(SIGN_IN_PATH)) this.signedOut(this.notice);
      return;
    }
    const url = new URL(path, location.origin);
    const town = this.provider.value?.town ?? '';
    let route = routeFor(url.pathname);
    if (!route || !allowed(this.session!, town, route.permission)) {
      // Unknown, or not for this role: the first screen the role may see.
      route = this.home(town) ?? routeFor('/staff/account')!;
      replace = true;
      push = false;
    }
    // The query stays with its screen (e.g. /staff/kb/article?id=…), which receives it as `query`.
    const search = url.pathname.replace(/\/+$/, '') === route.path ? url.search : '';
    if (push) history.pushState(null, '', route.path + search);
    else if (replace || url.pathname !== route.path) history.replaceState(null, '', route.path + search);
    this.route = route;
    document.title = `${this.t(route.titleKey)} — ${this.t('brand')}`;
    this.screen = undefined;
    await route.load();
    let screen = this.screens.get(route.tag);
    if (!screen) {
      screen = document.createElement(route.tag) as Screen;
      this.screens.set(route.tag, screen);
    }
    if (this.route !== route) return; // another navigation won the race
    screen.query = new URLSearchParams(search);
    this.screen = screen;
    await this.updateComplete;
    await screen.updateComplete;
    const heading = screen.shadowRoot?.querySelector<HTMLElement>('#screen-heading');
    if (push || replace) heading?.focus();
  }

  private onNavClick(e: MouseEvent, path: string): void {
    if (e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    void this.showPath(path, true);
  }

  private switchTown(town: string): void {
    try {
      localStorage.setItem(TOWN_KEY, town);
    } catch {
      /* remembered for this page only */
    }
    this.publish(town);
    // The new town's role may not allow the current screen.
    if (this.route && !allowed(this.session!, town, this.route.permission)) void this.showPath(this.home(town)?.path ?? '/staff/account', false, true);
    else this.requestUpdate();
  }

  /** Shows the console in `lang`, remembered on this browser (and on the account when `save`). */
  private applyLanguage(lang: Lang, save: boolean): void {
    try {
      localStorage.setItem(LANGUAGE_KEY, lang);
    } catch {
      /* remembered for this page only */
    }
    this.setAttribute('lang', lang);
    if (save && this.session) {
      // Best effort: the choice holds on this browser even if the account could not be updated.
      new StaffApi(this.client, this.session.csrfToken).changeMe({ language: lang }).catch(() => undefined);
    }
  }

  private switchLanguage(): void {
    this.applyLanguage(this.uiLang === 'fr' ? 'en' : 'fr', true);
  }

  private onLanguageChosen(e: StaffLanguageChosenEvent): void {
    const lang = e.detail.language ?? normaliseLang(navigator.language);
    this.applyLanguage(lang, false);
  }

  async signOut(): Promise<void> {
    try {
      await logout(this.client, this.session?.csrfToken ?? '');
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        this.notice = this.describeError(error);
        return;
      }
    }
    this.emit('muni-staff-signed-out', {});
    this.signedOut(this.t('signedOut'));
  }

  private focusMain(e: Event): void {
    e.preventDefault();
    const heading = this.screen?.shadowRoot?.querySelector<HTMLElement>('#screen-heading');
    (heading ?? this.renderRoot.querySelector<HTMLElement>('main'))?.focus();
  }

  protected override languageChanged(previous: Lang): void {
    super.languageChanged(previous);
    document.documentElement.lang = this.uiLang;
    document.title = `${this.t(this.route && this.phase === 'signed-in' ? this.route.titleKey : 'signInTitle')} — ${this.t('brand')}`;
  }

  override render() {
    // A button, not a link: the target lives in our shadow root, where a #fragment cannot reach it.
    return html`<button class="skip-link button button--secondary" type="button" @click=${this.focusMain}>${this.t('skipToContent')}</button>
      ${this.renderHeader()}
      ${this.phase === 'signed-in' ? this.renderNav() : nothing}
      <main id="main" tabindex="-1" @muni-staff-language-chosen=${this.onLanguageChosen}>${this.renderMain()}</main>`;
  }

  private renderHeader() {
    const ctx = this.provider.value;
    const session = this.phase === 'signed-in' ? this.session : undefined;
    return html`<header part="header">
      <p class="brand">${this.t('brand')}</p>
      <div class="account">
        ${session && session.towns.length > 1
          ? html`<div class="field">
              <label for="town">${this.t('town')}</label>
              <select id="town" @change=${(e: Event) => this.switchTown((e.target as HTMLSelectElement).value)}>
                ${session.towns.map((t) => html`<option value=${t.id} ?selected=${t.id === ctx?.town}>${this.townNames[t.id]?.[this.uiLang] ?? t.id}</option>`)}
              </select>
            </div>`
          : nothing}
        ${session ? html`<p>${this.t('signedInAs', { name: session.user.name || session.user.email })}</p>` : nothing}
        <button class="button button--secondary" type="button" lang=${this.uiLang === 'fr' ? 'en' : 'fr'}
          @click=${this.switchLanguage}>${this.t('switchLanguage')}</button>
        ${session
          ? html`<button class="button button--secondary" type="button" @click=${this.signOut}>${this.t('signOut')}</button>`
          : nothing}
      </div>
    </header>`;
  }

  private renderNav() {
    return html`<nav part="nav" aria-label=${this.t('navLabel')}>
      <ul>
        ${ROUTES.filter((r) => r.nav !== false && allowed(this.session!, this.provider.value?.town ?? '', r.permission)).map(
          (r) => html`<li><a href=${r.path} aria-current=${this.route === r ? 'page' : nothing}
            @click=${(e: MouseEvent) => this.onNavClick(e, r.path)}>${this.t(r.titleKey)}</a></li>`,
        )}
      </ul>
    </nav>`;
  }

  private renderMain() {
    switch (this.phase) {
      case 'checking':
        return html`<p role="status">${this.t('checkingSession')}</p>`;
      case 'signed-out':
        if (this.signedOutScreen) return this.signedOutScreen;
        return html`<muni-staff-sign-in .notice=${this.notice} @muni-staff-signed-in=${this.onSignedIn}></muni-staff-sign-in>`;
      case 'signed-in':
        if (!this.provider.value?.town && this.route?.permission !== 'self') return html`<p class="notice" role="alert">${this.t('noTowns')}</p>`;
        return this.screen ?? html`<p role="status">${this.t('loadingScreen')}</p>`;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'muni-staff-app': MuniStaffApp;
  }
}
