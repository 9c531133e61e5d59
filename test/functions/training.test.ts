// trainings (培训): posts of kind training, recording and adjusting them as training minutes (never stars, earned
// minutes or the balance, never in the ledger), 我的培训, the card and the proof, who may do what, and bad input.
import type { CreatePostRequest } from '../../typings/api/posts';
import type { BalanceResponse, ProofResponse, TrainingRecord, VerifyProofResponse } from '../../typings/api/timebank';
import type { CardResponse, MeResponse } from '../../typings/api/volunteers';
import type { LedgerEntry, Page, Post, ServiceRecord } from '../../typings/entities';
import { fails, ok } from './helpers';
import { HOUR } from './posts-fixture';
import { timebankWorld, type TimebankWorld } from './timebank-world';

let w: TimebankWorld;
let training: Post;
const id = (openid: string) => w.people[openid].volunteerId;
const balance = (openid: string) => ok<BalanceResponse>(w.cloud, 'timebank', 'balance', {}, openid);
const trainingsOf = (openid: string, params: object = {}) =>
  ok<Page<TrainingRecord>>(w.cloud, 'timebank', 'trainings', params, openid);

const TRAINING: Partial<CreatePostRequest> = {
  kind: 'training',
  category: '培训',
  title: '急救技能培训',
  description: '红十字会老师讲授心肺复苏和 AED 使用，现场练习。',
  topic: '心肺复苏与AED',
  trainer: '李医生',
};

beforeAll(async () => {
  w = await timebankWorld();
  for (const p of ['a', 'b', 'c', 'd']) await w.register(`t-${p}`, { name: `学员${p}` });
  // a: in at +10, out at +70 → 60 min; b: in, never out → 110 min; c never checked in.
  training = await w.served(['t-a', 't-b', 't-c'], { checkin: ['t-a', 't-b'], checkout: ['t-a'], post: TRAINING });
}, 60_000);
afterAll(() => w.cloud.stop());

describe('posts of kind training', () => {
  it('carry the topic, the trainer and the category 培训, for everyone to see', async () => {
    expect(training).toMatchObject({ kind: 'training', category: '培训', topic: '心肺复苏与AED', trainer: '李医生' });
    const seen = await ok<Post>(w.cloud, 'posts', 'get', { postId: training.postId }, 't-d');
    expect(seen).toMatchObject({ kind: 'training', topic: '心肺复苏与AED', trainer: '李医生' });
    // The category defaults to 培训 when a training leaves it out; a service stays a service.
    const { category: _c, ...withoutCategory } = TRAINING;
    expect(await w.post({ ...withoutCategory, category: undefined })).toMatchObject({ category: '培训' });
    expect(await w.post()).toMatchObject({ kind: 'service', category: '探访慰问' });
    expect((await w.post()).topic).toBeUndefined();
  });

  it('refuse a missing topic or trainer, another category, and training fields on a service, writing nothing', async () => {
    const before = await w.docs('posts');
    const cases: [Partial<CreatePostRequest>, string][] = [
      [{ ...TRAINING, topic: undefined }, '请填写培训主题'],
      [{ ...TRAINING, topic: '   ' }, '请填写培训主题'],
      [{ ...TRAINING, trainer: undefined }, '请填写讲师'],
      [{ ...TRAINING, topic: '主'.repeat(31) }, '培训主题不能超过 30 个字'],
      [{ ...TRAINING, trainer: '讲'.repeat(21) }, '讲师不能超过 20 个字'],
      [{ ...TRAINING, category: '义诊' }, '培训的服务类别须为“培训”'],
      [{ topic: '心肺复苏' }, '只有培训才填写培训主题'],
      [{ trainer: '李医生' }, '只有培训才填写讲师'],
      [{ category: '培训' }, '“培训”类别请把类型选为培训'],
      [{ category: undefined }, '请选择有效的服务类别'],
      [{ kind: 'lecture' as never }, '请选择有效的类型'],
    ];
    for (const [overrides, message] of cases) {
      const error = await fails(
        w.cloud,
        'posts',
        'create',
        {
          brigadeId: w.brigade.brigadeId,
          title: '探访独居长者',
          description: '上门陪伴聊天',
          category: '探访慰问',
          address: '石岐区悦来南路 1 号',
          startAt: w.now() + 48 * HOUR,
          endAt: w.now() + 50 * HOUR,
          quota: 3,
          ...overrides,
        },
        'leader',
      );
      expect({ overrides, code: error.code, message: error.message }).toEqual({
        overrides,
        code: 'INVALID_ARGUMENT',
        message,
      });
    }
    expect(await w.docs('posts')).toHaveLength(before.length);
  });

  it('keep their kind once published; topic and trainer can be corrected', async () => {
    const upcoming = await w.post(TRAINING);
    const error = await fails(w.cloud, 'posts', 'update', { postId: upcoming.postId, kind: 'service' }, 'leader');
    expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('不能更改类型') });
    const blank = await fails(w.cloud, 'posts', 'update', { postId: upcoming.postId, trainer: '' }, 'leader');
    expect(blank).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请填写讲师' });
    const fixed = await ok<Post>(w.cloud, 'posts', 'update', { postId: upcoming.postId, trainer: '王老师' }, 'leader');
    expect(fixed).toMatchObject({ kind: 'training', topic: '心肺复苏与AED', trainer: '王老师', category: '培训' });
  });

  it('are created by the brigade’s leaders only', async () => {
    const error = await fails(
      w.cloud,
      'posts',
      'create',
      {
        brigadeId: w.brigade.brigadeId,
        ...TRAINING,
        address: '石岐区',
        startAt: w.now() + 48 * HOUR,
        endAt: w.now() + 50 * HOUR,
        quota: 3,
      },
      't-d',
    );
    expect(error.code).toBe('PERMISSION_DENIED');
  });
});

