/**
 * Keyset paging: lists are ordered by one field plus `_id`, and the cursor is the last item's `<value>|<_id>`,
 * so a page reads at most pageSize + 1 documents however long the list is.
 */
import { PAGE_SIZE_DEFAULT } from '../typings/data';
import { _ } from './cloud';
import { invalid } from './errors';

export type Direction = 'asc' | 'desc';

export const pageSizeOf = (pageSize?: number) => pageSize ?? PAGE_SIZE_DEFAULT;

/** The condition that selects what comes after the cursor (undefined on the first page). */
export function after(field: string, direction: Direction, cursor?: string): object | undefined {
  if (!cursor) return undefined;
  const cut = cursor.lastIndexOf('|');
  const value = Number(cursor.slice(0, cut));
  const id = cursor.slice(cut + 1);
  if (cut < 1 || !Number.isFinite(value) || !id) throw invalid('分页参数无效，请刷新后重试');
  const beyond = direction === 'asc' ? _.gt : _.lt;
  return _.or([{ [field]: beyond(value) }, { [field]: value, _id: beyond(id) }]);
}

/** Combines filters with the cursor condition. */
export function where(filters: Record<string, unknown>, cursorCondition?: object): object {
  return cursorCondition ? _.and([filters, cursorCondition]) : filters;
}

/** Cuts the pageSize + 1 rows read into the page and its next cursor. */
export function pageOf<T extends { _id: string }>(rows: T[], pageSize: number, field: keyof T) {
  const items = rows.slice(0, pageSize);
  const last = items[items.length - 1];
  return {
    items,
    ...(rows.length > pageSize && last ? { nextCursor: `${String(last[field])}|${last._id}` } : {}),
  };
}
