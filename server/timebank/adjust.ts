/**
 * timebank.adjust — a reasoned correction of a recorded attendee, by the post's brigade leaders or hq: in one
 * transaction a reversing pair for the old credit, a new pair for the corrected one, the record (with its history),
 * the cached balances and the volunteer's counters and stars. A reduction always succeeds: earned minutes (stars)
 * drop by the full amount, the balance by at most what the volunteer still holds; the rest is a write-off pair
 * against the brigade. Nobody adjusts their own minutes.
 * A training's record moves only the volunteer's training minutes: no ledger entries, no stars, no balance.
 */
import type { AdjustRequest } from '../../typings/api/timebank';
import type { ServiceRecord } from '../../typings/entities';
import { requireLeaderOf } from '../brigades/access';
import { alreadyExists, denied, invalid, notFound, precondition } from '../errors';
import type { Action } from '../handler';
import { loadPost } from '../posts/access';
import * as accounts from '../repos/accounts';
import * as records from '../repos/records';
import { actorOf } from '../rules/actor';
import { idempotency, writeOffOf, type Movement } from '../rules/ledger';
import { applyServiceInTransaction } from '../stars/levels';
import { adjustedFact, countFacts } from '../stats/count';
import { countTrained, countTrainingHeld } from '../stats/training-count';
import { isTraining, trainingDelta } from '../rules/training';
import type { StatsFact } from '../rules/stats';
import { checkText } from '../security';
import { inTransaction } from '../transaction';
import { post as postMovements } from './post';
import { rerunOnDuplicate } from './rerun';
import { adjustInput } from './schema';
import { applyTrainingInTransaction } from './training-minutes';

export const REQUEST_REUSED = '该请求编号已用于另一次调整，请关闭后重新发起';

/** A repeat answers with the record as its first call left it; the same requestId with other values is refused. */
function repeated(record: records.RecordDoc, first: records.Adjustment, input: AdjustRequest): ServiceRecord {
  const same =
    first.toMinutes === input.minutes &&
    (input.rating ?? first.fromRating) === first.toRating &&
    first.reason === input.reason;
  if (!same) throw alreadyExists(REQUEST_REUSED);
  return {
    ...records.toRecord(record),
    status: 'attended',
    minutes: first.toMinutes,
    ...(first.toRating !== undefined ? { rating: first.toRating } : {}),
  };
}

export const adjust: Action<AdjustRequest, ServiceRecord> = {
  access: 'anyone',
  input: adjustInput,
  async run(input, ctx) {
    const post = await loadPost(input.postId);
    const { volunteer: by } = await requireLeaderOf(ctx, post.brigadeId, true);
    if (by && by._id === input.volunteerId) throw denied('不能调整自己的服务时长，请由大队的其他负责人或总队调整');
    // The reason stays in the record's history that others read.
    await checkText(ctx, { reason: input.reason });
    const recordId = records.recordId(post._id, input.volunteerId);
    const account = accounts.volunteerAccountId(input.volunteerId);
    const brigadeAccount = accounts.brigadeAccountId(post.brigadeId);
    const training = isTraining(post);
    return rerunOnDuplicate(async () => {
      const [brigadeAccountDoc, served] = training
        ? [undefined, []]
        : await Promise.all([accounts.findById(brigadeAccount), records.attendedOf(input.volunteerId, 2)]);
      const otherLatest = served.find((r) => r._id !== recordId)?.serviceDate;
      let counted: StatsFact | undefined;
      let trainedTown: string | undefined;
      const adjusted = await inTransaction(async (tx) => {
        trainedTown = undefined;
        const now = Date.now();
        const [record, held] = await Promise.all([
          records.getInTransaction(tx, recordId),
          accounts.getInTransaction(tx, account),
        ]);
        if (!record) throw notFound('该义工尚未录入此服务，请先录入');
        const first = record.adjustments.find((a) => a.requestId === input.requestId);
        if (first) return repeated(record, first, input);
        const oldMinutes = record.status === 'attended' ? record.minutes : 0;
        const rating = input.rating ?? record.rating;
        if (rating === undefined) throw invalid('请填写服务评分（1–5 星）', { rating: '请评分' });
        if (record.status === 'attended' && oldMinutes === input.minutes && rating === record.rating) {
          throw precondition('调整后的时长和评分与现有记录相同，无需调整');
        }
        const delta = input.minutes - oldMinutes;
        counted = adjustedFact(post, record, input.minutes);
        const adjustment: records.Adjustment = {
          requestId: input.requestId,
          at: now,
          by: actorOf(by),
          reason: input.reason,
          fromMinutes: oldMinutes,
          ...(record.rating !== undefined ? { fromRating: record.rating } : {}),
          toMinutes: input.minutes,
          toRating: rating,
        };
        const patch = {
          status: 'attended' as const,
          minutes: input.minutes,
          rating,
          adjustments: [...record.adjustments, adjustment],
        };
        if (training) {
          const [, applied] = await Promise.all([
            records.updateInTransaction(tx, recordId, patch),
            applyTrainingInTransaction(tx, input.volunteerId, trainingDelta(record, patch)),
          ]);
          trainedTown = applied.trainedTown;
          return records.toRecord({ ...record, ...patch });
        }
        // What cannot be taken back (already donated) is written off against the brigade: never lost, never < 0.
        const writeOff = writeOffOf(held?.balance ?? 0, delta);
        const base = { kind: 'adjustment' as const, at: now, postId: post._id, recordId, note: input.reason };
        const issuer = { accountId: brigadeAccount, label: post.brigadeName };
        const holder = { accountId: account };
        const movements: Movement[] = [];
        if (oldMinutes > 0) {
          movements.push({
            ...base,
            idempotencyKey: idempotency.adjust(recordId, input.requestId, 'reverse'),
            from: holder,
            to: issuer,
            minutes: oldMinutes,
          });
        }
        if (input.minutes > 0) {
          movements.push({
            ...base,
            idempotencyKey: idempotency.adjust(recordId, input.requestId, 'new'),
            from: issuer,
            to: holder,
            minutes: input.minutes,
          });
        }
        if (writeOff > 0) {
          movements.push({
            ...base,
            idempotencyKey: idempotency.adjust(recordId, input.requestId, 'writeoff'),
            from: issuer,
            to: holder,
            minutes: writeOff,
            writeOff: true,
            note: `核销：${writeOff} 分钟已转赠，无法扣回`,
          });
        }
        await Promise.all([
          postMovements(tx, movements, [held, brigadeAccountDoc]),
          records.updateInTransaction(tx, recordId, patch),
          applyServiceInTransaction(
            tx,
            input.volunteerId,
            {
              minutes: delta,
              ratingSum: rating - (record.rating ?? 0),
              ratingCount: record.rating === undefined ? 1 : 0,
            },
            'adjust',
            now,
            undefined,
            input.minutes > 0 || oldMinutes > 0
              ? { serviceDate: record.serviceDate, served: input.minutes > 0, otherLatest }
              : undefined,
          ),
        ]);
        return records.toRecord({ ...record, ...patch });
      });
      await countFacts(ctx, [counted]);
      if (training && counted) {
        await countTrainingHeld(ctx, post);
        if (trainedTown) await countTrained(ctx, [{ volunteerId: input.volunteerId, town: trainedTown }]);
      }
      return adjusted;
    });
  },
};
