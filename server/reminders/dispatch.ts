/**
 * The reminders timer: drains due outbox messages in bounded batches. Each batch is found by the indexed
 * query (status, dueAt), CLAIMED by one conditional update (pending → sending, lease until now + LEASE_MS),
 * checked (reminders: confirmed sign-up, published post, not started; notices: an unused grant), sent, and
 * its result recorded on the message. A run stops after MAX_BATCHES or RUN_BUDGET_MS and leaves the rest to
 * the next run.
 *
 * Delivery is at-least-once for a run that dies between a send and its record (the claim's lease runs out and
 * the next run sends again), at-most-once otherwise: overlapping runs never claim the same message. We prefer a
 * rare duplicate after a crash to a missed reminder, and WeChat itself refuses a send beyond the user's
 * one-time grants (43101), which bounds such duplicates.
 */
import type { RequestContext } from '../context';
import { newId } from '../ids';
import * as outbox from '../repos/outbox';
import * as posts from '../repos/posts';
import * as subscriptions from '../repos/subscriptions';
import { LEASE_MS, decideReminder, outcomeOf, postPage, reminderData } from '../rules/outbox';
import { sendMessage, type Message } from './send';
import * as signups from '../repos/signups';

export const BATCH_SIZE = 50;
export const MAX_BATCHES = 20;
/** Stop claiming new batches after this long: the function's timeout is 60 s. */
const RUN_BUDGET_MS = 40_000;
const SEND_CONCURRENCY = 8;

export interface RunSummary {
  batches: number;
  claimed: number;
  sent: number;
  skipped: number;
  retrying: number;
  unsubscribed: number;
  failed: number;
  rescheduled: number;
  /** Results not recorded because the claim's lease had run out (another run holds the message now). */
  stale: number;
  /** Due messages were left for the next run. */
  more: boolean;
}

interface Outgoing {
  msg: outbox.MessageDoc;
  message: Message;
  /** A notice uses its grant before it is sent. */
  grantId?: string;
}

async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[(next += 1) - 1]);
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
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

async function deliver(out: Outgoing, claimId: string, summary: RunSummary): Promise<void> {
  const { msg } = out;
  if (out.grantId && !(await subscriptions.consume(out.grantId, msg.key, Date.now()))) {
    const at = Date.now();
    const reason = 'grant-used';
    summary.skipped += await outbox.settle(
      [msg._id],
      claimId,
      { status: 'skipped', reason },
      { at, event: 'skipped', reason, claimId },
    );
    return;
  }
  const result = await sendMessage(out.message);
  const at = Date.now();
  const attempts = msg.attempts + 1;
  const outcome = outcomeOf(result.errcode, attempts, at);
  const patch: Partial<outbox.MessageDoc> = { status: outcome.status, attempts };
  if (outcome.status === 'pending') patch.dueAt = outcome.retryAt;
  if (outcome.status === 'failed' || outcome.status === 'unsubscribed')
    patch.reason = `${result.errcode} ${result.errmsg}`;
  const event = result.errcode === 0 ? 'sent' : 'error';
  const held = await outbox.settle([msg._id], claimId, patch, { at, event, claimId, ...result });
  if (!held) {
    summary.stale += 1;
    return;
  }
  if (outcome.status === 'sent') summary.sent += 1;
  else if (outcome.status === 'pending') summary.retrying += 1;
  else summary[outcome.status] += 1;
}

async function runBatch(ctx: RequestContext, batch: outbox.MessageDoc[], claimId: string, summary: RunSummary) {
  const now = Date.now();
  const { skips, later, sends } = await plan(ctx, batch, now);
  await Promise.all([
    ...[...skips].map(async ([reason, ids]) => {
      summary.skipped += await outbox.settle(
        ids,
        claimId,
        { status: 'skipped', reason },
        { at: now, event: 'skipped', reason, claimId },
      );
    }),
    ...later.map(async ([msg, dueAt]) => {
      const entry = { at: now, event: 'rescheduled' as const, claimId };
      summary.rescheduled += await outbox.settle([msg._id], claimId, { status: 'pending', dueAt }, entry);
    }),
  ]);
  await inPool(sends, SEND_CONCURRENCY, (out) => deliver(out, claimId, summary));
}

/** One timer run: claims and sends due messages, batch by batch, within its bounds. */
export async function sendDue(ctx: RequestContext): Promise<RunSummary> {
  const started = performance.now();
  const summary: RunSummary = {
    batches: 0,
    claimed: 0,
    sent: 0,
    skipped: 0,
    retrying: 0,
    unsubscribed: 0,
    failed: 0,
    rescheduled: 0,
    stale: 0,
    more: false,
  };
  for (let n = 0; n < MAX_BATCHES; n += 1) {
    if (performance.now() - started > RUN_BUDGET_MS) {
      summary.more = true;
      break;
    }
    const now = Date.now();
    const due = await outbox.due(now, BATCH_SIZE);
    if (due.length === 0) break;
    const claimId = newId();
    const got = await outbox.claim(
      due.map((m) => m._id),
      claimId,
      now,
      LEASE_MS,
    );
    summary.batches += 1;
    summary.claimed += got;
    if (got > 0) {
      const batch = got === due.length ? due : await outbox.claimedBy(claimId, BATCH_SIZE);
      await runBatch(ctx, batch, claimId, summary);
    }
    summary.more = due.length === BATCH_SIZE;
    if (!summary.more) break;
  }
  ctx.log.info('outbox-run', { ...summary, ms: Math.round(performance.now() - started) });
  return summary;
}