describe('recording a training', () => {
  it('keeps the minutes as training minutes: no credit, no stars, no balance, nothing in the ledger', async () => {
    const refused = await fails(
      w.cloud,
      'timebank',
      'record',
      { postId: training.postId, entries: [{ volunteerId: id('t-a'), rating: 5 }] },
      't-d',
    );
    expect(refused.code).toBe('PERMISSION_DENIED');
    expect(await ok(w.cloud, 'timebank', 'record', recordRequest(), 'leader')).toEqual({ recorded: 3, unchanged: 0 });
    expect(await balance('t-a')).toEqual({
      balanceMinutes: 0,
      earnedMinutes: 0,
      donatedMinutes: 0,
      receivedMinutes: 0,
      trainingMinutes: 60,
      heldMinutes: 0,
    });
    expect((await balance('t-b')).trainingMinutes).toBe(110);
    expect((await balance('t-c')).trainingMinutes).toBe(0);
    const me = await ok<MeResponse>(w.cloud, 'volunteers', 'me', {}, 't-b');
    expect(me).toMatchObject({ stars: 0, earnedMinutes: 0, balanceMinutes: 0 });
    expect((await ok<Page<LedgerEntry>>(w.cloud, 'timebank', 'ledger', {}, 't-a')).items).toEqual([]);
    expect(await w.docs('ledger', { postId: training.postId })).toEqual([]);
    expect(await w.docs('accounts', { _id: `volunteer:${id('t-a')}` })).toEqual([]);
    const [record] = await w.docs('service_records', { _id: `${training.postId}:${id('t-a')}` });
    expect(record).toMatchObject({ kind: 'training', minutes: 60, topic: '心肺复苏与AED', trainer: '李医生' });
  });

  it('counts the same values again as unchanged', async () => {
    expect(await ok(w.cloud, 'timebank', 'record', recordRequest(), 'leader')).toEqual({ recorded: 0, unchanged: 3 });
    expect((await balance('t-a')).trainingMinutes).toBe(60);
  });

  it('adjusts training minutes only, an absent attendee included', async () => {
    const adjust = (openid: string, minutes: number, requestId: string) =>
      ok<ServiceRecord>(
        w.cloud,
        'timebank',
        'adjust',
        {
          postId: training.postId,
          volunteerId: id(openid),
          minutes,
          rating: 4,
          reason: '按签到表更正',
          requestId,
        },
        'leader',
      );
    expect(await adjust('t-a', 90, 'train-adjust-a1')).toMatchObject({ minutes: 90, status: 'attended' });
    expect(await adjust('t-a', 90, 'train-adjust-a1')).toMatchObject({ minutes: 90 });
    expect(await balance('t-a')).toMatchObject({ trainingMinutes: 90, balanceMinutes: 0, earnedMinutes: 0 });
    expect(await adjust('t-c', 30, 'train-adjust-c1')).toMatchObject({ minutes: 30, status: 'attended' });
    expect(await balance('t-c')).toMatchObject({ trainingMinutes: 30, balanceMinutes: 0, earnedMinutes: 0 });
    expect(await w.docs('ledger', { postId: training.postId })).toEqual([]);
    const bad = await fails(
      w.cloud,
      'timebank',
      'adjust',
      { postId: training.postId, volunteerId: id('t-a'), minutes: -5, reason: '更正', requestId: 'train-bad-0001' },
      'leader',
    );
    expect(bad.code).toBe('INVALID_ARGUMENT');
    const own = await fails(
      w.cloud,
      'timebank',
      'adjust',
      { postId: training.postId, volunteerId: id('t-a'), minutes: 10, reason: '更正', requestId: 'train-own-0001' },
      't-b',
    );
    expect(own.code).toBe('PERMISSION_DENIED');
    expect((await balance('t-a')).trainingMinutes).toBe(90);
  });
});

