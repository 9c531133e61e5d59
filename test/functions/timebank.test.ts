// timebank: recording with defaults from check-in/out, absences, repeats, adjustments, transfers, the proof,
// who may do what, and the request budgets.
import type { BrigadeStatsResponse } from '../../typings/api/stats';
import type { BalanceResponse, ProofResponse, RecordResponse, VerifyProofResponse } from '../../typings/api/timebank';
import type { LedgerEntry, Page, Post, ServiceRecord } from '../../typings/entities';
import type { Brigade, Profile } from '../../typings/entities';
import { HQ, call, fails, ok } from './helpers';
import { expectBooksBalance, timebankWorld, type TimebankWorld } from './timebank-world';

let w: TimebankWorld;
let post: Post;
let other: Brigade;
const id = (openid: string) => w.people[openid].volunteerId;
const balance = (openid: string) => ok<BalanceResponse>(w.cloud, 'timebank', 'balance', {}, openid);

beforeAll(async () => {
  w = await timebankWorld();
  for (const p of ['a', 'b', 'c', 'd', 'e', 'x']) await w.register(`vol-${p}`, { name: `义工${p}` });
  await w.register('other-leader', { name: '吴队长' });
  other = await ok<Brigade>(
    w.cloud,
    'brigades',
    'create',
    { name: '东区博爱大队', town: '东区', joinMode: 'open' },
    HQ,
  );
  await ok(
    w.cloud,
    'brigades',
    'setLeader',
    { brigadeId: other.brigadeId, cardNo: w.people['other-leader'].cardNo },
    HQ,
  );
  // a: in at +10, out at +70 → 60 min; b: in, never out → until the end, 110 min; c, d, e: never checked in.
  post = await w.served(['vol-a', 'vol-b', 'vol-c', 'vol-d', 'vol-e'], {
    checkin: ['vol-a', 'vol-b'],
    checkout: ['vol-a'],
  });
}, 60_000);
afterAll(() => w.cloud.stop());

