import { addResources } from '@munikit/core';

export const RESET_NS = 'staff-reset-password';

addResources(RESET_NS, {
  en: {
    heading: 'Reset your password',
    askIntro: 'Enter the email address of your staff account. If it has an account, we will email it a link to choose a new password. The link works for one hour.',
    email: 'Email address',
    send: 'Email me a link',
    sent: 'If {{email}} has a staff account, a link is on its way. Check your inbox, and your junk mail folder.',
    emailRequired: 'Enter your email address',
    chooseIntro: 'Choose a new password for your staff account.',
    newPassword: 'New password',
    newPasswordHint: 'At least 12 characters. A few unrelated words make a strong password that is easy to remember.',
    save: 'Save the new password',
    saved: 'Your password was changed. Sign in with it now.',
    passwordRequired: 'Enter a new password',
    signIn: 'Go to sign in',
    backToSignIn: 'Back to sign in',
  },
  fr: {
    heading: 'Réinitialiser votre mot de passe',
    askIntro: 'Entrez l’adresse courriel de votre compte du personnel. Si elle correspond à un compte, nous y enverrons un lien pour choisir un nouveau mot de passe. Le lien est valide une heure.',
    email: 'Adresse courriel',
    send: 'M’envoyer un lien',
    sent: 'Si {{email}} correspond à un compte du personnel, un lien est en route. Vérifiez votre boîte de réception et vos courriels indésirables.',
    emailRequired: 'Entrez votre adresse courriel',
    chooseIntro: 'Choisissez un nouveau mot de passe pour votre compte du personnel.',
    newPassword: 'Nouveau mot de passe',
    newPasswordHint: 'Au moins 12 caractères. Quelques mots sans lien entre eux donnent un mot de passe solide et facile à retenir.',
    save: 'Enregistrer le nouveau mot de passe',
    saved: 'Votre mot de passe a été changé. Connectez-vous avec celui-ci.',
    passwordRequired: 'Entrez un nouveau mot de passe',
    signIn: 'Aller à la connexion',
    backToSignIn: 'Retour à la connexion',
  },
});
