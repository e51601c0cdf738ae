import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/platform/config.ts';

describe('config', () => {
  it('has the contract defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ port: 8787, host: '127.0.0.1', seedDemo: true, cookieSecure: true, databaseUrl: undefined, logLevel: 'info' });
    expect(c.dataDir).toMatch(/data$/);
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('treats empty values as unset and reads flags', () => {
    const c = loadConfig({ DATABASE_URL: '', PORT: '9000', COOKIE_SECURE: 'false', SEED_DEMO: '0', PUBLIC_ORIGIN: 'https://services.lakeview.ca/' });
    expect(c).toMatchObject({ databaseUrl: undefined, port: 9000, cookieSecure: false, seedDemo: false, publicOrigin: 'https://services.lakeview.ca' });
  });

  it('names every bad variable in one clear error', () => {
    expect(() => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', COOKIE_SECURE: 'maybe' });
    } catch (err) {
      const message = (err as Error).message;
      expect(message).toMatch(/PORT/);
      expect(message).toMatch(/DATABASE_URL/);
      expect(message).toMatch(/COOKIE_SECURE/);
    }
  });

  it('needs ADMIN_PASSWORD with ADMIN_EMAIL', () => {
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.ca' })).toThrow(/ADMIN_PASSWORD/);
    expect(() => loadConfig({ ADMIN_EMAIL: 'a@b.ca', ADMIN_PASSWORD: 'short' })).toThrow(/ADMIN_PASSWORD/);
  });

  it('reads MUNIKIT_ALLOWED_ORIGINS as origins, and names one that is not', () => {
    expect(loadConfig({}).allowedOrigins).toEqual([]);
    expect(loadConfig({ MUNIKIT_ALLOWED_ORIGINS: ' https://www.town.ca/ , HTTPS://Town.CA,http://localhost:8080' }).allowedOrigins).toEqual([
      'https://www.town.ca',
      'https://town.ca',
      'http://localhost:8080',
    ]);
    expect(() => loadConfig({ MUNIKIT_ALLOWED_ORIGINS: 'https://www.town.ca/news' })).toThrow(/MUNIKIT_ALLOWED_ORIGINS.*www\.town\.ca\/news/);
    expect(() => loadConfig({ MUNIKIT_ALLOWED_ORIGINS: 'http://www.town.ca' })).toThrow(/MUNIKIT_ALLOWED_ORIGINS/);
  });
});
