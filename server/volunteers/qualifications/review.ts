/**
 * volunteers.reviewQualification — a leader of one of the volunteer's brigades, the coordinator of their town or hq
 * verifies a pending qualification (once its photo passed the media check, and while it is unexpired) or rejects it
 * with a reason. A conditional update decides: of two reviewers at once, exactly one wins. A verified one is copied
 * onto the volunteer (card, sign-up, matching) and counted when it is their first.
 */
import type { ReviewQualificationRequest, ReviewQualificationResponse } from '../../../typings/api/volunteers';
import { invalid, notFound, precondition } from '../../errors';
import { temporaryUrls } from '../../files/index';
import type { Action } from '../../handler';
import * as repo from '../../repos/qualifications';
import { addHeldQualification } from '../../repos/volunteers';
import { actorOf } from '../../rules/actor';
import { unexpired } from '../../rules/qualifications';
import { requireReviewer } from './access';
import { countQualifiedSafely } from './held';
import { reviewInput } from './schema';

const STATUS_DONE = { verified: '已认证', rejected: '已驳回', expired: '已过期', pending: '' } as const;

/** The photo passed the media check (its verdict may have arrived before the document was written). */
async function photoPassed(doc: repo.QualificationDoc): Promise<boolean> {
  if (doc.media !== 'checking') return doc.media === 'pass';
  const passed = (await temporaryUrls([doc.fileId])).has(doc.fileId);
  if (passed) await repo.setMedia(doc._id, 'pass');
  return passed;
}

export const reviewQualification: Action<ReviewQualificationRequest, ReviewQualificationResponse> = {
  access: 'anyone',
  input: reviewInput,
  async run(input, ctx) {
    const docs = await repo.ofVolunteer(input.volunteerId);
    const doc = docs.find((q) => q._id === input.qualificationId);
    if (!doc) throw notFound('该资格证书不存在或已删除');
    const reviewer = await requireReviewer(ctx, doc);
    if (!input.approve && !input.reason) throw invalid('请填写驳回原因', { reason: '请填写驳回原因' });
    if (doc.status !== 'pending') throw precondition(`该资格证书${STATUS_DONE[doc.status]}，无需再审核`);
    const now = Date.now();
    if (input.approve && !unexpired(doc, now)) throw precondition('该证书已过期，不能认证');
    if (input.approve && doc.media === 'risky') throw precondition('证书图片未通过内容安全检测，不能认证');
    if (input.approve && !(await photoPassed(doc))) throw precondition('证书图片正在安全检测，请稍后再审核');
    const status = input.approve ? 'verified' : 'rejected';
    const won = await repo.transition(doc._id, ['pending'], {
      status,
      ...(input.approve ? {} : { reason: input.reason }),
      reviewedAt: now,
      reviewedBy: reviewer?.name ?? '总队',
      reviewerId: actorOf(reviewer),
    });
    if (!won) throw precondition('该资格证书已由其他人审核，请刷新后查看');
    if (input.approve) {
      // Counted while any is verified (the daily timer turns the expired ones `expired`): see held.ts.
      const first = !docs.some((q) => q.status === 'verified');
      await addHeldQualification(doc.volunteerId, {
        type: doc.type,
        ...(doc.expiresAt !== undefined ? { expiresAt: doc.expiresAt } : {}),
      });
      if (first) await countQualifiedSafely(ctx, doc.volunteerId, 1);
    }
    ctx.log.info('qualification-reviewed', { qualificationId: doc._id, status });
    return { status };
  },
};
