import { addResources } from '@munikit/core';
import { reportLabels } from '../reports/report-labels.i18n.ts';

export const COUNCIL_NS = 'staff-council-report';

addResources(COUNCIL_NS, {
  en: {
    ...reportLabels.en,
    title: 'Service requests: report to council',
    period: 'Requests received {{period}}',
    prepared: 'Prepared on {{date}} with MuniKit.',
    loading: 'Loading the report…',
    toolbar: 'Report options',
    print: 'Print this report',
    back: 'Back to reports',
    otherLanguage: 'Version française',
    others: 'Others',
    notes: 'Counts are of requests received in the period; statuses are as they stand on the day this report was prepared. Times run from receipt to the first change of status (acknowledged) and to closing. “Within target” compares each closed request with its service’s target time.',
    empty: 'No requests were received in this period.',
  },
  fr: {
    ...reportLabels.fr,
    title: 'Demandes de service\u00a0: rapport au conseil',
    period: 'Demandes reçues {{period}}',
    prepared: 'Préparé le {{date}} avec MuniKit.',
    loading: 'Chargement du rapport…',
    toolbar: 'Options du rapport',
    print: 'Imprimer ce rapport',
    back: 'Retour aux rapports',
    otherLanguage: 'English version',
    others: 'Autres',
    notes: 'Les nombres portent sur les demandes reçues pendant la période\u00a0; les états sont ceux du jour où ce rapport a été préparé. Les délais vont de la réception au premier changement d’état (prise en compte) et à la fermeture. «\u00a0Dans le délai visé\u00a0» compare chaque demande fermée au délai visé de son service.',
    empty: 'Aucune demande n’a été reçue pendant cette période.',
  },
});
