/**
 * posts.create / update / cancel — leaders post recruitment for their brigade (a weekly series in one call);
 * title, description, address and a cancellation's reason pass content safety; cancelling cancels every sign-up.
 */
import type { CreatePostRequest, UpdatePostRequest } from '../../typings/api/posts';
import type { ServiceCategory } from '../../typings/data';
import type { Post } from '../../typings/entities';
import { db } from '../cloud';
import { invalid, precondition } from '../errors';
import type { Action } from '../handler';
import { newId } from '../ids';
import { requireLeaderOf } from '../brigades/access';
import { queueCancelNotices } from '../reminders/notices';
import * as posts from '../repos/posts';
import { cancelAll, retime } from '../repos/signups';
import { actorOf } from '../rules/actor';
import { checkTimes, weeklyStarts } from '../rules/posts';
import { kindProblem, TRAINING_CATEGORY } from '../rules/training';
import { checkText } from '../security';
import { requirePostLeader } from './access';
import { fillPlaces } from './places';
import { cancelInput, createInput, updateInput } from './schema';
import { rescheduleReminders } from '../reminders/reschedule';
import { countFacts, postFact } from '../stats/count';

function checkCoordinates(lat?: number, lng?: number): void {
  if ((lat === undefined) !== (lng === undefined)) throw invalid('请同时提供经纬度', { lat: '请同时提供经纬度' });
}

/** A training (培训) carries its topic and trainer, and the category 培训 by default (rules/training.ts). */
function kindFields(input: Pick<CreatePostRequest, 'kind' | 'topic' | 'trainer'> & { category?: string }) {
  const kind = input.kind ?? 'service';
  const fields = {
    kind,
    category: input.category ?? (kind === 'training' ? TRAINING_CATEGORY : undefined),
    topic: input.topic || undefined,
    trainer: input.trainer || undefined,
  };
  const problem = kindProblem(fields);
  if (problem) throw invalid(problem.message, { [problem.field]: problem.message });
  return {
    kind,
    category: fields.category as ServiceCategory,
    ...(fields.topic ? { topic: fields.topic } : {}),
    ...(fields.trainer ? { trainer: fields.trainer } : {}),
  };
}

const geo = (lat?: number, lng?: number) =>
  lat !== undefined && lng !== undefined ? { lat, lng, location: db.Geo.Point(lng, lat) } : {};

export const create: Action<CreatePostRequest, Post & { seriesPostIds?: string[] }> = {
  access: 'volunteer',
  input: createInput,
  async run(input, ctx) {
    const { brigade, volunteer } = await requireLeaderOf(ctx, input.brigadeId);
    const now = Date.now();
    const deadlineOffset = input.startAt - (input.signupDeadline ?? input.startAt);
    const problem = checkTimes(input.startAt, input.endAt, input.startAt - deadlineOffset, now);
    if (problem) throw invalid(problem.message, { [problem.field]: problem.message });
    checkCoordinates(input.lat, input.lng);
    const kind = kindFields(input);
    await checkText(ctx, {
      title: input.title,
      description: input.description,
      address: input.address,
      topic: kind.topic,
      trainer: kind.trainer,
    });
    const seriesId = input.repeatWeeks && input.repeatWeeks > 1 ? newId() : undefined;
    const duration = input.endAt - input.startAt;
    const docs: posts.PostDoc[] = weeklyStarts(input.startAt, input.repeatWeeks ?? 1).map((startAt) => ({
      _id: newId(),
      brigadeId: brigade._id,
      brigadeName: brigade.name,
      town: brigade.town,
      title: input.title,
      description: input.description,
      ...kind,
      address: input.address,
      ...geo(input.lat, input.lng),
      startAt,
      endAt: startAt + duration,
      signupDeadline: startAt - deadlineOffset,
      quota: input.quota,
      confirmedCount: 0,
      waitlistCount: 0,
      requiredSpecialties: [...new Set(input.requiredSpecialties ?? [])],
      requiredQualifications: [...new Set(input.requiredQualifications ?? [])],
      adultsOnly: input.adultsOnly ?? false,
      membersOnly: input.membersOnly ?? false,
      status: 'published',
      visibility: 'public',
      ...(seriesId ? { seriesId } : {}),
      createdAt: now,
      createdBy: actorOf(volunteer),
    }));
    await posts.insert(docs);
    ctx.log.info('posts-created', { brigadeId: brigade._id, count: docs.length, seriesId });
    await countFacts(
      ctx,
      docs.map((d) => postFact(d, 1)),
    );
    return { ...posts.toPost(docs[0]), ...(seriesId ? { seriesPostIds: docs.map((d) => d._id) } : {}) };
  },
};

