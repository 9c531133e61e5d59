/**
 * posts.signup / withdraw. The confirmed count never exceeds the quota (a conditional atomic update takes the
 * place) and a person holds at most one sign-up per post (its `_id` is the (post, volunteer) key). Beyond the
 * quota, a waitlist in order; a withdrawal before the start hands the place to the first waitlisted.
 */
import type { ShareSource } from '../../typings/api/brigades';
import type { SignupResponse } from '../../typings/api/posts';
import { isDuplicateKey } from '../cloud';
import { AppError, denied, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import type * as memberships from '../repos/memberships';
import * as posts from '../repos/posts';
import * as signups from '../repos/signups';
import * as volunteers from '../repos/volunteers';
import { isMinor } from '../rules/card';
import { missingSpecialties, signupOpen } from '../rules/posts';
import { lacksQualificationMessage, missingQualifications } from '../rules/qualifications';
import { shanghaiLabel, shanghaiYear } from '../rules/time';
import { countFacts, sourceFact } from '../stats/count';
import { inTransaction, type Transaction } from '../transaction';
import { isLive, loadPost, postNotFound } from './access';
import { transferPlace } from './places';
import { postIdInput, signupInput } from './schema';

/** What the sign-up's one read brings beside the post: the volunteer's clashing sign-up and membership. */
interface Facts {
  clash?: signups.SignupDoc;
  membership?: memberships.MembershipDoc;
}

function checkEligible(
  post: posts.PostDoc,
  volunteer: volunteers.VolunteerDoc,
  now: number,
  { clash, membership }: Facts,
) {
  if (post.status !== 'published') throw precondition('该招募已取消');
  if (!signupOpen(now, post.signupDeadline)) throw precondition('报名已截止');
  if (post.adultsOnly && isMinor(volunteer.birthYear, shanghaiYear(now))) {
    throw precondition('该服务仅限年满 18 周岁的义工报名');
  }
  const missing = missingSpecialties(post.requiredSpecialties, volunteer.specialties);
  if (missing.length > 0) throw precondition(`该服务需要以下专长之一：${missing.join('、')}`);
  const unqualified = missingQualifications(post.requiredQualifications, volunteer.qualifications, now);
  if (unqualified.length > 0) throw precondition(lacksQualificationMessage(unqualified));
  if (post.membersOnly && membership?.status !== 'active') {
    throw denied(`该服务仅限「${post.brigadeName}」队员报名`);
  }
  if (clash) throw precondition(`与已报名的「${clash.postTitle}」（${shanghaiLabel(clash.startAt)}）时间冲突`);
}

export const signup: Action<{ postId: string; source?: ShareSource }, SignupResponse> = {
  // The caller's profile is read with the post (one request), so the handler does not read it first.
  access: 'anyone',
  input: signupInput,
  async run(input, ctx) {
    const { volunteer: found, post, ...facts } = await volunteers.findForSignup(ctx.openid, input.postId);
    ctx.knowVolunteer(found);
    const volunteer = await ctx.requireVolunteer();
    // Visits are arranged by the coordinator: nobody signs up to one by themselves.
    if (!post || post.visibility === 'assigned') throw postNotFound();
    const now = Date.now();
    checkEligible(post, volunteer, now, facts);
    const doc: signups.SignupDoc = {
      _id: signups.signupId(post._id, volunteer._id),
      postId: post._id,
      volunteerId: volunteer._id,
      status: 'confirmed',
      seq: 0,
      startAt: post.startAt,
      endAt: post.endAt,
      postTitle: post.title,
      name: volunteer.name,
      cardNo: volunteer.cardNo,
      signedUpAt: now,
      source: input.source ?? 'feed',
      brigadeId: post.brigadeId,
    };
    // 招募来源: counted once the sign-up is written (never when it was already held).
    const counted = () =>
      countFacts(ctx, [
        sourceFact('signups', doc.source ?? 'feed', now, {
          brigadeId: post.brigadeId,
          name: post.brigadeName,
          town: post.town,
        }),
      ]);
    // Fast path: a place is free — one conditional update takes it, one insert records it. A post already full
    // as read goes straight to the waitlist (the transaction reads it again and still places them if one freed up).
    if (post.confirmedCount < post.quota && (await posts.takePlace(post._id, post.quota))) {
      try {
        await signups.insert(doc);
        await counted();
        return { status: 'confirmed' };
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        const revived = await signups.transition(doc._id, ['withdrawn'], {
          status: 'confirmed',
          signedUpAt: now,
          source: doc.source,
          brigadeId: post.brigadeId,
        });
        if (revived) {
          await counted();
          return { status: 'confirmed' };
        }
        await posts.bump(post._id, -1, 0);
      }
    }
    // Full (or already signed up): one transaction orders the waitlist, so positions are exact and gap-free.
    const { written, ...reply } = await inTransaction((tx) => joinWaitlist(tx, post._id, doc));
    if (written) await counted();
    return reply;
  },
};

/** The place taken or the waitlist joined; `written` when this call wrote the sign-up (not one already held). */
async function joinWaitlist(
  tx: Transaction,
  postId: string,
  doc: signups.SignupDoc,
): Promise<SignupResponse & { written?: boolean }> {
  const [post, existing] = await Promise.all([
    posts.getInTransaction(tx, postId),
    signups.getInTransaction(tx, doc._id),
  ]);
  if (!post || post.status !== 'published') throw precondition('该招募已取消');
  if (existing && (existing.status === 'confirmed' || existing.status === 'waitlisted')) {
    return existing.status === 'confirmed'
      ? { status: 'confirmed' }
      : { status: 'waitlisted', position: await signups.positionOf(existing) };
  }
  const placed = post.confirmedCount < post.quota;
  const seq = (post.waitlistSeq ?? 0) + 1;
  await posts.countSignupInTransaction(tx, postId, placed);
  await signups.setInTransaction(tx, { ...doc, status: placed ? 'confirmed' : 'waitlisted', seq });
  return placed
    ? { status: 'confirmed', written: true }
    : { status: 'waitlisted', position: post.waitlistCount + 1, written: true };
}

export const withdraw: Action<{ postId: string }, SignupResponse> = {
  access: 'volunteer',
  input: postIdInput,
  async run(input, ctx) {
    const [volunteer, post] = await Promise.all([ctx.requireVolunteer(), loadPost(input.postId)]);
    // A visit exists only for its carers: anyone else learns nothing of it, not even that it started.
    if (post.visibility === 'assigned' && !isLive(await signups.find(post._id, volunteer._id))) throw postNotFound();
    if (Date.now() >= post.startAt) throw precondition('服务已开始，不能取消报名，请联系大队负责人');
    // A promotion may change the status between our read and our write: read again and retry.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const existing = await signups.find(post._id, volunteer._id);
      if (!existing || existing.status === 'cancelled') throw notFound('你没有报名该服务');
      if (existing.status === 'withdrawn') return { status: 'withdrawn' };
      if (!(await signups.transition(existing._id, [existing.status], { status: 'withdrawn' }))) continue;
      if (existing.status === 'confirmed') await transferPlace(ctx, post);
      else await posts.bump(post._id, 0, -1);
      return { status: 'withdrawn' };
    }
    throw new AppError('ABORTED', '报名状态正在变化，请稍后重试');
  },
};
