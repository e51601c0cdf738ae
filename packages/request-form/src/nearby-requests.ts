// Duplicates at the door: once the form knows the service and the place (the device's position, else
// the address typed), open requests of that service within about 50 m (or at the same address) are
// offered with their status; "This is my problem too" follows one (optionally with an email, double
// opt-in) instead of filing it again, and then links to its tracker. Nothing about who reported them
// is ever shown (the server sends only reference, status and date).
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { addResources, translate, NetworkError } from '@munikit/core';
import type { Lang, NearbyRequest } from '@munikit/core';

const NS = 'nearby-requests';
addResources(NS, {
  en: {
    heading: 'Already reported nearby',
    intro: 'These open requests are about the same kind of problem close to this place. If one is yours, follow it instead of sending a new request.',
    filed: 'Reported {{date}}',
    distance: '{{metres}} m away',
    same: 'This is my problem too',
    emailLabel: 'Email address (optional)',
    emailHint: 'To be told when it changes. We will send a link to confirm.',
    follow: 'Follow request {{reference}}',
    following: 'Sending…',
    done: 'Thank you: you follow request {{reference}}. You do not need to send this form.',
    doneEmail: 'Check your email and open the link to confirm the updates.',
    track: 'Track request {{reference}}',
    failed: 'That did not work. Try again, or send your own request below.',
    offline: 'We could not reach the town’s server. Try again, or send your own request below.',
  },
  fr: {
    heading: 'Déjà signalé à proximité',
    intro: 'Ces demandes ouvertes portent sur le même genre de problème près de cet endroit. Si l’une est la vôtre, suivez-la au lieu d’envoyer une nouvelle demande.',
    filed: 'Signalée le {{date}}',
    distance: 'À {{metres}} m',
    same: 'C’est aussi mon problème',
    emailLabel: 'Adresse courriel (facultatif)',
    emailHint: 'Pour être avisé des changements. Nous enverrons un lien de confirmation.',
    follow: 'Suivre la demande {{reference}}',
    following: 'Envoi…',
    done: 'Merci : vous suivez la demande {{reference}}. Vous n’avez pas besoin d’envoyer ce formulaire.',
    doneEmail: 'Consultez vos courriels et ouvrez le lien pour confirmer les avis.',
    track: 'Suivre la demande {{reference}} en ligne',
    failed: 'Cela n’a pas fonctionné. Réessayez, ou envoyez votre propre demande ci-dessous.',
    offline: 'Nous n’avons pas pu joindre le serveur de la municipalité. Réessayez, ou envoyez votre propre demande ci-dessous.',
  },
});

export interface NearbyPlace {
  serviceCode: string;
  lat: number | null;
  lng: number | null;
  address: string;
}

export interface NearbyDeps {
  lang: () => Lang;
  /** The place the form knows now (service and position or address). */
  place: () => NearbyPlace;
  find: (place: NearbyPlace) => Promise<NearbyRequest[]>;
  follow: (reference: string, email: string | null) => Promise<unknown>;
  statusLabel: (status: NearbyRequest['status']) => string;
  formatDate: (iso: string) => string;
  /** The tracker page's link for a reference, if the form has one (track-url). */
  trackLink: (reference: string) => string | undefined;
}

const DEBOUNCE_MS = 500;

/** The "Already reported nearby" panel as a controller of the form (it keeps no resident data). */
export class NearbyRequestsController implements ReactiveController {
  items: NearbyRequest[] = [];
  chosen: string | null = null;
  email = '';
  state: 'idle' | 'sending' | 'done' | 'error' = 'idle';
  message = '';
  private asked = '';
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly host: ReactiveControllerHost;
  private readonly deps: NearbyDeps;

  constructor(host: ReactiveControllerHost, deps: NearbyDeps) {
    this.host = host;
    this.deps = deps;
    host.addController(this);
  }

