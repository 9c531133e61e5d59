/**
 * Data access for the `checkin_attempts` collection: one document per (post, volunteer, window) counting wrong
 * codes. The count only grows through a conditional atomic update, so parallel guesses never pass the limit.
 */
import { _, db, first, isDuplicateKey } from '../cloud';

export interface AttemptKey {
  postId: string;
  volunteerId: string;
  windowStart: number;
}

interface AttemptDoc extends AttemptKey {
  _id: string;
  misses: number;
}

const attempts = () => db.collection('checkin_attempts');

const idOf = (k: AttemptKey) => `${k.postId}:${k.volunteerId}:${k.windowStart}`;

/** Wrong codes counted in the window, or undefined when none was (no document yet). */
export async function missesIn(key: AttemptKey): Promise<number | undefined> {
  return (await first<AttemptDoc>(attempts().where({ _id: idOf(key) })))?.misses;
}

async function countBelow(id: string, limit: number): Promise<boolean> {
  const res = (await attempts()
    .where({ _id: id, misses: _.lt(limit) })
    .update({ data: { misses: _.inc(1) } })) as { stats: { updated: number } };
  return res.stats.updated === 1;
}

/**
 * Counts one wrong code unless `limit` are already counted in the window: true when it was counted.
 * `firstInWindow` (nothing was counted when the caller looked) tries to create the document first.
 */
export async function countMiss(key: AttemptKey, limit: number, firstInWindow: boolean): Promise<boolean> {
  const id = idOf(key);
  if (firstInWindow) {
    try {
      const doc: AttemptDoc = { _id: id, ...key, misses: 1 };
      await attempts().add({ data: doc });
      return true;
    } catch (error) {
      // A parallel guess made the window's document meanwhile: count into it if there is room.
      if (!isDuplicateKey(error)) throw error;
    }
  }
  return countBelow(id, limit);
}
