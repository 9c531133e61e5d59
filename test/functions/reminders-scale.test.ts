// reminders at city scale: hundreds of due reminders drained by overlapping timer runs, each sent exactly once;
// a run that died is recovered after its lease (claimed but unsent: sent; mid-send: never sent again); a run
// whose time budget is spent leaves the rest to the next run.
import { FUNCTIONS } from '../../deploy/functions';
import { LEASE_MS, REMINDERS_TIMEOUT_MS, RUN_BUDGET_MS } from '../../server/rules/outbox';
import type { Post } from '../../typings/entities';
import { remindersWorld, type RemindersWorld } from './reminders-world';

const MINUTE = 60_000;
let w: RemindersWorld;
let post: Post;

beforeEach(async () => {
  w = await remindersWorld();
  post = await w.post({ title: '周六敬老院探访', quota: 20 });
  await w.setNow(post.startAt - 119 * MINUTE);
});
afterEach(() => w.cloud.stop());

/** How often each recipient got a message. */
async function timesSent(): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const m of await w.sent()) counts.set(m.touser, (counts.get(m.touser) ?? 0) + 1);
  return counts;
}

const setStatus = (ids: string[], fields: object) =>
  w.cloud.db.handle('database.modifyDocument', {
    collectionName: 'outbox',
    queryType: 'WHERE',
    query: JSON.stringify({ _id: { $in: ids } }),
    data: JSON.stringify({ $set: fields }),
    multi: true,
  });

describe('reminders timer at scale', () => {
  it('three runs fired at once over 300 due reminders send each exactly once, none lost', async () => {
    await Promise.all([w.fire(), w.fire(), w.fire()]); // warm three instances, so the runs below overlap
    const people = await w.seedDue(post, 300, 'city');

    const runs = await Promise.all([w.fire(), w.fire(), w.fire()]);
    expect(runs.map((r) => r.ok && (r.result as { ok: boolean }).ok)).toEqual([true, true, true]);
    const counts = await timesSent();
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect([...counts.keys()].sort()).toEqual([...people].sort());
    const docs = await w.outboxDocs();
    expect(docs.map((d) => d.status)).toEqual(Array(300).fill('sent'));
    // Each message claimed by exactly one run: one claim in its history.
    expect(docs.filter((d) => d.history.filter((h) => h.event === 'claimed').length !== 1)).toEqual([]);
  });

  it('a claimed reminder whose run died before sending is sent by the next run once its lease runs out', async () => {
    const people = await w.seedDue(post, 60, 'lease');
    const now = await w.now();
    const stuck = people.slice(0, 20).map((p) => `reminder:signup:s-${p}|${w.templates.reminderTemplateId}`);
    await setStatus(stuck, { status: 'sending', claimId: 'dead-run', claimedAt: now, dueAt: now + LEASE_MS });

    await w.fire();
    expect((await timesSent()).size).toBe(40);
    await w.advance(LEASE_MS);
    await w.fire();
    const counts = await timesSent();
    expect([...counts.keys()].sort()).toEqual([...people].sort());
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('a reminder left mid-send by a dead run is never sent again: recorded failed (interrupted)', async () => {
    const people = await w.seedDue(post, 5, 'mid');
    const now = await w.now();
    const [id] = (await w.outboxDocs()).filter((d) => d._id.includes(people[0])).map((d) => d._id);
    await setStatus([id], { status: 'inflight', claimId: 'dead-run', attempts: 1, dueAt: now + LEASE_MS });

    await w.fire();
    await w.advance(LEASE_MS);
    await w.fire();
    expect((await w.sent()).map((m) => m.touser).sort()).toEqual(people.slice(1).sort());
    const doc = (await w.outboxDocs()).find((d) => d._id === id);
    expect(doc).toMatchObject({ status: 'failed', reason: 'interrupted' });
    expect(doc?.history.map((h) => h.event)).toEqual(['queued', 'interrupted']);
  });

  it('a run whose time budget is spent stops after its batch and leaves the rest, unclaimed, to the next', async () => {
    await w.seedDue(post, 250, 'budget');
    const first = await w.fireWithBudget(0);
    expect(first.ok && first.result).toMatchObject({ ok: true, data: { batches: 1, sent: 100, more: true } });
    expect(await w.sent()).toHaveLength(100);
    const docs = await w.outboxDocs();
    expect(docs.filter((d) => d.status === 'pending')).toHaveLength(150);

    const second = await w.fireWithBudget(0);
    expect(second.ok && second.result).toMatchObject({ ok: true, data: { sent: 100, more: true } });
    const third = await w.fire(); // the default budget drains the rest
    expect(third.ok && third.result).toMatchObject({ ok: true, data: { sent: 50, more: false } });
    expect((await timesSent()).size).toBe(250);
  });

  it("budgets the run inside the function's timeout, which the lease outlasts", () => {
    const timeoutMs = (FUNCTIONS.find((f) => f.name === 'reminders')?.timeout ?? 0) * 1000;
    expect(REMINDERS_TIMEOUT_MS).toBe(timeoutMs);
    expect(RUN_BUDGET_MS).toBeLessThanOrEqual(timeoutMs * (2 / 3));
    expect(LEASE_MS).toBeGreaterThan(timeoutMs);
  });
});