describe('timebank.record', () => {
  it('records the roster with minutes defaulting to the checked-in overlap, and absences', async () => {
    const reply = await call<RecordResponse>(
      w.cloud,
      'timebank',
      'record',
      {
        postId: post.postId,
        entries: [
          { volunteerId: id('vol-a'), rating: 5 },
          { volunteerId: id('vol-b'), rating: 4 },
          { volunteerId: id('vol-c'), rating: 3, minutes: 90, reason: '现场未扫码签到' },
          { volunteerId: id('vol-d'), absent: true },
        ],
      },
      'leader',
    );
    expect(reply.body).toEqual({ ok: true, data: { recorded: 4, unchanged: 0 } });
    // A roster costs a few requests per entry (fixed overhead + ≤ 7 per attendee).
    expect(reply.metrics.requests).toBeLessThanOrEqual(12 + 7 * 4);
    expect(await balance('vol-a')).toEqual({
      balanceMinutes: 60,
      earnedMinutes: 60,
      donatedMinutes: 0,
      receivedMinutes: 0,
      trainingMinutes: 0,
      heldMinutes: 0,
    });
    expect((await balance('vol-b')).balanceMinutes).toBe(110);
    expect((await balance('vol-c')).balanceMinutes).toBe(90);
    expect((await balance('vol-d')).balanceMinutes).toBe(0);
    const page = await ok<Page<LedgerEntry>>(w.cloud, 'timebank', 'ledger', {}, 'vol-a');
    expect(page.items).toEqual([
      expect.objectContaining({
        kind: 'credit',
        minutes: 60,
        counterparty: w.brigade.name,
        note: post.title,
        postId: post.postId,
      }),
    ]);
    const me = await ok<{ earnedMinutes: number; balanceMinutes: number }>(w.cloud, 'volunteers', 'me', {}, 'vol-b');
    expect(me).toMatchObject({ earnedMinutes: 110, balanceMinutes: 110 });
    const [absent] = await w.docs<{ status: string; minutes: number; rating?: number }>('service_records', {
      _id: `${post.postId}:${id('vol-d')}`,
    });
    expect(absent).toMatchObject({ status: 'absent', minutes: 0 });
    expect(absent.rating).toBeUndefined();
    const { accounts } = await expectBooksBalance(w);
    expect(accounts.find((a) => a._id === `brigade:${w.brigade.brigadeId}`)?.balance).toBe(-260);
  });

  it('counts the same values again as unchanged and credits nothing', async () => {
    const again = await ok<RecordResponse>(
      w.cloud,
      'timebank',
      'record',
      {
        postId: post.postId,
        entries: [
          { volunteerId: id('vol-a'), rating: 5 },
          { volunteerId: id('vol-c'), rating: 3, minutes: 90, reason: '现场未扫码签到' },
          { volunteerId: id('vol-d'), absent: true },
        ],
      },
      'leader',
    );
    expect(again).toEqual({ recorded: 0, unchanged: 3 });
    expect((await balance('vol-a')).balanceMinutes).toBe(60);
  });

  it('refuses a different value for a recorded attendee, names them, points to 调整, and writes nothing', async () => {
    const error = await fails(
      w.cloud,
      'timebank',
      'record',
      {
        postId: post.postId,
        entries: [
          { volunteerId: id('vol-e'), rating: 4, minutes: 30, reason: '现场未扫码签到' },
          { volunteerId: id('vol-a'), rating: 5, minutes: 120 },
        ],
      },
      'leader',
    );
    expect(error.code).toBe('FAILED_PRECONDITION');
    expect(error.message).toContain('义工a');
    expect(error.message).toContain('调整');
    expect((await balance('vol-e')).balanceMinutes).toBe(0);
    expect(await w.docs('service_records', { volunteerId: id('vol-e') })).toEqual([]);
  });

  it('refuses people without a confirmed sign-up, missing ratings and duplicates', async () => {
    const notSigned = await fails(
      w.cloud,
      'timebank',
      'record',
      { postId: post.postId, entries: [{ volunteerId: id('vol-x'), rating: 4 }] },
      'leader',
    );
    expect(notSigned.code).toBe('FAILED_PRECONDITION');
    const noRating = await fails(
      w.cloud,
      'timebank',
      'record',
      { postId: post.postId, entries: [{ volunteerId: id('vol-e') }] },
      'leader',
    );
    expect(noRating).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请为义工e评分（1–5 星）' });
    const tooLong = await fails(
      w.cloud,
      'timebank',
      'record',
      { postId: post.postId, entries: [{ volunteerId: id('vol-e'), rating: 4, minutes: 1441 }] },
      'leader',
    );
    expect(tooLong.code).toBe('INVALID_ARGUMENT');
    const twice = await fails(
      w.cloud,
      'timebank',
      'record',
      {
        postId: post.postId,
        entries: [
          { volunteerId: id('vol-e'), rating: 4 },
          { volunteerId: id('vol-e'), rating: 4 },
        ],
      },
      'leader',
    );
    expect(twice.code).toBe('INVALID_ARGUMENT');
  });

  it('opens only from the post’s start', async () => {
    const upcoming = await w.post({ startAt: w.now() + 5 * 3_600_000, endAt: w.now() + 6 * 3_600_000 });
    await ok(w.cloud, 'posts', 'signup', { postId: upcoming.postId }, 'vol-x');
    const error = await fails(
      w.cloud,
      'timebank',
      'record',
      { postId: upcoming.postId, entries: [{ volunteerId: id('vol-x'), rating: 4 }] },
      'leader',
    );
    expect(error).toMatchObject({ code: 'FAILED_PRECONDITION', message: '服务开始后才能录入服务情况' });
  });
});

