import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../support/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.cleanup());

describe('service catalogue', () => {
  it('names each service\'s department in the asked language, for grouping', async () => {
    const fr = (await (await t.app.request('/api/v1/towns/testville/services?lang=fr')).json()) as {
      services: { code: string; department: { id: string; name: string } | null }[];
    };
    expect(fr.services.find((s) => s.code === 'pothole')?.department).toEqual({ id: 'public-works', name: 'Travaux publics' });
    const en = (await (await t.app.request('/api/v1/towns/testville/services?lang=en')).json()) as typeof fr;
    expect(en.services.find((s) => s.code === 'pothole')?.department?.name).toBe('Public Works');
  });
});
