/**
 * volunteers.addQualification — a volunteer submits a qualification with the certificate photo they uploaded under
 * `qualifications/<volunteerId>/`. The photo must be a JPEG or PNG within UPLOAD_LIMITS (else it is deleted and
 * refused, nothing kept); it then goes through the platform's media check. The same photo again returns the first
 * submission while it waits. Any other refusal deletes the photo too, so a refused submission keeps nothing.
 */
import type { AddQualificationRequest, AddQualificationResponse } from '../../../typings/api/volunteers';
import { alreadyExists, exhausted, invalid } from '../../errors';
import { cloud } from '../../cloud';
import { acceptImage, removeFiles } from '../../files/index';
import type { Action } from '../../handler';
import { newId } from '../../ids';
import { ofVolunteer as membershipsOf } from '../../repos/memberships';
import * as repo from '../../repos/qualifications';
import { isUnder } from '../../rules/images';
import { checkDates, isOpen, MAX_OPEN } from '../../rules/qualifications';
import { checkText } from '../../security';
import { addInput } from './schema';

/** Where a volunteer's certificate photos are uploaded. */
export const photoPrefix = (volunteerId: string) => `qualifications/${volunteerId}/`;

/** Refuses the submission and deletes its photo, when it lies in the caller's own folder (nobody else's ever). */
async function refuse(volunteerId: string, fileId: string, error: unknown): Promise<never> {
  if (isUnder(fileId, cloud.getWXContext().ENV ?? '', photoPrefix(volunteerId))) await removeFiles([fileId]);
  throw error;
}

export const addQualification: Action<AddQualificationRequest, AddQualificationResponse> = {
  access: 'volunteer',
  input: addInput,
  async run(input, ctx) {
    const me = await ctx.requireVolunteer();
    const now = Date.now();
    const [mine, memberships] = await Promise.all([repo.ofVolunteer(me._id), membershipsOf(me._id, ['active'])]);
    const same = mine.find((q) => q.fileId === input.fileId);
    if (same?.status === 'pending') return { qualificationId: same._id, status: 'pending' };
    if (same) throw alreadyExists('这张证书照片已经提交过，请重新选择照片');
    // Refused from here on, the photo just uploaded for it is not kept either.
    const problem = checkDates(input.issuedAt, input.expiresAt, now);
    if (problem) await refuse(me._id, input.fileId, invalid(problem.message, { [problem.field]: problem.message }));
    if (mine.filter((q) => isOpen(q.status)).length >= MAX_OPEN) {
      await refuse(me._id, input.fileId, exhausted(`最多可保存 ${MAX_OPEN} 份审核中或已认证的资格证书`));
    }
    await checkText(ctx, { title: input.title }).catch((error: unknown) => refuse(me._id, input.fileId, error));
    const qualificationId = newId();
    const file = await acceptImage(ctx, input.fileId, {
      prefix: photoPrefix(me._id),
      purpose: 'qualification',
      ref: qualificationId,
    });
    await repo.insert({
      _id: qualificationId,
      volunteerId: me._id,
      name: me.name,
      cardNo: me.cardNo,
      town: me.town,
      brigadeIds: memberships.map((m) => m.brigadeId),
      type: input.type,
      ...(input.title ? { title: input.title } : {}),
      fileId: file.fileId,
      status: 'pending',
      media: file.media,
      ...(input.issuedAt !== undefined ? { issuedAt: input.issuedAt } : {}),
      ...(input.expiresAt !== undefined ? { expiresAt: input.expiresAt } : {}),
      submittedAt: now,
    });
    ctx.log.info('qualification-added', { qualificationId, type: input.type });
    return { qualificationId, status: 'pending' };
  },
};
