// Service targets in working days (requests/service-targets.ts): the plain functions, and on every
// dialect the agreement between the tracker's expected date, the inbox's due date and "overdue",
// including the town's holidays and a change of targets.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, addWorkingHours, dueDate, dueDates, expectedDate, localDate, townCalendar, townHolidays } from '../../src/requests/service-targets.ts';
import { jsonPost, makeStaff, signIn, type Signed } from '../accounts/helpers.ts';
import { createTestApp, dialects } from '../support/harness.ts';

describe('working days in the town’s time zone', () => {
  const toronto = townCalendar('America/Toronto', {});
  it('skips weekends and the town’s holidays', () => {
    expect(addWorkingDays('2026-12-24', 1)).toBe('2026-12-25');
    const christmas = townCalendar('America/Toronto', { holidays: ['2026-12-25', '2026-12-28', 'not a date', 7] });
    expect(townHolidays({ holidays: ['2026-12-28', '2026-12-25', 'x'] })).toEqual(['2026-12-25', '2026-12-28']);
    expect(addWorkingDays('2026-12-24', 1, christmas.holidays)).toBe('2026-12-29');
    // Filed on a holiday: the count starts the next working day.
    expect(expectedDate('2026-12-25T15:00:00.000Z', 2, christmas)).toBe('2026-12-30');
  });

  it('is due by the end of the expected day, local time, across a DST change', () => {
    // Friday 6 March 2026, 16:00 EST; clocks go forward on Sunday 8 March.
    const filed = '2026-03-06T21:00:00.000Z';
    expect(dueDates(filed, { targetDays: 1, ackTargetHours: null }, toronto)).toEqual({ dueAt: '2026-03-10T03:59:59.999Z', ackDueAt: null });
    expect(dueDate('2026-03-10T03:59:59.999Z', 'America/Toronto')).toBe('2026-03-09');
    // 48 working hours: 8 on Friday, 24 on Monday, 16 on Tuesday → Tuesday 16:00 EDT.
    expect(addWorkingHours(filed, 48, toronto)).toBe('2026-03-10T20:00:00.000Z');
    // Filed on Saturday: the clock starts Monday at midnight.
    expect(addWorkingHours('2026-03-07T15:00:00.000Z', 2, toronto)).toBe('2026-03-09T06:00:00.000Z');
    expect(dueDates(filed, { targetDays: null, ackTargetHours: 0 }, toronto)).toEqual({ dueAt: null, ackDueAt: null });
  });

  it('reads dates in the town’s zone (an unknown zone: UTC)', () => {
    expect(localDate('2026-12-05T02:00:00.000Z', 'America/Toronto')).toBe('2026-12-04');
    expect(localDate('2026-12-05T02:00:00.000Z', 'America/St_Johns')).toBe('2026-12-04');
    expect(localDate('2026-12-05T02:00:00.000Z', 'Nowhere/Atlantis')).toBe('2026-12-05');
  });

  it('agrees with Intl at every minute around the DST changes (offsets are kept per quarter hour)', () => {
    const intl = (ms: number, timeZone: string) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);
    for (const [zone, change] of [
      ['America/Toronto', '2026-03-08T07:00:00Z'],
      ['America/Toronto', '2026-11-01T06:00:00Z'],
      ['America/St_Johns', '2026-03-08T05:30:00Z'],
      ['America/St_Johns', '2026-11-01T04:30:00Z'],
    ] as const) {
      // Around the change and around local midnight on both sides of it.
      for (const centre of [Date.parse(change), Date.parse(change) - 2 * 3600_000, Date.parse(change) + 22 * 3600_000]) {
        for (let ms = centre - 3 * 3600_000; ms <= centre + 3 * 3600_000; ms += 60_000) expect(localDate(ms, zone)).toBe(intl(ms, zone));
      }
    }
  });
});