describe('timebank.adjust', () => {
  it('writes a reversing pair and the corrected one, keeps the history, and is idempotent by requestId', async () => {
    const request = {
      postId: post.postId,
      volunteerId: id('vol-b'),
      minutes: 100,
      rating: 5,
      reason: '签退漏扫，按实际离开时间更正',
      requestId: 'adjust-b-0001',
    };
    const record = await ok<ServiceRecord>(w.cloud, 'timebank', 'adjust', request, 'leader');
    expect(record).toMatchObject({ minutes: 100, rating: 5, status: 'attended' });
    expect(await ok<ServiceRecord>(w.cloud, 'timebank', 'adjust', request, 'leader')).toEqual(record);
    expect(await balance('vol-b')).toMatchObject({ balanceMinutes: 100, earnedMinutes: 100 });
    const entries = await w.docs<{ minutes: number; kind: string; note?: string }>('ledger', {
      accountId: `volunteer:${id('vol-b')}`,
    });
    expect(entries.map((e) => [e.kind, e.minutes])).toEqual([
      ['credit', 110],
      ['adjustment', -110],
      ['adjustment', 100],
    ]);
    const [stored] = await w.docs<{ adjustments: { reason: string; fromMinutes: number; toMinutes: number }[] }>(
      'service_records',
      { _id: `${post.postId}:${id('vol-b')}` },
    );
    expect(stored.adjustments).toEqual([
      expect.objectContaining({ reason: request.reason, fromMinutes: 110, toMinutes: 100 }),
    ]);
    await expectBooksBalance(w);
  });

  it('answers a repeat with its first result even after later corrections, and refuses a changed repeat', async () => {
    const first = {
      postId: post.postId,
      volunteerId: id('vol-b'),
      minutes: 95,
      rating: 5,
      reason: '按签到记录复核',
      requestId: 'adjust-b-0002',
    };
    const shown = await ok<ServiceRecord>(w.cloud, 'timebank', 'adjust', first, 'leader');
    expect(shown).toMatchObject({ minutes: 95, rating: 5 });
    const back = { ...first, minutes: 100, reason: '复核有误，恢复', requestId: 'adjust-b-0003' };
    expect(await ok<ServiceRecord>(w.cloud, 'timebank', 'adjust', back, 'leader')).toMatchObject({ minutes: 100 });
    // The first call repeated: its own answer (95), not the record as it stands now, and nothing posted again.
    expect(await ok<ServiceRecord>(w.cloud, 'timebank', 'adjust', first, 'leader')).toEqual(shown);
    for (const changed of [{ minutes: 30 }, { rating: 2 }, { reason: '别的原因' }]) {
      const error = await fails(w.cloud, 'timebank', 'adjust', { ...first, ...changed }, 'leader');
      expect(error).toMatchObject({ code: 'ALREADY_EXISTS', message: '该请求编号已用于另一次调整，请关闭后重新发起' });
    }
    expect(await balance('vol-b')).toMatchObject({ balanceMinutes: 100, earnedMinutes: 100 });
    const [stored] = await w.docs<{ minutes: number; adjustments: unknown[] }>('service_records', {
      _id: `${post.postId}:${id('vol-b')}`,
    });
    expect(stored).toMatchObject({ minutes: 100 });
    expect(stored.adjustments).toHaveLength(3);
    await expectBooksBalance(w);
  });

  it('lets hq adjust, turns an absence into attendance, and requires a reason', async () => {
    const noReason = await fails(
      w.cloud,
      'timebank',
      'adjust',
      { postId: post.postId, volunteerId: id('vol-d'), minutes: 45, rating: 4, requestId: 'adjust-d-0001' },
      HQ,
    );
    expect(noReason.code).toBe('INVALID_ARGUMENT');
    const record = await ok<ServiceRecord>(
      w.cloud,
      'timebank',
      'adjust',
      {
        postId: post.postId,
        volunteerId: id('vol-d'),
        minutes: 45,
        rating: 4,
        reason: '误记缺席',
        requestId: 'adjust-d-0001',
      },
      HQ,
    );
    expect(record).toMatchObject({ status: 'attended', minutes: 45, rating: 4 });
    expect((await balance('vol-d')).balanceMinutes).toBe(45);
    // Now served: the active-volunteer count sees them, as a recount of the records does.
    const [d] = await w.docs<{ lastServedAt?: number }>('volunteers', { _id: id('vol-d') });
    expect(d.lastServedAt).toBe(post.startAt);
  });

  it('takes back what was over-credited even after a gift: balance to zero, the rest written off', async () => {
    await ok(
      w.cloud,
      'timebank',
      'transfer',
      { toCardNo: w.people['vol-e'].cardNo, minutes: 80, requestId: 'gift-c-to-e-01' },
      'vol-c',
    );
    const record = await ok<ServiceRecord>(
      w.cloud,
      'timebank',
      'adjust',
      { postId: post.postId, volunteerId: id('vol-c'), minutes: 0, reason: '未实际参加', requestId: 'adjust-c-0001' },
      'leader',
    );
    expect(record).toMatchObject({ minutes: 0 });
    // Earned minutes (stars) drop by all 90; the balance only by the 10 still held.
    expect(await balance('vol-c')).toMatchObject({ balanceMinutes: 0, earnedMinutes: 0, donatedMinutes: 80 });
    expect((await balance('vol-e')).balanceMinutes).toBe(80);
    const [c] = await w.docs<{ earnedMinutes: number; lastServedAt?: number }>('volunteers', { _id: id('vol-c') });
    expect(c.earnedMinutes).toBe(0);
    expect(c.lastServedAt).toBeUndefined();
    const entries = await w.docs<{ minutes: number; kind: string; note?: string }>('ledger', {
      accountId: `volunteer:${id('vol-c')}`,
    });
    expect(entries.map((e) => [e.kind, e.minutes])).toEqual([
      ['credit', 90],
      ['transfer', -80],
      ['adjustment', -90],
      ['adjustment', 80],
    ]);
    expect(entries[3].note).toBe('核销：80 分钟已转赠，无法扣回');
    // The write-off is a pair against the brigade: it still stands behind the 80 minutes in circulation.
    const [writeOff] = await w.docs<{ minutes: number }>('ledger', {
      accountId: `brigade:${w.brigade.brigadeId}`,
      note: '核销：80 分钟已转赠，无法扣回',
    });
    expect(writeOff.minutes).toBe(-80);
    await expectBooksBalance(w);
  });

  it('refuses anyone adjusting their own minutes, and a risky reason', async () => {
    const own = await fails(
      w.cloud,
      'timebank',
      'adjust',
      { postId: post.postId, volunteerId: id('leader'), minutes: 600, reason: '补记', requestId: 'adjust-own-0001' },
      'leader',
    );
    expect(own).toMatchObject({
      code: 'PERMISSION_DENIED',
      message: '不能调整自己的服务时长，请由大队的其他负责人或总队调整',
    });
    const risky = await fails(
      w.cloud,
      'timebank',
      'adjust',
      { postId: post.postId, volunteerId: id('vol-a'), minutes: 61, reason: '赌博输了', requestId: 'adjust-risky-01' },
      'leader',
    );
    expect(risky.code).toBe('INVALID_ARGUMENT');
    expect((await balance('vol-a')).earnedMinutes).toBe(60);
  });
});

