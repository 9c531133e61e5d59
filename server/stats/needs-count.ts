/**
 * The needs statistics hooks (供需配对): each write that changes a recipient, a survey or a plan calls one of these
 * right after. Each recounts its fact's counter paths, keeps them (`snap:<kind>:<id>`) and moves the `needs`
 * document by the difference with `_.inc`. They never throw: a failed count is logged and repaired nightly.
 */
import { createLogger, type Logger } from '../log';
import * as assignments from '../repos/assignments';
import * as plans from '../repos/plans';
import * as recipients from '../repos/recipients';
import * as repo from '../repos/stats';
import * as surveys from '../repos/surveys';
import {
  daysBetween,
  deltaOf,
  firstVisitCounts,
  planCounts,
  recipientCounts,
  surveyCounts,
  visitCounts,
  type Counts,
} from '../rules/needs-stats';

type Ctx = { log: Logger };

async function settle(ctx: Ctx, kind: string, id: string, counts: Counts, once = false): Promise<void> {
  try {
    const { before, after } = await repo.settleSnapshot(repo.snapshotId(kind, id), counts, once);
    await repo.incNeeds(deltaOf(before, after));
  } catch (error) {
    ctx.log.error('stats-count-failed', { kind, id, message: (error as Error)?.message });
  }
}

/** A recipient saved or closed. */
export async function countRecipient(ctx: Ctx, recipientId: string): Promise<void> {
  const doc = await recipients.findById(recipientId).catch(() => undefined);
  if (doc) await settle(ctx, 'recipient', doc._id, recipientCounts(doc));
}

/** A household surveyed. */
export async function countSurvey(ctx: Ctx, survey: surveys.SurveyDoc): Promise<void> {
  await settle(ctx, 'survey', survey._id, surveyCounts(survey));
}

/** A plan saved, closed, or one of its services' carers changed. */
export async function countPlan(ctx: Ctx, planId: string): Promise<void> {
  const doc = await plans.findById(planId).catch(() => undefined);
  if (doc) await settle(ctx, 'plan', doc._id, planCounts(doc));
}

/**
 * A pair accepted: the plan's services, and — the first time one of a surveyed recipient's pairs is accepted —
 * the days from the survey to it (the stand-in for the first visit until visit posts exist).
 */
export async function countAccepted(pairId: string, now: number, ctx: Ctx = { log: createLogger({}) }) {
  try {
    const pair = await assignments.findById(pairId);
    if (!pair || pair.status !== 'accepted') return;
    await countPlan(ctx, pair.planId);
    const recipient = await recipients.findById(pair.recipientId);
    const survey = recipient?.surveyId ? await surveys.findById(recipient.surveyId) : undefined;
    if (!recipient || !survey) return;
    const days = daysBetween(survey.surveyedAt, pair.respondedAt ?? now);
    await settle(ctx, 'visit', recipient._id, firstVisitCounts(recipient.town, days), true);
  } catch (error) {
    ctx.log.error('stats-count-failed', { kind: 'accepted', id: pairId, message: (error as Error)?.message });
  }
}

/** A visit note written on a plan of the town, by one of its accepted carers or not (counted once). */
export async function countVisit(ctx: Ctx, town: string, noteId: string, byCarer: boolean): Promise<void> {
  await settle(ctx, 'note', noteId, visitCounts(town, byCarer), true);
}
