// The volunteer's side of 供需配对 through the real local cloud: 我的结对 (the visit details only once accepted,
// never the notes, never someone else's), 附近需求 (masked, filtered by specialty and slot, nearest first),
// offerHelp (idempotent, refused when the service does not fit), the request budget, and the 结对邀请 notice
// delivered after the volunteer subscribed.
import type { MineItem, NearbyItem, PlanServiceInput } from '../../typings/api/needs';
import type { PlanService } from '../../typings/needs';
import { call, fails, ok } from './helpers';
import type { Page, Profile } from '../../typings/entities';
import { HOUR, NOW, haircut, needsWorld, type NeedsWorld } from './match-world';

let w: NeedsWorld;
let recipientId: string;
const tuesday = [{ weekday: 2, slot: 'morning' as const }];
const DETAIL = { name: '陈阿婆', address: '石岐区悦来南路 8 号 3 楼', phone: '13912345678', notes: '有轻度认知障碍' };

beforeAll(async () => {
  w = await needsWorld(4);
  recipientId = await w.recipient({}, DETAIL);
  await w.register('barber', {
    name: '近理发',
    specialties: ['理发'],
    availability: tuesday,
    lat: 22.521,
    lng: 113.381,
  });
  await w.register('barber-wed', {
    name: '周三理发',
    specialties: ['理发'],
    availability: [{ weekday: 3, slot: 'morning' }],
  });
  await w.register('medic', { name: '医生', specialties: ['医疗'], availability: tuesday });
  await w.register('other', { name: '别人', specialties: ['理发'], availability: tuesday });
});
afterAll(() => w.cloud.stop());

async function newPlan(over: Partial<PlanServiceInput> = {}, rid = recipientId) {
  const saved = await ok<{ planId: string; services: PlanService[] }>(
    w.cloud,
    'needs',
    'savePlan',
    { recipientId: rid, brigadeId: w.brigade.brigadeId, goals: '每月理发', services: [haircut(over)] },
    'coord',
  );
  return { planId: saved.planId, serviceId: saved.services[0].serviceId };
}
const mine = (openid: string) => ok<Page<MineItem>>(w.cloud, 'needs', 'mine', {}, openid);
const nearby = (openid: string, req: object = {}) => ok<Page<NearbyItem>>(w.cloud, 'needs', 'nearby', req, openid);
const assign = (p: { planId: string; serviceId: string }, openid: string) =>
  ok(w.cloud, 'needs', 'assign', { ...p, volunteerIds: [w.people[openid].volunteerId] }, 'coord');

describe('needs.mine', () => {
  it('shows the visit details only once accepted, never the notes, and only to the carer', async () => {
    const p = await newPlan();
    await assign(p, 'barber');
    const offered = (await mine('barber')).items.find((i) => i.planId === p.planId);
    expect(offered).toMatchObject({
      status: 'offered',
      recipient: { displayName: '陈婆婆' },
      brigadeName: '石岐博爱大队',
    });
    expect(offered?.expiresAt).toBeGreaterThanOrEqual(NOW + 48 * HOUR);
    expect(offered?.visit).toBeUndefined();
    expect(JSON.stringify(offered)).not.toContain('悦来南路');
    await ok(w.cloud, 'needs', 'respond', { assignmentId: offered?.assignmentId, accept: true }, 'barber');
    const accepted = (await mine('barber')).items.find((i) => i.planId === p.planId);
    expect(accepted?.status).toBe('accepted');
    expect(accepted?.visit).toEqual({
      name: '陈阿婆',
      address: DETAIL.address,
      phone: DETAIL.phone,
      lat: 22.52,
      lng: 113.38,
    });
    expect(JSON.stringify(await mine('barber'))).not.toContain('认知障碍');
    expect((await mine('other')).items.map((i) => i.planId)).not.toContain(p.planId);
  });

  it('lists offers first and leaves out declined ones, within four requests', async () => {
    const a = await newPlan();
    const b = await newPlan();
    await assign(a, 'other');
    await assign(b, 'other');
    const first = (await mine('other')).items.find((i) => i.planId === a.planId);
    await ok(w.cloud, 'needs', 'respond', { assignmentId: first?.assignmentId, accept: false }, 'other');
    const reply = await call<Page<MineItem>>(w.cloud, 'needs', 'mine', {}, 'other');
    expect(reply.body.ok).toBe(true);
    expect(reply.metrics.requests).toBeLessThanOrEqual(4);
    const items = reply.body.ok ? reply.body.data.items : [];
    expect(items.map((i) => i.planId)).toContain(b.planId);
    expect(items.map((i) => i.planId)).not.toContain(a.planId);
    expect(items[0].status).toBe('offered');
  });
});