describe('timebank.transfer', () => {
  it('refuses a note that fails the content check, and moves nothing', async () => {
    const before = await balance('vol-a');
    const reply = await call(
      w.cloud,
      'timebank',
      'transfer',
      { toCardNo: w.people['vol-d'].cardNo, minutes: 5, note: '一起去赌博', requestId: 'gift-risky-note' },
      'vol-a',
    );
    expect(reply.body).toMatchObject({
      ok: false,
      code: 'INVALID_ARGUMENT',
      fields: { note: '内容含有不适宜发布的信息，请修改' },
    });
    expect(await balance('vol-a')).toEqual(before);
  });

  it('donates by card number, once per requestId, never beyond the balance, never to oneself', async () => {
    const request = {
      toCardNo: w.people['vol-d'].cardNo,
      minutes: 20,
      note: '给邻居阿婆',
      requestId: 'gift-a-to-d-01',
    };
    const reply = await call<LedgerEntry>(w.cloud, 'timebank', 'transfer', request, 'vol-a');
    expect(reply.body.ok).toBe(true);
    const entry = (reply.body as { data: LedgerEntry }).data;
    expect(entry).toMatchObject({ kind: 'transfer', minutes: -20, note: '给邻居阿婆' });
    expect(entry.counterparty).toBe(`义工d（${w.people['vol-d'].cardNo}）`);
    expect(reply.metrics.requests).toBeLessThanOrEqual(10);
    expect(await ok<LedgerEntry>(w.cloud, 'timebank', 'transfer', request, 'vol-a')).toEqual(entry);
    // The same requestId with another card or amount is refused and names nobody (no enumerating by card number).
    for (const changed of [{ toCardNo: w.people['vol-e'].cardNo }, { minutes: 5 }, { note: '别的留言' }]) {
      const error = await fails(w.cloud, 'timebank', 'transfer', { ...request, ...changed }, 'vol-a');
      const { requestId: _trace, ...shown } = error as typeof error & { requestId?: string };
      expect(shown).toEqual({
        ok: false,
        code: 'ALREADY_EXISTS',
        message: '该请求编号已用于另一笔转赠，请返回重新发起',
      });
    }
    expect((await balance('vol-e')).receivedMinutes).toBe(80);
    expect(await balance('vol-a')).toEqual({
      balanceMinutes: 40,
      earnedMinutes: 60,
      donatedMinutes: 20,
      receivedMinutes: 0,
      trainingMinutes: 0,
      heldMinutes: 0,
    });
    expect(await balance('vol-d')).toMatchObject({ balanceMinutes: 65, receivedMinutes: 20, earnedMinutes: 45 });
    const tooMuch = await fails(
      w.cloud,
      'timebank',
      'transfer',
      { toCardNo: w.people['vol-d'].cardNo, minutes: 41, requestId: 'gift-a-to-d-02' },
      'vol-a',
    );
    expect(tooMuch).toMatchObject({ code: 'FAILED_PRECONDITION', message: '余额不足：当前可转赠 40 分钟' });
    const self = await fails(
      w.cloud,
      'timebank',
      'transfer',
      { toCardNo: w.people['vol-a'].cardNo, minutes: 1, requestId: 'gift-a-to-a-01' },
      'vol-a',
    );
    expect(self.code).toBe('INVALID_ARGUMENT');
    const nobody = await fails(
      w.cloud,
      'timebank',
      'transfer',
      { toCardNo: 'ZSBA-2026-999999', minutes: 1, requestId: 'gift-a-to-z-01' },
      'vol-a',
    );
    expect(nobody.code).toBe('NOT_FOUND');
    const fractional = await fails(
      w.cloud,
      'timebank',
      'transfer',
      { toCardNo: w.people['vol-d'].cardNo, minutes: 1.5, requestId: 'gift-a-to-d-03' },
      'vol-a',
    );
    expect(fractional.code).toBe('INVALID_ARGUMENT');
    // Received minutes are not service: stars count earned minutes only.
    const me = await ok<{ earnedMinutes: number }>(w.cloud, 'volunteers', 'me', {}, 'vol-d');
    expect(me.earnedMinutes).toBe(45);
    await expectBooksBalance(w);
  });

  it('pages the ledger newest first with a cursor', async () => {
    const first = await call<Page<LedgerEntry>>(w.cloud, 'timebank', 'ledger', { pageSize: 1 }, 'vol-a');
    expect(first.metrics.requests).toBeLessThanOrEqual(4);
    const page1 = (first.body as { data: Page<LedgerEntry> }).data;
    expect(page1.items.map((e) => e.kind)).toEqual(['transfer']);
    const page2 = await ok<Page<LedgerEntry>>(
      w.cloud,
      'timebank',
      'ledger',
      { pageSize: 1, cursor: page1.nextCursor },
      'vol-a',
    );
    expect(page2.items.map((e) => e.kind)).toEqual(['credit']);
    expect(page2.nextCursor).toBeUndefined();
  });
});

