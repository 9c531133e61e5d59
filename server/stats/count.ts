/**
 * The statistics hooks: each write that changes a counted fact calls one of these right after the fact is
 * written. They never throw — a failed count is logged and repaired by the nightly reconciliation, so counting
 * can never fail the action that did the real work.
 */
import type { RequestContext } from '../context';
import type { BrigadeDoc } from '../repos/brigades';
import type { PostDoc } from '../repos/posts';
import type { RecordDoc } from '../repos/records';
import * as repo from '../repos/stats';
import type { VolunteerDoc } from '../repos/volunteers';
import {
  changesOf,
  sumHonesty,
  type BrigadeRef,
  type RecordFacts,
  type SourceWhat,
  type StatsFact,
} from '../rules/stats';
import { shanghaiMonth } from '../rules/time';
import { isTraining } from '../rules/training';

type Ctx = Pick<RequestContext, 'log'>;

/** Counts the facts: one `_.inc` update per month touched. Never throws. */
export async function countFacts(ctx: Ctx, facts: (StatsFact | undefined)[]): Promise<void> {
  const changes = changesOf(facts.filter((f): f is StatsFact => f !== undefined));
  for (const change of changes) {
    try {
      await repo.applyChange(change);
    } catch (error) {
      ctx.log.error('stats-count-failed', { month: change.month, message: (error as Error)?.message });
    }
  }
}

const brigadeOfPost = (post: Pick<PostDoc, 'brigadeId' | 'brigadeName' | 'town'>): BrigadeRef => ({
  brigadeId: post.brigadeId,
  name: post.brigadeName,
  town: post.town,
});

/**
 * A sign-up or a join made (a new or renewed sign-up, a first join or a rejoin), by where it came from and the month
 * it was made; the source is also kept on the sign-up or membership, which the nightly recount reads.
 */
export const sourceFact = (
  what: SourceWhat,
  source: string,
  at: number,
  brigade: { brigadeId: string; name: string; town: string },
): StatsFact => ({ kind: 'source', at, brigade, what, source, delta: 1 });

/** A volunteer registered (+1) or erased their profile (−1): by registration month and town. */
export const volunteerFact = (v: Pick<VolunteerDoc, 'registeredAt' | 'town'>, delta: 1 | -1): StatsFact => ({
  kind: 'volunteer',
  at: v.registeredAt,
  town: v.town,
  delta,
});

export const brigadeFact = (b: Pick<BrigadeDoc, '_id' | 'name' | 'town' | 'createdAt'>): StatsFact => ({
  kind: 'brigade',
  at: b.createdAt,
  brigade: { brigadeId: b._id, name: b.name, town: b.town },
  delta: 1,
});

/** A post published (+1) or cancelled (−1), by its start month and category. */
export const postFact = (
  p: Pick<PostDoc, 'brigadeId' | 'brigadeName' | 'town' | 'category' | 'startAt'>,
  delta: 1 | -1,
): StatsFact => ({ kind: 'post', at: p.startAt, brigade: brigadeOfPost(p), category: p.category, delta });

/**
 * Newly recorded attendees of a post: sessions and minutes of those present, no-shows of the absent. A training's
 * minutes are training minutes only (its posts are counted by `countTrainingHeld`, its absences nowhere).
 */
export function recordedFact(
  post: PostDoc,
  recorded: (RecordFacts & { status: 'attended' | 'absent' })[],
): StatsFact | undefined {
  if (recorded.length === 0) return undefined;
  const attended = recorded.filter((r) => r.status === 'attended');
  if (isTraining(post)) {
    return {
      kind: 'training',
      at: post.startAt,
      brigade: brigadeOfPost(post),
      trainingMinutes: attended.reduce((s, r) => s + r.minutes, 0),
      ...sumHonesty(recorded),
    };
  }
  return {
    kind: 'service',
    at: post.startAt,
    brigade: brigadeOfPost(post),
    category: post.category,
    sessions: attended.length,
    minutes: attended.reduce((s, r) => s + r.minutes, 0),
    noShows: recorded.length - attended.length,
    ...sumHonesty(recorded),
  };
}

/** An adjustment: the minutes' difference, and an absent attendee turned present (a session instead of a no-show). */
export function adjustedFact(post: PostDoc, before: RecordDoc, minutesAfter: number): StatsFact {
  const wasAbsent = before.status === 'absent';
  const after: RecordFacts = { ...before, status: 'attended', minutes: minutesAfter };
  if (isTraining(post)) {
    return {
      kind: 'training',
      at: post.startAt,
      brigade: brigadeOfPost(post),
      trainingMinutes: minutesAfter - (wasAbsent ? 0 : before.minutes),
      ...sumHonesty([before], -1, sumHonesty([after])),
    };
  }
  return {
    kind: 'service',
    at: post.startAt,
    brigade: brigadeOfPost(post),
    category: post.category,
    sessions: wasAbsent ? 1 : 0,
    noShows: wasAbsent ? -1 : 0,
    minutes: minutesAfter - (wasAbsent ? 0 : before.minutes),
    ...sumHonesty([before], -1, sumHonesty([after])),
  };
}

/**
 * The number of people a post served, as its leader entered it when recording: counted once per post — entering
 * it again with the same number changes nothing, a different number replaces the old one. Never throws.
 */
export async function countPeopleServed(ctx: Ctx, post: PostDoc, peopleServed: number | undefined): Promise<void> {
  if (peopleServed === undefined) return;
  try {
    const delta = await repo.setPeopleServed({
      postId: post._id,
      period: shanghaiMonth(post.startAt),
      brigadeId: post.brigadeId,
      brigadeName: post.brigadeName,
      town: post.town,
      category: post.category,
      at: post.startAt,
      peopleServed,
    });
    const fact: StatsFact = {
      kind: 'service',
      at: post.startAt,
      brigade: brigadeOfPost(post),
      category: post.category,
      peopleServed: delta,
    };
    await countFacts(ctx, [fact]);
  } catch (error) {
    ctx.log.error('stats-count-failed', { postId: post._id, message: (error as Error)?.message });
  }
}
