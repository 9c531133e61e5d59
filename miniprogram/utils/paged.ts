/**
 * Paged lists on a page: the first page replaces the list, "more" appends only the new rows (path updates, so
 * setData stays small however long the list grows), and the answer to an older request never overwrites a newer one.
 * The page's data holds `items`, `loading`, `loadingMore`, `error` and `nextCursor`.
 */
import { messageOf } from '../services/errors';
import type { Page } from '../typings/index';

export interface PagedData {
  items: unknown[];
  loading: boolean;
  loadingMore: boolean;
  error: string;
  nextCursor: string;
}

interface Host {
  data: PagedData;
  setData(data: Record<string, unknown>): void;
}

export interface LoadOptions {
  /** Append the next page instead of loading the first. */
  more?: boolean;
  /** Keep showing the current rows while the first page reloads (no skeleton). */
  keepItems?: boolean;
}

const generations = new WeakMap<object, number>();

/** Loads a page of rows into `items`; resolves to the raw rows, or undefined when it failed or was overtaken. */
export async function loadPaged<T, V>(
  host: Host,
  fetch: (cursor?: string) => Promise<Page<T>>,
  toView: (item: T) => V,
  options: LoadOptions = {},
): Promise<T[] | undefined> {
  const { more = false, keepItems = false } = options;
  const generation = (generations.get(host) ?? 0) + (more ? 0 : 1);
  generations.set(host, generation);
  if (more) host.setData({ loadingMore: true });
  else if (keepItems) host.setData({ loading: host.data.items.length === 0, error: '' });
  else host.setData({ loading: true, error: '', items: [], nextCursor: '' });
  try {
    const page = await fetch(more && host.data.nextCursor ? host.data.nextCursor : undefined);
    if (generations.get(host) !== generation) return undefined;
    const views = page.items.map(toView);
    const nextCursor = page.nextCursor ?? '';
    if (more) {
      const at = host.data.items.length;
      const update: Record<string, unknown> = { loadingMore: false, nextCursor };
      views.forEach((view, i) => (update[`items[${at + i}]`] = view));
      host.setData(update);
    } else {
      host.setData({ loading: false, items: views, nextCursor });
    }
    return page.items;
  } catch (error) {
    if (generations.get(host) !== generation) return undefined;
    const message = messageOf(error);
    host.setData(more ? { loadingMore: false } : { loading: false, error: message });
    if (more) wx.showToast({ title: message, icon: 'none' });
    return undefined;
  }
}

interface PagedPage {
  data: PagedData;
  load(more?: boolean): Promise<unknown>;
}

/**
 * Pull to refresh, load more at the bottom and 重试, for a page whose `load(more)` fills a paged list:
 * `Page({ ...pagedList, … })`.
 */
export const pagedList = {
  onRetry(this: PagedPage) {
    void this.load();
  },

  onPullDownRefresh(this: PagedPage) {
    void this.load().then(() => wx.stopPullDownRefresh());
  },

  onReachBottom(this: PagedPage) {
    if (this.data.nextCursor && !this.data.loadingMore) void this.load(true);
  },
};
