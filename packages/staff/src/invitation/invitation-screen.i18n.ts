import { addResources } from '@munikit/core';

export const INVITATION_NS = 'staff-invitation';

addResources(INVITATION_NS, {
  en: {
    heading: 'Accept your invitation',
    checking: 'Checking your invitation…',
    missing: 'This page needs the link from your invitation email. Open the link from the email again.',
    intro: 'You were invited to work for {{town}} as {{role}}, with the email address {{email}}. Choose your name and a password to finish.',
    name: 'Your name',
    password: 'Password',
    passwordHint: 'At least 12 characters. A few unrelated words make a strong password that is easy to remember.',
    accept: 'Create my account',
    done: 'Your account is ready. Sign in with {{email}} and your new password.',
    signIn: 'Go to sign in',
    nameRequired: 'Enter your name',
    passwordRequired: 'Choose a password',
    role: { admin: 'administrator', editor: 'editor', agent: 'agent', viewer: 'viewer' },
  },
  fr: {
    heading: 'Accepter votre invitation',
    checking: 'Vérification de votre invitation…',
    missing: 'Cette page a besoin du lien de votre courriel d’invitation. Ouvrez de nouveau le lien du courriel.',
    intro: 'Vous avez été invité à travailler pour {{town}} comme {{role}}, avec l’adresse {{email}}. Choisissez votre nom et un mot de passe pour terminer.',
    name: 'Votre nom',
    password: 'Mot de passe',
    passwordHint: 'Au moins 12 caractères. Quelques mots sans lien entre eux donnent un mot de passe solide et facile à retenir.',
    accept: 'Créer mon compte',
    done: 'Votre compte est prêt. Connectez-vous avec {{email}} et votre nouveau mot de passe.',
    signIn: 'Aller à la connexion',
    nameRequired: 'Entrez votre nom',
    passwordRequired: 'Choisissez un mot de passe',
    role: { admin: 'administrateur', editor: 'rédacteur', agent: 'agent', viewer: 'lecteur' },
  },
});
