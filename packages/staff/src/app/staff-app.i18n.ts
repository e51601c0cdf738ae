import { addResources } from '@munikit/core';

export const STAFF_APP_NS = 'staff-app';

addResources(STAFF_APP_NS, {
  en: {
    brand: 'MuniKit staff console',
    skipToContent: 'Skip to main content',
    checkingSession: 'Checking whether you are signed in…',
    loadingScreen: 'Loading…',
    navLabel: 'Console sections',
    nav: { inbox: 'Requests', request: 'Request', kb: 'Knowledge base', kbArticle: 'Knowledge-base article', kbRevisions: 'Article revisions', kbCategories: 'Categories', kbInsight: 'Search insight', users: 'Users and roles', town: 'Town settings', embed: 'Embed a widget', apiKeys: 'API keys', webhooks: 'Webhooks', outbox: 'Outbox', audit: 'Audit log', privacy: 'Residents’ personal data', account: 'My account' },
    reports: { reports: 'Reports', councilReport: 'Report to council', targets: 'Service targets', templates: 'Response templates' },
    resetTitle: 'Reset your password',
    invitationTitle: 'Accept your invitation',
    town: 'Town',
    signedInAs: 'Signed in as {{name}}',
    signOut: 'Sign out',
    signedOut: 'You are signed out.',
    sessionEnded: 'Your session has ended. Sign in again to continue.',
    noTowns: 'Your account does not have access to any town yet. Ask an administrator.',
    switchLanguage: 'Français',
    signInTitle: 'Sign in',
  },
  fr: {
    brand: 'Console du personnel MuniKit',
    skipToContent: 'Passer au contenu principal',
    checkingSession: 'Vérification de votre connexion…',
    loadingScreen: 'Chargement…',
    navLabel: 'Sections de la console',
    nav: { inbox: 'Demandes', request: 'Demande', kb: 'Base de connaissances', kbArticle: 'Article de la base de connaissances', kbRevisions: 'Révisions de l’article', kbCategories: 'Catégories', kbInsight: 'Statistiques de recherche', users: 'Utilisateurs et rôles', town: 'Paramètres de la municipalité', embed: 'Intégrer un widget', apiKeys: 'Clés d’API', webhooks: 'Webhooks', outbox: 'Boîte d’envoi', audit: 'Journal d’audit', privacy: 'Renseignements personnels des résidents', account: 'Mon compte' },
    reports: { reports: 'Rapports', councilReport: 'Rapport au conseil', targets: 'Délais visés', templates: 'Modèles de réponse' },
    resetTitle: 'Réinitialiser votre mot de passe',
    invitationTitle: 'Accepter votre invitation',
    town: 'Municipalité',
    signedInAs: 'Session ouverte\u00a0: {{name}}',
    signOut: 'Se déconnecter',
    signedOut: 'Votre session est fermée.',
    sessionEnded: 'Votre session a pris fin. Reconnectez-vous pour continuer.',
    noTowns: 'Votre compte n’a encore accès à aucune municipalité. Adressez-vous à un administrateur.',
    switchLanguage: 'English',
    signInTitle: 'Connexion',
  },
});
