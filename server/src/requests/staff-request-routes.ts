// The staff inbox (GET …/inbox), a request's page (GET …/requests/{reference}) and the changes staff
// make to it. Every change names the version it was made on (409 with the current state when another
// change came first), is audited with before and after, and public changes reach notifications in
// the same transaction.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppEnv, RouteDeps } from '../app-types.ts';
import { audit } from '../accounts/audit.ts';
import { say } from '../accounts/messages.ts';
import { guard } from '../accounts/permissions.ts';
import { inTransaction } from '../platform/database/group-commit.ts';
import type { Db, DbOrTx, RequestPriority, RequestStatus } from '../platform/database/schema.ts';
import { nowIso } from '../platform/database/schema.ts';
import { apiError, errorResponses, validationFailed } from '../platform/http/errors.ts';
import { notifyRequestChange } from '../notifications/request-changes.ts';
import { TownParam } from '../towns/routes.ts';
import { PhotoSummarySchema } from './photos/schemas.ts';
import { INBOX_SORTS, PRIORITIES, decodeInboxCursor, listInbox } from './staff-inbox.ts';
import {
  claimVersion,
  findStaffRequest,
  getStaffRequestDetail,

  isTownStaff,
  listTownStaff,
  mergeRequest,
  setAssignee,
  setDepartment,
  setPriority,
  type RequestRef,
} from './staff-request-store.ts';
import { addInternalNote, addPublicNote, changeRequestStatus } from './staff-store.ts';
import { CLOSED_STATUSES, OPEN_STATUSES, REQUEST_STATUSES, isClosedStatus } from './statuses.ts';

const Status = z.enum(REQUEST_STATUSES);
const Priority = z.enum(PRIORITIES);
const Bilingual = z.object({ en: z.string(), fr: z.string() });
const body = <S extends z.ZodType>(schema: S) => ({ body: { required: true, content: { 'application/json': { schema } } } });
const ReferenceParams = TownParam.extend({
  reference: z.string().min(1).max(40).openapi({ param: { name: 'reference', in: 'path' }, example: 'LKV-7K4Q2-M9XCR' }),
});

const InboxItemSchema = z
  .object({
    reference: z.string(),
    status: Status,
    priority: z.string(),
    serviceCode: z.string(),
    serviceName: Bilingual,
    department: z.object({ id: z.string(), name: Bilingual }).nullable(),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    locationText: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    ackDueAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    overdue: z.boolean().openapi({ description: 'Open past its time to close' }),
    ackOverdue: z.boolean().openapi({ description: "Still 'received' past its time to acknowledge" }),
    followers: z.number().int().openapi({ description: 'Residents following the request (as on its page)' }),
  })
  .openapi('InboxItem');

const EventSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    status: Status.nullable(),
    visibility: z.enum(['public', 'internal']),
    note: z.string().nullable(),
    noteEn: z.string().nullable(),
    noteFr: z.string().nullable(),
    details: z.record(z.string(), z.unknown()).nullable(),
    actor: z.object({ id: z.string(), name: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('StaffRequestEvent');

const DetailSchema = z
  .object({
    reference: z.string(),
    version: z.number().int(),
    status: Status,
    priority: z.string(),
    service: z.object({ code: z.string(), name: Bilingual, ackTargetHours: z.number().nullable(), targetDays: z.number().nullable() }),
    department: z.object({ id: z.string(), name: Bilingual }).nullable(),
    assignee: z.object({ id: z.string(), name: z.string() }).nullable(),
    description: z.string(),
    answers: z.array(
      z.object({
        code: z.string(),
        label: Bilingual,
        value: z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]),
        display: Bilingual,
      }),
    ),
    location: z.object({ text: z.string(), lat: z.number().nullable(), lng: z.number().nullable(), mapUrl: z.string().nullable() }),
    contact: z.object({ name: z.string().nullable(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
    channel: z.string(),
    lang: z.enum(['en', 'fr']),
    photos: z.array(PhotoSummarySchema),
    createdAt: z.string(),
    updatedAt: z.string(),
    closedAt: z.string().nullable(),
    ackDueAt: z.string().nullable(),
    dueAt: z.string().nullable(),
    overdue: z.boolean(),
    ackOverdue: z.boolean(),
    followers: z.number().int().openapi({ description: 'Confirmed subscribers' }),
    events: z.array(EventSchema),
  })
  .openapi('StaffRequestDetail');

const ConflictSchema = z
  .object({
    error: z.object({ code: z.literal('conflict'), message: z.string() }),
    current: DetailSchema,
  })
  .openapi('StaffRequestConflict');

const conflictResponse = {
  409: { description: 'Another change came first (conflict): nothing changed; the current state', content: { 'application/json': { schema: ConflictSchema } } },
};

const inboxRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/inbox',
  tags: ['Staff'],
  summary: "The town's requests across departments: filters, search, sort and keyset pages",
  request: {
    params: TownParam,
    query: z.object({
      status: z
        .string()
        .max(200)
        .optional()
        .openapi({ description: "Comma-separated statuses, or 'open' / 'closed'" }),
      department: z.string().max(100).optional(),
      service: z.string().max(100).optional(),
      priority: Priority.optional(),
      assignee: z.string().max(100).optional().openapi({ description: "A user id, 'me' or 'unassigned'" }),
      overdue: z.enum(['true', 'false']).optional(),
      from: z.string().datetime({ offset: true }).optional(),
      to: z.string().datetime({ offset: true }).optional(),
      q: z.string().max(200).optional().openapi({ description: 'Words in the reference, description or location (prefixes match)' }),
      sort: z.enum(INBOX_SORTS).default('newest'),
      cursor: z.string().max(500).optional(),
      limit: z.coerce.number().int().min(1).max(200).default(50),
    }),
  },
  responses: {
    200: {
      description: 'One page',
      content: {
        'application/json': {
          schema: z
            .object({
              total: z
                .number()
                .int()
                .nullable()
                .openapi({ description: 'Requests matching the filters, counted up to 1,000 (see totalCapped); on the first page only (null with a cursor)' }),
              totalCapped: z.boolean().openapi({ description: 'More requests match than `total` (the count stops at 1,000): show "more than 1,000"' }),
              items: z.array(InboxItemSchema),
              nextCursor: z.string().nullable(),
            })
            .openapi('InboxPage'),
        },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

const detailRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/requests/{reference}',
  tags: ['Staff'],
  summary: 'Everything about one request: what the resident sent, the full history, followers',
  request: { params: ReferenceParams },
  responses: {
    200: { description: 'The request', content: { 'application/json': { schema: DetailSchema } } },
    ...errorResponses(401, 403, 404),
  },
});

const NoteText = z.string().trim().max(5000);
const PublicNote = z.object({ en: NoteText.optional(), fr: NoteText.optional() });

const updateRoute = createRoute({
  method: 'patch',
  path: '/api/v1/staff/towns/{town}/requests/{reference}',
  tags: ['Staff'],
  summary: 'Change status, priority, department or assignee (with an optional public note for a status change)',
  request: {
    params: ReferenceParams,
    ...body(
      z.object({
        version: z.number().int().min(1),
        status: Status.optional(),
        priority: Priority.optional(),
        departmentId: z.string().min(1).max(100).optional(),
        assigneeUserId: z.string().min(1).max(100).nullable().optional(),
        note: PublicNote.optional(),
      }),
    ),
  },
  responses: {
    200: { description: 'The request after the change', content: { 'application/json': { schema: DetailSchema } } },
    ...errorResponses(400, 401, 403, 404),
    ...conflictResponse,
  },
});

const noteRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/requests/{reference}/notes',
  tags: ['Staff'],
  summary: 'A public note (EN and/or FR; sent to subscribers) or an internal note (staff only)',
  request: {
    params: ReferenceParams,
    ...body(
      z.object({
        version: z.number().int().min(1),
        visibility: z.enum(['public', 'internal']),
        en: NoteText.optional(),
        fr: NoteText.optional(),
        text: NoteText.optional().openapi({ description: 'An internal note' }),
      }),
    ),
  },
  responses: {
    200: { description: 'The request after the note', content: { 'application/json': { schema: DetailSchema } } },
    ...errorResponses(400, 401, 403, 404),
    ...conflictResponse,
  },
});

const mergeRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/requests/{reference}/merge',
  tags: ['Staff'],
  summary: 'Merge as a duplicate of another request (its subscribers move over)',
  request: {
    params: ReferenceParams,
    ...body(z.object({ version: z.number().int().min(1), intoReference: z.string().min(1).max(40) })),
  },
  responses: {
    200: { description: 'The merged request', content: { 'application/json': { schema: DetailSchema } } },
    ...errorResponses(400, 401, 403, 404),
    ...conflictResponse,
  },
});

const reopenRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/towns/{town}/requests/{reference}/reopen',
  tags: ['Staff'],
  summary: 'A closed request back to in progress, with a public note',
  request: {
    params: ReferenceParams,
    ...body(z.object({ version: z.number().int().min(1), note: PublicNote })),
  },
  responses: {
    200: { description: 'The reopened request', content: { 'application/json': { schema: DetailSchema } } },
    ...errorResponses(400, 401, 403, 404),
    ...conflictResponse,
  },
});

const staffListRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff/towns/{town}/assignees',
  tags: ['Staff'],
  summary: 'Staff of the town a request can be assigned to',
  request: { params: TownParam },
  responses: {
    200: {
      description: 'Staff',
      content: { 'application/json': { schema: z.object({ staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })) }) } },
    },
    ...errorResponses(401, 403),
  },
});

/** The departments an agent is limited to; empty (every department) for other roles. */
const scope = (c: Context<AppEnv>): string[] => (c.var.access?.role === 'agent' ? c.var.access.departmentIds : []);

const notFound = (c: Context<AppEnv>) =>
  apiError(c, 404, 'not_found', say(c, 'There is no request with this reference in your departments.', 'Aucune demande de vos services ne porte ce numéro.'));

const snapshot = (r: RequestRef) => ({ status: r.status, priority: r.priority, departmentId: r.departmentId, assigneeUserId: r.assigneeUserId, version: r.version });

class Conflict extends Error {}

const CONFLICT = {
  en: 'Someone else changed this request while you were working on it. Nothing was saved: check the current state, then apply your change again.',
  fr: 'Quelqu’un d’autre a modifié cette demande pendant que vous y travailliez. Rien n’a été enregistré : vérifiez l’état actuel, puis refaites votre modification.',
};

const noteOf = (n: { en?: string; fr?: string } | undefined) =>
  n && (n.en || n.fr) ? { en: n.en ? n.en : null, fr: n.fr ? n.fr : null } : null;

