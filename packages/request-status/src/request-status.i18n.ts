import { addResources } from '@munikit/core';

export const REQUEST_STATUS_NS = 'request-status';

// The lookup form's words: what the tracker needs before it is ready. A found request's words are in
// request-status-result.i18n.ts, in the same namespace, and come with its view (render-result.ts).
addResources(REQUEST_STATUS_NS, {
  en: {
    referenceLabel: 'Reference number',
    referenceHint: 'It is in the confirmation you received, for example LKV-7K4Q2-M9XCR.',
    check: 'Check status',
    checking: 'Checking…',
    lookingUp: 'Looking up request {{reference}}…',
    referenceRequired: 'Enter your reference number',
    notFound: 'We could not find a request with reference {{reference}}. Check the number and try again.',
    found: 'Request {{reference}}: {{status}}.',
    statusChanged: 'Request {{reference}} has changed: it is now {{status}}.',
    mistyped: 'This reference number has a typing mistake: check each character against your confirmation.',
    rateLimited: 'Too many lookups have come from your connection. Please try again in a few minutes.',
    offline: 'We could not reach the town’s server. Check your connection and try again.',
  },
  fr: {
    referenceLabel: 'Numéro de référence',
    referenceHint: 'Il figure dans la confirmation que vous avez reçue, par exemple LKV-7K4Q2-M9XCR.',
    check: 'Vérifier l’état',
    checking: 'Vérification…',
    lookingUp: 'Recherche de la demande {{reference}}…',
    referenceRequired: 'Entrez votre numéro de référence',
    notFound:
      'Nous n’avons trouvé aucune demande portant le numéro {{reference}}. Vérifiez le numéro et réessayez.',
    found: 'Demande {{reference}}\u00a0: {{status}}.',
    statusChanged: 'La demande {{reference}} a changé\u00a0: elle est maintenant «\u00a0{{status}}\u00a0».',
    mistyped: 'Ce numéro de référence contient une faute de frappe\u00a0: vérifiez chaque caractère dans votre confirmation.',
    rateLimited: 'Trop de recherches depuis votre connexion. Réessayez dans quelques minutes.',
    offline: 'Nous n’avons pas pu joindre le serveur de la municipalité. Vérifiez votre connexion et réessayez.',
  },
});
