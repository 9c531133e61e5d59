/**
 * Demo data for `npm start` and the previews: the 24 towns, the 7 pilot brigades with their leaders, a few
 * volunteers who joined from invite links, and headquarters. Everything but the towns goes through the real
 * functions, so the demo data obeys the same rules (encryption, card numbers, roles) as real data.
 */
import { PILOT_UNITS, PRIVACY_NOTICE_VERSION, TOWNS } from '../typings/data';
import type { RegisterRequest } from '../typings/api/volunteers';
import type { LocalCloud } from './index';

export interface Identity {
  openid: string;
  role: string;
  label: string;
}

export const DEMO = {
  hq: 'demo-hq',
  leader: 'demo-leader',
  volunteer: 'demo-volunteer',
  visitor: 'demo-visitor',
} as const;

const LEADERS = ['林慧敏', '何志强', '梁嘉欣', '黄永康', '郭晓霞', '陈伟明', '冯丽娟'];
const VOLUNTEERS: [string, RegisterRequest['specialties'], RegisterRequest['town']][] = [
  ['张晓燕', ['医疗', '护理'], '石岐区'],
  ['李家豪', ['家电维修'], '东区'],
  ['吴淑芬', ['心理', '社工'], '西区'],
  ['刘子轩', ['教育辅导', '外语'], '南区'],
  ['邓美玲', ['理发'], '沙溪镇'],
  ['谢国华', ['驾驶'], '东区'],
];

async function call<T>(cloud: LocalCloud, name: string, event: object, openid: string): Promise<T> {
  const outcome = await cloud.call(name, event, openid);
  const reply = (outcome.ok ? outcome.result : undefined) as { ok?: boolean; data?: T; message?: string } | undefined;
  if (!reply?.ok) {
    const why = outcome.ok ? (reply?.message ?? 'no envelope') : outcome.message;
    throw new Error(`seed: ${name}.${(event as { action: string }).action} failed: ${why}`);
  }
  return reply.data as T;
}

const person = (
  name: string,
  index: number,
  town: RegisterRequest['town'],
  specialties: RegisterRequest['specialties'],
): RegisterRequest => ({
  name,
  mobile: `138${String(20260000 + index).padStart(8, '0')}`,
  town,
  specialties,
  intentions: ['探访慰问'],
  serviceAreas: [town],
  availability: [
    { weekday: 6, slot: 'morning' },
    { weekday: 0, slot: 'afternoon' },
  ],
  birthYear: 1975 + (index % 25),
  privacyConsentVersion: PRIVACY_NOTICE_VERSION,
});

async function seedTowns(cloud: LocalCloud): Promise<void> {
  const docs = TOWNS.map((name, i) => JSON.stringify({ _id: `town-${i + 1}`, name, order: i + 1 }));
  await cloud.db.handle('database.insertDocument', { collectionName: 'towns', data: docs });
}

export async function seedDemo(cloud: LocalCloud): Promise<{ identities: Identity[] }> {
  await seedTowns(cloud);
  const hq = (cloud.settings.env.HQ_OPENIDS ?? '').split(',')[0]?.trim() || DEMO.hq;
  const leaders: string[] = [];
  for (const [i, name] of LEADERS.entries()) {
    const openid = i === 0 ? DEMO.leader : `demo-leader-${i + 1}`;
    await call(
      cloud,
      'volunteers',
      { action: 'register', ...person(name, i + 1, PILOT_UNITS[i].town, ['社工']) },
      openid,
    );
    leaders.push(openid);
  }
  const brigades: { brigadeId: string; leaderOpenid: string }[] = [];
  for (const [i, unit] of PILOT_UNITS.entries()) {
    const name = `${unit.name}博爱义工大队`;
    const created = await call<{ brigadeId: string }>(
      cloud,
      'brigades',
      { action: 'create', name, town: unit.town, joinMode: i % 3 === 2 ? 'review' : 'open' },
      hq,
    );
    const me = await call<{ cardNo: string }>(cloud, 'volunteers', { action: 'me' }, leaders[i]);
    await call(cloud, 'brigades', { action: 'setLeader', brigadeId: created.brigadeId, cardNo: me.cardNo }, hq);
    brigades.push({ brigadeId: created.brigadeId, leaderOpenid: leaders[i] });
  }
  const members = [DEMO.volunteer, ...VOLUNTEERS.slice(1).map((_, i) => `demo-volunteer-${i + 2}`)];
  for (const [i, [name, specialties, town]] of VOLUNTEERS.entries()) {
    await call(cloud, 'volunteers', { action: 'register', ...person(name, 10 + i, town, specialties) }, members[i]);
    for (const brigade of [brigades[i % brigades.length], brigades[(i + 1) % brigades.length]]) {
      const invite = await call<{ code: string }>(
        cloud,
        'brigades',
        { action: 'invite', brigadeId: brigade.brigadeId },
        brigade.leaderOpenid,
      );
      await call(cloud, 'brigades', { action: 'join', code: invite.code }, members[i]);
    }
  }
  return {
    identities: [
      { openid: hq, role: 'hq', label: '总队工作人员' },
      { openid: DEMO.leader, role: 'leader', label: `${LEADERS[0]}（${PILOT_UNITS[0].name}博爱义工大队负责人）` },
      { openid: DEMO.volunteer, role: 'volunteer', label: `${VOLUNTEERS[0][0]}（义工）` },
      { openid: DEMO.visitor, role: 'visitor', label: '未登记的访客' },
    ],
  };
}