describe('timebank.proof', () => {
  it('issues a numbered proof with the records, and anyone can verify it', async () => {
    const reply = await call<ProofResponse>(w.cloud, 'timebank', 'proof', {}, 'vol-b');
    // Issuing stores the snapshot (lookup, then counter and insert in one transaction); reopening reads it (≤ 3).
    expect(reply.metrics.requests).toBeLessThanOrEqual(8);
    const proof = (reply.body as { data: ProofResponse }).data;
    expect(proof).toMatchObject({
      name: '义工b',
      cardNo: w.people['vol-b'].cardNo,
      totalMinutes: 100,
      brigades: [w.brigade.name],
      records: [{ brigadeName: w.brigade.name, postTitle: post.title, minutes: 100, serviceDate: post.startAt }],
    });
    expect(proof.proofNo).toMatch(/^ZSBA-ZM-2026-\d{6}$/);
    const second = await ok<ProofResponse>(w.cloud, 'timebank', 'proof', {}, 'vol-b');
    expect(second.proofNo).toBe(proof.proofNo); // the same facts give the same proof
    const verified = await ok<VerifyProofResponse>(
      w.cloud,
      'timebank',
      'verifyProof',
      { token: proof.token },
      'stranger',
    );
    const { token: _token, ...shown } = proof;
    expect(verified).toEqual({ valid: true, superseded: false, ...shown });
  });

  it('rejects a forged or edited token', async () => {
    const proof = await ok<ProofResponse>(w.cloud, 'timebank', 'proof', {}, 'vol-a');
    const [body, mac] = proof.token.split('.');
    const payload = JSON.parse(Buffer.from(body, 'base64url').toString());
    const edited = `${Buffer.from(JSON.stringify({ ...payload, m: 99_999 })).toString('base64url')}.${mac}`;
    for (const token of [edited, `${body}.${'A'.repeat(mac.length)}`, 'nonsense']) {
      const error = await fails(w.cloud, 'timebank', 'verifyProof', { token }, 'stranger');
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', message: '服务证明二维码无效或已被篡改' });
    }
  });
});

