// Duplicates at the door: open requests of one service near where a resident is reporting, so they
// can follow one instead of filing it again. Within NEARBY_METRES of the given point (a bounding box on
// lat/lng in SQL over requests_nearby_idx, then the exact haversine distance), or, without a point, at
// the same street address (normalised: case, accents, punctuation and common abbreviations ignored).
// Answers only what the resident needs to recognise the problem: reference, status, when, how far;
// never the description, the location text, photos or anything about who reported it.
import type { DbOrTx, RequestStatus } from '../platform/database/schema.ts';
import { OPEN_STATUSES } from './statuses.ts';

export const NEARBY_METRES = 50;
export const NEARBY_MAX = 5;
/** How many open requests of a service the address comparison reads at most (newest first). */
const ADDRESS_SCAN = 500;
const EARTH_RADIUS_M = 6_371_000;
const METRES_PER_DEGREE_LAT = 111_320;

export interface NearbyRequest {
  reference: string;
  status: RequestStatus;
  createdAt: string;
  /** Metres from the given point, rounded; null for a match by address. */
  distanceM: number | null;
}

/** Great-circle distance in metres. */
export function haversineMetres(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

const ABBREVIATIONS: Record<string, string> = {
  street: 'st', rue: 'rue', road: 'rd', avenue: 'ave', av: 'ave', boulevard: 'blvd', boul: 'blvd', drive: 'dr', lane: 'ln', court: 'ct',
  crescent: 'cres', place: 'pl', terrace: 'terr', highway: 'hwy', chemin: 'ch', route: 'rte', north: 'n', south: 's', east: 'e', west: 'w',
  nord: 'n', sud: 's', est: 'e', ouest: 'o', saint: 'st', sainte: 'ste',
};

/** A street address for comparison: `12, Lake Road.` and `12 lake rd` are the same. */
export function normaliseAddress(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w)
    .join(' ');
}

/** Open requests of a service within NEARBY_METRES of a point, nearest first among the newest. */
export async function nearbyByPoint(db: DbOrTx, townId: string, serviceCode: string, point: { lat: number; lng: number }): Promise<NearbyRequest[]> {
  const dLat = NEARBY_METRES / METRES_PER_DEGREE_LAT;
  const dLng = dLat / Math.max(0.01, Math.cos((point.lat * Math.PI) / 180));
  const rows = await db
    .selectFrom('requests')
    .select(['reference', 'status', 'created_at', 'lat', 'lng'])
    .where('town_id', '=', townId)
    .where('service_code', '=', serviceCode)
    .where('lat', '>=', point.lat - dLat)
    .where('lat', '<=', point.lat + dLat)
    .where('lng', '>=', point.lng - dLng)
    .where('lng', '<=', point.lng + dLng)
    .where('status', 'in', [...OPEN_STATUSES])
    .orderBy('created_at', 'desc')
    .limit(100)
    .execute();
  return rows
    .map((r) => ({ r, d: haversineMetres(point, { lat: Number(r.lat), lng: Number(r.lng) }) }))
    .filter((x) => x.d <= NEARBY_METRES)
    .slice(0, NEARBY_MAX)
    .map(({ r, d }) => ({ reference: r.reference, status: r.status, createdAt: r.created_at, distanceM: Math.round(d) }));
}

/** Open requests of a service at the same normalised street address, newest first. */
export async function nearbyByAddress(db: DbOrTx, townId: string, serviceCode: string, address: string): Promise<NearbyRequest[]> {
  const wanted = normaliseAddress(address);
  // An address without a house number or a street name ("park") would match too much.
  if (wanted.length < 4 || !/\d/.test(wanted) || !/[a-z]{2}/.test(wanted)) return [];
  const rows = await db
    .selectFrom('requests')
    .select(['reference', 'status', 'created_at', 'location_text'])
    .where('town_id', '=', townId)
    .where('service_code', '=', serviceCode)
    .where('status', 'in', [...OPEN_STATUSES])
    .orderBy('created_at', 'desc')
    .limit(ADDRESS_SCAN)
    .execute();
  return rows
    .filter((r) => normaliseAddress(r.location_text) === wanted)
    .slice(0, NEARBY_MAX)
    .map((r) => ({ reference: r.reference, status: r.status, createdAt: r.created_at, distanceM: null }));
}