export function registerStaffRequestPageRoutes(app: App, { db }: RouteDeps) {
  /** Runs a change in one transaction under the version check; answers the page, or 409 with the current state. */
  async function change(
    c: Context<AppEnv>,
    r: RequestRef,
    version: number,
    fn: (tx: DbOrTx, at: string, actor: string | null) => Promise<void>,
  ) {
    const at = nowIso();
    const actor = c.var.session?.userId ?? null;
    try {
      await inTransaction(db as Db, async (tx) => {
        if (!(await claimVersion(tx, r.id, version, at))) throw new Conflict();
        await fn(tx, at, actor);
      });
    } catch (e) {
      if (!(e instanceof Conflict)) throw e;
      const current = await getStaffRequestDetail(db, r.id);
      return c.json({ error: { code: 'conflict' as const, message: say(c, CONFLICT.en, CONFLICT.fr) }, current }, 409);
    }
    return c.json(await getStaffRequestDetail(db, r.id), 200);
  }

  const after = async (tx: DbOrTx, id: string, townId: string, reference: string) => {
    const r = await findStaffRequest(tx, townId, reference);
    return r ? snapshot({ ...r, id }) : null;
  };

  app.openapi(guard(inboxRoute, 'requests.read'), async (c) => {
    const { town } = c.req.valid('param');
    const q = c.req.valid('query');
    const errors: { field: string; message: string }[] = [];
    let statuses: RequestStatus[] | undefined;
    if (q.status === 'open') statuses = [...OPEN_STATUSES];
    else if (q.status === 'closed') statuses = [...CLOSED_STATUSES];
    else if (q.status) {
      const list = q.status.split(',').map((s) => s.trim()).filter(Boolean);
      const bad = list.filter((s) => !(REQUEST_STATUSES as readonly string[]).includes(s));
      if (bad.length > 0) errors.push({ field: 'status', message: say(c, `Unknown status: ${bad.join(', ')}.`, `Statut inconnu : ${bad.join(', ')}.`) });
      statuses = list as RequestStatus[];
    }
    const cursor = q.cursor ? decodeInboxCursor(q.cursor, q.sort) : undefined;
    if (q.cursor && !cursor) errors.push({ field: 'cursor', message: say(c, 'This page cursor is not valid.', 'Ce curseur de page n’est pas valide.') });
    if (errors.length > 0) return validationFailed(c, errors);
    const assignee = q.assignee === 'me' ? (c.var.session?.userId ?? undefined) : q.assignee;
    const page = await listInbox(
      db,
      town,
      {
        statuses,
        departmentId: q.department,
        serviceCode: q.service,
        priority: q.priority,
        assignee,
        overdue: q.overdue === 'true',
        // Stored times are toISOString() text: compare like with like.
        from: q.from ? new Date(q.from).toISOString() : undefined,
        to: q.to ? new Date(q.to).toISOString() : undefined,
        q: q.q,
        departmentIds: scope(c),
      },
      { sort: q.sort, limit: q.limit, cursor },
    );
    return c.json(page, 200);
  });

  app.openapi(guard(staffListRoute, 'requests.read'), async (c) => {
    const { town } = c.req.valid('param');
    return c.json({ staff: await listTownStaff(db, town) }, 200);
  });

  app.openapi(guard(detailRoute, 'requests.read'), async (c) => {
    const { town, reference } = c.req.valid('param');
    const r = await findStaffRequest(db, town, reference, scope(c));
    if (!r) return notFound(c);
    return c.json(await getStaffRequestDetail(db, r.id), 200);
  });

  app.openapi(guard(updateRoute, 'requests.update'), async (c) => {
    const { town, reference } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await findStaffRequest(db, town, reference, scope(c));
    if (!r) return notFound(c);
    const errors: { field: string; message: string }[] = [];
    if (b.departmentId !== undefined) {
      const d = await db.selectFrom('departments').select('id').where('town_id', '=', town).where('id', '=', b.departmentId).executeTakeFirst();
      if (!d) errors.push({ field: 'departmentId', message: say(c, 'This town has no such department.', 'Cette municipalité n’a pas ce service.') });
    }
    if (b.assigneeUserId && !(await isTownStaff(db, town, b.assigneeUserId))) {
      errors.push({ field: 'assigneeUserId', message: say(c, 'Choose a staff member of this town.', 'Choisissez un membre du personnel de cette municipalité.') });
    }
    if (b.note && !b.status) errors.push({ field: 'note', message: say(c, 'A note here goes with a status change.', 'Une note ici accompagne un changement de statut.') });
    if (b.status === 'duplicate') errors.push({ field: 'status', message: say(c, 'Use "merge" to mark a duplicate.', 'Utilisez « fusionner » pour marquer un doublon.') });
    if (b.status === undefined && b.priority === undefined && b.departmentId === undefined && b.assigneeUserId === undefined) {
      errors.push({ field: 'status', message: say(c, 'Nothing to change.', 'Rien à modifier.') });
    }
    if (errors.length > 0) return validationFailed(c, errors);
    return change(c, r, b.version, async (tx, at, actor) => {
      if (b.priority !== undefined && b.priority !== r.priority) await setPriority(tx, r.id, b.priority as RequestPriority);
      if (b.departmentId !== undefined && b.departmentId !== r.departmentId) {
        const eventId = await setDepartment(tx, r.id, b.departmentId, actor, at);
        await notifyRequestChange(tx, { kind: 'department_changed', townId: town, requestId: r.id, eventId, departmentId: b.departmentId });
      }
      if (b.assigneeUserId !== undefined && b.assigneeUserId !== r.assigneeUserId) await setAssignee(tx, r.id, b.assigneeUserId, actor, at);
      if (b.status !== undefined && b.status !== r.status) {
        const eventId = await changeRequestStatus(tx, r.id, b.status, { note: noteOf(b.note), actorUserId: actor, at });
        await notifyRequestChange(tx, { kind: 'status_changed', townId: town, requestId: r.id, eventId, status: b.status });
      }
      await audit(c, 'request.updated', { type: 'request', id: r.reference }, snapshot(r), await after(tx, r.id, town, r.reference), {
        db: tx,
        extra: b.note ? { note: noteOf(b.note) } : undefined,
      });
    });
  });

  app.openapi(guard(noteRoute, 'requests.update'), async (c) => {
    const { town, reference } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await findStaffRequest(db, town, reference, scope(c));
    if (!r) return notFound(c);
    if (b.visibility === 'public' && !b.en && !b.fr) {
      return validationFailed(c, [{ field: 'en', message: say(c, 'Write the note in English, French or both.', 'Rédigez la note en anglais, en français ou dans les deux langues.') }]);
    }
    if (b.visibility === 'internal' && !b.text) {
      return validationFailed(c, [{ field: 'text', message: say(c, 'Write the internal note.', 'Rédigez la note interne.') }]);
    }
    return change(c, r, b.version, async (tx, at, actor) => {
      if (b.visibility === 'public') {
        const note = noteOf(b)!;
        const eventId = await addPublicNote(tx, r.id, note, { actorUserId: actor, at });
        await notifyRequestChange(tx, { kind: 'public_note', townId: town, requestId: r.id, eventId });
        await audit(c, 'request.public_note', { type: 'request', id: r.reference }, { version: r.version }, { version: r.version + 1, note }, { db: tx });
      } else {
        await addInternalNote(tx, r.id, b.text!, { actorUserId: actor, at });
        // The internal note's text stays in the request's history, not in the audit log.
        await audit(c, 'request.internal_note', { type: 'request', id: r.reference }, { version: r.version }, { version: r.version + 1 }, { db: tx });
      }
    });
  });

  app.openapi(guard(mergeRoute, 'requests.update'), async (c) => {
    const { town, reference } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await findStaffRequest(db, town, reference, scope(c));
    if (!r) return notFound(c);
    const into = await findStaffRequest(db, town, b.intoReference);
    if (!into || into.id === r.id) {
      return validationFailed(c, [{ field: 'intoReference', message: say(c, 'Enter the reference of another request of this town.', 'Entrez le numéro d’une autre demande de cette municipalité.') }]);
    }
    if (into.status === 'duplicate') {
      return validationFailed(c, [{ field: 'intoReference', message: say(c, 'That request is itself a duplicate; merge into the one it was merged into.', 'Cette demande est elle-même un doublon; fusionnez avec la demande d’origine.') }]);
    }
    return change(c, r, b.version, async (tx, at, actor) => {
      const { moved } = await mergeRequest(tx, r, into, actor, at);
      await notifyRequestChange(tx, { kind: 'merged', townId: town, requestId: r.id, intoRequestId: into.id });
      await audit(c, 'request.merged', { type: 'request', id: r.reference }, snapshot(r), { ...(await after(tx, r.id, town, r.reference)), intoReference: into.reference, subscribersMoved: moved }, { db: tx });
    });
  });

  app.openapi(guard(reopenRoute, 'requests.update'), async (c) => {
    const { town, reference } = c.req.valid('param');
    const b = c.req.valid('json');
    const r = await findStaffRequest(db, town, reference, scope(c));
    if (!r) return notFound(c);
    if (!isClosedStatus(r.status)) {
      return validationFailed(c, [{ field: 'version', message: say(c, 'This request is not closed.', 'Cette demande n’est pas fermée.') }]);
    }
    const note = noteOf(b.note);
    if (!note) return validationFailed(c, [{ field: 'note.en', message: say(c, 'Say why the request is reopened.', 'Indiquez pourquoi la demande est rouverte.') }]);
    return change(c, r, b.version, async (tx, at, actor) => {
      const eventId = await changeRequestStatus(tx, r.id, 'in_progress', { note, actorUserId: actor, at });
      await notifyRequestChange(tx, { kind: 'status_changed', townId: town, requestId: r.id, eventId, status: 'in_progress' });
      await audit(c, 'request.reopened', { type: 'request', id: r.reference }, snapshot(r), await after(tx, r.id, town, r.reference), { db: tx, extra: { note } });
    });
  });
}

