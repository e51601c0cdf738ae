// Keyset pagination on (created_at, id): an opaque cursor naming the last row of a page.
export interface Keyset {
  createdAt: string;
  id: string;
}

export const encodeCursor = (row: Keyset): string => Buffer.from(JSON.stringify([row.createdAt, row.id])).toString('base64url');

export function decodeCursor(cursor: string): Keyset | undefined {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string') return { createdAt: v[0], id: v[1] };
  } catch {
    // not a cursor
  }
  return undefined;
}