describe('needs.nearby', () => {
  it('shows open services that fit, masked, nearest first, within three requests', async () => {
    const far = await w.recipient({ community: '别处社区' }, { lat: 22.56, lng: 113.4 });
    const near = await newPlan();
    const away = await newPlan({}, far);
    const reply = await call<Page<NearbyItem>>(w.cloud, 'needs', 'nearby', {}, 'barber-wed');
    expect(reply.body.ok && reply.body.data.items).toEqual([]);
    const medic = await nearby('medic');
    expect(medic.items.map((i) => i.planId)).not.toContain(near.planId);
    const found = await call<Page<NearbyItem>>(w.cloud, 'needs', 'nearby', { lat: 22.52, lng: 113.38 }, 'other');
    expect(found.metrics.requests).toBeLessThanOrEqual(3);
    const items = found.body.ok ? found.body.data.items : [];
    const ids = items.map((i) => i.planId);
    expect(ids.indexOf(near.planId)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(near.planId)).toBeLessThan(ids.indexOf(away.planId));
    const item = items.find((i) => i.planId === near.planId);
    expect(item?.recipient).toEqual({
      displayName: '陈婆婆',
      town: '石岐区',
      community: '悦来社区',
      categories: ['独居老人'],
    });
    expect(item?.distanceKm).toBe(0);
    expect(JSON.stringify(items)).not.toMatch(/悦来南路|13912345678|陈阿婆|认知障碍/);
  });

  it('shows a service that needs no specialty to anyone free then, and hides covered ones', async () => {
    const visit = await newPlan({ category: '探访慰问', specialties: [] });
    expect((await nearby('medic')).items.map((i) => i.planId)).toContain(visit.planId);
    await assign(visit, 'medic');
    const [offer] = (await mine('medic')).items.filter((i) => i.planId === visit.planId);
    await ok(w.cloud, 'needs', 'respond', { assignmentId: offer.assignmentId, accept: true }, 'medic');
    expect((await nearby('other')).items.map((i) => i.planId)).not.toContain(visit.planId);
    expect((await fails(w.cloud, 'needs', 'offerHelp', visit, 'other')).code).toBe('FAILED_PRECONDITION');
  });
});

