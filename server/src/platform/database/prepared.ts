// Queries of the hot paths (a status lookup, a filing), built and compiled by Kysely once per dialect
// instead of on every call. Building the operation tree and compiling it to SQL cost more than the
// SQL itself for a primary-key read; here a call only substitutes its arguments into the compiled
// parameter list and executes (node-sqlite-adapter.ts keeps the statement prepared as well).
//
//   const findThing = preparedQuery((db, arg) =>
//     db.selectFrom('things').select(['id', 'name']).where('town_id', '=', arg<string>(0)).where('id', '=', arg<string>(1)));
//   const rows = await findThing(db, townId, id);
//
// `arg(i)` stands for the call's i-th argument. The query's shape must not depend on the arguments (a
// list for `in` has a fixed length: make one prepared query per length); values written into the
// builder as constants stay constants. Works on a Kysely instance and on a transaction alike; without
// plugins (this project uses none), since results are returned as the driver gives them.
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database, DbOrTx } from './schema.ts';

const SLOT = Symbol('prepared-query argument');
interface Slot {
  readonly [SLOT]: number;
}
const slots = new Map<number, Slot>();
const isSlot = (v: unknown): v is Slot => typeof v === 'object' && v !== null && SLOT in v;

/** A placeholder for the call's `index`-th argument, typed as the value it stands for. */
export type Arg = <T>(index: number) => T;
const arg: Arg = <T>(index: number): T => {
  let slot = slots.get(index);
  if (!slot) {
    slot = Object.freeze({ [SLOT]: index });
    slots.set(index, slot);
  }
  return slot as unknown as T;
};

export type PreparedQuery<Args extends readonly unknown[], Row> = (db: DbOrTx, ...args: Args) => Promise<Row[]>;

export function preparedQuery<Args extends readonly unknown[], Row>(
  build: (db: Kysely<Database>, arg: Arg) => Compilable<Row>,
): PreparedQuery<Args, Row> {
  // One compiled form per dialect (the adapter's class): SQLite and PostgreSQL quote and number differently.
  const compiledBy = new Map<unknown, { compiled: CompiledQuery<Row>; map: (args: Args) => unknown[] }>();
  return async (db, ...args) => {
    const dialect = db.getExecutor().adapter.constructor;
    let entry = compiledBy.get(dialect);
    if (!entry) {
      const compiled = build(db as Kysely<Database>, arg).compile();
      const template = compiled.parameters;
      const map = (a: Args) => template.map((p) => (isSlot(p) ? a[p[SLOT]] : p));
      entry = { compiled, map };
      compiledBy.set(dialect, entry);
    }
    const { rows } = await db.executeQuery<Row>({ ...entry.compiled, parameters: entry.map(args) });
    return rows;
  };
}
