// Links in emails open a screen of the staff console by its real URL (/staff/<screen>); the token
// travels in the fragment (#token=…), which browsers never send to a server, so it stays out of access
// logs and Referer headers.
import path from 'node:path';
import type { Config } from '../platform/config.ts';

/**
 * The origin of links in emails: PUBLIC_ORIGIN, else the server's own loopback address (the demo).
 * Never the request's Host header, which anyone can forge to send a victim a reset link to their site.
 */
export const linkOrigin = (config: Pick<Config, 'publicOrigin' | 'port'>): string => config.publicOrigin ?? `http://127.0.0.1:${config.port}`;

export const consoleLink = (origin: string, screen: 'reset-password' | 'accept-invitation' | 'sign-in', token?: string): string =>
  `${origin}/staff/${screen === 'sign-in' ? '' : screen}${token ? `#token=${encodeURIComponent(token)}` : ''}`;

export const ROLE_NAMES = {
  admin: { en: 'administrator', fr: 'administrateur' },
  editor: { en: 'editor', fr: 'rédacteur' },
  agent: { en: 'agent', fr: 'agent' },
  viewer: { en: 'viewer', fr: 'lecteur' },
} as const;

export const EMAIL_TEMPLATES_DIR = path.join(import.meta.dirname, 'emails');