describe('needs.offerHelp', () => {
  it('puts the volunteer on the service once, shows it in nearby, mine and match', async () => {
    await w.register('helper', { name: '热心人', specialties: ['理发'], availability: tuesday });
    const p = await newPlan();
    const first = await ok<{ assignmentId: string; status: string }>(w.cloud, 'needs', 'offerHelp', p, 'helper');
    const again = await ok<{ assignmentId: string; status: string }>(w.cloud, 'needs', 'offerHelp', p, 'helper');
    expect(again).toEqual(first);
    expect(first.status).toBe('volunteered');
    expect(await w.docs('assignments', { planId: p.planId, volunteerId: w.people.helper.volunteerId })).toHaveLength(1);
    expect((await nearby('helper')).items.find((i) => i.planId === p.planId)?.myStatus).toBe('volunteered');
    expect((await mine('helper')).items.find((i) => i.planId === p.planId)?.status).toBe('volunteered');
    const match = await ok<{ items: { name: string; assignment?: { status: string } }[] }>(
      w.cloud,
      'needs',
      'match',
      p,
      'coord',
    );
    expect(match.items.find((c) => c.name === '热心人')?.assignment?.status).toBe('volunteered');
  });

  it('is refused with the reason when the service does not fit, and nothing is written', async () => {
    const p = await newPlan();
    const wrongDay = await fails(w.cloud, 'needs', 'offerHelp', p, 'barber-wed');
    expect(wrongDay).toMatchObject({ code: 'FAILED_PRECONDITION', message: '该服务暂不适合您：周二上午没空' });
    const noSkill = await fails(w.cloud, 'needs', 'offerHelp', p, 'medic');
    expect(noSkill.message).toBe('该服务暂不适合您：缺少专长：理发');
    expect(await w.docs('assignments', { planId: p.planId })).toHaveLength(0);
    expect((await fails(w.cloud, 'needs', 'offerHelp', { planId: p.planId }, 'medic')).code).toBe('INVALID_ARGUMENT');
  });
});

describe('结对邀请 notices', () => {
  it('reach a volunteer who subscribed on the needs pages, with the notice data', async () => {
    await w.register('subscriber', { name: '订阅者', specialties: ['理发'], availability: tuesday });
    await ok(w.cloud, 'reminders', 'subscribe', { kind: 'needs', templateId: 'tpl-notice' }, 'subscriber');
    const p = await newPlan();
    await assign(p, 'subscriber');
    await w.cloud.fireTrigger('reminders');
    const res = await fetch(`${w.cloud.url}/v1/outbox`);
    const sent = ((await res.json()) as { apiName: string; data: { touser: string; page: string; data: object } }[])
      .filter((e) => e.apiName === 'subscribeMessage.send')
      .map((e) => e.data)
      .filter((m) => m.touser === 'subscriber');
    expect(sent).toHaveLength(1);
    expect(sent[0].page).toBe('needs/pages/mine/index');
    expect(sent[0].data).toEqual({
      thing1: { value: '陈婆婆 · 义剪' },
      phrase2: { value: '结对邀请' },
      thing3: { value: '请在 48 小时内回复是否接受' },
    });
  });

  it('a subscription names one kind: needs with a post is refused', async () => {
    const reply = await fails(
      w.cloud,
      'reminders',
      'subscribe',
      { kind: 'needs', postId: 'p1', templateId: 'tpl-notice' },
      'barber',
    );
    expect(reply.code).toBe('INVALID_ARGUMENT');
  });
});

describe('a home position for 就近', () => {
  it('is set and cleared by update, checked, and used by nearby without a position sent', async () => {
    await w.register('mover', { name: '搬家者', specialties: ['理发'], availability: tuesday });
    const set = await ok<Profile>(w.cloud, 'volunteers', 'update', { lat: 22.52, lng: 113.38 }, 'mover');
    expect(set).toMatchObject({ lat: 22.52, lng: 113.38 });
    const p = await newPlan();
    expect((await nearby('mover')).items.find((i) => i.planId === p.planId)?.distanceKm).toBe(0);
    const half = await fails(w.cloud, 'volunteers', 'update', { lat: 22.5 }, 'mover');
    expect(half).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请同时提供经纬度' });
    expect((await fails(w.cloud, 'volunteers', 'update', { lat: 95, lng: 113 }, 'mover')).code).toBe(
      'INVALID_ARGUMENT',
    );
    const cleared = await ok<Profile>(w.cloud, 'volunteers', 'update', { clearHome: true }, 'mover');
    expect(cleared.lat).toBeUndefined();
    const [doc] = await w.docs<{ lat?: number }>('volunteers', { _id: w.people.mover.volunteerId });
    expect(doc.lat).toBeUndefined();
  });
});
