import { addResources } from '@munikit/core';

export const TARGETS_NS = 'staff-targets';

addResources(TARGETS_NS, {
  en: {
    heading: 'Service targets',
    intro: 'How soon {{town}} aims to acknowledge and to close each kind of request. Requests past a target are flagged as overdue in the inbox, residents see the expected date on the tracker, and reports count the share closed within target. Changing a target moves the due dates of that service’s requests. Leave a box empty for no target.',
    loading: 'Loading the services…',
    caption: 'Targets of {{count}} services',
    col: { service: 'Service', ack: 'Acknowledge within (hours)', close: 'Close within (days)' },
    ackLabel: 'Hours to acknowledge {{service}}',
    closeLabel: 'Days to close {{service}}',
    ackInvalid: '{{service}}: enter the hours to acknowledge as a whole number from 1 to 8760, or leave it empty',
    closeInvalid: '{{service}}: enter the days to close as a whole number from 1 to 365, or leave it empty',
    save: 'Save the targets',
    saving: 'Saving…',
    nothingChanged: 'No target was changed.',
    saved_one: 'Targets saved for {{services}}. The due dates of its requests follow.',
    saved_other: 'Targets saved for {{count}} services: {{services}}. The due dates of their requests follow.',
  },
  fr: {
    heading: 'Délais visés par service',
    intro: 'Le délai dans lequel {{town}} vise à prendre en compte et à fermer chaque type de demande. Les demandes qui dépassent un délai sont signalées en retard dans la boîte de réception, les résidents voient la date prévue dans le suivi et les rapports comptent la part fermée dans le délai visé. Modifier un délai déplace les échéances des demandes de ce service. Laissez une case vide pour ne fixer aucun délai.',
    loading: 'Chargement des services…',
    caption: 'Délais visés de {{count}} services',
    col: { service: 'Service', ack: 'Prise en compte en (heures)', close: 'Fermeture en (jours)' },
    ackLabel: 'Heures pour prendre en compte\u00a0: {{service}}',
    closeLabel: 'Jours pour fermer\u00a0: {{service}}',
    ackInvalid: '{{service}}\u00a0: entrez les heures de prise en compte en nombre entier de 1 à 8760, ou laissez la case vide',
    closeInvalid: '{{service}}\u00a0: entrez les jours de fermeture en nombre entier de 1 à 365, ou laissez la case vide',
    save: 'Enregistrer les délais',
    saving: 'Enregistrement…',
    nothingChanged: 'Aucun délai n’a été modifié.',
    saved_one: 'Délais enregistrés pour {{services}}. Les échéances de ses demandes suivent.',
    saved_other: 'Délais enregistrés pour {{count}} services\u00a0: {{services}}. Les échéances de leurs demandes suivent.',
  },
});