export const update: Action<UpdatePostRequest, Post> = {
  access: 'volunteer',
  input: updateInput,
  async run(input, ctx) {
    const post = await requirePostLeader(ctx, input.postId);
    const now = Date.now();
    if (post.status !== 'published') throw precondition('该招募已取消，不能修改');
    if (post.startAt <= now) throw precondition('服务已开始，不能再修改招募');
    const { postId: _id, lat, lng, ...rest } = input;
    if (input.kind !== undefined && input.kind !== (post.kind ?? 'service')) {
      throw invalid('招募发布后不能更改类型（服务/培训），请取消后重新发布', { kind: '发布后不能更改类型' });
    }
    const next = { ...post, ...rest };
    const kind = kindFields({ ...next, kind: post.kind });
    const timesChanged = input.startAt !== undefined || input.endAt !== undefined || input.signupDeadline !== undefined;
    if (timesChanged) {
      next.signupDeadline = input.signupDeadline ?? Math.min(post.signupDeadline, next.startAt);
      const problem = checkTimes(next.startAt, next.endAt, next.signupDeadline, now);
      if (problem) throw invalid(problem.message, { [problem.field]: problem.message });
    }
    if (next.quota < post.confirmedCount) {
      throw invalid(`已有 ${post.confirmedCount} 人报名成功，招募人数不能少于此数`, {
        quota: `不能少于 ${post.confirmedCount}`,
      });
    }
    checkCoordinates(lat ?? post.lat, lng ?? post.lng);
    await checkText(ctx, {
      title: input.title,
      description: input.description,
      address: input.address,
      topic: input.topic,
      trainer: input.trainer,
    });
    const patch: Partial<posts.PostDoc> = { ...rest, ...kind, signupDeadline: next.signupDeadline, ...geo(lat, lng) };
    const updated: posts.PostDoc = { ...post, ...patch };
    await posts.update(post._id, patch);
    await countFacts(ctx, [postFact(post, -1), postFact(updated, 1)]);
    if (timesChanged) {
      await retime(post._id, next.startAt, next.endAt);
      await rescheduleReminders(ctx, post._id, next.startAt);
    }
    // Only promotions change the counters after our write: read the post back only when some were made.
    const promoted = updated.quota > post.quota && post.waitlistCount > 0 ? await fillPlaces(ctx, updated) : [];
    return posts.toPost(promoted.length > 0 ? ((await posts.findById(post._id)) ?? updated) : updated);
  },
};

export const cancel: Action<{ postId: string; reason: string }, Post> = {
  access: 'volunteer',
  input: cancelInput,
  async run(input, ctx) {
    const post = await requirePostLeader(ctx, input.postId);
    if (post.status === 'cancelled') return posts.toPost(post);
    if (post.endAt <= Date.now()) throw precondition('服务已结束，不能取消');
    // The reason goes out to everyone signed up (a subscribe message) and shows on the post.
    await checkText(ctx, { reason: input.reason });
    await posts.update(post._id, { status: 'cancelled', cancelReason: input.reason });
    await countFacts(ctx, [postFact(post, -1)]);
    await queueCancelNotices(ctx, post, input.reason);
    const cancelled = await cancelAll(post._id);
    ctx.log.info('post-cancelled', { postId: post._id, signups: cancelled });
    return posts.toPost({ ...post, status: 'cancelled', cancelReason: input.reason });
  },
};
