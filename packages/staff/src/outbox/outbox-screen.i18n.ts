import { addResources } from '@munikit/core';

export const OUTBOX_NS = 'staff-outbox';

addResources(OUTBOX_NS, {
  en: {
    heading: 'Outbox',
    intro: 'Emails and webhook calls of {{town}} wait here until they are sent. A failed one is retried on its own several times; after the last attempt you can retry it now.',
    filter: 'Show',
    status: { all: 'All', pending: 'Waiting to be sent', failed: 'Failed', done: 'Sent' },
    loading: 'Loading the outbox…',
    caption_zero: 'Nothing here',
    caption_one: '1 message',
    caption_other: '{{count}} messages',
    col: { what: 'What', status: 'State', attempts: 'Attempts', error: 'Last error', created: 'Queued', actions: 'Change' },
    email: 'Email to {{to}}: {{subject}}',
    webhook: 'Webhook: {{type}}',
    other: '{{kind}}',
    retry: 'Retry now',
    retryLabel: 'Retry now: {{what}}',
    retriedNotice: 'It will be sent again in a few seconds.',
    older: 'Show older messages',
  },
  fr: {
    heading: 'Boîte d’envoi',
    intro: 'Les courriels et les appels de webhooks de {{town}} attendent ici d’être envoyés. Un envoi échoué est réessayé automatiquement plusieurs fois; après la dernière tentative, vous pouvez le réessayer maintenant.',
    filter: 'Afficher',
    status: { all: 'Tout', pending: 'En attente d’envoi', failed: 'En échec', done: 'Envoyés' },
    loading: 'Chargement de la boîte d’envoi…',
    caption_zero: 'Rien ici',
    caption_one: '1 message',
    caption_other: '{{count}} messages',
    col: { what: 'Quoi', status: 'État', attempts: 'Tentatives', error: 'Dernière erreur', created: 'Mis en file', actions: 'Modifier' },
    email: 'Courriel à {{to}}\u00a0: {{subject}}',
    webhook: 'Webhook\u00a0: {{type}}',
    other: '{{kind}}',
    retry: 'Réessayer maintenant',
    retryLabel: 'Réessayer maintenant\u00a0: {{what}}',
    retriedNotice: 'Il sera renvoyé d’ici quelques secondes.',
    older: 'Afficher les messages plus anciens',
  },
});
