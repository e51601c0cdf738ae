// A resident's request to see or erase their data: every request of the town whose contact details
// carry their email (any case) or phone (any punctuation), and every subscription of that email.
import { sql } from 'kysely';
import type { DbOrTx } from '../platform/database/schema.ts';
import { deleteSubscriptions, normaliseEmail, subscriptionsOfEmails } from '../notifications/subscriptions-store.ts';
import { eraseRequestsData, type RequestsErasure } from './erase.ts';

export interface ResidentQuery {
  email?: string;
  phone?: string;
}

/** Digits only, without the North American leading 1: "+1 (613) 555-0199" → "6135550199". */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

export interface HeldRequest {
  reference: string;
  service: { code: string; en: string; fr: string };
  status: string;
  createdAt: string;
  closedAt: string | null;
  location: string;
  description: string;
  /** Null when the resident is only a subscriber of this request. */
  contact: { name: string | null; email: string | null; phone: string | null } | null;
  photos: { id: string; contentType: string; bytes: number; width: number; height: number; createdAt: string }[];
  subscriptions: { email: string; status: string; source: string; lang: string; createdAt: string }[];
}

export interface Found {
  /** Requests whose contact details match. */
  contactRequestIds: string[];
  /** Normalised emails whose subscriptions belong to the resident (the searched one, the contacts'). */
  emails: string[];
  requests: HeldRequest[];
}

export async function findResidentData(db: DbOrTx, townId: string, q: ResidentQuery): Promise<Found> {
  const email = q.email ? normaliseEmail(q.email) : undefined;
  const phone = q.phone ? normalisePhone(q.phone) : undefined;
  const ids = new Set<string>();
  if (email) {
    const rows = await db
      .selectFrom('request_contacts as c')
      .innerJoin('requests as r', 'r.id', 'c.request_id')
      .select('c.request_id')
      .where('r.town_id', '=', townId)
      .where(sql<string>`lower(c.email)`, '=', email)
      .execute();
    for (const r of rows) ids.add(r.request_id);
  }
  if (phone) {
    // Phones are stored as typed; a town holds few enough to compare their digits here.
    const rows = await db
      .selectFrom('request_contacts as c')
      .innerJoin('requests as r', 'r.id', 'c.request_id')
      .select(['c.request_id', 'c.phone'])
      .where('r.town_id', '=', townId)
      .where('c.phone', 'is not', null)
      .execute();
    for (const r of rows) if (r.phone && normalisePhone(r.phone) === phone) ids.add(r.request_id);
  }
  const contactRequestIds = [...ids];
  const contacts =
    contactRequestIds.length === 0 ? [] : await db.selectFrom('request_contacts').selectAll().where('request_id', 'in', contactRequestIds).execute();
  const emails = [...new Set([...(email ? [email] : []), ...contacts.flatMap((c) => (c.email ? [normaliseEmail(c.email)] : []))])];
  const subs = await subscriptionsOfEmails(db, townId, emails);
  const allIds = [...new Set([...contactRequestIds, ...subs.map((s) => s.request_id)])];
  if (allIds.length === 0) return { contactRequestIds, emails, requests: [] };
  const requests = await db
    .selectFrom('requests as r')
    .innerJoin('services as s', 's.id', 'r.service_id')
    .select(['r.id', 'r.reference', 'r.service_code', 's.name_en', 's.name_fr', 'r.status', 'r.created_at', 'r.closed_at', 'r.location_text', 'r.description'])
    .where('r.town_id', '=', townId)
    .where('r.id', 'in', allIds)
    .orderBy('r.created_at')
    .orderBy('r.reference')
    .execute();
  const photos =
    contactRequestIds.length === 0
      ? []
      : await db
          .selectFrom('uploads')
          .select(['id', 'request_id', 'content_type', 'bytes', 'width', 'height', 'created_at'])
          .where('town_id', '=', townId)
          .where('request_id', 'in', contactRequestIds)
          .orderBy('created_at')
          .execute();
  return {
    contactRequestIds,
    emails,
    requests: requests.map((r) => {
      const c = ids.has(r.id) ? contacts.find((x) => x.request_id === r.id) : undefined;
      return {
        reference: r.reference,
        service: { code: r.service_code, en: r.name_en, fr: r.name_fr },
        status: r.status,
        createdAt: r.created_at,
        closedAt: r.closed_at,
        location: r.location_text,
        description: r.description,
        contact: c ? { name: c.name, email: c.email, phone: c.phone } : null,
        photos: photos
          .filter((p) => p.request_id === r.id)
          .map((p) => ({ id: p.id, contentType: p.content_type, bytes: Number(p.bytes), width: Number(p.width), height: Number(p.height), createdAt: p.created_at })),
        subscriptions: subs
          .filter((s) => s.request_id === r.id)
          .map((s) => ({ email: s.email, status: s.status, source: s.source, lang: s.lang, createdAt: s.created_at })),
      };
    }),
  };
}

/** Erases the contact details and photos of the matching requests and every subscription of the emails. */
export async function eraseResidentData(db: DbOrTx, townId: string, found: Found): Promise<RequestsErasure> {
  const onRequests = await eraseRequestsData(db, townId, found.contactRequestIds, { emails: found.emails });
  if (found.emails.length === 0) return onRequests;
  const others = await deleteSubscriptions(db, townId, { emails: found.emails });
  const refs =
    others.length === 0
      ? []
      : (await db.selectFrom('requests').select('reference').where('id', 'in', others).execute()).map((r) => r.reference);
  return {
    references: [...new Set([...onRequests.references, ...refs])].sort(),
    contacts: onRequests.contacts,
    photoIds: onRequests.photoIds,
    subscriptions: onRequests.subscriptions + others.length,
  };
}
