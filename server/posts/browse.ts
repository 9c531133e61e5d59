/**
 * posts.list / get / mine / ofBrigade — upcoming recruitment, soonest or nearest first; a post with my sign-up and
 * record; my sign-ups; a brigade's posts in one state for its leaders (大队工作台).
 */
import {
  BRIGADE_POST_STATES,
  type BrigadePost,
  type BrigadePostsRequest,
  type ListPostsRequest,
  type PostDetailResponse,
} from '../../typings/api/posts';
import type { Page, PageRequest, Post, Signup } from '../../typings/entities';
import { leads, requireLeaderOf } from '../brigades/access';
import { invalid } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import { findById as findBrigade } from '../repos/brigades';
import * as posts from '../repos/posts';
import type { RecordDoc } from '../repos/records';
import * as signups from '../repos/signups';
import { findByOpenidWithSignup } from '../repos/volunteers';
import { distanceMetres } from '../rules/posts';
import { id, oneOf, page, z } from '../schema';
import { loadPost, requireVisitReader } from './access';
import { listInput, mineInput, postIdInput } from './schema';

export const list: Action<ListPostsRequest, Page<Post>> = {
  access: 'anyone',
  input: listInput,
  async run(input) {
    const size = pageSizeOf(input.pageSize);
    const filters = {
      town: input.town,
      category: input.category,
      brigadeId: input.brigadeId,
      from: input.from ?? Date.now(),
    };
    if ((input.lat === undefined) !== (input.lng === undefined)) throw invalid('请同时提供经纬度');
    if (input.lat !== undefined && input.lng !== undefined) {
      const { lat, lng } = input;
      const offset = input.cursor ? Number(input.cursor.replace(/^n:/, '')) : 0;
      if (!Number.isInteger(offset) || offset < 0) throw invalid('分页参数无效，请刷新后重试');
      const rows = await posts.nearest(filters, lat, lng, size, offset);
      const items = rows
        .slice(0, size)
        .map((p) =>
          posts.toPost(
            p,
            p.lat !== undefined && p.lng !== undefined ? distanceMetres(lat, lng, p.lat, p.lng) : undefined,
          ),
        );
      return { items, ...(rows.length > size ? { nextCursor: `n:${offset + size}` } : {}) };
    }
    const rows = await posts.soonest(filters, size, input.cursor);
    const { items, nextCursor } = pageOf(rows, size, 'startAt');
    return { items: items.map((p) => posts.toPost(p)), ...(nextCursor ? { nextCursor } : {}) };
  },
};

export const get: Action<{ postId: string }, PostDetailResponse> = {
  access: 'anyone',
  input: postIdInput,
  async run(input, ctx) {
    // Two requests: the post, and the caller's volunteer with their sign-up, its waitlist place and their record.
    const [post, { volunteer, signup, position, record }] = await Promise.all([
      loadPost(input.postId),
      findByOpenidWithSignup(ctx.openid, input.postId),
    ]);
    ctx.knowVolunteer(volunteer);
    await requireVisitReader(ctx, post, volunteer, signup);
    if (!volunteer) return { ...posts.toPost(post), iLead: false };
    // iLead only shows the leader's buttons: it comes from the role copy; each leader action checks the brigade.
    const brigade = volunteer.roles ? undefined : await findBrigade(post.brigadeId);
    return {
      ...posts.toPost(post),
      ...(signup ? { mySignup: signups.toSignup(signup, position) } : {}),
      ...(record ? { myRecord: attendanceOf(record) } : {}),
      iLead: brigade ? leads(brigade, volunteer) : !!volunteer.roles?.brigades[post.brigadeId]?.leader,
    };
  },
};

const attendanceOf = (r: RecordDoc) => ({
  status: r.status,
  minutes: r.minutes,
  ...(r.rating !== undefined ? { rating: r.rating } : {}),
});

export const mine: Action<PageRequest & { past?: boolean }, Page<Post & { mySignup: Signup }>> = {
  access: 'volunteer',
  input: mineInput,
  async run(input, ctx) {
    const volunteer = await ctx.requireVolunteer();
    const size = pageSizeOf(input.pageSize);
    const rows = await signups.ofVolunteer(volunteer._id, !!input.past, Date.now(), size, input.cursor);
    const { items, nextCursor } = pageOf(rows, size, 'startAt');
    const byId = new Map((await posts.byIds(items.map((s) => s.postId))).map((p) => [p._id, p]));
    return {
      items: items.flatMap((s) => {
        const post = byId.get(s.postId);
        return post ? [{ ...posts.toPost(post), mySignup: signups.toSignup(s) }] : [];
      }),
      ...(nextCursor ? { nextCursor } : {}),
    };
  },
};

const ofBrigadeInput = z.object({
  brigadeId: id('大队'),
  state: oneOf('活动状态', BRIGADE_POST_STATES),
  ...page,
});

export const ofBrigade: Action<BrigadePostsRequest, Page<BrigadePost>> = {
  // hq need not be registered; requireLeaderOf checks the brigade.
  access: 'anyone',
  input: ofBrigadeInput,
  async run(input, ctx) {
    await requireLeaderOf(ctx, input.brigadeId, true);
    const size = pageSizeOf(input.pageSize);
    const rows = await posts.ofBrigade(input.brigadeId, input.state, Date.now(), size, input.cursor);
    const { items, nextCursor } = pageOf(rows, size, 'startAt');
    return {
      items: items.map((p) => ({
        ...posts.toPost(p),
        ...(p.recordedCount !== undefined ? { recordedCount: p.recordedCount } : {}),
      })),
      ...(nextCursor ? { nextCursor } : {}),
    };
  },
};
