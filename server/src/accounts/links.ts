// Links in emails point at the staff console; the token travels in the fragment (#…), which browsers
// never send to a server, so it stays out of access logs and Referer headers.
import path from 'node:path';
import type { Context } from 'hono';
import type { Config } from '../platform/config.ts';

export const baseOrigin = (c: Context, config: Config): string => config.publicOrigin ?? new URL(c.req.url).origin;

export const consoleLink = (origin: string, screen: 'reset-password' | 'accept-invitation' | 'sign-in', token?: string): string =>
  `${origin}/staff#/${screen}${token ? `?token=${encodeURIComponent(token)}` : ''}`;

export const ROLE_NAMES = {
  admin: { en: 'administrator', fr: 'administrateur' },
  editor: { en: 'editor', fr: 'rédacteur' },
  agent: { en: 'agent', fr: 'agent' },
  viewer: { en: 'viewer', fr: 'lecteur' },
} as const;

export const EMAIL_TEMPLATES_DIR = path.join(import.meta.dirname, 'emails');
