/** The posts world plus what the reminders tests read: the messages sent, the outbox documents, the timer. */
import type { SubscribeResponse, TemplatesResponse } from '../../typings/api/reminders';
import type { Post } from '../../typings/entities';
import { parseEjson } from '../../local-cloud/db/codec';
import type { InvocationOutcome } from '../../local-cloud/functions/host';
import { call, ok } from './helpers';
import { postsWorld, type PostsWorld } from './posts-fixture';

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
}

export interface OutboxDoc {
  _id: string;
  kind: string;
  status: string;
  reason?: string;
  attempts: number;
  dueAt: number;
  history: { event: string; errcode?: number; reason?: string }[];
}

export interface RemindersWorld extends PostsWorld {
  templates: TemplatesResponse;
  /** The clock of the local cloud now (epoch ms). */
  now(): Promise<number>;
  /** Moves the clock to an absolute time. */
  setNow(ms: number): Promise<void>;
  /** A new volunteer (registered) who signs up for the post and reports the given templates. */
  volunteer(openid: string, post: Post, templateIds: string[]): Promise<SubscribeResponse[]>;
  subscribe(openid: string, params: object): Promise<SubscribeResponse>;
  /** Fires the timer once and returns the function's result. */
  fire(): Promise<InvocationOutcome>;
  /** Fires the timer with a run budget (the trigger's message `{ budgetMs }`). */
  fireWithBudget(budgetMs: number): Promise<InvocationOutcome>;
  /**
   * Puts `count` subscribed, confirmed sign-ups of the post and their due reminders straight into the database
   * (recipients `<prefix>-<i>`); returns the recipients.
   */
  seedDue(post: Post, count: number, prefix: string): Promise<string[]>;
  /** Subscribe messages sent so far (GET /v1/outbox). */
  sent(touser?: string): Promise<SentMessage[]>;
  faults(body: object): Promise<void>;
  outboxDocs(): Promise<OutboxDoc[]>;
}

export async function remindersWorld(): Promise<RemindersWorld> {
  const w = await postsWorld();
  const { cloud } = w;
  const templates = await ok<TemplatesResponse>(cloud, 'reminders', 'templates', {}, 'leader');
  const subscribe = (openid: string, params: object) =>
    ok<SubscribeResponse>(cloud, 'reminders', 'subscribe', params, openid);
  const clock = async (body?: object) => {
    const res = await fetch(`${cloud.url}/v1/clock`, body ? { method: 'POST', body: JSON.stringify(body) } : {});
    return (await res.json()) as { now: number };
  };
  const clockNow = async () => (await clock()).now;
  return {
    ...w,
    templates,
    now: async () => (await clock()).now,
    setNow: async (ms) => {
      await clock({ now: ms });
    },
    subscribe,
    async volunteer(openid, post, templateIds) {
      await w.register(openid, { name: `义工${openid}` });
      const signed = await call(cloud, 'posts', 'signup', { postId: post.postId }, openid);
      if (!signed.body.ok) throw new Error(`signup failed: ${signed.body.message}`);
      const replies: SubscribeResponse[] = [];
      for (const templateId of templateIds) replies.push(await subscribe(openid, { postId: post.postId, templateId }));
      return replies;
    },
    fire: () => cloud.fireTrigger('reminders'),
    fireWithBudget: async (budgetMs) =>
      cloud.host.invoke(
        'reminders',
        { Type: 'Timer', TriggerName: 'send-due', Message: JSON.stringify({ budgetMs }) },
        { source: 'timer' },
      ),
    async seedDue(post, count, prefix) {
      const templateId = templates.reminderTemplateId as string;
      const now = await clockNow();
      const people = Array.from({ length: count }, (_, i) => `${prefix}-${i}`);
      const insert = (collectionName: string, docs: object[]) =>
        cloud.db.handle('database.insertDocument', { collectionName, data: docs.map((d) => JSON.stringify(d)) });
      await insert(
        'signups',
        people.map((openid) => ({
          _id: `s-${openid}`,
          postId: post.postId,
          volunteerId: `v-${openid}`,
          status: 'confirmed',
          startAt: post.startAt,
          createdAt: now,
        })),
      );
      await insert(
        'outbox',
        people.map((openid) => {
          const key = `reminder:signup:s-${openid}|${templateId}`;
          return {
            _id: key,
            key,
            kind: 'reminder',
            templateId,
            subject: `signup:s-${openid}`,
            grantId: `signup:s-${openid}|${templateId}`,
            touser: openid,
            postId: post.postId,
            signupId: `s-${openid}`,
            status: 'pending',
            dueAt: now,
            attempts: 0,
            history: [{ at: now, event: 'queued' }],
            createdAt: now,
            updatedAt: now,
          };
        }),
      );
      return people;
    },
    async sent(touser) {
      const res = await fetch(`${cloud.url}/v1/outbox`);
      const all = (await res.json()) as { apiName: string; data: SentMessage }[];
      return all
        .filter((e) => e.apiName === 'subscribeMessage.send')
        .map((e) => e.data)
        .filter((m) => !touser || m.touser === touser);
    },
    async faults(body) {
      await fetch(`${cloud.url}/v1/outbox/faults`, { method: 'POST', body: JSON.stringify(body) });
    },
    async outboxDocs() {
      const res = (await cloud.db.handle('database.getDocument', {
        collectionName: 'outbox',
        queryType: 'WHERE',
        query: JSON.stringify({}),
        limit: 1000,
      })) as { list: string[] };
      return res.list.map((text) => parseEjson(text) as OutboxDoc);
    },
  };
}
