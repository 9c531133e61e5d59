/**
 * Reads through the indexes (keys.ts, planner.ts, the `ix` and `cx` tables of store.ts): which rows a query reads,
 * and in which order an `orderBy` reads them so it can stop after the page. Every row read is still tested by the
 * matcher, so what a query answers never depends on the path taken here.
 */
import type { Doc } from './codec';
import { encodePrefix, type Key } from './keys';
import type { Matcher } from './matcher';
import { conditions, singleKey, type Condition } from './planner';
import type { Row, Store } from './store';

export class IndexedReads {
  constructor(private readonly store: Store) {}

  /** The rows of the most selective indexed condition, or the whole collection. */
  rows(coll: string, query: unknown): Iterable<Row> {
    const best = this.plan(coll, query)[0];
    return best ? this.store.candidates(coll, best.cond) : this.store.scanLazily(coll);
  }

  /** The query's indexed conditions, most selective first (a lone condition is not counted: there is no choice). */
  private plan(coll: string, query: unknown): { cond: Condition; estimate: number }[] {
    const conds = conditions(query, this.store.indexedFields(coll));
    if (conds.length === 1) return [{ cond: conds[0], estimate: 0 }];
    return conds
      .map((cond) => ({ cond, estimate: this.store.estimate(coll, cond, ESTIMATE_CAP) }))
      .sort((a, b) => a.estimate - b.estimate);
  }

  /**
   * An `orderBy` whose first field is indexed reads documents in that field's key order and stops once it has
   * `need` matches and the next key differs from the last one taken (ties go on to the full order below); with a
   * compound index whose prefix the query fixes, that prefix's entries; with a selective condition on another field,
   * only that condition's candidates, sorted by their keys of the order field.
   * Undefined when there is no order, or its field is not indexed or holds values the index cannot order.
   */
  ordered(coll: string, query: unknown, match: Matcher, order: Record<string, number> | undefined, need: number) {
    const first = order ? Object.entries(order)[0] : undefined;
    if (!first || !this.store.indexedFields(coll).has(first[0]) || !this.store.orderable(coll, first[0])) return;
    const [field, descending] = [first[0], first[1] < 0];
    const rows = this.orderedRows(coll, query, field, descending);
    const taken: { seq: number; doc: Doc }[] = [];
    let last: { t: number; k: unknown } | undefined;
    for (const row of rows) {
      if (taken.length >= need && last && !sameKey(last, row)) break;
      const doc = this.store.parse(row);
      if (!match(doc)) continue;
      taken.push({ seq: row.seq, doc });
      last = row;
    }
    return taken.sort((a, b) => a.seq - b.seq).map((x) => x.doc);
  }

  /**
   * The cheapest of: a compound index's prefix fixed by the query; the order field's own condition when it selects
   * few keys; the candidates of the most selective other condition (up to NARROW_CAP) sorted by their keys; the
   * whole field in key order.
   */
  private orderedRows(coll: string, query: unknown, field: string, descending: boolean) {
    const plan = this.plan(coll, query);
    const mine = plan.find((p) => p.cond.field === field);
    const own = mine?.cond.terms.length === 1 ? mine.cond.terms[0] : undefined;
    const compound = this.compoundFor(
      coll,
      field,
      plan.map((p) => p.cond),
    );
    if (compound) return this.store.orderedCompound(coll, compound.id, compound.p, descending, own);
    const other = plan.find((p) => p.cond.field !== field);
    const ownIsSmall = own && mine && mine.estimate < ESTIMATE_CAP;
    if (other && !ownIsSmall) {
      const size = other.estimate < ESTIMATE_CAP ? other.estimate : this.store.estimate(coll, other.cond, NARROW_CAP);
      if (size < NARROW_CAP) return this.store.orderedWithin(coll, field, descending, other.cond, own);
    }
    return this.store.ordered(coll, field, descending, own);
  }

  /** The usable compound index ending in `field` whose prefix the query fixes by equalities (the longest). */
  private compoundFor(coll: string, field: string, conds: Condition[]): { id: string; p: Buffer } | undefined {
    let best: { id: string; p: Buffer; size: number } | undefined;
    for (const c of this.store.compounds(coll)) {
      if (c.last !== field || (best && best.size >= c.prefix.length)) continue;
      const keys = c.prefix.map((f) =>
        conds.map((cond) => (cond.field === f ? singleKey(cond) : undefined)).find(Boolean),
      );
      if (keys.some((k) => !k) || !this.store.compoundUsable(coll, c.id)) continue;
      best = { id: c.id, p: encodePrefix(keys as Key[]), size: c.prefix.length };
    }
    return best;
  }
}

/** Conditions are compared by how many candidates they select, counted up to this many. */
const ESTIMATE_CAP = 1000;
/** Up to this many candidates are sorted by their index keys rather than reading the order field from its start. */
const NARROW_CAP = 50_000;

function sameKey(a: { t: number; k: unknown }, b: { t: number; k: unknown }): boolean {
  if (a.t !== b.t) return false;
  return Buffer.isBuffer(a.k) && Buffer.isBuffer(b.k) ? a.k.equals(b.k) : a.k === b.k;
}
