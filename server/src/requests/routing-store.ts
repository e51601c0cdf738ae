// Routing rules in the database (routing_rules). Positions are 1, 2, 3 … per town: adding at a
// position moves the rules at and after it down by one; removing closes the gap.
import type { DbOrTx, RequestPriority, RoutingRulesTable } from '../platform/database/schema.ts';
import { newId, nowIso } from '../platform/database/schema.ts';
import { preparedQuery } from '../platform/database/prepared.ts';
import type { Selectable } from 'kysely';
import { foldText, PRIORITIES, type RoutingRule } from './routing.ts';

const toRule = (r: RoutingRulesTable): RoutingRule => ({
  id: r.id,
  townId: r.town_id,
  position: Number(r.position),
  name: r.name,
  enabled: Number(r.enabled) === 1,
  serviceCodes: JSON.parse(r.service_codes) as string[],
  words: JSON.parse(r.words) as string[],
  addressContains: r.address_contains,
  near:
    r.near_lat != null && r.near_lng != null && r.near_metres != null
      ? { lat: Number(r.near_lat), lng: Number(r.near_lng), metres: Number(r.near_metres) }
      : null,
  priority: r.priority,
  departmentId: r.department_id,
  assigneeUserId: r.assignee_user_id,
});

/** A town's rules in order of position. */
// Compiled once (platform/database/prepared.ts): every filing reads the rules.
const routingRulesOf = preparedQuery<[string], Selectable<RoutingRulesTable>>((db, arg) =>
  db.selectFrom('routing_rules').selectAll().where('town_id', '=', arg<string>(0)).orderBy('position').orderBy('created_at'),
);

export async function listRoutingRules(db: DbOrTx, townId: string): Promise<RoutingRule[]> {
  return (await routingRulesOf(db, townId)).map(toRule);
}

export interface NewRoutingRule {
  townId: string;
  name: string;
  /** 1-based; omitted or past the end: last. */
  position?: number;
  enabled?: boolean;
  serviceCodes?: string[];
  words?: string[];
  addressContains?: string | null;
  near?: { lat: number; lng: number; metres: number } | null;
  priority?: RequestPriority | null;
  departmentId?: string | null;
  assigneeUserId?: string | null;
}

/** Inserts a rule at its position (run it in a transaction: it renumbers the others). Returns it. */
export async function insertRoutingRule(db: DbOrTx, r: NewRoutingRule): Promise<RoutingRule> {
  const count = await db
    .selectFrom('routing_rules')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('town_id', '=', r.townId)
    .executeTakeFirstOrThrow();
  const last = Number(count.n) + 1;
  const position = r.position && r.position >= 1 && r.position < last ? Math.floor(r.position) : last;
  if (position < last) {
    await db
      .updateTable('routing_rules')
      .set((eb) => ({ position: eb('position', '+', 1) }))
      .where('town_id', '=', r.townId)
      .where('position', '>=', position)
      .execute();
  }
  const now = nowIso();
  const row: RoutingRulesTable = {
    id: newId(),
    town_id: r.townId,
    position,
    name: r.name,
    enabled: r.enabled === false ? 0 : 1,
    service_codes: JSON.stringify(r.serviceCodes ?? []),
    words: JSON.stringify(r.words ?? []),
    address_contains: r.addressContains || null,
    near_lat: r.near?.lat ?? null,
    near_lng: r.near?.lng ?? null,
    near_metres: r.near?.metres ?? null,
    priority: r.priority ?? null,
    department_id: r.departmentId ?? null,
    assignee_user_id: r.assigneeUserId ?? null,
    created_at: now,
    updated_at: now,
  };
  await db.insertInto('routing_rules').values(row).execute();
  return toRule(row);
}

/** Deletes a town's rule (by id) and closes the gap. Run it in a transaction. Returns the removed rule. */
export async function deleteRoutingRule(db: DbOrTx, townId: string, id: string): Promise<RoutingRule | undefined> {
  const row = await db.selectFrom('routing_rules').selectAll().where('town_id', '=', townId).where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  await db.deleteFrom('routing_rules').where('id', '=', id).execute();
  await db
    .updateTable('routing_rules')
    .set((eb) => ({ position: eb('position', '-', 1) }))
    .where('town_id', '=', townId)
    .where('position', '>', row.position)
    .execute();
  return toRule(row);
}

