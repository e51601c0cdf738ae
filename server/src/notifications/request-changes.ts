// What the rest of the server tells notifications when something residents may follow happens to a
// request. Called inside the transaction of the change itself, so a message is queued (in the outbox)
// exactly when the change commits; sending happens later (the outbox worker) and never blocks or fails
// the change. A filing may instead take its jobs described (receivedJobs) and write them with the
// request in one statement (requests/intake-store.ts on PostgreSQL): the same jobs either way.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { DbOrTx, Lang, RequestStatus } from '../platform/database/schema.ts';
import { emailJob, enqueueEmail } from '../platform/jobs/email.ts';
import { enqueueJob, type JobSpec } from '../platform/jobs/outbox.ts';
import { getTown, type Town } from '../towns/store.ts';
import { residentLink, trackerLink } from './links.ts';
import { fixToken, notificationSecret } from './tokens.ts';
import { subscriptionSecret, unsubscribeTokenFor } from './subscriptions-store.ts';
import { activeWebhooks, enqueueWebhookEvent, webhookJobs, type Webhook, type WebhookEventType, type WebhookRequest } from './webhooks.ts';

export type RequestChange =
  /** A request was filed: its acknowledgement and webhooks come from what the filing knows (FiledNotice). */
  | { kind: 'received'; townId: string; requestId: string; filed: FiledNotice }
  | { kind: 'status_changed'; townId: string; requestId: string; eventId: string; status: RequestStatus }
  | { kind: 'public_note'; townId: string; requestId: string; eventId: string }
  /** Staff passed the request to another department (the public `department_changed` event). */
  | { kind: 'department_changed'; townId: string; requestId: string; eventId: string; departmentId: string }
  /** Call before the subscribers are moved to `intoRequestId`: they are told where their request went. */
  | { kind: 'merged'; townId: string; requestId: string; intoRequestId: string };

export const NOTIFICATION_TEMPLATES_DIR = path.join(import.meta.dirname, 'emails');

const STATUS_LABELS = JSON.parse(readFileSync(path.join(NOTIFICATION_TEMPLATES_DIR, 'status-labels.json'), 'utf8')) as Record<Lang, Record<RequestStatus, string>>;

export const statusLabel = (status: RequestStatus, lang: Lang): string => STATUS_LABELS[lang][status] ?? status;

const WEBHOOK_EVENT: Record<RequestChange['kind'], WebhookEventType> = {
  received: 'request.received',
  status_changed: 'request.status_changed',
  public_note: 'request.public_note',
  merged: 'request.merged',
  department_changed: 'request.department_changed',
};

const NOTE_IN_OTHER_LANGUAGE: Record<Lang, string> = {
  en: 'This note was written in French only.',
  fr: 'Cette note a été rédigée en anglais seulement.',
};

/** The note of an event in `lang`, else in the other language with a line saying so; '' when none. */
function noteFor(event: { note_en: string | null; note_fr: string | null } | undefined, lang: Lang): { note: string; noteLanguage: string } {
  if (!event) return { note: '', noteLanguage: '' };
  const own = lang === 'en' ? event.note_en : event.note_fr;
  if (own) return { note: own, noteLanguage: '' };
  const other = lang === 'en' ? event.note_fr : event.note_en;
  return other ? { note: other, noteLanguage: NOTE_IN_OTHER_LANGUAGE[lang] } : { note: '', noteLanguage: '' };
}

/**
 * What a filing knows of the request it stores (requests/intake-store.ts): the acknowledgement and
 * the webhooks' payload are made from it, without reading the request back.
 */
export interface FiledNotice {
  reference: string;
  lang: Lang;
  /** The reporter's contact email: the acknowledgement goes there (none without one). */
  contactEmail: string | null;
  /** The reporter ticked "email me": their new subscription's confirm token, whose link rides in the acknowledgement. */
  confirmToken?: string | null;
  /** The webhooks' view of the request as filed. */
  request: WebhookRequest;
}

/** What the jobs of a filing depend on besides the filing itself: read before (or in) its write. */
export interface ReceivedReads {
  webhooks: readonly Webhook[];
  /** The town's current name and settings (the tracker link); read only when there is someone to acknowledge. */
  town: Pick<Town, 'id' | 'name' | 'settings'> | undefined;
}

/** Reads what receivedJobs needs, at the same time (on PostgreSQL, on two pooled connections). */
export async function readForReceived(db: DbOrTx, townId: string, opts: { acknowledge: boolean }): Promise<ReceivedReads> {
  const [webhooks, town] = await Promise.all([activeWebhooks(db, townId), opts.acknowledge ? getTown(db, townId) : undefined]);
  return { webhooks, town };
}

/**
 * The jobs a filing queues, described (no database): one per active webhook taking request.received,
 * then the "we received your request" email to the reporter's contact address (with the confirm link
 * of "email me" when there is one). The SQLite path enqueues them in its transaction; the PostgreSQL
 * path inserts them in the filing's one statement.
 */
