/** The one place that initialises wx-server-sdk; everything else imports `cloud` and `db` from here. */
import cloud from 'wx-server-sdk';

// throwOnNotFound: false makes `doc(id).get()` of a missing document resolve to `{ data: null }` instead of
// throwing a string, so a real error (a conflict) is never mistaken for "not there".
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string, throwOnNotFound: false } as Parameters<
  typeof cloud.init
>[0]);

export { cloud };
export const db = cloud.database();
export const _ = db.command;
export type Database = typeof db;

/** wx-server-sdk reports a transaction conflict as errCode -501001 (DATABASE_TRANSACTION_CONFLICT). */
export function isConflict(error: unknown): boolean {
  const e = error as { errCode?: number; code?: string; message?: string } | undefined;
  return (
    e?.errCode === -501001 ||
    e?.code === 'DATABASE_TRANSACTION_CONFLICT' ||
    /TRANSACTION_CONFLICT/.test(String(e?.message ?? ''))
  );
}

/** A unique index refused the write (E11000). */
export function isDuplicateKey(error: unknown): boolean {
  const e = error as { errCode?: number; code?: string; message?: string; errMsg?: string } | undefined;
  return /E11000|duplicate key/i.test(`${e?.message ?? ''} ${e?.errMsg ?? ''} ${e?.code ?? ''}`);
}

/** wx-server-sdk types `get()` as a union with `void | string`; these narrow what the database returns. */
interface Gettable {
  get(): unknown;
}

export async function rows<T>(query: Gettable): Promise<T[]> {
  const res = (await query.get()) as { data: T[] };
  return res.data;
}

export async function first<T>(query: Gettable & { limit(n: number): Gettable }): Promise<T | undefined> {
  const [row] = await rows<T>(query.limit(1));
  return row;
}