export interface RoutingRuleSpec {
  name: string;
  position?: number;
  enabled?: boolean;
  serviceCodes?: string[];
  words?: string[];
  addressContains?: string | null;
  near?: { lat: number; lng: number; metres: number } | null;
  priority?: string | null;
  departmentId?: string | null;
  /** Email of a staff user with a role in the town. */
  assigneeEmail?: string | null;
}

/**
 * Checks a rule an admin wrote against the town (its services, departments and staff) and turns it
 * into a NewRoutingRule, or says in one sentence what is wrong.
 */
export async function prepareRoutingRule(
  db: DbOrTx,
  townId: string,
  spec: RoutingRuleSpec,
  lookups: {
    serviceCodes: (townId: string) => Promise<string[]>;
    departmentIds: (townId: string) => Promise<string[]>;
    /** The id of the user with this email when they have a role in the town. */
    townUserId: (townId: string, email: string) => Promise<string | undefined>;
  },
): Promise<{ ok: true; rule: NewRoutingRule } | { ok: false; error: string }> {
  const name = spec.name.trim();
  if (!name) return { ok: false, error: 'a rule needs a --name' };
  if (name.length > 200) return { ok: false, error: '--name must be at most 200 characters' };
  const serviceCodes = [...new Set((spec.serviceCodes ?? []).map((s) => s.trim()).filter(Boolean))];
  if (serviceCodes.length > 0) {
    const known = new Set(await lookups.serviceCodes(townId));
    const unknown = serviceCodes.filter((c) => !known.has(c));
    if (unknown.length > 0) return { ok: false, error: `unknown service code(s) in this town: ${unknown.join(', ')}` };
  }
  const words = [...new Set((spec.words ?? []).map((w) => w.trim()).filter(Boolean))];
  if (words.some((w) => !foldText(w).replace(/\*/g, '').trim())) return { ok: false, error: '--words needs letters or digits in every word' };
  const near = spec.near ?? null;
  if (near) {
    if (!(near.lat >= -90 && near.lat <= 90 && near.lng >= -180 && near.lng <= 180)) return { ok: false, error: '--near must be "lat,lng" in degrees' };
    if (!(Number.isInteger(near.metres) && near.metres > 0 && near.metres <= 100_000)) return { ok: false, error: '--within must be a whole number of metres from 1 to 100000' };
  }
  const priority = spec.priority ?? null;
  if (priority !== null && !PRIORITIES.includes(priority as RequestPriority)) return { ok: false, error: `--priority must be one of ${PRIORITIES.join(', ')}` };
  const departmentId = spec.departmentId ?? null;
  if (departmentId !== null && !(await lookups.departmentIds(townId)).includes(departmentId)) {
    return { ok: false, error: `there is no department "${departmentId}" in this town` };
  }
  let assigneeUserId: string | null = null;
  if (spec.assigneeEmail) {
    assigneeUserId = (await lookups.townUserId(townId, spec.assigneeEmail)) ?? null;
    if (!assigneeUserId) return { ok: false, error: `${spec.assigneeEmail} is not a staff user of this town` };
  }
  if (priority === null && departmentId === null && assigneeUserId === null) {
    return { ok: false, error: 'a rule must set something: --priority, --department and/or --assignee' };
  }
  if (spec.position !== undefined && !(Number.isInteger(spec.position) && spec.position >= 1)) return { ok: false, error: '--position must be 1 or more' };
  return {
    ok: true,
    rule: {
      townId,
      name,
      position: spec.position,
      enabled: spec.enabled,
      serviceCodes,
      words,
      addressContains: spec.addressContains?.trim() || null,
      near,
      priority: priority as RequestPriority | null,
      departmentId,
      assigneeUserId,
    },
  };
}

/** One line per condition and per outcome, for listings. */
export function describeRoutingRule(r: RoutingRule): { when: string; then: string } {
  const when: string[] = [];
  if (r.serviceCodes.length > 0) when.push(`service in [${r.serviceCodes.join(', ')}]`);
  if (r.words.length > 0) when.push(`description has one of [${r.words.join(', ')}]`);
  if (r.addressContains) when.push(`address contains "${r.addressContains}"`);
  if (r.near) when.push(`within ${r.near.metres} m of ${r.near.lat},${r.near.lng}`);
  const then: string[] = [];
  if (r.priority) then.push(`priority ${r.priority}`);
  if (r.departmentId) then.push(`department ${r.departmentId}`);
  if (r.assigneeUserId) then.push(`assignee ${r.assigneeUserId}`);
  return { when: when.length > 0 ? when.join(' and ') : 'every request', then: then.join(', ') };
}
