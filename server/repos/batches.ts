/**
 * Bounded reads the repositories share for the statistics' recount: a collection's documents in a time range, in
 * id-ordered batches, and the earliest or latest time a field holds. Each repository passes its own collection.
 */
import { _, first, rows, type Database } from '../cloud';

type Collection = ReturnType<Database['collection']>;

/** `[start, end)` in epoch ms. */
export type Range = [number, number];

export interface Batch {
  range: Range;
  afterId?: string;
  size: number;
}

/** One batch of the documents whose `timeField` falls in the range, after `afterId`, with only `fields`. */
export function batchIn<T>(
  collection: Collection,
  timeField: string,
  { range, afterId, size }: Batch,
  fields: Record<string, true>,
  extra: Record<string, unknown> = {},
): Promise<(T & { _id: string })[]> {
  return rows<T & { _id: string }>(
    collection
      .where({
        ...extra,
        [timeField]: _.and(_.gte(range[0]), _.lt(range[1])),
        ...(afterId ? { _id: _.gt(afterId) } : {}),
      })
      .orderBy('_id', 'asc')
      .field({ _id: true, ...fields })
      .limit(size),
  );
}

/** The earliest (`asc`) or latest (`desc`) value of a time field (one document read). */
export async function edgeOf(
  collection: Collection,
  field: string,
  dir: 'asc' | 'desc',
  where: Record<string, unknown> = {},
): Promise<number | undefined> {
  const row = await first<Record<string, number>>(
    collection
      .where({ ...where, [field]: _.exists(true) })
      .orderBy(field, dir)
      .field({ [field]: true }),
  );
  return row?.[field];
}
