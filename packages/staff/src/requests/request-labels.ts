// Words both request screens use (statuses, priorities, the overdue flag), so the inbox and a
// request's page always name a status the same way.
import type { RequestPriority, RequestStatus } from '@munikit/core';

export const STATUSES: RequestStatus[] = ['received', 'acknowledged', 'in_progress', 'on_hold', 'resolved', 'closed', 'declined', 'duplicate'];
export const CLOSED: RequestStatus[] = ['resolved', 'closed', 'declined', 'duplicate'];
export const PRIORITIES: RequestPriority[] = ['urgent', 'high', 'normal', 'low'];

export const requestLabels = {
  en: {
    status: { received: 'Received', acknowledged: 'Acknowledged', in_progress: 'In progress', on_hold: 'On hold', resolved: 'Resolved', closed: 'Closed', declined: 'Not the town’s responsibility', duplicate: 'Duplicate' },
    priority: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
    overdue: 'Overdue',
    ackOverdue: 'Not acknowledged in time',
    forbidden: 'Your account does not have access to this town’s requests.',
  },
  fr: {
    status: { received: 'Reçue', acknowledged: 'Prise en compte', in_progress: 'En cours', on_hold: 'En attente', resolved: 'Réglée', closed: 'Fermée', declined: 'Ne relève pas de la municipalité', duplicate: 'Doublon' },
    priority: { low: 'Basse', normal: 'Normale', high: 'Haute', urgent: 'Urgente' },
    overdue: 'En retard',
    ackOverdue: 'Pas prise en compte à temps',
    forbidden: 'Votre compte n’a pas accès aux demandes de cette municipalité.',
  },
};
