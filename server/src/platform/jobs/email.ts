// The `email` job kind. A message is rendered when it is queued (so the outbox shows exactly what is
// sent) from a plain-text template file, then handed to the EmailSender. Until SMTP arrives (the
// notifications issue adds a sender, nothing else), `keepInOutbox` "delivers" by leaving the message
// in the outbox, where a town's admins read it (GET /api/v1/staff/towns/{town}/outbox).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DbOrTx, Lang } from '../database/schema.ts';
import { enqueue } from './outbox.ts';
import type { JobHandler } from './worker.ts';

export const EMAIL_KIND = 'email';

export interface EmailMessage {
  to: string;
  lang: Lang;
  /** Template name, e.g. `invitation`. */
  template: string;
  subject: string;
  text: string;
}

export interface EmailSender {
  send(message: EmailMessage): Promise<{ delivery: string }>;
}

export const keepInOutbox: EmailSender = {
  send: async () => ({ delivery: 'kept_in_outbox' }),
};

export const emailHandler =
  (sender: EmailSender): JobHandler =>
  (job) =>
    sender.send(job.payload as EmailMessage);

/**
 * Template files are plain text a non-developer can edit: `<dir>/<name>.<lang>.txt`, a first line
 * `Subject: …`, an empty line, then the body. `{{name}}` is replaced by the value given for it; a
 * placeholder without a value is an error (caught by the tests), never sent as is. Control characters
 * and line breaks in values become spaces.
 */
export function renderEmailTemplate(dir: string, name: string, lang: Lang, vars: Record<string, string>): { subject: string; text: string } {
  const file = path.join(dir, `${name}.${lang}.txt`);
  const source = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
  const filled = source.replace(/\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g, (_, key: string) => {
    const v = vars[key];
    if (v === undefined) throw new Error(`email template ${file}: no value for {{${key}}}`);
    // A value is one line: a name or a town's name can never add a header or forge a paragraph.
    return v.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');
  });
  const match = /^Subject: *(.+)\n\n([\s\S]*)$/.exec(filled);
  if (!match) throw new Error(`email template ${file} must start with "Subject: …" and an empty line`);
  return { subject: match[1]!.trim(), text: match[2]!.trimEnd() + '\n' };
}

/** Renders a template and queues the message (in the caller's transaction when `db` is one). */
export async function enqueueEmail(
  db: DbOrTx,
  m: { to: string; lang: Lang; templateDir: string; template: string; vars: Record<string, string>; townId?: string | null },
): Promise<string> {
  const { subject, text } = renderEmailTemplate(m.templateDir, m.template, m.lang, m.vars);
  const message: EmailMessage = { to: m.to, lang: m.lang, template: m.template, subject, text };
  return enqueue(db, EMAIL_KIND, message, undefined, { townId: m.townId ?? null });
}
