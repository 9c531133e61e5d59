// reminders: one reminder per subscribed, confirmed sign-up, `REMINDER_LEAD_MINUTES` (120) before the start,
// through the outbox — claimed before sending, so overlapping timer runs never send twice.
import type { Post } from '../../typings/entities';
import { HOUR } from './posts-fixture';
import { call, fails, ok } from './helpers';
import { remindersWorld, type RemindersWorld } from './reminders-world';

const MINUTE = 60_000;
let w: RemindersWorld;
let post: Post;

beforeEach(async () => {
  w = await remindersWorld();
  post = await w.post({ title: '周六敬老院探访：陪长者聊天、读报、整理房间', quota: 20 });
});
afterEach(() => w.cloud.stop());

const dueAt = () => post.startAt - 120 * MINUTE;

describe('reminders timer', () => {
  it('sends nothing before the lead time and exactly one reminder from it on', async () => {
    const [reply] = await w.volunteer('vol-a', post, [w.templates.reminderTemplateId as string]);
    expect(reply).toEqual({ subscribed: true, remindAt: dueAt() });

    await w.setNow(dueAt() - MINUTE);
    expect((await w.fire()).ok).toBe(true);
    expect(await w.sent()).toHaveLength(0);

    await w.setNow(dueAt());
    await w.fire();
    await w.fire();
    const sent = await w.sent();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({
      touser: 'vol-a',
      template_id: w.templates.reminderTemplateId,
      page: `pages/post/index?postId=${post.postId}`,
    });
    // 2026-11-30 09:00 in Zhongshan; the long title is cut to 20 characters.
    expect(sent[0].data.time2.value).toBe('2026年11月30日 09:00');
    expect([...sent[0].data.thing1.value]).toHaveLength(20);
    expect(sent[0].data.thing1.value.startsWith('周六敬老院探访')).toBe(true);
    expect(sent[0].data.thing3.value).toBe('石岐区悦来南路 1 号');
    expect(sent[0].data.thing4.value).toBe(w.brigade.name);
    const [doc] = await w.outboxDocs();
    expect(doc).toMatchObject({ kind: 'reminder', status: 'sent', attempts: 1 });
    expect(doc.history.map((h) => h.event)).toEqual(['queued', 'claimed', 'sent']);
  });

  it('follows the post when the leader moves it earlier', async () => {
    await w.volunteer('vol-moved', post, [w.templates.reminderTemplateId as string]);
    const earlier = post.startAt - 6 * HOUR;
    await ok(w.cloud, 'posts', 'update', { postId: post.postId, startAt: earlier, endAt: earlier + HOUR }, 'leader');
    await w.setNow(earlier - 120 * MINUTE);
    await w.fire();
    const sent = await w.sent();
    expect(sent.map((m) => m.touser)).toEqual(['vol-moved']);
    expect(sent[0].data.time2.value).toBe('2026年11月30日 03:00');
  });

  it('sends nothing once the post has started', async () => {
    await w.volunteer('vol-late', post, [w.templates.reminderTemplateId as string]);
    await w.setNow(post.startAt);
    await w.fire();
    expect(await w.sent()).toHaveLength(0);
    expect((await w.outboxDocs())[0]).toMatchObject({ status: 'skipped', reason: 'started' });
  });

  it('overlapping timer runs send each reminder exactly once', async () => {
    // Warm the instances first, so the runs below really overlap (read the same due messages at once).
    await Promise.all([w.fire(), w.fire(), w.fire(), w.fire()]);
    const everyone: string[] = [];
    for (let round = 0; round < 3; round += 1) {
      const later = await w.post({
        quota: 20,
        startAt: post.startAt + round * 24 * HOUR,
        endAt: post.endAt + round * 24 * HOUR,
      });
      const people = Array.from({ length: 6 }, (_, i) => `vol-${round}-${i}`);
      for (const openid of people) await w.volunteer(openid, later, [w.templates.reminderTemplateId as string]);
      everyone.push(...people);
      await w.setNow(later.startAt - 119 * MINUTE);
      const runs = await Promise.all([w.fire(), w.fire(), w.fire()]);
      expect(runs.every((r) => r.ok)).toBe(true);
      expect((await w.sent()).map((m) => m.touser).sort()).toEqual([...everyone].sort());
    }
    await w.fire();
    expect(await w.sent()).toHaveLength(everyone.length);
  });

  it('a withdrawn sign-up gets no reminder', async () => {
    await w.volunteer('vol-w', post, [w.templates.reminderTemplateId as string]);
    await ok(w.cloud, 'posts', 'withdraw', { postId: post.postId }, 'vol-w');
    await w.setNow(dueAt());
    await w.fire();
    expect(await w.sent()).toHaveLength(0);
    expect((await w.outboxDocs())[0]).toMatchObject({ status: 'skipped', reason: 'signup-withdrawn' });
  });

  it('retries a transient failure with backoff, then sends once', async () => {
    await w.volunteer('vol-t', post, [w.templates.reminderTemplateId as string]);
    await w.setNow(dueAt());
    await w.faults({ failNext: [{ errcode: -1, errmsg: 'system error' }] });
    await w.fire();
    expect(await w.sent()).toHaveLength(0);
    let [doc] = await w.outboxDocs();
    expect(doc).toMatchObject({ status: 'pending', attempts: 1 });
    expect(doc.dueAt).toBeGreaterThanOrEqual(dueAt() + MINUTE);
    expect(doc.dueAt).toBeLessThan(dueAt() + 2 * MINUTE);
    await w.fire(); // backing off: not yet
    expect((await w.outboxDocs())[0].attempts).toBe(1);
    await w.advance(MINUTE);
    await w.fire();
    expect(await w.sent('vol-t')).toHaveLength(1);
    [doc] = await w.outboxDocs();
    expect(doc).toMatchObject({ status: 'sent', attempts: 2 });
    expect(doc.history.filter((h) => h.event === 'error')).toEqual([
      expect.objectContaining({ errcode: -1, errmsg: expect.stringContaining('system error') }),
    ]);
  });

  it('records 43101 (not subscribed) and never retries it', async () => {
    await w.volunteer('vol-u', post, [w.templates.reminderTemplateId as string]);
    await w.faults({ unsubscribed: ['vol-u'] });
    await w.setNow(dueAt());
    await w.fire();
    await w.advance(HOUR);
    await w.fire();
    expect(await w.sent()).toHaveLength(0);
    const [doc] = await w.outboxDocs();
    expect(doc).toMatchObject({ status: 'unsubscribed', attempts: 1 });
    expect(doc.history.filter((h) => h.event === 'error').map((h) => h.errcode)).toEqual([43101]);
  });

  it('a claimed message whose run died is claimable again once its lease runs out', async () => {
    await w.volunteer('vol-c', post, [w.templates.reminderTemplateId as string]);
    await w.setNow(dueAt());
    // A run that claimed and then died: the message is left `sending` with a lease.
    await w.cloud.db.handle('database.modifyDocument', {
      collectionName: 'outbox',
      queryType: 'WHERE',
      query: JSON.stringify({}),
      data: JSON.stringify({ $set: { status: 'sending', claimId: 'dead-run', dueAt: dueAt() + 3 * MINUTE } }),
      multi: true,
    });
    await w.fire();
    expect(await w.sent()).toHaveLength(0);
    await w.advance(3 * MINUTE);
    await w.fire();
    expect(await w.sent('vol-c')).toHaveLength(1);
  });

  it('a run makes a fixed number of database requests per batch, not one per message', async () => {
    for (const openid of ['b-1', 'b-2', 'b-3', 'b-4', 'b-5']) {
      await w.volunteer(openid, post, [w.templates.reminderTemplateId as string]);
    }
    await w.setNow(dueAt());
    const run = await w.fire();
    expect(run.ok && run.result).toMatchObject({ ok: true, data: { sent: 5, more: false } });
    // the interrupted sweep, due + claim + posts + sign-ups, then per chunk of sends: mark inflight + record sent.
    expect(run.metrics.requests).toBeLessThanOrEqual(1 + 4 + 2);
  });
});

