/**
 * One claimed batch of the outbox: checked (reminders: confirmed sign-up, published post, not started; notices:
 * an unused grant), then sent in chunks of `SEND_CHUNK`: each chunk is marked `inflight` by one update, its
 * messages sent at once (one subscribe message each, WeChat's API is per message), and its results recorded, the
 * sent ones by one update and each error by its own.
 */
import type { RequestContext } from '../context';
import * as outbox from '../repos/outbox';
import * as posts from '../repos/posts';
import * as signups from '../repos/signups';
import * as subscriptions from '../repos/subscriptions';
import { decideReminder, outcomeOf, postPage, reminderData } from '../rules/outbox';
import { sendMessage, type Message, type SendResult } from './send';

/** Messages marked inflight and sent together: at most this many are left unknown when a run dies mid-send. */
export const SEND_CHUNK = 25;

export interface BatchSummary {
  sent: number;
  skipped: number;
  retrying: number;
  unsubscribed: number;
  failed: number;
  rescheduled: number;
  /** Results not recorded because the claim was no longer held (another run holds the message now). */
  stale: number;
}

interface Outgoing {
  msg: outbox.MessageDoc;
  message: Message;
  /** A notice uses its grant before it is sent. */
  grantId?: string;
}

/** Sorts a claimed batch into messages to send, to skip (by reason) and to put off (a post moved later). */
async function plan(ctx: RequestContext, batch: outbox.MessageDoc[], now: number) {
  const reminders = batch.filter((m) => m.kind === 'reminder');
  const notices = batch.filter((m) => m.kind !== 'reminder');
  const [postRows, signupRows, grantRows] = await Promise.all([
    posts.byIds([...new Set(reminders.map((m) => m.postId ?? ''))].filter(Boolean)),
    signups.byIds(reminders.map((m) => m.signupId ?? '').filter(Boolean)),
    subscriptions.byIds(notices.map((m) => m.grantId)),
  ]);
  const postOf = new Map(postRows.map((p) => [p._id, p]));
  const signupOf = new Map(signupRows.map((s) => [s._id, s]));
  const grantOf = new Map(grantRows.map((g) => [g._id, g]));
  const skips = new Map<string, string[]>();
  const skip = (msg: outbox.MessageDoc, reason: string) => skips.set(reason, [...(skips.get(reason) ?? []), msg._id]);
  const later: [outbox.MessageDoc, number][] = [];
  const sends: Outgoing[] = [];
  for (const msg of reminders) {
    const post = postOf.get(msg.postId ?? '');
    const decision = decideReminder(
      { signupStatus: signupOf.get(msg.signupId ?? '')?.status, postStatus: post?.status, startAt: post?.startAt },
      now,
      ctx.settings.reminderLeadMinutes,
    );
    if ('skip' in decision) skip(msg, decision.skip);
    else if ('reschedule' in decision) later.push([msg, decision.reschedule]);
    else if (!post || !msg.touser) skip(msg, 'no-recipient');
    else {
      const message = {
        touser: msg.touser,
        templateId: msg.templateId,
        page: postPage(post._id),
        data: reminderData(post),
      };
      sends.push({ msg, message });
    }
  }
  for (const msg of notices) {
    const grant = grantOf.get(msg.grantId);
    if (!grant) skip(msg, 'no-grant');
    else if (grant.status === 'used' && grant.usedBy !== msg.key) skip(msg, 'grant-used');
    else if (!msg.data || !msg.page) skip(msg, 'no-data');
    else {
      const message = { touser: grant.openid, templateId: msg.templateId, page: msg.page, data: msg.data };
      sends.push({ msg, message, grantId: grant._id });
    }
  }
  return { skips, later, sends };
}

/** Notices use their grant first (one conditional update each); those whose grant another message used are skipped. */
async function useGrants(chunk: Outgoing[], claimId: string, summary: BatchSummary): Promise<Outgoing[]> {
  const allowed = await Promise.all(
    chunk.map((out) => !out.grantId || subscriptions.consume(out.grantId, out.msg.key, Date.now())),
  );
  const refused = chunk.filter((_, i) => !allowed[i]).map((out) => out.msg._id);
  if (refused.length > 0) {
    const at = Date.now();
    const reason = 'grant-used';
    summary.skipped += await outbox.settle(
      refused,
      claimId,
      { status: 'skipped', reason },
      { at, event: 'skipped', reason, claimId },
    );
  }
  return chunk.filter((_, i) => allowed[i]);
}

/** Records one chunk's results: the sent ones in one update, each error by its own (its retry time or reason). */
async function record(results: [Outgoing, SendResult][], claimId: string, summary: BatchSummary): Promise<void> {
  const at = Date.now();
  const sentIds = results.filter(([, r]) => r.errcode === 0).map(([out]) => out.msg._id);
  const sentEntry = { at, event: 'sent' as const, claimId, errcode: 0, errmsg: 'ok' };
  const errors = results.filter(([, r]) => r.errcode !== 0);
  const held = await Promise.all([
    outbox.settle(sentIds, claimId, { status: 'sent' }, sentEntry, 'inflight'),
    ...errors.map(async ([out, result]) => {
      const outcome = outcomeOf(result.errcode, out.msg.attempts + 1, at);
      const patch: Partial<outbox.MessageDoc> = { status: outcome.status };
      if (outcome.status === 'pending') patch.dueAt = outcome.retryAt;
      else patch.reason = `${result.errcode} ${result.errmsg}`;
      const n = await outbox.settle(
        [out.msg._id],
        claimId,
        patch,
        { at, event: 'error', claimId, ...result },
        'inflight',
      );
      if (n === 1) {
        if (outcome.status === 'pending') summary.retrying += 1;
        else summary[outcome.status] += 1;
      }
      return n;
    }),
  ]);
  summary.sent += held[0];
  summary.stale += results.length - held.reduce((a, b) => a + b, 0);
}

async function sendChunk(chunk: Outgoing[], claimId: string, summary: BatchSummary): Promise<void> {
  let ready = await useGrants(chunk, claimId, summary);
  const ids = ready.map((out) => out.msg._id);
  const marked = await outbox.startSending(ids, claimId, Date.now());
  if (marked < ids.length) {
    // The claim lost some (its lease ran out under a stalled run): send only those still ours.
    const ours = new Set((await outbox.inflightOf(ids, claimId)).map((m) => m._id));
    summary.stale += ready.length - ours.size;
    ready = ready.filter((out) => ours.has(out.msg._id));
  }
  const results = await Promise.all(
    ready.map(async (out): Promise<[Outgoing, SendResult]> => [out, await sendMessage(out.message)]),
  );
  await record(results, claimId, summary);
}

/** Checks, sends and records one claimed batch. */
export async function runBatch(
  ctx: RequestContext,
  batch: outbox.MessageDoc[],
  claimId: string,
  summary: BatchSummary,
): Promise<void> {
  const now = Date.now();
  const { skips, later, sends } = await plan(ctx, batch, now);
  await Promise.all([
    ...[...skips].map(async ([reason, ids]) => {
      const entry = { at: now, event: 'skipped' as const, reason, claimId };
      summary.skipped += await outbox.settle(ids, claimId, { status: 'skipped', reason }, entry);
    }),
    ...later.map(async ([msg, dueAt]) => {
      const entry = { at: now, event: 'rescheduled' as const, claimId };
      summary.rescheduled += await outbox.settle([msg._id], claimId, { status: 'pending', dueAt }, entry);
    }),
  ]);
  for (let i = 0; i < sends.length; i += SEND_CHUNK) await sendChunk(sends.slice(i, i + SEND_CHUNK), claimId, summary);
}
