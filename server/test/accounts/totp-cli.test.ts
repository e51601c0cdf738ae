// `npm run admin -- remove-two-factor`: an operator turns two-factor off for someone who lost their
// phone and recovery codes (in process, on a temporary SQLite database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { runAdmin } from '../../src/cli/admin.ts';
import { confirmTotp, hasTotp, newRecoveryCodes, startTotpEnrolment } from '../../src/accounts/totp.ts';
import { createSqliteDatabase } from '../../src/platform/database/database.ts';
import { findUserByEmail } from '../../src/accounts/users-store.ts';

let dataDir: string;
beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'munikit-totp-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

async function admin(args: string[]) {
  const lines: string[] = [];
  const status = await runAdmin(args, {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ADMIN_EMAIL: '', ADMIN_PASSWORD: '', PUBLIC_ORIGIN: 'https://services.newtown.example' },
    out: { log: (l) => lines.push(l), error: (l) => lines.push(l) },
  });
  return { status, out: lines.join('\n') };
}

it('turns two-factor off for one account, ending its sessions, and says when it was not on', async () => {
  expect((await admin(['add-town', '--id', 'newtown', '--name-en', 'Newtown', '--name-fr', 'Newtown', '--prefix', 'NEW', '--timezone', 'America/Toronto'])).status).toBe(0);
  expect((await admin(['create-user', '--email', 'lost@newtown.example', '--name', 'Lost Phone', '--town', 'newtown', '--role', 'agent', '--no-password'])).status).toBe(0);
  const { db } = createSqliteDatabase(path.join(dataDir, 'munikit.sqlite'));
  try {
    const user = (await findUserByEmail(db, 'lost@newtown.example'))!;
    await startTotpEnrolment(db, user.id);
    await confirmTotp(db, user.id);
    await newRecoveryCodes(db, user.id);
    const r = await admin(['remove-two-factor', '--email', 'lost@newtown.example']);
    expect(r).toEqual({ status: 0, out: 'Two-factor sign-in is off for lost@newtown.example; their sessions have ended.' });
    expect(await hasTotp(db, user.id)).toBe(false);
    expect(await db.selectFrom('recovery_codes').selectAll().execute()).toEqual([]);
    expect((await admin(['remove-two-factor', '--email', 'lost@newtown.example'])).out).toBe('lost@newtown.example does not have two-factor sign-in on.');
    expect((await admin(['remove-two-factor', '--email', 'nobody@newtown.example'])).status).not.toBe(0);
  } finally {
    await db.destroy();
  }
});
