import { addResources } from '@munikit/core';

export const REQUEST_FORM_NS = 'request-form';

// The first step's words (choosing a service): what the form needs before it is ready. The later
// steps' words are in request-form-steps.i18n.ts, in the same namespace, and come with their code.
addResources(REQUEST_FORM_NS, {
  en: {
    loadingServices: 'Loading the list of services…',
    service: 'What do you want to report or request?',
    serviceHint: 'Type a word, for example “pothole” or “garbage”, or choose from the list.',
    serviceSearch: 'Search the services',
    serviceCount_one: '{{count}} service matches “{{query}}”.',
    serviceCount_other: '{{count}} services match “{{query}}”.',
    noServiceMatch: 'No service matches “{{query}}”. Try another word, or clear the search to see them all.',
    rowService: 'Service',
    errors: {
      serviceRequired: 'Choose what you want to report or request',
    },
    otherServices: 'Other services',
  },
  fr: {
    loadingServices: 'Chargement de la liste des services…',
    service: 'Que voulez-vous signaler ou demander?',
    serviceHint: 'Tapez un mot, par exemple «\u00a0nid-de-poule\u00a0» ou «\u00a0ordures\u00a0», ou choisissez dans la liste.',
    serviceSearch: 'Chercher parmi les services',
    serviceCount_one: '{{count}}\u00a0service correspond à «\u00a0{{query}}\u00a0».',
    serviceCount_other: '{{count}}\u00a0services correspondent à «\u00a0{{query}}\u00a0».',
    noServiceMatch: 'Aucun service ne correspond à «\u00a0{{query}}\u00a0». Essayez un autre mot, ou effacez la recherche pour les voir tous.',
    rowService: 'Service',
    otherServices: 'Autres services',
    errors: {
      serviceRequired: 'Choisissez ce que vous voulez signaler ou demander',
    },
  },
});