describe('who may do what', () => {
  const recordAs = (openid: string) =>
    call(
      w.cloud,
      'timebank',
      'record',
      {
        postId: post.postId,
        entries: [{ volunteerId: id('vol-e'), rating: 4, minutes: 30, reason: '手机没电未签到' }],
      },
      openid,
    );
  const adjustAs = (openid: string, minutes = 61) =>
    call(
      w.cloud,
      'timebank',
      'adjust',
      { postId: post.postId, volunteerId: id('vol-a'), minutes, reason: '核对', requestId: `matrix-${openid}` },
      openid,
    );
  const codeOf = (r: { body: { ok: boolean; code?: string } }) => (r.body.ok ? 'ok' : r.body.code);

  it.each([
    ['a visitor', 'visitor-1', 'UNAUTHENTICATED', 'PERMISSION_DENIED'],
    ['a volunteer', 'vol-x', 'PERMISSION_DENIED', 'PERMISSION_DENIED'],
    ['the leader of another brigade', 'other-leader', 'PERMISSION_DENIED', 'PERMISSION_DENIED'],
    ['hq (not registered)', HQ, 'UNAUTHENTICATED', 'ok'],
  ])('%s: record → %s, adjust → %s', async (_who, openid, record, adjust) => {
    expect(codeOf(await recordAs(openid))).toBe(record);
    expect(codeOf(await adjustAs(openid))).toBe(adjust);
  });

  it('the leader may record and adjust', async () => {
    expect(codeOf(await recordAs('leader'))).toBe('ok');
    expect(codeOf(await adjustAs('leader', 62))).toBe('ok');
  });

  it('balance, ledger, transfer and proof need registration; verifyProof does not', async () => {
    for (const action of ['balance', 'ledger', 'proof']) {
      expect((await fails(w.cloud, 'timebank', action, {}, 'visitor-1')).code).toBe('UNAUTHENTICATED');
    }
    const transfer = await fails(
      w.cloud,
      'timebank',
      'transfer',
      { toCardNo: w.people['vol-a'].cardNo, minutes: 1, requestId: 'visitor-gift-1' },
      'visitor-1',
    );
    expect(transfer.code).toBe('UNAUTHENTICATED');
  });
});

