// 我的报名 shows each past post with what was recorded for me, read with the page in a fixed number of requests.
import type { MyPost } from '../../typings/api/posts';
import type { Page } from '../../typings/entities';
import { call, ok } from './helpers';
import { timebankWorld, type TimebankWorld } from './timebank-world';

let w: TimebankWorld;

beforeAll(async () => {
  w = await timebankWorld();
  await w.register('mine-vol', { name: '录入人' });
  await w.register('mine-other', { name: '同伴' });
  const recorded = await w.served(['mine-vol', 'mine-other']);
  const id = (openid: string) => w.people[openid].volunteerId;
  const entries = [
    { volunteerId: id('mine-vol'), minutes: 90, rating: 4 },
    { volunteerId: id('mine-other'), minutes: 30, rating: 5 },
  ];
  await ok(w.cloud, 'timebank', 'record', { postId: recorded.postId, entries }, 'leader');
  for (let i = 0; i < 3; i += 1) await w.served(['mine-vol']);
}, 60_000);
afterAll(() => w.cloud.stop());

const past = (pageSize: number) => call<Page<MyPost>>(w.cloud, 'posts', 'mine', { past: true, pageSize }, 'mine-vol');

describe('posts.mine with my records', () => {
  it('gives the recorded post my minutes and rating, and the others none', async () => {
    const reply = await past(10);
    const items = reply.body.ok ? reply.body.data.items : [];
    expect(items).toHaveLength(4);
    const recorded = items.filter((p) => p.myRecord);
    expect(recorded).toHaveLength(1);
    expect(recorded[0].myRecord).toMatchObject({ status: 'attended', minutes: 90, rating: 4 });
    expect(recorded[0].myRecord?.recordedAt).toBeGreaterThan(0);
  });

  it('makes the same small number of requests for a page of one as for a page of four', async () => {
    const one = await past(1);
    const four = await past(10);
    expect(one.metrics.requests).toBe(four.metrics.requests);
    expect(four.metrics.requests).toBeLessThanOrEqual(4);
  });
});
