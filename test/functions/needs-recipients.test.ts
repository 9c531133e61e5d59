// Recipients (服务对象): who may keep them, what is stored (encrypted), who reads what, and closing the record.
import type { NeedsApi } from '../../typings/api/needs';
import type { Page } from '../../typings/entities';
import type { Recipient } from '../../typings/needs';
import { call } from './helpers';
import { ADDRESS, GUARDIAN_PHONE, PHONE, needsWorld, recipientRequest, type NeedsWorld } from './needs-world';

type One = NeedsApi['recipient']['res'];
type Saved = NeedsApi['saveRecipient']['res'];

let w: NeedsWorld;
let chen: Saved;

beforeAll(async () => {
  w = await needsWorld();
  chen = await w.needs<Saved>('saveRecipient', recipientRequest(), 'coord');
});
afterAll(() => w.cloud.stop());

/** The volunteer on a service for 陈婆, as matching would have written it. */
async function pair(openid: string, status: 'offered' | 'accepted') {
  const volunteerId = w.people[openid].volunteerId;
  const doc = { planId: 'p1', serviceId: 's1', recipientId: chen.recipientId, volunteerId, status };
  await w.put('assignments', { _id: `p1:s1:${volunteerId}`, ...doc });
}

const count = async () => (await w.docs('recipients')).length;

describe('saveRecipient', () => {
  it('answers the display name, never the full name', () => {
    expect(chen.displayName).toBe('陈婆');
  });

  it('stores no name, address, phone or notes in plain text', async () => {
    const [raw] = await w.docs('recipients', { _id: chen.recipientId });
    const text = JSON.stringify(raw);
    for (const plain of ['陈桂英', ADDRESS, '悦来南路', PHONE, GUARDIAN_PHONE, '陈志强', '复诊', '22.52']) {
      expect(text).not.toContain(plain);
    }
    expect(raw).toMatchObject({ displayName: '陈婆', community: '悦来社区', categories: ['独居老人'] });
  });

  it('lets a leader keep a recipient of their own brigade, not one without it', async () => {
    const brigadeId = w.brigade.brigadeId;
    const own = await w.needs<Saved>(
      'saveRecipient',
      recipientRequest({ name: '李明轩', brigadeId, honorific: undefined, categories: ['特殊儿童'] }),
      'leader',
    );
    expect(own.displayName).toBe('李小朋友');
    expect((await w.refused('saveRecipient', recipientRequest(), 'leader')).code).toBe('PERMISSION_DENIED');
  });

  it.each([
    ['coordinator of another town', 'coord-east'],
    ['plain volunteer', 'vol'],
    ['leader of an unrelated brigade', 'other-leader'],
  ])('refuses the %s and writes nothing', async (_who, openid) => {
    const before = await count();
    // The other leader names a brigade they do not lead.
    const brigadeId = openid === 'other-leader' ? w.brigade.brigadeId : undefined;
    expect((await w.refused('saveRecipient', recipientRequest({ brigadeId }), openid)).code).toBe('PERMISSION_DENIED');
    const edit = recipientRequest({ recipientId: chen.recipientId, name: '改名' });
    expect((await w.refused('saveRecipient', edit, openid)).code).toBe('PERMISSION_DENIED');
    expect(await count()).toBe(before);
  });

  it.each([
    ['no category', { categories: [] }, '请至少选择一个服务对象类别'],
    ['a category not on the list', { categories: ['富人'] }, '请选择有效的服务对象类别'],
    ['an old notice version', { consent: { by: 'self', version: '2020-01' } }, '告知书'],
    ['a bad phone', { phone: '12345' }, '联系电话格式不正确'],
    ['a latitude without longitude', { lng: undefined }, '请同时提供经纬度'],
  ])('refuses %s with a clear message and writes nothing', async (_case, overrides, message) => {
    const before = await count();
    const reply = await w.refused('saveRecipient', { ...recipientRequest(), ...overrides }, 'coord');
    expect(reply).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining(message) });
    expect(await count()).toBe(before);
  });

  it('edits the record: the new address is what the coordinator reads back', async () => {
    const edit = recipientRequest({ recipientId: chen.recipientId, address: '石岐区民族路 2 号', honorific: '姨' });
    expect(await w.needs<Saved>('saveRecipient', edit, 'coord')).toEqual({
      recipientId: chen.recipientId,
      displayName: '陈姨',
    });
    const one = await w.needs<One>('recipient', { recipientId: chen.recipientId }, 'coord');
    expect(one.detail?.address).toBe('石岐区民族路 2 号');
    await w.needs('saveRecipient', recipientRequest({ recipientId: chen.recipientId }), 'coord');
  });
});

