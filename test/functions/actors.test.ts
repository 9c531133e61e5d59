// Who did something is stored one way everywhere (`createdBy`, `recordedBy`, an adjustment's `by`): the caller's
// volunteerId, or `hq` when headquarters acts without a volunteer profile — never an openid.
import type { InviteResponse } from '../../typings/api/brigades';
import type { Brigade, Post } from '../../typings/entities';
import { HQ, ok } from './helpers';
import { timebankWorld, type TimebankWorld } from './timebank-world';

let w: TimebankWorld;
let post: Post;

beforeAll(async () => {
  w = await timebankWorld();
  await w.register('vol');
  post = await w.served(['vol']);
  const entries = [{ volunteerId: w.people.vol.volunteerId, rating: 5 }];
  await ok(w.cloud, 'timebank', 'record', { postId: post.postId, entries }, 'leader');
}, 60_000);
afterAll(() => w.cloud.stop());

const createdBy = async (collection: string, _id: string) =>
  (await w.docs<{ createdBy: string }>(collection, { _id }))[0].createdBy;

it("stores the leader's volunteerId on the posts, invites and service records they make", async () => {
  const leader = w.people.leader.volunteerId;
  const invite = await ok<InviteResponse>(w.cloud, 'brigades', 'invite', { brigadeId: w.brigade.brigadeId }, 'leader');
  const [record] = await w.docs<{ recordedBy: string }>('service_records', { postId: post.postId });
  expect({
    post: await createdBy('posts', post.postId),
    invite: await createdBy('invites', invite.code),
    record: record.recordedBy,
  }).toEqual({ post: leader, invite: leader, record: leader });
});

it('stores hq without a volunteer profile as `hq` on the brigades it creates and the corrections it makes', async () => {
  const volunteerId = w.people.vol.volunteerId;
  const request = { postId: post.postId, volunteerId, minutes: 50, reason: '按实际时间更正', requestId: 'adjust-hq-1' };
  await ok(w.cloud, 'timebank', 'adjust', request, HQ);
  const [record] = await w.docs<{ adjustments: { by: string }[] }>('service_records', { postId: post.postId });
  expect({
    brigade: await createdBy('brigades', w.brigade.brigadeId),
    adjustment: record.adjustments.map((a) => a.by),
  }).toEqual({ brigade: 'hq', adjustment: ['hq'] });
});

it("stores a registered hq's volunteerId on the brigades they create", async () => {
  const hq = await w.register(HQ, { name: '总队干事' });
  const brigade = await ok<Brigade>(
    w.cloud,
    'brigades',
    'create',
    { name: '东区博爱大队', town: '东区', joinMode: 'open' },
    HQ,
  );
  expect(await createdBy('brigades', brigade.brigadeId)).toBe(hq.volunteerId);
});