describe('request budgets', () => {
  it.each([
    ['balance', {}],
    ['ledger', { pageSize: 20 }],
  ])('%s stays within a few requests', async (action, params) => {
    const reply = await call(w.cloud, 'timebank', action, params, 'vol-a');
    expect(reply.body.ok).toBe(true);
    expect(reply.metrics.requests).toBeLessThanOrEqual(4);
  });

  it('a repeated profile still reads as registered (sanity of the world)', async () => {
    const me = await ok<{ registered: boolean; profile: Profile }>(w.cloud, 'volunteers', 'me', {}, 'vol-a');
    expect(me.registered).toBe(true);
  });
});

describe('records stay honest', () => {
  interface StoredRecord {
    brigadeId: string;
    status: string;
    minutes: number;
    capMinutes?: number;
    checkedIn?: boolean;
    reason?: string;
  }

  it('needs a reason beyond the post’s length or without a check-in, and refuses recording oneself', async () => {
    // vol-x: in at +10, out at +70 (60 min); vol-a never checked in; the leader signed up too.
    const served = await w.served(['vol-x', 'vol-a', 'leader'], { checkin: ['vol-x', 'leader'] });
    const record = (entries: object[]) =>
      call(w.cloud, 'timebank', 'record', { postId: served.postId, entries }, 'leader');
    const overCap = await record([{ volunteerId: id('vol-x'), rating: 5, minutes: 1440 }]);
    expect(overCap.body).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '义工x的时长超过活动时长（120 分钟），请填写原因',
    });
    const unchecked = await record([{ volunteerId: id('vol-a'), rating: 5, minutes: 60 }]);
    expect(unchecked.body).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: '义工a没有签到，请填写录入原因（如：现场未扫码签到）',
    });
    const self = await record([
      { volunteerId: id('vol-x'), rating: 5 },
      { volunteerId: id('leader'), rating: 5 },
    ]);
    expect(self.body).toMatchObject({
      code: 'PERMISSION_DENIED',
      message: '不能录入自己的服务时长，请由大队的其他负责人录入',
    });
    const risky = await record([{ volunteerId: id('vol-a'), rating: 5, minutes: 60, reason: '代开发票' }]);
    expect(risky.body).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(await w.docs('service_records', { postId: served.postId })).toEqual([]);

    const done = await record([
      { volunteerId: id('vol-x'), rating: 5, minutes: 150, reason: '活动延长至 12 点' },
      { volunteerId: id('vol-a'), rating: 4, minutes: 60, reason: '现场未扫码签到' },
    ]);
    expect(done.body).toEqual({ ok: true, data: { recorded: 2, unchanged: 0 } });
    const stored = await w.docs<StoredRecord>('service_records', { postId: served.postId });
    expect(stored.map((r) => [r.minutes, r.capMinutes, r.checkedIn, r.reason]).sort()).toEqual([
      [150, 120, true, '活动延长至 12 点'],
      [60, 120, false, '现场未扫码签到'],
    ]);
  });

  it('shows them in the brigade’s figures, as a recount of the records gives', async () => {
    const records = (await w.docs<StoredRecord>('service_records', { brigadeId: w.brigade.brigadeId })).filter(
      (r) => r.status === 'attended',
    );
    const over = records.filter((r) => r.capMinutes !== undefined && r.minutes > r.capMinutes);
    const unchecked = records.filter((r) => r.checkedIn === false && r.minutes > 0);
    const figures = await ok<BrigadeStatsResponse>(
      w.cloud,
      'stats',
      'brigade',
      { brigadeId: w.brigade.brigadeId },
      'leader',
    );
    expect(figures).toMatchObject({
      overCapRecords: over.length,
      overCapMinutes: over.reduce((s, r) => s + r.minutes - (r.capMinutes ?? 0), 0),
      uncheckedRecords: unchecked.length,
      uncheckedMinutes: unchecked.reduce((s, r) => s + r.minutes, 0),
    });
    expect(figures.overCapRecords).toBeGreaterThanOrEqual(1);
    expect(figures.uncheckedRecords).toBeGreaterThanOrEqual(2);
    expect(await ok(w.cloud, 'stats', 'reconcile', {}, HQ)).toMatchObject({ repaired: 0 });
  });
});
