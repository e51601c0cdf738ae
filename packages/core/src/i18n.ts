import i18next from 'i18next';
import type { TOptions } from 'i18next';
import type { Lang } from './api-types.ts';

export type { Lang };
export type Strings = { [key: string]: string | Strings };

// A private instance: the host page may run its own i18next, and we must never touch it.
const i18n = i18next.createInstance();
void i18n.init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: ['en', 'fr'],
  ns: ['core'],
  defaultNS: 'core',
  fallbackNS: 'core',
  resources: {},
  initAsync: false,
  // Lit escapes every text binding already; escaping here would double-escape.
  interpolation: { escapeValue: false },
});

/** Registers a package's strings under its own namespace. */
export function addResources(ns: string, strings: { en: Strings; fr: Strings }): void {
  i18n.addResourceBundle('en', ns, strings.en, true, true);
  i18n.addResourceBundle('fr', ns, strings.fr, true, true);
}

export function translate(lang: Lang, ns: string, key: string, opts?: TOptions): string {
  const t = i18n.getFixedT(lang, ns) as unknown as (key: string, options?: TOptions) => string;
  return t(key, opts);
}

export function hasTranslation(lang: Lang, ns: string, key: string): boolean {
  return i18n.exists(key, { lng: lang, ns, fallbackLng: false });
}

/** `fr`, `fr-CA`, `FR` -> fr; anything else -> en. */
export function normaliseLang(value: string | null | undefined): Lang {
  return value && /^fr\b/i.test(value.trim()) ? 'fr' : 'en';
}

/** Parent across shadow boundaries: parentElement, else the host of the shadow root we are in. */
export function composedParent(node: Element): Element | null {
  if (node.parentElement) return node.parentElement;
  const root = node.getRootNode();
  return root instanceof ShadowRoot ? root.host : null;
}

/** The closest element (itself included, crossing shadow roots) carrying a non-empty `lang`. */
export function closestLangElement(el: Element): Element | null {
  for (let node: Element | null = el; node; node = composedParent(node)) {
    if (node.getAttribute('lang')) return node;
  }
  return null;
}

/** Element's own lang, else nearest ancestor's, else <html lang>, else English. */
export function resolveLang(el: Element): Lang {
  const host = closestLangElement(el);
  return normaliseLang(host?.getAttribute('lang') ?? document.documentElement.getAttribute('lang'));
}

/** BCP 47 locale for Intl formatting. */
export function localeFor(lang: Lang): string {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}

addResources('core', {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    networkError:
      'We could not reach the town’s server. Check your internet connection, then try again.',
    serverError: 'Something went wrong on the town’s server. Please try again in a few minutes.',
    townNotConfigured: 'This service is not set up correctly on this page (no town chosen).',
    errorPrefix: 'Error:',
    errorSummaryTitle: 'There is a problem',
    required: 'required',
    optional: 'optional',
    status: {
      received: 'Received',
      acknowledged: 'Acknowledged',
      in_progress: 'In progress',
      on_hold: 'On hold',
      resolved: 'Resolved',
      closed: 'Closed',
      declined: 'Not the town’s responsibility',
      duplicate: 'Duplicate of another request',
    },
  },
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    networkError:
      'Impossible de joindre le serveur de la municipalité. Vérifiez votre connexion Internet, puis réessayez.',
    serverError:
      'Un problème est survenu sur le serveur de la municipalité. Veuillez réessayer dans quelques minutes.',
    townNotConfigured: 'Ce service est mal configuré sur cette page (aucune municipalité choisie).',
    errorPrefix: 'Erreur\u00a0:',
    errorSummaryTitle: 'Il y a un problème',
    required: 'obligatoire',
    optional: 'facultatif',
    status: {
      received: 'Reçue',
      acknowledged: 'Prise en compte',
      in_progress: 'En cours',
      on_hold: 'En attente',
      resolved: 'Réglée',
      closed: 'Fermée',
      declined: 'Ne relève pas de la municipalité',
      duplicate: 'Doublon d’une autre demande',
    },
  },
});
