// A proof is a stored snapshot: the same facts give the same proof number, and a proof issued before a later
// record or correction verifies as superseded, with today's total.
import type { ProofResponse, VerifyProofResponse } from '../../typings/api/timebank';
import { call, ok } from './helpers';
import { timebankWorld, type TimebankWorld } from './timebank-world';

let w: TimebankWorld;

beforeAll(async () => {
  w = await timebankWorld();
  await w.register('proof-vol', { name: '证明人' });
  const post = await w.served(['proof-vol']);
  const entries = [{ volunteerId: w.people['proof-vol'].volunteerId, minutes: 60, rating: 5 }];
  await ok(w.cloud, 'timebank', 'record', { postId: post.postId, entries }, 'leader');
  correct = async (minutes: number) =>
    ok(
      w.cloud,
      'timebank',
      'adjust',
      {
        postId: post.postId,
        volunteerId: entries[0].volunteerId,
        minutes,
        reason: '核对签到',
        requestId: `proof-fix-${minutes}`,
      },
      'leader',
    );
});
afterAll(() => w.cloud.stop());

let correct: (minutes: number) => Promise<unknown>;
const proof = () => ok<ProofResponse>(w.cloud, 'timebank', 'proof', {}, 'proof-vol');
const verifyProof = (token: string) =>
  ok<VerifyProofResponse>(w.cloud, 'timebank', 'verifyProof', { token }, 'someone');

describe('service proofs', () => {
  let first: ProofResponse;

  it('gives the same proof each time the page opens while the facts are the same', async () => {
    first = await proof();
    const reply = await call<ProofResponse>(w.cloud, 'timebank', 'proof', {}, 'proof-vol');
    expect(reply.metrics.requests).toBeLessThanOrEqual(3);
    const again = (reply.body as { data: ProofResponse }).data;
    expect(again.proofNo).toBe(first.proofNo);
    expect(again.issuedAt).toBe(first.issuedAt);
    expect(await verifyProof(first.token)).toMatchObject({ superseded: false, totalMinutes: 60 });
    expect((await verifyProof(first.token)).currentTotalMinutes).toBeUndefined();
  });

  it('shows a proof issued before a correction as superseded, with the current total', async () => {
    await correct(45);
    const verified = await verifyProof(first.token);
    expect(verified).toMatchObject({
      valid: true,
      superseded: true,
      currentTotalMinutes: 45,
      proofNo: first.proofNo,
      totalMinutes: 60,
      records: [expect.objectContaining({ minutes: 60 })],
    });
    const fresh = await proof();
    expect(fresh.proofNo).not.toBe(first.proofNo);
    expect(fresh.totalMinutes).toBe(45);
    expect(await verifyProof(fresh.token)).toMatchObject({ superseded: false, totalMinutes: 45 });
  });
});
