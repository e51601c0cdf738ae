import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTownDirectory } from '../../src/towns/directory.ts';
import { createTestApp } from '../support/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t.cleanup());

describe('town directory', () => {
  it('serves a town from its cache within the TTL and reads it again after', async () => {
    let clock = 0;
    const towns = createTownDirectory(t.db, 5_000, () => clock);
    expect((await towns.get('testville'))?.name.en).toBe('Town of Testville');
    await t.db.updateTable('towns').set({ name_en: 'Renamed' }).where('id', '=', 'testville').execute();
    expect((await towns.get('testville'))?.name.en).toBe('Town of Testville');
    clock = 5_001;
    expect((await towns.get('testville'))?.name.en).toBe('Renamed');
    await t.db.updateTable('towns').set({ name_en: 'Town of Testville' }).where('id', '=', 'testville').execute();
    towns.invalidate();
    expect((await towns.get('testville'))?.name.en).toBe('Town of Testville');
    expect(await towns.get('nowhere')).toBeUndefined();
  });
});
