import { addResources } from '@munikit/core';

export const REQUESTS_NS = 'staff-requests';

addResources(REQUESTS_NS, {
  en: {
    heading: 'Requests',
    statusFilter: 'Show',
    allStatuses: 'All statuses',
    apply: 'Apply',
    loading: 'Loading requests…',
    caption_zero: 'No requests for {{town}}',
    caption_one: '1 request for {{town}}',
    caption_other: '{{count}} requests for {{town}}',
    showingFirst: 'Showing the newest {{shown}} of {{total}}.',
    empty: 'No request matches this filter.',
    col: {
      reference: 'Reference',
      service: 'Service',
      status: 'Status',
      priority: 'Priority',
      location: 'Location',
      contact: 'Contact',
      received: 'Received',
    },
    anonymous: 'Anonymous',
    forbidden: 'Your account does not have access to this town’s requests.',
    priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
  },
  fr: {
    heading: 'Demandes',
    statusFilter: 'Afficher',
    allStatuses: 'Tous les états',
    apply: 'Appliquer',
    loading: 'Chargement des demandes…',
    caption_zero: 'Aucune demande pour {{town}}',
    caption_one: '1 demande pour {{town}}',
    caption_other: '{{count}} demandes pour {{town}}',
    showingFirst: 'Affichage des {{shown}} plus récentes sur {{total}}.',
    empty: 'Aucune demande ne correspond à ce filtre.',
    col: {
      reference: 'Référence',
      service: 'Service',
      status: 'État',
      priority: 'Priorité',
      location: 'Endroit',
      contact: 'Coordonnées',
      received: 'Reçue le',
    },
    anonymous: 'Anonyme',
    forbidden: 'Votre compte n’a pas accès aux demandes de cette municipalité.',
    priority: { low: 'Basse', normal: 'Normale', high: 'Haute', urgent: 'Urgente' },
  },
});
