/**
 * posts.list / get / mine / ofBrigade — upcoming recruitment, soonest or nearest first; a post with my sign-up and
 * record; my sign-ups; a brigade's posts in one state for its leaders (大队工作台).
 */
import {
  BRIGADE_POST_STATES,
  type BrigadePost,
  type BrigadePostsRequest,
  type ListPostsRequest,
  type MyPost,
  type MyRecord,
  type PostDetailResponse,
} from '../../typings/api/posts';
import type { Page, PageRequest, Post } from '../../typings/entities';
import { leads, requireLeaderOf } from '../brigades/access';
import { invalid } from '../errors';
import type { Action } from '../handler';
import { pageOf, pageSizeOf } from '../paging';
import { piiKey } from '../pii';
import * as memberships from '../repos/memberships';
import * as posts from '../repos/posts';
import * as records from '../repos/records';
import type { RecordDoc } from '../repos/records';
import * as signups from '../repos/signups';
import { findByOpenidWithSignup, type VolunteerDoc } from '../repos/volunteers';
import { contactFor } from '../rules/contact';
import { decrypt } from '../rules/pii';
import { distanceMetres } from '../rules/posts';
import { id, oneOf, page, z } from '../schema';
import { postNotFound, requireVisitReader } from './access';
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
  // A Moments single-page visitor has no identity and still sees it (contact details stay hidden).
  guest: true,
  input: postIdInput,
  async run(input, ctx) {
    // Two requests: the post with its brigade and the caller's hq appointment, and the caller's volunteer with
    // their sign-up, its waitlist place and their record.
    const [{ post, brigade, appointedHq }, { volunteer, signup, position, record }] = await Promise.all([
      posts.findWithBrigade(input.postId, ctx.openid),
      findByOpenidWithSignup(ctx.openid, input.postId),
    ]);
    if (!post) throw postNotFound();
    ctx.knowVolunteer(volunteer);
    const ties = {
      signedUp: signup?.status === 'confirmed' || signup?.status === 'waitlisted',
      member: await isMember(post.brigadeId, volunteer),
      leader: !!brigade && leads(brigade, volunteer),
      hq: ctx.settings.hqOpenids.includes(ctx.openid) || appointedHq,
    };
    // A visit exists only for those concerned: others learn nothing of it.
    if (post.visibility === 'assigned' && !ties.signedUp && !ties.leader && !ties.hq) {
      await requireVisitReader(ctx, post, volunteer, signup, brigade);
    }
    const contact = contactFor(brigade?.contact, ties, (enc) => decrypt(enc, piiKey(ctx)));
    return {
      ...posts.toPost(post),
      ...(signup ? { mySignup: signups.toSignup(signup, position) } : {}),
      ...(record ? { myRecord: attendanceOf(record) } : {}),
      iLead: ties.leader,
      ...(contact ? { contact } : {}),
    };
  },
};

/** An active member: from the role copy on the profile (no read), or the membership for profiles without it. */
async function isMember(brigadeId: string, volunteer: VolunteerDoc | undefined): Promise<boolean> {
  if (!volunteer) return false;
  if (volunteer.roles) return volunteer.roles.brigades[brigadeId]?.status === 'active';
  return (await memberships.find(brigadeId, volunteer._id))?.status === 'active';
}

const attendanceOf = (r: RecordDoc) => ({
  status: r.status,
  minutes: r.minutes,
  ...(r.rating !== undefined ? { rating: r.rating } : {}),
});

export const mine: Action<PageRequest & { past?: boolean }, Page<MyPost>> = {
  access: 'volunteer',
  input: mineInput,
  async run(input, ctx) {
    const volunteer = await ctx.requireVolunteer();
    const size = pageSizeOf(input.pageSize);
    const rows = await signups.ofVolunteer(volunteer._id, !!input.past, Date.now(), size, input.cursor);
    const { items, nextCursor } = pageOf(rows, size, 'startAt');
    const ids = items.map((s) => s.postId);
    // Four requests whatever the page: the volunteer, the sign-ups, their posts and my records of them.
    const [postDocs, recordDocs] = await Promise.all([posts.byIds(ids), records.ofVolunteerFor(volunteer._id, ids)]);
    const byId = new Map(postDocs.map((p) => [p._id, p]));
    const recordOf = new Map(recordDocs.map((r) => [r.postId, r]));
    return {
      items: items.flatMap((s) => {
        const post = byId.get(s.postId);
        const record = recordOf.get(s.postId);
        if (!post) return [];
        return [
          {
            ...posts.toPost(post),
            mySignup: signups.toSignup(s),
            ...(record ? { myRecord: myRecordOf(record) } : {}),
          },
        ];
      }),
      ...(nextCursor ? { nextCursor } : {}),
    };
  },
};

const myRecordOf = (r: RecordDoc): MyRecord => ({
  status: r.status,
  minutes: r.minutes,
  ...(r.rating !== undefined ? { rating: r.rating } : {}),
  recordedAt: r.recordedAt,
});

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
