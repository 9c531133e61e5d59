/**
 * Transactions with retry: wx-server-sdk reports a conflict (-501001) and does not retry, so an action that
 * can simply try again does, with jittered backoff, and every caller still gets a definite answer.
 */
import { db, isConflict } from './cloud';
import { AppError } from './errors';

/** What wx-server-sdk's transaction object offers (it is typed `any`): single-document operations only. */
export interface Transaction {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>;
      set(options: { data: object }): Promise<unknown>;
      update(options: { data: object }): Promise<unknown>;
      remove(): Promise<unknown>;
    };
    add(options: { data: object }): Promise<{ _id: string }>;
  };
}

/**
 * One collection as a transaction sees it, typed by its documents: the one place that narrows the SDK's untyped
 * answers, so repositories never cast. `update` takes a patch (fields, dotted paths or `_` commands).
 */
export function collectionIn<T extends { _id: string }>(tx: Transaction, name: string) {
  const collection = tx.collection(name);
  return {
    async get(id: string): Promise<T | undefined> {
      const { data } = await collection.doc(id).get();
      return (data as T | null) ?? undefined;
    },
    async add(doc: T): Promise<void> {
      await collection.add({ data: doc });
    },
    async set(doc: T): Promise<void> {
      const { _id, ...data } = doc;
      await collection.doc(_id).set({ data });
    },
    async update(id: string, patch: object): Promise<void> {
      await collection.doc(id).update({ data: patch });
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function inTransaction<T>(work: (tx: Transaction) => Promise<T>, attempts = 40): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return (await db.runTransaction(work, 0)) as T;
    } catch (error) {
      if (!isConflict(error)) throw error;
      if (attempt >= attempts) throw new AppError('ABORTED', '当前操作人数较多，请稍后重试');
      await sleep(Math.min(200, 5 * attempt) * (0.5 + Math.random()));
    }
  }
}