describe('我的培训 (timebank.trainings)', () => {
  it('lists the trainings attended, newest first, paged, and never a service', async () => {
    const service = await w.served(['t-a']);
    await ok(
      w.cloud,
      'timebank',
      'record',
      { postId: service.postId, entries: [{ volunteerId: id('t-a'), rating: 5 }] },
      'leader',
    );
    const second = await w.served(['t-a'], { post: { ...TRAINING, topic: '防溺水', trainer: '张教练' } });
    await ok(
      w.cloud,
      'timebank',
      'record',
      { postId: second.postId, entries: [{ volunteerId: id('t-a'), rating: 5 }] },
      'leader',
    );
    const first = await trainingsOf('t-a', { pageSize: 1 });
    expect(first.items).toEqual([
      {
        postId: second.postId,
        postTitle: '急救技能培训',
        topic: '防溺水',
        trainer: '张教练',
        brigadeName: w.brigade.name,
        serviceDate: second.startAt,
        minutes: 60,
      },
    ]);
    const rest = await trainingsOf('t-a', { pageSize: 1, cursor: first.nextCursor });
    expect(rest.items.map((t) => [t.topic, t.minutes])).toEqual([['心肺复苏与AED', 90]]);
    expect(rest.nextCursor).toBeUndefined();
    expect(await balance('t-a')).toMatchObject({ trainingMinutes: 150, balanceMinutes: 60, earnedMinutes: 60 });
    expect((await trainingsOf('t-d')).items).toEqual([]);
    expect((await fails(w.cloud, 'timebank', 'trainings', { pageSize: 51 }, 't-a')).code).toBe('INVALID_ARGUMENT');
    expect((await fails(w.cloud, 'timebank', 'trainings', {}, 'stranger')).code).toBe('UNAUTHENTICATED');
  });
});

describe('the card and the proof', () => {
  it('show training minutes apart from service, and a new training supersedes an older proof', async () => {
    const card = await ok<CardResponse>(w.cloud, 'volunteers', 'card', {}, 't-a');
    expect(card.trainingMinutes).toBe(150);
    const proof = await ok<ProofResponse>(w.cloud, 'timebank', 'proof', {}, 't-a');
    expect(proof.totalMinutes).toBe(60);
    expect(proof.records.map((r) => r.minutes)).toEqual([60]);
    expect(proof.trainingMinutes).toBe(150);
    expect(proof.trainings.map((t) => [t.topic, t.minutes])).toEqual([
      ['防溺水', 60],
      ['心肺复苏与AED', 90],
    ]);
    expect((await ok<ProofResponse>(w.cloud, 'timebank', 'proof', {}, 't-a')).proofNo).toBe(proof.proofNo);
    const third = await w.served(['t-a'], { post: { ...TRAINING, topic: '消防安全', trainer: '陈队长' } });
    await ok(
      w.cloud,
      'timebank',
      'record',
      { postId: third.postId, entries: [{ volunteerId: id('t-a'), rating: 5 }] },
      'leader',
    );
    const old = await ok<VerifyProofResponse>(w.cloud, 'timebank', 'verifyProof', { token: proof.token }, 't-d');
    expect(old).toMatchObject({ valid: true, superseded: true, trainingMinutes: 150 });
    const fresh = await ok<ProofResponse>(w.cloud, 'timebank', 'proof', {}, 't-a');
    expect(fresh.proofNo).not.toBe(proof.proofNo);
    expect(fresh).toMatchObject({ totalMinutes: 60, trainingMinutes: 210 });
  });
});

function recordRequest() {
  return {
    postId: training.postId,
    entries: [
      { volunteerId: id('t-a'), rating: 5 },
      { volunteerId: id('t-b'), rating: 4 },
      { volunteerId: id('t-c'), absent: true },
    ],
  };
}