describe('reminders.subscribe', () => {
  it('refuses a template that is not configured, and writes nothing', async () => {
    await w.volunteer('vol-x', post, []);
    const e = await fails(w.cloud, 'reminders', 'subscribe', { postId: post.postId, templateId: 'other' }, 'vol-x');
    expect(e.code).toBe('INVALID_ARGUMENT');
    expect(await w.outboxDocs()).toHaveLength(0);
  });

  it("refuses someone who holds no live sign-up on the post (another person's sign-up is not theirs)", async () => {
    await w.volunteer('vol-owner', post, []);
    await w.register('vol-other');
    const templateId = w.templates.reminderTemplateId as string;
    const e = await fails(w.cloud, 'reminders', 'subscribe', { postId: post.postId, templateId }, 'vol-other');
    expect(e.code).toBe('NOT_FOUND');
    await ok(w.cloud, 'posts', 'withdraw', { postId: post.postId }, 'vol-owner');
    expect(
      (await fails(w.cloud, 'reminders', 'subscribe', { postId: post.postId, templateId }, 'vol-owner')).code,
    ).toBe('NOT_FOUND');
    expect((await fails(w.cloud, 'reminders', 'subscribe', { templateId }, 'vol-owner')).code).toBe('INVALID_ARGUMENT');
    expect(await w.outboxDocs()).toHaveLength(0);
  });

  it('is idempotent and within the request budget', async () => {
    await w.volunteer('vol-i', post, []);
    const templateId = w.templates.reminderTemplateId as string;
    const first = await call(w.cloud, 'reminders', 'subscribe', { postId: post.postId, templateId }, 'vol-i');
    const again = await call(w.cloud, 'reminders', 'subscribe', { postId: post.postId, templateId }, 'vol-i');
    expect(first.body).toEqual(again.body);
    expect(first.metrics.requests).toBeLessThanOrEqual(5);
    expect(again.metrics.requests).toBeLessThanOrEqual(5);
    expect(await w.outboxDocs()).toHaveLength(1);
    await w.setNow(dueAt());
    await w.fire();
    expect(await w.sent('vol-i')).toHaveLength(1);
  });
});
