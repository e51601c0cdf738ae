// An agent works the requests of their departments: the staff list and photos show nothing else.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setTownRole } from '../../src/accounts/users-store.ts';
import { insertDepartment } from '../../src/towns/departments-store.ts';
import { makeStaff, signIn } from '../accounts/helpers.ts';
import { createTestApp } from '../support/harness.ts';

let t: Awaited<ReturnType<typeof createTestApp>>;
beforeEach(async () => {
  t = await createTestApp({ config: { INTAKE_RATE_LIMIT: 'off' } });
});
afterEach(async () => t.cleanup());

const file = async () => {
  const res = await t.app.request('/api/v1/towns/testville/requests', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ serviceCode: 'pothole', description: 'A hole', location: { text: '1 Main St' }, answers: {} }),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { reference: string }).reference;
};

const listFor = async (cookie: string) =>
  ((await (await t.app.request('/api/v1/staff/towns/testville/requests', { headers: { cookie } })).json()) as { total: number; requests: { reference: string }[] });

describe('agent scope', () => {
  it('shows an agent only the requests of their departments; no departments means all', async () => {
    await insertDepartment(t.db, { id: 'parks', townId: 'testville', name: { en: 'Parks', fr: 'Parcs' } });
    const ref = await file(); // pothole → public-works
    const parksId = await makeStaff(t.db, 'parks@testville.example', { testville: 'agent' });
    await setTownRole(t.db, parksId, 'testville', 'agent', ['parks']);
    const works = await makeStaff(t.db, 'works@testville.example', { testville: 'agent' });
    await setTownRole(t.db, works, 'testville', 'agent', ['public-works']);
    await makeStaff(t.db, 'any@testville.example', { testville: 'agent' });

    const parks = await signIn(t.app, 'parks@testville.example');
    const worksAgent = await signIn(t.app, 'works@testville.example');
    const anyAgent = await signIn(t.app, 'any@testville.example');
    expect((await listFor(parks.cookie)).requests.map((r) => r.reference)).not.toContain(ref);
    expect((await listFor(worksAgent.cookie)).requests.map((r) => r.reference)).toContain(ref);
    expect((await listFor(anyAgent.cookie)).requests.map((r) => r.reference)).toContain(ref);
  });
});
