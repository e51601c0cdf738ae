import { addResources } from '@munikit/core';

export const AUDIT_NS = 'staff-audit';

addResources(AUDIT_NS, {
  en: {
    heading: 'Audit log',
    intro: 'Every sign-in, failed sign-in and change made by staff, newest first.',
    filters: 'Filter the log',
    action: 'Action',
    actionHint: 'For example auth.login_failed or user.role_changed.',
    from: 'From',
    to: 'Until',
    apply: 'Apply',
    download: 'Download as CSV (spreadsheet)',
    loading: 'Loading the audit log…',
    caption_zero: 'No entries match',
    caption_one: '1 entry shown',
    caption_other: '{{count}} entries shown',
    more: 'Show older entries',
    col: { when: 'When', who: 'Who', action: 'Action', subject: 'About', changes: 'Before → after' },
    system: 'The system',
    nothing: '—',
  },
  fr: {
    heading: 'Journal d’audit',
    intro: 'Chaque connexion, tentative échouée et modification faite par le personnel, les plus récentes d’abord.',
    filters: 'Filtrer le journal',
    action: 'Action',
    actionHint: 'Par exemple auth.login_failed ou user.role_changed.',
    from: 'Du',
    to: 'Jusqu’au',
    apply: 'Appliquer',
    download: 'Télécharger en CSV (tableur)',
    loading: 'Chargement du journal d’audit…',
    caption_zero: 'Aucune entrée ne correspond',
    caption_one: '1 entrée affichée',
    caption_other: '{{count}} entrées affichées',
    more: 'Afficher les entrées plus anciennes',
    col: { when: 'Quand', who: 'Qui', action: 'Action', subject: 'Objet', changes: 'Avant → après' },
    system: 'Le système',
    nothing: '—',
  },
});
