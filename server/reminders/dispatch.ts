/**
 * The reminders timer: drains due outbox messages in batches of `BATCH_SIZE`. Each batch is found by the indexed
 * query (status, dueAt) and CLAIMED by one conditional update (pending → sending, lease until now + LEASE_MS), so
 * overlapping runs never claim the same message; then checked, sent and recorded (batch.ts). A run claims no new
 * batch once its time budget is spent (RUN_BUDGET_MS of the function's 60 s timeout, less its slowest batch so
 * far) and leaves the rest to the next run.
 *
 * Delivery is at most once: right before a send its message is marked `inflight`. A run that dies after the claim
 * but before that mark leaves the message `sending`: once the lease runs out the next run claims and sends it
 * (not lost). One that dies after the mark leaves it `inflight`: whether WeChat got it cannot be told, so the next
 * run records it `failed` (reason `interrupted`) rather than risk a second send. A duplicate reminder costs the
 * volunteer's trust and one of their one-time grants; an interrupted one is visible in the message's history.
 */
import type { RequestContext } from '../context';
import { newId } from '../ids';
import * as outbox from '../repos/outbox';
import { LEASE_MS, RUN_BUDGET_MS } from '../rules/outbox';
import { runBatch, type BatchSummary } from './batch';

export const BATCH_SIZE = 100;

export interface RunSummary extends BatchSummary {
  /** Claims made (batches, counting a claim another run beat). */
  batches: number;
  claimed: number;
  /** Messages a dead run left inflight, now recorded failed (interrupted). */
  interrupted: number;
  /** Due messages were left for the next run. */
  more: boolean;
}

export interface RunOptions {
  /** Milliseconds of claiming new batches; at most RUN_BUDGET_MS. 0: one batch per run. */
  budgetMs?: number;
}

/**
 * The run's options from the timer event's message (SCF's 附加信息 of a timer trigger, `event.Message`): JSON
 * `{ "budgetMs": n }` lowers the time budget (tests and the bench); anything else leaves the default.
 */
export function runOptions(event: object | undefined): RunOptions {
  const message = (event as { Message?: unknown } | undefined)?.Message;
  if (typeof message !== 'string' || !message) return {};
  try {
    const parsed = JSON.parse(message) as { budgetMs?: unknown } | null;
    return typeof parsed?.budgetMs === 'number' && parsed.budgetMs >= 0 ? { budgetMs: parsed.budgetMs } : {};
  } catch {
    return {};
  }
}

/** One timer run: claims and sends due messages, batch by batch, while its time budget lasts. */
export async function sendDue(ctx: RequestContext, options: RunOptions = {}): Promise<RunSummary> {
  const started = performance.now();
  const budgetMs = Math.min(options.budgetMs ?? RUN_BUDGET_MS, RUN_BUDGET_MS);
  const summary: RunSummary = {
    batches: 0,
    claimed: 0,
    interrupted: await outbox.closeInterrupted(Date.now()),
    sent: 0,
    skipped: 0,
    retrying: 0,
    unsubscribed: 0,
    failed: 0,
    rescheduled: 0,
    stale: 0,
    more: false,
  };
  let slowest = 0;
  for (;;) {
    const batchStarted = performance.now();
    if (summary.batches > 0 && batchStarted - started + slowest > budgetMs) {
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
    slowest = Math.max(slowest, performance.now() - batchStarted);
    if (due.length < BATCH_SIZE) break;
  }
  ctx.log.info('outbox-run', { ...summary, budgetMs, ms: Math.round(performance.now() - started) });
  return summary;
}
