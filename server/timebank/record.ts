/**
 * timebank.record — 服务情况录入: the post's brigade leaders confirm each attendee's minutes (defaulting to the
 * checked-in overlap) and a 1–5 rating, or mark them absent. One transaction per batch writes the service records,
 * the credit pairs, the cached balances and the volunteers' counters and stars. Recording an attendee again with
 * the same values changes nothing; different values are refused before anything is written (that is `adjust`).
 */
import type { RecordRequest, RecordResponse } from '../../typings/api/timebank';
import { requireLeaderOf } from '../brigades/access';
import type { RequestContext } from '../context';
import { denied, invalid, precondition } from '../errors';
import type { Action } from '../handler';
import { loadPost } from '../posts/access';
import * as accounts from '../repos/accounts';
import type { PostDoc } from '../repos/posts';
import * as records from '../repos/records';
import * as signups from '../repos/signups';
import { actorOf } from '../rules/actor';
import { idempotency, type Movement } from '../rules/ledger';
import { overlapMinutes } from '../rules/posts';
import { applyServiceInTransaction } from '../stars/levels';
import { countFacts, countPeopleServed, recordedFact } from '../stats/count';
import { countTrained, countTrainingHeld } from '../stats/training-count';
import { isTraining, trainingDelta } from '../rules/training';
import { checkText } from '../security';
import { inTransaction } from '../transaction';
import { post as postMovements } from './post';
import { rerunOnDuplicate } from './rerun';
import { recordInput } from './schema';
import { applyTrainingInTransaction } from './training-minutes';

interface Planned {
  volunteerId: string;
  name: string;
  status: 'attended' | 'absent';
  minutes: number;
  rating?: number;
  capMinutes: number;
  checkedIn: boolean;
  reason?: string;
}

/** Minutes checked in within the post's time; until the post's end when not checked out; 0 without a check-in. */
export function defaultMinutes(post: PostDoc, signup: signups.SignupDoc): number {
  if (!signup.checkinAt) return 0;
  return overlapMinutes(signup.checkinAt, signup.checkoutAt ?? post.endAt, post.startAt, post.endAt);
}

/** The post's length in whole minutes: more than this needs a reason. */
export const capOf = (post: Pick<PostDoc, 'startAt' | 'endAt'>) => Math.floor((post.endAt - post.startAt) / 60_000);

function plan(post: PostDoc, entries: RecordRequest['entries'], live: signups.SignupDoc[], by?: string): Planned[] {
  const byVolunteer = new Map(live.filter((s) => s.status === 'confirmed').map((s) => [s.volunteerId, s]));
  const seen = new Set<string>();
  const capMinutes = capOf(post);
  return entries.map((entry, i) => {
    if (seen.has(entry.volunteerId)) throw invalid(`第 ${i + 1} 条：同一名义工重复出现`);
    seen.add(entry.volunteerId);
    if (by && entry.volunteerId === by) throw denied('不能录入自己的服务时长，请由大队的其他负责人录入');
    const signup = byVolunteer.get(entry.volunteerId);
    if (!signup) throw precondition(`第 ${i + 1} 条：该义工没有此服务的有效报名，不能录入`);
    const checkedIn = !!signup.checkinAt;
    const base = { volunteerId: entry.volunteerId, name: signup.name, capMinutes, checkedIn };
    if (entry.absent) return { ...base, status: 'absent', minutes: 0 };
    if (entry.rating === undefined) {
      throw invalid(`请为${signup.name}评分（1–5 星）`, { [`entries.${i}.rating`]: '请评分' });
    }
    const minutes = entry.minutes ?? defaultMinutes(post, signup);
    const reason = entry.reason?.trim() || undefined;
    if (!checkedIn && !reason) {
      throw invalid(`${signup.name}没有签到，请填写录入原因（如：现场未扫码签到）`, {
        [`entries.${i}.reason`]: '未签到，请填写原因',
      });
    }
    if (minutes > capMinutes && !reason) {
      throw invalid(`${signup.name}的时长超过活动时长（${capMinutes} 分钟），请填写原因`, {
        [`entries.${i}.reason`]: '超过活动时长，请填写原因',
      });
    }
    return { ...base, status: 'attended', minutes, rating: entry.rating, ...(reason ? { reason } : {}) };
  });
}

/** The brigade credits the attendee's minutes, keyed by the record so it is never credited twice. */
function creditOf(post: PostDoc, p: Planned, at: number): Movement {
  const recordId = records.recordId(post._id, p.volunteerId);
  return {
    idempotencyKey: idempotency.credit(recordId),
    kind: 'credit',
    from: { accountId: accounts.brigadeAccountId(post.brigadeId), label: post.brigadeName },
    to: { accountId: accounts.volunteerAccountId(p.volunteerId) },
    minutes: p.minutes,
    at,
    postId: post._id,
    recordId,
    note: post.title,
  };
}