  private t(key: string, vars?: Record<string, unknown>): string {
    return translate(this.deps.lang(), NS, key, vars);
  }

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  hostUpdated(): void {
    const p = this.deps.place();
    const hasPoint = p.lat !== null && p.lng !== null;
    const address = p.address.trim();
    const key = p.serviceCode && (hasPoint || /\d/.test(address)) ? JSON.stringify([p.serviceCode, hasPoint ? [p.lat, p.lng] : address]) : '';
    if (key === this.asked) return;
    this.asked = key;
    clearTimeout(this.timer);
    if (!key) {
      if (this.items.length && this.state !== 'done') {
        this.items = [];
        this.host.requestUpdate();
      }
      return;
    }
    this.timer = setTimeout(() => void this.load(key, hasPoint ? { ...p, address: '' } : { ...p, lat: null, lng: null }), DEBOUNCE_MS);
  }

  private async load(key: string, place: NearbyPlace): Promise<void> {
    try {
      const items = await this.deps.find(place);
      if (key !== this.asked || this.state === 'done') return;
      this.items = items;
    } catch {
      // Offering duplicates is a help, never a step: without an answer the form works as before.
      if (key === this.asked && this.state !== 'done') this.items = [];
    }
    this.host.requestUpdate();
  }

  private async onFollow(e: Event, reference: string): Promise<void> {
    e.preventDefault();
    if (this.state === 'sending') return;
    this.state = 'sending';
    this.host.requestUpdate();
    try {
      await this.deps.follow(reference, this.email.trim() || null);
      this.state = 'done';
    } catch (error) {
      this.state = 'error';
      this.message = error instanceof NetworkError ? this.t('offline') : this.t('failed');
    }
    this.host.requestUpdate();
  }

  render() {
    if (this.state === 'done' && this.chosen) {
      const link = this.deps.trackLink(this.chosen);
      return html`<section class="notice nearby" part="nearby" role="status">
        <p><strong>${this.t('done', { reference: this.chosen })}</strong></p>
        ${this.email.trim() ? html`<p>${this.t('doneEmail')}</p>` : nothing}
        ${link ? html`<p><a href=${link}>${this.t('track', { reference: this.chosen })}</a></p>` : nothing}
      </section>`;
    }
    if (!this.items.length) return nothing;
    return html`<section class="nearby" part="nearby" aria-labelledby="nearby-heading">
      <h3 id="nearby-heading">${this.t('heading')}</h3>
      <p class="hint">${this.t('intro')}</p>
      <ul class="nearby-list">
        ${this.items.map((r) => this.renderItem(r))}
      </ul>
    </section>`;
  }

  private renderItem(r: NearbyRequest) {
    const open = this.chosen === r.reference;
    const sending = this.state === 'sending';
    return html`<li>
      <p>
        <strong>${r.reference}</strong> · ${this.deps.statusLabel(r.status)} · ${this.t('filed', { date: this.deps.formatDate(r.createdAt) })}
        ${r.distanceM !== null ? html` · ${this.t('distance', { metres: r.distanceM })}` : nothing}
      </p>
      ${open
        ? html`<div class="nearby-follow">
            <label for="nearby-email">${this.t('emailLabel')}</label>
            <span class="hint" id="nearby-email-hint">${this.t('emailHint')}</span>
            <input id="nearby-email" type="email" autocomplete="email" spellcheck="false" aria-describedby="nearby-email-hint"
              .value=${this.email} @input=${(e: Event) => (this.email = (e.target as HTMLInputElement).value)} />
            ${this.state === 'error' ? html`<p class="error-message" role="alert">${this.message}</p>` : nothing}
            <button class="button" type="button" aria-disabled=${sending ? 'true' : 'false'} @click=${(e: Event) => this.onFollow(e, r.reference)}>
              ${sending ? this.t('following') : this.t('follow', { reference: r.reference })}
            </button>
          </div>`
        : html`<button class="button button--secondary" type="button" aria-label=${`${this.t('same')}: ${r.reference}`}
            @click=${() => {
              this.chosen = r.reference;
              this.state = 'idle';
              this.host.requestUpdate();
            }}>${this.t('same')}</button>`}
    </li>`;
  }
}
