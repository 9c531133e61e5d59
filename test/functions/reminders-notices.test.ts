// Notices through the outbox: 已取消 (with the leader's reason), 已转正, 已通过 — sent to those holding a notice
// grant, recorded as skipped for the others.
import type { JoinResponse } from '../../typings/api/brigades';
import type { Brigade, Post } from '../../typings/entities';
import { HQ, call, ok } from './helpers';
import { remindersWorld, type RemindersWorld } from './reminders-world';

const MINUTE = 60_000;
let w: RemindersWorld;
let reminder: string;
let notice: string;

beforeEach(async () => {
  w = await remindersWorld();
  reminder = w.templates.reminderTemplateId as string;
  notice = w.templates.noticeTemplateId as string;
});
afterEach(() => w.cloud.stop());

const dueAt = (post: Post) => post.startAt - 120 * MINUTE;

it('a cancelled post sends 已取消 with the reason to notice subscribers, skips the rest, and reminds nobody', async () => {
  const post = await w.post({ quota: 1 });
  await w.volunteer('c-confirmed', post, [reminder, notice]);
  await w.volunteer('c-waitlisted', post, [notice]);
  await w.volunteer('c-silent', post, [reminder]);
  const cancel = await call(
    w.cloud,
    'posts',
    'cancel',
    { postId: post.postId, reason: '台风预警，暂停户外服务' },
    'leader',
  );
  expect(cancel.body.ok).toBe(true);
  await w.fire();
  const sent = await w.sent();
  expect(sent.map((m) => m.touser).sort()).toEqual(['c-confirmed', 'c-waitlisted']);
  for (const m of sent) {
    expect(m).toMatchObject({ template_id: notice, page: `pages/post/index?postId=${post.postId}` });
    expect(m.data).toEqual({
      thing1: { value: '探访独居长者' },
      phrase2: { value: '已取消' },
      thing3: { value: '台风预警，暂停户外服务' },
    });
  }
  const skipped = (await w.outboxDocs()).filter((d) => d.kind === 'cancelled' && d.status === 'skipped');
  expect(skipped).toEqual([expect.objectContaining({ reason: 'no-grant' })]);

  await w.setNow(dueAt(post));
  await w.fire();
  expect(await w.sent()).toHaveLength(2);
  const reminders = (await w.outboxDocs()).filter((d) => d.kind === 'reminder');
  expect(reminders.map((d) => d.reason)).toEqual(['post-cancelled', 'post-cancelled']);
});

it('a volunteer moved up from the waitlist hears 已转正, and gets a reminder only after subscribing to it', async () => {
  const post = await w.post({ quota: 1 });
  await w.volunteer('p-first', post, []);
  await w.volunteer('p-next', post, [notice]);
  await ok(w.cloud, 'posts', 'withdraw', { postId: post.postId }, 'p-first');
  await w.fire();
  const [promoted] = await w.sent('p-next');
  expect(promoted).toMatchObject({ template_id: notice });
  expect(promoted.data.phrase2.value).toBe('已转正');
  expect(promoted.data.thing3.value).toBe('请于11月30日 09:00准时参加');

  await w.setNow(dueAt(post));
  await w.fire();
  expect(await w.sent('p-next')).toHaveLength(1);

  await w.subscribe('p-next', { postId: post.postId, templateId: reminder });
  await w.fire();
  const messages = await w.sent('p-next');
  expect(messages.map((m) => m.template_id)).toEqual([notice, reminder]);
});

it('a waitlisted volunteer subscribed to the reminder gets none unless moved up before it is due', async () => {
  const post = await w.post({ quota: 1 });
  await w.volunteer('q-first', post, []);
  await w.volunteer('q-next', post, [reminder]);
  await w.setNow(dueAt(post));
  await w.fire();
  expect(await w.sent('q-next')).toHaveLength(0);
  expect((await w.outboxDocs())[0]).toMatchObject({ status: 'skipped', reason: 'signup-waitlisted' });
  // Moved up later, they subscribe again (the page asks after the promotion): the reminder is queued again.
  await ok(w.cloud, 'posts', 'withdraw', { postId: post.postId }, 'q-first');
  await w.subscribe('q-next', { postId: post.postId, templateId: reminder });
  await w.fire();
  expect((await w.sent('q-next')).map((m) => m.template_id)).toEqual([reminder]);
});

it('an approved membership sends 已通过 to an applicant who subscribed', async () => {
  const brigade = await ok<Brigade>(
    w.cloud,
    'brigades',
    'create',
    { name: '审核大队', town: '东区', joinMode: 'review' },
    HQ,
  );
  await ok(w.cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: w.people.leader.cardNo }, HQ);
  const invite = await ok<{ code: string }>(w.cloud, 'brigades', 'invite', { brigadeId: brigade.brigadeId }, 'leader');
  await w.register('applicant');
  const joined = await ok<JoinResponse>(w.cloud, 'brigades', 'join', { code: invite.code }, 'applicant');
  expect(joined.status).toBe('pending');
  await w.subscribe('applicant', { brigadeId: brigade.brigadeId, templateId: notice });
  const refused = await call(
    w.cloud,
    'reminders',
    'subscribe',
    { brigadeId: brigade.brigadeId, templateId: reminder },
    'applicant',
  );
  expect(refused.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });

  const review = await call(
    w.cloud,
    'brigades',
    'review',
    { brigadeId: brigade.brigadeId, volunteerId: w.people.applicant.volunteerId, approve: true },
    'leader',
  );
  expect(review.body.ok).toBe(true);
  await w.fire();
  const [message] = await w.sent('applicant');
  expect(message).toMatchObject({ template_id: notice, page: `pages/brigade/index?brigadeId=${brigade.brigadeId}` });
  expect(message.data.thing1.value).toBe('审核大队');
  expect(message.data.phrase2.value).toBe('已通过');
});

it('one notice grant carries one notice: a second event for the same sign-up is skipped', async () => {
  const post = await w.post({ quota: 1 });
  await w.volunteer('g-first', post, []);
  await w.volunteer('g-next', post, [notice]);
  await ok(w.cloud, 'posts', 'withdraw', { postId: post.postId }, 'g-first');
  await ok(w.cloud, 'posts', 'cancel', { postId: post.postId, reason: '场地临时关闭' }, 'leader');
  await w.fire();
  expect((await w.sent('g-next')).map((m) => m.data.phrase2.value)).toHaveLength(1);
  const docs = (await w.outboxDocs()).filter((d) => d.kind !== 'reminder');
  expect(docs.map((d) => d.status).sort()).toEqual(['sent', 'skipped']);
  expect(docs.find((d) => d.status === 'skipped')?.reason).toBe('grant-used');
});

it('cancelling a post with sign-ups queues its notices in a bounded number of requests', async () => {
  const post = await w.post({ quota: 3 });
  for (const openid of ['r-1', 'r-2', 'r-3', 'r-4', 'r-5']) await w.volunteer(openid, post, [notice]);
  const cancel = await call(w.cloud, 'posts', 'cancel', { postId: post.postId, reason: '人数调整' }, 'leader');
  expect(cancel.body.ok).toBe(true);
  // The notices add two requests (read the live sign-ups, one write of all notices) to the cancellation, and the
  // statistics one (the post no longer counts).
  expect(cancel.metrics.requests).toBeLessThanOrEqual(8);
  const run = await w.fire();
  expect(run.ok && run.result).toMatchObject({ data: { sent: 5 } });
  // due + claim + grants, then per message: use the grant, record the result.
  expect(run.metrics.requests).toBeLessThanOrEqual(3 + 2 * 5);
});
