/**
 * The training figures' hooks (培训与资格): trainings held and training minutes go into the month documents; trained
 * and qualified volunteers into the training document, for their town and the brigades they are active members of
 * at the time (membership changes catch up at the nightly recount). Like every statistics hook they never throw: a
 * failed count is logged and repaired by the nightly reconciliation. `countQualified` is called by qualifications.
 */
import type { RequestContext } from '../context';
import * as memberships from '../repos/memberships';
import * as posts from '../repos/posts';
import type { PostDoc } from '../repos/posts';
import * as repo from '../repos/stats';
import { findById } from '../repos/volunteers';
import { personCounts, type CountedPerson, type PersonFigure } from '../rules/training';
import { countFacts } from './count';

type Ctx = Pick<RequestContext, 'log'>;

async function countPeople(ctx: Ctx, figure: PersonFigure, people: { volunteerId: string; town: string }[], sign = 1) {
  if (people.length === 0) return;
  try {
    const held = await memberships.activeOfVolunteers(people.map((p) => p.volunteerId));
    const counted: CountedPerson[] = people.map((p) => ({
      town: p.town,
      brigadeIds: held.filter((m) => m.volunteerId === p.volunteerId).map((m) => m.brigadeId),
    }));
    await repo.incTraining(personCounts(figure, counted, sign));
  } catch (error) {
    ctx.log.error('stats-count-failed', { figure, message: (error as Error)?.message });
  }
}

/** A training's first attendance was recorded: one more training held (培训场次), by its start month. */
export async function countTrainingHeld(ctx: Ctx, post: PostDoc): Promise<void> {
  try {
    if (!(await posts.markTrainingHeld(post._id))) return;
  } catch (error) {
    ctx.log.error('stats-count-failed', { postId: post._id, message: (error as Error)?.message });
    return;
  }
  const brigade = { brigadeId: post.brigadeId, name: post.brigadeName, town: post.town };
  await countFacts(ctx, [{ kind: 'training', at: post.startAt, brigade, trainings: 1 }]);
}

/** Volunteers whose first training was just recorded: trained, for their town and active brigades. */
export const countTrained = (ctx: Ctx, people: { volunteerId: string; town: string }[]) =>
  countPeople(ctx, 'trained', people);

/**
 * The volunteer gained (+1) their first verified, unexpired qualification, or lost (−1) their last one: counted
 * for their town and their active brigades, by the same write that changed the fact (reconciled nightly).
 */
export async function countQualified(ctx: RequestContext, volunteerId: string, delta: 1 | -1): Promise<void> {
  try {
    const volunteer = await findById(volunteerId);
    if (!volunteer) return;
    await countPeople(ctx, 'qualified', [{ volunteerId, town: volunteer.town }], delta);
  } catch (error) {
    ctx.log.error('stats-count-failed', { figure: 'qualified', message: (error as Error)?.message });
  }
}
