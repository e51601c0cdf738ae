// Routing: which department and person a new request goes to, and how urgent it is.
//
// By default a request goes to its service's department, with priority `normal` and nobody assigned.
// A town's admins add routing rules (`npm run admin -- routing-rules …`). Rules are tried in order of
// position; the FIRST enabled rule whose conditions all match decides, and the fields it sets
// (priority, department, assignee) replace the defaults; the fields it leaves empty keep them.
//
// Conditions (every given one must match; a rule with none matches every request):
// - services: the request's service code is one of the list;
// - words: the description contains one of the words or phrases, in English or French, ignoring case
//   and accents (`arbre` matches `Arbre`, `éclairage` matches `eclairage`), as whole words
//   (`tree` does not match `street`); a trailing `*` matches any ending (`tomb*` matches `tombé`);
//   hyphens and apostrophes count as spaces (`nid de poule` matches `nid-de-poule`);
// - address contains: the location text contains this text (same folding, not whole words);
// - near: the request has coordinates within N metres of a point (great-circle distance).
import type { RequestPriority } from '../platform/database/schema.ts';

export const PRIORITIES: readonly RequestPriority[] = ['low', 'normal', 'high', 'urgent'];

export interface RoutingRule {
  id: string;
  townId: string;
  position: number;
  name: string;
  enabled: boolean;
  serviceCodes: string[];
  words: string[];
  addressContains: string | null;
  near: { lat: number; lng: number; metres: number } | null;
  priority: RequestPriority | null;
  departmentId: string | null;
  assigneeUserId: string | null;
}

export interface RoutableRequest {
  serviceCode: string;
  description: string;
  locationText: string;
  lat: number | null | undefined;
  lng: number | null | undefined;
}

export interface RoutingDecision {
  priority: RequestPriority;
  departmentId: string | null;
  assigneeUserId: string | null;
  /** The rule that decided, or null when no rule matched (the defaults apply). */
  rule: RoutingRule | null;
  /** Which of the rule's conditions matched, e.g. ['service:tree', 'word:arbre']. */
  matched: string[];
}

/** Lower case, accents and ligatures removed, every run of non-letters/digits one space. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}*]+/gu, ' ')
    .trim();
}

/** The first of `words` found in `folded` text (see foldText), or undefined. */
function findWord(foldedText: string, words: string[]): string | undefined {
  const text = ` ${foldedText.replace(/\*/g, ' ')} `;
  for (const word of words) {
    const prefix = word.trim().endsWith('*');
    const w = foldText(word).replace(/\*/g, '').trim();
    if (!w) continue;
    if (prefix ? text.includes(` ${w}`) : text.includes(` ${w} `)) return word;
  }
  return undefined;
}

const EARTH_RADIUS_METRES = 6_371_008.8;

/** Great-circle distance in metres (haversine). */
export function distanceMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** The conditions of `rule` that `req` meets, or undefined when one of them fails. */
export function matchRule(rule: RoutingRule, req: RoutableRequest): string[] | undefined {
  const matched: string[] = [];
  if (rule.serviceCodes.length > 0) {
    if (!rule.serviceCodes.includes(req.serviceCode)) return undefined;
    matched.push(`service:${req.serviceCode}`);
  }
  if (rule.words.length > 0) {
    const word = findWord(foldText(req.description), rule.words);
    if (word === undefined) return undefined;
    matched.push(`word:${word}`);
  }
  if (rule.addressContains) {
    const needle = foldText(rule.addressContains);
    if (!needle || !` ${foldText(req.locationText)} `.includes(needle)) return undefined;
    matched.push(`address:${rule.addressContains}`);
  }
  if (rule.near) {
    if (req.lat == null || req.lng == null) return undefined;
    const d = distanceMetres(rule.near, { lat: req.lat, lng: req.lng });
    if (d > rule.near.metres) return undefined;
    matched.push(`near:${Math.round(d)}m`);
  }
  return matched;
}

/** Applies the first matching enabled rule (by position) over the defaults. */
export function decideRouting(
  rules: readonly RoutingRule[],
  req: RoutableRequest,
  defaults: { departmentId: string | null },
): RoutingDecision {
  const ordered = [...rules].filter((r) => r.enabled).sort((a, b) => a.position - b.position);
  for (const rule of ordered) {
    const matched = matchRule(rule, req);
    if (!matched) continue;
    return {
      priority: rule.priority ?? 'normal',
      departmentId: rule.departmentId ?? defaults.departmentId,
      assigneeUserId: rule.assigneeUserId,
      rule,
      matched,
    };
  }
  return { priority: 'normal', departmentId: defaults.departmentId, assigneeUserId: null, rule: null, matched: [] };
}
