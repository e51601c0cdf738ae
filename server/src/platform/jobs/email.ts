// The `email` job kind. A message is rendered when it is queued (so the outbox shows exactly what is
// sent) from a plain-text template file (and an optional HTML one), then handed to the EmailSender:
// `smtpSender` (nodemailer, when SMTP_URL is set) or `keepInOutbox`, which "delivers" by leaving the
// message in the outbox, where a town's admins read it (GET /api/v1/staff/towns/{town}/outbox).
import { existsSync, readFileSync, watch } from 'node:fs';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { DbOrTx, Lang } from '../database/schema.ts';
import { enqueueJob, type JobSpec } from './outbox.ts';
import type { JobHandler } from './worker.ts';

export const EMAIL_KIND = 'email';

export interface EmailMessage {
  to: string;
  lang: Lang;
  /** Template name, e.g. `invitation`. */
  template: string;
  subject: string;
  text: string;
  /** The HTML alternative, when the template has a `.html` file. */
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

export interface EmailSender {
  /** `jobId`: the outbox job carrying the message; every attempt of one job sends the same Message-ID. */
  send(message: EmailMessage, jobId?: string): Promise<{ delivery: string }>;
}

export const keepInOutbox: EmailSender = {
  send: async () => ({ delivery: 'kept_in_outbox' }),
};

/** Sends through an SMTP server (`SMTP_URL`, e.g. smtp://user:pass@host:587); a refusal throws, so the job is retried. */
export function smtpSender(smtpUrl: string, from: string): EmailSender & { close(): void } {
  const transport = nodemailer.createTransport(smtpUrl);
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'munikit.invalid';
  return {
    async send(m, jobId) {
      // A message sent again after a worker died between sending and recording it (at-least-once
      // delivery) has the same Message-ID, so mail systems and readers can tell it is a repeat.
      const messageId = jobId ? `<job-${jobId}@${domain}>` : undefined;
      const info = await transport.sendMail({ from, to: m.to, subject: m.subject, text: m.text, html: m.html, headers: m.headers, ...(messageId ? { messageId } : {}) });
      return { delivery: 'smtp', messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

export const emailHandler =
  (sender: EmailSender): JobHandler =>
  (job) =>
    sender.send(job.payload as EmailMessage, job.id);

const PLACEHOLDER = /\{\{\s*([a-zA-Z0-9_]+)\s*\}\}/g;

const oneLine = (v: string) => v.replace(/[\p{Cc}\u2028\u2029]+/gu, ' ');

const escapeHtml = (v: string) =>
  v.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

function fill(file: string, source: string, vars: Record<string, string>, encode: (v: string) => string): string {
  return source.replace(PLACEHOLDER, (_, key: string) => {
    const v = vars[key];
    if (v === undefined) throw new Error(`email template ${file}: no value for {{${key}}}`);
    return encode(v);
  });
}

/**
 * Template files as read from disk (undefined: no such file), per directory. Every filing renders an
 * acknowledgement, so the files are not read again each time: a directory's entries are dropped as
 * soon as anything in it changes (fs.watch), so an edited template is used from the next email on.
 * Where a directory cannot be watched, its files are read every time.
 */
const templateFiles = new Map<string, Map<string, string | undefined> | null>();

function templateSource(file: string): string | undefined {
  const dir = path.dirname(file);
  let files = templateFiles.get(dir);
  if (files === undefined) {
    try {
      const watcher = watch(dir, { persistent: false }, () => templateFiles.get(dir)?.clear());
      watcher.on('error', () => templateFiles.set(dir, null));
      files = new Map();
    } catch {
      files = null;
    }
    templateFiles.set(dir, files);
  }
  if (files?.has(file)) return files.get(file);
  const source = existsSync(file) ? readFileSync(file, 'utf8').replace(/\r\n/g, '\n') : undefined;
  files?.set(file, source);
  return source;
}

/**
 * Template files are plain text a non-developer can edit: `<dir>/<name>.<lang>.txt`, a first line
 * `Subject: …`, an empty line, then the body. `{{name}}` is replaced by the value given for it; a
 * placeholder without a value is an error (caught by the tests), never sent as is. Control characters
 * and line breaks in values become spaces. An optional `<name>.<lang>.html` beside it is the HTML
 * version of the body (same placeholders; values are HTML-escaped there).
 */
export function renderEmailTemplate(dir: string, name: string, lang: Lang, vars: Record<string, string>): { subject: string; text: string; html?: string } {
  const file = path.join(dir, `${name}.${lang}.txt`);
  const source = templateSource(file);
  if (source === undefined) throw new Error(`email template ${file} does not exist`);
  // A value is one line: a name or a town's name can never add a header or forge a paragraph.
  const filled = fill(file, source, vars, oneLine);
  const match = /^Subject: *(.+)\n\n([\s\S]*)$/.exec(filled);
  if (!match) throw new Error(`email template ${file} must start with "Subject: …" and an empty line`);
  const htmlFile = path.join(dir, `${name}.${lang}.html`);
  const htmlSource = templateSource(htmlFile);
  const html = htmlSource === undefined ? undefined : fill(htmlFile, htmlSource, vars, (v) => escapeHtml(oneLine(v)));
  return { subject: match[1]!.trim(), text: match[2]!.trimEnd() + '\n', ...(html === undefined ? {} : { html }) };
}

export interface EmailToQueue {
  to: string;
  lang: Lang;
  templateDir: string;
  template: string;
  vars: Record<string, string>;
  townId?: string | null;
  headers?: Record<string, string>;
}

/** The job of an email: the template rendered now, so the outbox holds exactly what is sent. */
export function emailJob(m: EmailToQueue): JobSpec {
  const { subject, text, html } = renderEmailTemplate(m.templateDir, m.template, m.lang, m.vars);
  const message: EmailMessage = { to: m.to, lang: m.lang, template: m.template, subject, text, ...(html ? { html } : {}), ...(m.headers ? { headers: m.headers } : {}) };
  return { kind: EMAIL_KIND, payload: message, townId: m.townId ?? null };
}

/** Renders a template and queues the message (in the caller's transaction when `db` is one). */
export async function enqueueEmail(db: DbOrTx, m: EmailToQueue): Promise<string> {
  return enqueueJob(db, emailJob(m));
}