export function receivedJobs(townId: string, reads: ReceivedReads, filed: FiledNotice): JobSpec[] {
  const jobs = webhookJobs(reads.webhooks, WEBHOOK_EVENT.received, townId, filed.request);
  const { town } = reads;
  if (town && filed.contactEmail) {
    const lang = filed.lang;
    const vars: Record<string, string> = { townName: town.name[lang], reference: filed.reference, trackerLink: trackerLink(town, filed.reference) };
    if (filed.confirmToken) vars['confirmLink'] = residentLink('confirm', { t: filed.confirmToken });
    jobs.push(
      emailJob({
        to: filed.contactEmail,
        lang,
        templateDir: NOTIFICATION_TEMPLATES_DIR,
        template: filed.confirmToken ? 'request-received-subscribe' : 'request-received',
        vars,
        townId: town.id,
      }),
    );
  }
  return jobs;
}

/**
 * Queues the emails to the request's confirmed subscribers (each in their language, with a one-click
 * unsubscribe link and header) and one job per active webhook of the town that takes this event. For
 * 'received', also the acknowledgement to the reporter's contact email. Internal notes never reach
 * here: only public event columns (note_en / note_fr) are read.
 */
export async function notifyRequestChange(db: DbOrTx, change: RequestChange): Promise<void> {
  if (change.kind === 'received') {
    const reads = await readForReceived(db, change.townId, { acknowledge: Boolean(change.filed.contactEmail) });
    for (const job of receivedJobs(change.townId, reads, change.filed)) await enqueueJob(db, job);
    return;
  }
  const request = await db
    .selectFrom('requests')
    .select(['id', 'town_id', 'reference', 'lang'])
    .where('id', '=', change.requestId)
    .where('town_id', '=', change.townId)
    .executeTakeFirst();
  const town = await getTown(db, change.townId);
  if (!request || !town) return;

  await enqueueWebhookEvent(db, town.id, WEBHOOK_EVENT[change.kind], change.requestId);

  const names = (lang: Lang) => town.name[lang];

  const subscribers = await db
    .selectFrom('request_subscribers')
    .select(['id', 'email', 'lang'])
    .where('request_id', '=', request.id)
    .where('status', '=', 'confirmed')
    .orderBy('created_at')
    .execute();
  if (subscribers.length === 0) return;
  const secret = await notificationSecret(db);
  const unsubscribeSecret = await subscriptionSecret(db);

  let template: string;
  let extra: (lang: Lang, subscriberId: string) => Record<string, string>;
  if (change.kind === 'merged') {
    const into = await db.selectFrom('requests').select('reference').where('id', '=', change.intoRequestId).executeTakeFirst();
    if (!into) return;
    template = 'request-merged';
    extra = () => ({ intoReference: into.reference, trackerLink: trackerLink(town, into.reference) });
  } else if (change.kind === 'department_changed') {
    const event = await db.selectFrom('request_events').select('visibility').where('id', '=', change.eventId).where('request_id', '=', request.id).executeTakeFirst();
    const department = await db
      .selectFrom('departments')
      .select(['name_en', 'name_fr'])
      .where('id', '=', change.departmentId)
      .where('town_id', '=', town.id)
      .executeTakeFirst();
    if (!event || event.visibility !== 'public' || !department) return;
    template = 'request-department-changed';
    extra = (lang) => ({ department: lang === 'fr' ? department.name_fr : department.name_en });
  } else {
    const event = await db
      .selectFrom('request_events')
      .select(['note_en', 'note_fr', 'visibility'])
      .where('id', '=', change.eventId)
      .where('request_id', '=', request.id)
      .executeTakeFirst();
    if (!event || event.visibility !== 'public') return;
    if (change.kind === 'public_note') {
      template = 'request-public-note';
      extra = (lang) => noteFor(event, lang);
    } else if (change.status === 'resolved') {
      template = 'request-resolved';
      extra = (lang) => {
        const t = fixToken(secret, request.id);
        return {
          note: noteFor(event, lang).note,
          fixedYesLink: residentLink('fixed', { t, answer: 'yes', lang }),
          fixedNoLink: residentLink('fixed', { t, answer: 'no', lang }),
        };
      };
    } else {
      template = 'request-status-changed';
      extra = (lang) => ({ status: statusLabel(change.status, lang), note: noteFor(event, lang).note });
    }
  }

  for (const s of subscribers) {
    const unsubscribe = residentLink('unsubscribe', { t: unsubscribeTokenFor(unsubscribeSecret, s.id) });
    await enqueueEmail(db, {
      to: s.email,
      lang: s.lang,
      templateDir: NOTIFICATION_TEMPLATES_DIR,
      template,
      vars: {
        townName: names(s.lang),
        reference: request.reference,
        trackerLink: trackerLink(town, request.reference),
        unsubscribeLink: unsubscribe,
        ...extra(s.lang, s.id),
      },
      townId: town.id,
      // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" to the link.
      headers: { 'List-Unsubscribe': `<${unsubscribe}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }
}

