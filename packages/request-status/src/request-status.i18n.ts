import { addResources } from '@munikit/core';

export const REQUEST_STATUS_NS = 'request-status';

addResources(REQUEST_STATUS_NS, {
  en: {
    referenceLabel: 'Reference number',
    referenceHint: 'It is in the confirmation you received, for example LKV-7K4Q2-M9XCR.',
    check: 'Check status',
    checking: 'Checking…',
    lookingUp: 'Looking up request {{reference}}…',
    referenceRequired: 'Enter your reference number',
    notFound: 'We could not find a request with reference {{reference}}. Check the number and try again.',
    resultHeading: 'Request {{reference}}',
    currentStatus: 'Status',
    service: 'Type of request',
    submitted: 'Submitted',
    updated: 'Last updated',
    timelineHeading: 'History',
    statusChangedTo: 'Status changed to “{{status}}”',
    note: 'Note from town staff',
    found: 'Request {{reference}}: {{status}}.',
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
    resultHeading: 'Demande {{reference}}',
    currentStatus: 'État',
    service: 'Type de demande',
    submitted: 'Envoyée le',
    updated: 'Dernière mise à jour',
    timelineHeading: 'Historique',
    statusChangedTo: 'État changé à «\u00a0{{status}}\u00a0»',
    note: 'Note du personnel municipal',
    found: 'Demande {{reference}}\u00a0: {{status}}.',
  },
});