const sameAs = (p: Planned, r: records.RecordDoc) =>
  p.status === r.status && p.minutes === r.minutes && (p.rating ?? null) === (r.rating ?? null);

async function write(ctx: RequestContext, post: PostDoc, planned: Planned[], by: string): Promise<RecordResponse> {
  const existing = new Map(
    (
      await records.ofPostFor(
        post._id,
        planned.map((p) => p.volunteerId),
      )
    ).map((r) => [r.volunteerId, r]),
  );
  const fresh: Planned[] = [];
  for (const p of planned) {
    const r = existing.get(p.volunteerId);
    if (!r) fresh.push(p);
    else if (!sameAs(p, r)) {
      throw precondition(
        `${p.name}已录入（${r.status === 'absent' ? '缺席' : `${r.minutes} 分钟`}），如需更正请使用“调整”`,
      );
    }
  }
  const unchanged = planned.length - fresh.length;
  if (fresh.length === 0) return { recorded: 0, unchanged };

  const training = isTraining(post);
  const brigadeAccount = accounts.brigadeAccountId(post.brigadeId);
  const credited = training ? [] : fresh.filter((p) => p.minutes > 0);
  const known = training
    ? []
    : await accounts.byIds([brigadeAccount, ...credited.map((p) => accounts.volunteerAccountId(p.volunteerId))]);
  const trained = await inTransaction(async (tx) => {
    const now = Date.now();
    const firsts: { volunteerId: string; town: string }[] = [];
    await Promise.all([
      postMovements(
        tx,
        credited.map((p) => creditOf(post, p, now)),
        known,
      ),
      ...fresh.map(async (p) => {
        const recordId = records.recordId(post._id, p.volunteerId);
        await records.insertInTransaction(tx, {
          _id: recordId,
          postId: post._id,
          postTitle: post.title,
          brigadeId: post.brigadeId,
          brigadeName: post.brigadeName,
          category: post.category,
          ...(training ? { kind: 'training' as const, topic: post.topic, trainer: post.trainer } : {}),
          volunteerId: p.volunteerId,
          status: p.status,
          minutes: p.minutes,
          ...(p.rating !== undefined ? { rating: p.rating } : {}),
          capMinutes: p.capMinutes,
          checkedIn: p.checkedIn,
          ...(p.reason ? { reason: p.reason } : {}),
          serviceDate: post.startAt,
          recordedAt: now,
          recordedBy: by,
          adjustments: [],
        });
        if (p.status === 'absent') return;
        if (training) {
          const { trainedTown } = await applyTrainingInTransaction(
            tx,
            p.volunteerId,
            trainingDelta(undefined, p),
            p.name,
          );
          if (trainedTown) firsts.push({ volunteerId: p.volunteerId, town: trainedTown });
          return;
        }
        await applyServiceInTransaction(
          tx,
          p.volunteerId,
          { minutes: p.minutes, ratingSum: p.rating ?? 0, ratingCount: 1 },
          'record',
          now,
          p.name,
          p.minutes > 0 ? { serviceDate: post.startAt, served: true } : undefined,
        );
      }),
    ]);
    return firsts;
  });
  await countFacts(ctx, [recordedFact(post, fresh)]);
  if (training && fresh.some((p) => p.status === 'attended')) {
    await Promise.all([countTrainingHeld(ctx, post), countTrained(ctx, trained)]);
  }
  return { recorded: fresh.length, unchanged };
}

export const record: Action<RecordRequest, RecordResponse> = {
  access: 'volunteer',
  input: recordInput,
  async run(input, ctx) {
    const post = await loadPost(input.postId);
    const { volunteer } = await requireLeaderOf(ctx, post.brigadeId);
    if (post.status !== 'published') throw precondition('该招募已取消，不能录入服务时长');
    if (Date.now() < post.startAt) throw precondition('服务开始后才能录入服务情况');
    const planned = plan(post, input.entries, await signups.ofPost(post._id), volunteer?._id);
    // Reasons are shown to others (the brigade's figures, hq): they pass the content check.
    await checkText(ctx, Object.fromEntries(planned.map((p, i) => [`entries.${i}.reason`, p.reason])));
    const result = await rerunOnDuplicate(() => write(ctx, post, planned, actorOf(volunteer)));
    await countPeopleServed(ctx, post, input.peopleServed);
    return result;
  },
};
