// Links in emails open a screen of the staff console by its real URL (/staff/<screen>); the token
// travels in the fragment (#token=…), which browsers never send to a server, so it stays out of access
// logs and Referer headers.
import path from 'node:path';
import type { Config } from '../platform/config.ts';
import type { DbOrTx, Lang } from '../platform/database/schema.ts';
import { enqueueEmail } from '../platform/jobs/email.ts';

/**
 * The origin of links in emails: PUBLIC_ORIGIN, else the server's own loopback address (the demo).
 * Never the request's Host header, which anyone can forge to send a victim a reset link to their site.
 */
export const linkOrigin = (config: Pick<Config, 'publicOrigin' | 'port'>): string => config.publicOrigin ?? `http://127.0.0.1:${config.port}`;

export const consoleLink = (origin: string, screen: 'reset-password' | 'accept-invitation' | 'forgot-password' | 'sign-in', token?: string): string =>
  `${origin}/staff/${screen === 'sign-in' ? '' : screen}${token ? `#token=${encodeURIComponent(token)}` : ''}`;

export const ROLE_NAMES = {
  admin: { en: 'administrator', fr: 'administrateur' },
  editor: { en: 'editor', fr: 'rédacteur' },
  agent: { en: 'agent', fr: 'agent' },
  viewer: { en: 'viewer', fr: 'lecteur' },
} as const;

export const EMAIL_TEMPLATES_DIR = path.join(import.meta.dirname, 'emails');

/** Tells a person their password changed, with a way back if it was not them (no town: nobody else reads it). */
export async function enqueuePasswordChangedEmail(db: DbOrTx, config: Pick<Config, 'publicOrigin' | 'port'>, user: { email: string; name: string; language: Lang | null }, fallback: Lang) {
  const lang = user.language ?? fallback;
  await enqueueEmail(db, {
    to: user.email,
    lang,
    templateDir: EMAIL_TEMPLATES_DIR,
    template: 'password-changed',
    vars: { name: user.name, changedAt: new Date().toISOString().slice(0, 16).replace('T', ' '), link: consoleLink(linkOrigin(config), 'forgot-password') },
    townId: null,
  });
}