describe('reading recipients', () => {
  it('shows the coordinator everything, notes included, with the plans', async () => {
    const one = await w.needs<One>('recipient', { recipientId: chen.recipientId }, 'coord');
    expect(one.detail).toMatchObject({
      name: '陈桂英',
      address: ADDRESS,
      phone: PHONE,
      notes: '行动不便，需要陪同复诊',
    });
    expect(one.plans).toEqual([]);
  });

  it('shows an accepted carer what a visit needs, never the notes', async () => {
    await pair('vol2', 'accepted');
    const one = await w.needs<One>('recipient', { recipientId: chen.recipientId }, 'vol2');
    expect(one.detail).toMatchObject({ name: '陈桂英', address: ADDRESS, phone: PHONE });
    expect(one.detail?.notes).toBeUndefined();
  });

  it('shows nothing to a volunteer who is not an accepted carer, nor to another town', async () => {
    await pair('vol', 'offered');
    for (const openid of ['vol', 'coord-east', 'other-leader']) {
      expect((await w.refused('recipient', { recipientId: chen.recipientId }, openid)).code).toBe('PERMISSION_DENIED');
      expect((await w.refused('recipients', { town: '石岐区' }, openid)).code).toBe('PERMISSION_DENIED');
    }
  });

  it('lists the town by category for the coordinator, and a brigade for its leader', async () => {
    const elders = await w.needs<Page<Recipient>>('recipients', { category: '独居老人' }, 'coord');
    expect(elders.items.map((r) => r.displayName)).toEqual(['陈婆']);
    expect(elders.items[0].detail?.address).toBe(ADDRESS);
    const mine = await w.needs<Page<Recipient>>('recipients', { brigadeId: w.brigade.brigadeId }, 'leader');
    expect(mine.items.map((r) => r.displayName)).toEqual(['李小朋友']);
  });
});

describe('database requests', () => {
  it('reads a recipient and a page of recipients in a handful of requests', async () => {
    const one = await call(w.cloud, 'needs', 'recipient', { recipientId: chen.recipientId }, 'coord');
    const list = await call(w.cloud, 'needs', 'recipients', { town: '石岐区' }, 'coord');
    // SPEC budget: about five requests per user-facing action whatever the data size.
    expect(one.metrics.requests).toBeLessThanOrEqual(5);
    expect(list.metrics.requests).toBeLessThanOrEqual(5);
  });
});

describe('closeRecipient', () => {
  let closed: One;

  beforeAll(async () => {
    expect((await w.refused('closeRecipient', { recipientId: chen.recipientId, reason: '搬离' }, 'vol')).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await w.refused('closeRecipient', { recipientId: chen.recipientId, reason: ' ' }, 'coord')).code).toBe(
      'INVALID_ARGUMENT',
    );
    await w.needs('closeRecipient', { recipientId: chen.recipientId, reason: '随子女迁往外地' }, 'coord');
    closed = await w.needs<One>('recipient', { recipientId: chen.recipientId }, 'coord');
  });

  it('erases the personal data and keeps the anonymised record', async () => {
    expect(closed).toMatchObject({
      status: 'closed',
      closeReason: '随子女迁往外地',
      displayName: '陈婆',
      town: '石岐区',
      community: '悦来社区',
      categories: ['独居老人'],
    });
    expect(closed.detail).toBeUndefined();
    const [raw] = await w.docs<Record<string, unknown>>('recipients', { _id: chen.recipientId });
    expect(raw.sealed).toBeUndefined();
  });

  it('refuses to edit or close it again', async () => {
    const edit = recipientRequest({ recipientId: chen.recipientId });
    expect((await w.refused('saveRecipient', edit, 'coord')).code).toBe('FAILED_PRECONDITION');
    const again = { recipientId: chen.recipientId, reason: '重复' };
    expect((await w.refused('closeRecipient', again, 'coord')).code).toBe('FAILED_PRECONDITION');
  });

  it('lists it among the closed, not the active', async () => {
    const active = await w.needs<Page<Recipient>>('recipients', {}, 'coord');
    expect(active.items.map((r) => r.recipientId)).not.toContain(chen.recipientId);
    const gone = await w.needs<Page<Recipient>>('recipients', { status: 'closed' }, 'coord');
    expect(gone.items.map((r) => r.recipientId)).toEqual([chen.recipientId]);
  });
});