for (const dialect of dialects) {
  describe.skipIf(dialect.skip)(`service targets on ${dialect.name}`, () => {
    let t: Awaited<ReturnType<typeof createTestApp>>;
    let admin: Signed;
    beforeAll(async () => {
      t = await createTestApp({ db: await dialect.open() });
      await makeStaff(t.db, 'boss@testville.example', { testville: 'admin' });
      admin = await signIn(t.app, 'boss@testville.example');
    });
    afterAll(async () => t?.cleanup());

    const file = async () => {
      const res = await t.app.request('/api/v1/towns/testville/requests', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ serviceCode: 'pothole', description: 'Deep hole', location: { text: '1 Main St' }, contact: { email: 'a@example.ca' }, lang: 'en' }),
      });
      expect(res.status, await res.clone().text()).toBe(201);
      return ((await res.json()) as { reference: string }).reference;
    };
    const tracker = async (ref: string) => ((await (await t.app.request(`/api/v1/towns/testville/requests/${ref}`)).json()) as { expectedDate: string | null }).expectedDate;
    const staffView = async (ref: string) =>
      (await (await t.app.request(`/api/v1/staff/towns/testville/requests/${ref}`, { headers: { cookie: admin.cookie } })).json()) as { dueAt: string | null; ackDueAt: string | null; createdAt: string; overdue: boolean };

    it('files with due dates in working days; the tracker, the inbox and a change of holidays or targets agree', async () => {
      const ref = await file();
      const r = await staffView(ref);
      const toronto = townCalendar('America/Toronto', {});
      const expected = expectedDate(r.createdAt, 5, toronto)!;
      expect(r.dueAt).toBe(dueDates(r.createdAt, { targetDays: 5, ackTargetHours: 48 }, toronto).dueAt);
      expect(r.ackDueAt).toBe(addWorkingHours(r.createdAt, 48, toronto));
      expect(await tracker(ref)).toBe(expected);
      expect(dueDate(r.dueAt, 'America/Toronto')).toBe(expected);
      expect(r.overdue).toBe(false);

      // The expected day becomes a holiday: everything moves to the next working day.
      const patch = await t.app.request('/api/v1/staff/towns/testville/settings', jsonPost({ holidays: [expected] }, admin.write, 'PATCH'));
      expect(patch.status, await patch.clone().text()).toBe(200);
      expect(((await patch.json()) as { holidays: string[] }).holidays).toEqual([expected]);
      const later = addWorkingDays(expected, 1);
      expect(await tracker(ref)).toBe(later);
      expect(dueDate((await staffView(ref)).dueAt, 'America/Toronto')).toBe(later);
      const bad = await t.app.request('/api/v1/staff/towns/testville/settings', jsonPost({ holidays: ['2026-02-30'] }, admin.write, 'PATCH'));
      expect(bad.status).toBe(400);

      // One working day to close: a request filed 3 working days ago is overdue in the inbox.
      const put = await t.app.request('/api/v1/staff/towns/testville/service-targets/pothole', jsonPost({ ackTargetHours: 1, targetDays: 1 }, admin.write, 'PUT'));
      expect(put.status).toBe(200);
      const old = new Date(Date.now() - 6 * 86_400_000).toISOString();
      await t.db.updateTable('requests').set({ created_at: old }).where('reference', '=', ref).execute();
      await t.app.request('/api/v1/staff/towns/testville/service-targets/pothole', jsonPost({ ackTargetHours: 2, targetDays: 1 }, admin.write, 'PUT'));
      const moved = await staffView(ref);
      expect(await tracker(ref)).toBe(expectedDate(old, 1, townCalendar('America/Toronto', { holidays: [expected] })));
      expect(moved.overdue).toBe(true);
      const inbox = (await (await t.app.request('/api/v1/staff/towns/testville/inbox?overdue=true&limit=200', { headers: { cookie: admin.cookie } })).json()) as { items: { reference: string }[] };
      expect(inbox.items.map((i) => i.reference)).toContain(ref);
    });
  });
}
