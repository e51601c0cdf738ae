// Which language an answer speaks: ?lang=, then Accept-Language by q-value, then the town's default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.cleanup());

const servicesLang = async (headers: Record<string, string>, query = '') =>
  ((await (await t.app.request(`/api/v1/towns/testville/services${query}`, { headers })).json()) as { lang: string }).lang;

const errorMessage = async (acceptLanguage: string) => {
  const res = await t.app.request('/api/v1/towns/testville/requests', {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': acceptLanguage },
    body: JSON.stringify({ serviceCode: 'pothole' }),
  });
  return ((await res.json()) as { error: { message: string } }).error.message;
};

describe('language of answers', () => {
  it('follows Accept-Language by its q-values', async () => {
    expect(await servicesLang({ 'accept-language': 'en;q=0.1, fr;q=0.9' })).toBe('fr');
    expect(await servicesLang({ 'accept-language': 'fr-CA,fr;q=0.9,en;q=0.8' })).toBe('fr');
    expect(await servicesLang({ 'accept-language': 'de, fr;q=0.5, en;q=0.4' })).toBe('fr');
    expect(await servicesLang({ 'accept-language': 'fr;q=0, en' })).toBe('en');
  });

  it("falls back to the town's default for *, garbage or nothing, and ?lang= wins over everything", async () => {
    for (const header of ['*', 'garbage;;;,,', 'de-DE', '']) expect(await servicesLang({ 'accept-language': header }), header).toBe('en');
    expect(await servicesLang({ 'accept-language': 'fr' }, '?lang=en')).toBe('en');
  });

  it('gives validation messages in the preferred language', async () => {
    expect(await errorMessage('en;q=0.1, fr;q=0.9')).toMatch(/champ/);
    expect(await errorMessage('fr;q=0.2, en;q=0.8')).toMatch(/field/);
  });
});
