import { addResources } from '@munikit/core';

export const SIGN_IN_NS = 'staff-sign-in';

addResources(SIGN_IN_NS, {
  en: {
    heading: 'Staff sign in',
    intro: 'Sign in with your town staff account.',
    email: 'Email address',
    password: 'Password',
    signIn: 'Sign in',
    signingIn: 'Signing in…',
    emailRequired: 'Enter your email address',
    passwordRequired: 'Enter your password',
    wrongCredentials: 'The email address or password is incorrect',
    forgot: 'Forgot your password?',
  },
  fr: {
    heading: 'Connexion du personnel',
    intro: 'Connectez-vous avec votre compte du personnel municipal.',
    email: 'Adresse courriel',
    password: 'Mot de passe',
    signIn: 'Se connecter',
    signingIn: 'Connexion en cours…',
    emailRequired: 'Entrez votre adresse courriel',
    passwordRequired: 'Entrez votre mot de passe',
    wrongCredentials: 'L’adresse courriel ou le mot de passe est incorrect',
    forgot: 'Mot de passe oublié?',
  },
});
