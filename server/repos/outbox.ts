/**
 * Data access for the `outbox` collection: one document per (sign-up or event, template), `_id` = `key`.
 * A message is claimed by a conditional update before it is sent (status pending → sending, `dueAt` moved to
 * the end of the claim's lease), so overlapping timer runs never send it twice; right before its send it is
 * marked `inflight` (so a run that dies mid-send never has it sent again); every claim and result is appended to
 * `history`.
 */
import { _, db, isDuplicateKey, rows } from '../cloud';
import type { MessageKind, OutboxStatus, TemplateData } from '../rules/outbox';

export interface HistoryEntry {
  at: number;
  event: 'queued' | 'rearmed' | 'claimed' | 'sent' | 'error' | 'skipped' | 'rescheduled' | 'interrupted';
  claimId?: string;
  errcode?: number;
  errmsg?: string;
  reason?: string;
}

export interface MessageDoc {
  _id: string;
  key: string;
  kind: MessageKind;
  templateId: string;
  subject: string;
  /** The grant (subscriptions `_id`) that allows this message. */
  grantId: string;
  /** The recipient when known at queue time (reminders); notices take the grant's openid. */
  touser?: string;
  postId?: string;
  signupId?: string;
  /** Fixed at queue time for notices; reminders are built from the post when sent. */
  page?: string;
  data?: TemplateData;
  status: OutboxStatus;
  /** pending: when it is due; sending and inflight: when the claim's lease ends. */
  dueAt: number;
  /** Sends made (or begun) under the current grant. */
  attempts: number;
  claimId?: string;
  claimedAt?: number;
  reason?: string;
  history: HistoryEntry[];
  createdAt: number;
  updatedAt: number;
}

const outbox = () => db.collection('outbox');
type Updated = { stats: { updated: number } };

/** Adds a message; false when its key is already taken (the message exists). */
export async function insert(doc: MessageDoc): Promise<boolean> {
  try {
    await outbox().add({ data: doc });
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/** Adds messages in one request; if some keys are taken, adds the rest one by one. Returns how many were added. */
export async function insertMany(docs: MessageDoc[]): Promise<number> {
  if (docs.length === 0) return 0;
  try {
    await outbox().add({ data: docs });
    return docs.length;
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    const added = await Promise.all(docs.map(insert));
    return added.filter(Boolean).length;
  }
}

/** A message that ended without being sent is queued again (a new grant): never one sent or in flight. */
export async function rearm(id: string, dueAt: number, now: number): Promise<boolean> {
  const res = (await outbox()
    .where({ _id: id, status: _.in(['skipped', 'unsubscribed', 'failed']) })
    .update({
      data: { status: 'pending', dueAt, attempts: 0, updatedAt: now, history: _.push([{ at: now, event: 'rearmed' }]) },
    })) as Updated;
  return res.stats.updated === 1;
}

const claimable = (now: number) => ({ status: _.in(['pending', 'sending']), dueAt: _.lte(now) });

/** Messages due now (pending and due, or claimed by a run whose lease ran out), soonest first. */
export function due(now: number, limit: number): Promise<MessageDoc[]> {
  return rows<MessageDoc>(outbox().where(claimable(now)).orderBy('dueAt', 'asc').limit(limit));
}

/** Claims those of `ids` still claimable, in one conditional update; returns how many this run got. */
export async function claim(ids: string[], claimId: string, now: number, leaseMs: number): Promise<number> {
  const res = (await outbox()
    .where({ _id: _.in(ids), ...claimable(now) })
    .update({
      data: {
        status: 'sending',
        claimId,
        claimedAt: now,
        dueAt: now + leaseMs,
        updatedAt: now,
        history: _.push([{ at: now, event: 'claimed', claimId }]),
      },
    })) as Updated;
  return res.stats.updated;
}

/** The messages a claim got (read only when it got fewer than it asked for). */
export function claimedBy(claimId: string, limit: number): Promise<MessageDoc[]> {
  return rows<MessageDoc>(outbox().where({ claimId, status: 'sending' }).limit(limit));
}

/**
 * Marks claimed messages `inflight` right before their sends, counting the attempt, in one update; returns how
 * many this claim still held. From here on a message is never sent again by another run (at most once).
 */
export async function startSending(ids: string[], claimId: string, now: number): Promise<number> {
  if (ids.length === 0) return 0;
  const res = (await outbox()
    .where({ _id: _.in(ids), claimId, status: 'sending' })
    .update({ data: { status: 'inflight', attempts: _.inc(1), updatedAt: now } })) as Updated;
  return res.stats.updated;
}

/** The messages of `ids` this claim marked inflight (read only when it marked fewer than it asked for). */
export function inflightOf(ids: string[], claimId: string): Promise<MessageDoc[]> {
  return rows<MessageDoc>(
    outbox()
      .where({ _id: _.in(ids), claimId, status: 'inflight' })
      .limit(ids.length),
  );
}

/**
 * Records the end of a claim on the messages it still holds in state `from` (claimed, or inflight for a send's
 * result), in one update; returns how many it held.
 */
export async function settle(
  ids: string[],
  claimId: string,
  patch: Partial<MessageDoc>,
  entry: HistoryEntry,
  from: 'sending' | 'inflight' = 'sending',
): Promise<number> {
  if (ids.length === 0) return 0;
  const res = (await outbox()
    .where({ _id: ids.length === 1 ? ids[0] : _.in(ids), claimId, status: from })
    .update({ data: { ...patch, updatedAt: entry.at, history: _.push([entry]) } })) as Updated;
  return res.stats.updated;
}

/**
 * Messages left `inflight` by a run that died (their lease ran out) may or may not have reached WeChat: they end
 * `failed` (reason `interrupted`) instead of being sent again. One update; returns how many.
 */
export async function closeInterrupted(now: number): Promise<number> {
  const res = (await outbox()
    .where({ status: 'inflight', dueAt: _.lte(now) })
    .update({
      data: {
        status: 'failed',
        reason: 'interrupted',
        updatedAt: now,
        history: _.push([{ at: now, event: 'interrupted' }]),
      },
    })) as Updated;
  return res.stats.updated;
}

/** A moved post's pending reminders become due at the new time (one update). */
export async function reschedulePost(postId: string, dueAt: number, now: number): Promise<void> {
  await outbox()
    .where({ postId, kind: 'reminder', status: 'pending' })
    .update({ data: { dueAt, updatedAt: now } });
}

/** The messages allowed by these grants: every message to one person (callers pass their grants). */
export function ofGrants(grantIds: string[], limit = 1000): Promise<MessageDoc[]> {
  if (grantIds.length === 0) return Promise.resolve([]);
  return rows<MessageDoc>(
    outbox()
      .where({ grantId: _.in(grantIds) })
      .limit(limit),
  );
}

/** Erasure: the person's messages go (their openid and sign-up ids with them); their grants are gone too. */
export async function removeOfGrants(grantIds: string[]): Promise<void> {
  if (grantIds.length === 0) return;
  await outbox()
    .where({ grantId: _.in(grantIds) })
    .remove();
}
