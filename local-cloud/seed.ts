/**
 * Demo data for `npm start` and the previews: the 24 towns, the 7 pilot brigades with their leaders, a few
 * volunteers who joined from invite links, and headquarters. Everything but the towns goes through the real
 * functions, so the demo data obeys the same rules (encryption, card numbers, roles) as real data.
 */
import { PILOT_UNITS, PRIVACY_NOTICE_VERSION, TOWNS } from '../typings/data';
import type { RegisterRequest } from '../typings/api/volunteers';
import type { LocalCloud } from './index';
import { seedGiving } from './seed-giving';
import { seedNeeds } from './seed-needs';
import { seedQualifications } from './seed-quals';
import { seedHomes } from './seed-home';
import { seedWishes } from './seed-wishes';
import { attend, seedTraining, TRAININGS } from './seed-training';

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
  coordinator: 'demo-coordinator',
} as const;

/** A newcomer without qualifications (registered by seed-needs.ts as 陈婆's neighbour). */
const NEWCOMER = 'demo-neighbour-1';
/** The demo town social worker (社工), coordinator of 石岐区 and 东区. */
const COORDINATOR = '苏婉仪';
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

/** A community (社区) per town, so lists show where people live, not just the town. */
const COMMUNITIES: Partial<Record<RegisterRequest['town'], string>> = {
  石岐区: '悦来社区',
  东区: '夏洋社区',
  西区: '沙朗社区',
  南区: '良都社区',
  沙溪镇: '龙山社区',
};

const person = (
  name: string,
  index: number,
  town: RegisterRequest['town'],
  specialties: RegisterRequest['specialties'],
): RegisterRequest => ({
  name,
  mobile: `138${String(20260000 + index).padStart(8, '0')}`,
  town,
  ...(COMMUNITIES[town] ? { community: COMMUNITIES[town] } : {}),
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

/**
 * The first brigade reviews applications: more volunteers apply, its leader approves all but the last, so the
 * leader's members page shows both lists.
 */
async function reviewApplicants(
  cloud: LocalCloud,
  brigade: { brigadeId: string; leaderOpenid: string },
  members: string[],
): Promise<void> {
  const { code } = await call<{ code: string }>(
    cloud,
    'brigades',
    { action: 'invite', brigadeId: brigade.brigadeId },
    brigade.leaderOpenid,
  );
  const applicants = [members[0], ...members.slice(3)];
  for (const openid of applicants.slice(1)) await call(cloud, 'brigades', { action: 'join', code }, openid);
  for (const openid of applicants.slice(0, -1)) {
    const me = await call<{ profile: { volunteerId: string } }>(cloud, 'volunteers', { action: 'me' }, openid);
    await call(
      cloud,
      'brigades',
      { action: 'review', brigadeId: brigade.brigadeId, volunteerId: me.profile.volunteerId, approve: true },
      brigade.leaderOpenid,
    );
  }
}

const DAY = 24 * 3_600_000;
const WEEK = 7 * DAY;
const HISTORY_WEEKS = 8;
const MINUTE = 60_000;

const LAST_TRAINING = {
  title: '入户探访技巧培训',
  topic: '长者沟通与安全观察',
  trainer: '市社工协会 梁老师',
  description: '探访前必修：与长者沟通的方法、居家安全隐患的识别和记录。',
  address: '石岐区民生路 8 号社工站',
};

const HISTORY = [
  { title: '周末探访独居长者', category: '探访慰问', address: '石岐区悦来南路社区服务站' },
  { title: '长者健康义诊', category: '义诊', address: '暖阳居家养老服务中心一楼' },
  { title: '社区家电维修日', category: '家电维修', address: '东区夏洋社区居委会门前' },
  { title: '福利院陪伴与课业辅导', category: '课业辅导', address: '市儿童福利院学习室' },
] as const;

/**
 * Eight weekly services in the past, each run as it would be: posted, signed up, checked in and out with the
 * leader's rotating code, then recorded (one no-show now and then), with the people served; and on three of those
 * days a training in the afternoon (seed-training.ts) that between them nearly everyone registered attended.
 */
async function seedHistory(
  cloud: LocalCloud,
  brigades: { brigadeId: string; leaderOpenid: string }[],
  members: string[],
  staff: { hq: string; leaders: string[]; coordinator: string },
): Promise<{ served: string; training: string }> {
  const { hq, leaders, coordinator } = staff;
  const attendees: Record<number, string[]> = {
    0: [...members, ...leaders, coordinator],
    3: [leaders[0], ...members.slice(0, 5), leaders[2], leaders[3]],
    6: [...members, coordinator, leaders[1]],
  };
  const ids = new Map<string, string>();
  let served = '';
  for (const openid of members) {
    ids.set(
      openid,
      (await call<{ profile: { volunteerId: string } }>(cloud, 'volunteers', { action: 'me' }, openid)).profile
        .volunteerId,
    );
  }
  for (let week = 0; week < HISTORY_WEEKS; week += 1) {
    const brigade = brigades[week % 3];
    const startAt = shanghaiAt(cloud.clock.now(), 1, 9);
    const endAt = startAt + 2 * 3_600_000;
    const { postId } = await call<{ postId: string }>(
      cloud,
      'posts',
      {
        action: 'create',
        brigadeId: brigade.brigadeId,
        ...HISTORY[week % HISTORY.length],
        description: '每周恒常服务。',
        startAt,
        endAt,
        quota: 5,
      },
      brigade.leaderOpenid,
    );
    const people = [
      members[week % members.length],
      members[(week + 1) % members.length],
      members[(week + 2) % members.length],
    ];
    const absent = week % 3 === 1 ? people[2] : undefined;
    for (const openid of people) await call(cloud, 'posts', { action: 'signup', postId }, openid);
    const present = people.filter((openid) => openid !== absent);
    await attend(cloud, call, brigade, { postId, startAt, endAt }, present);
    const entries = people.map((openid, i) =>
      openid === absent
        ? { volunteerId: ids.get(openid), absent: true }
        : { volunteerId: ids.get(openid), rating: i === 0 ? 5 : 4 },
    );
    await call(cloud, 'timebank', { action: 'record', postId, entries, peopleServed: 6 + week }, brigade.leaderOpenid);
    if (brigade.leaderOpenid === DEMO.leader) served = postId;
    const training = TRAININGS[week];
    if (training) await seedTraining(cloud, call, brigades[training.brigade], training, attendees[week]);
    cloud.clock.set(startAt + 6 * DAY);
  }
  // A training the leader's brigade ran in the afternoon after the last service, for the first members (the demo
  // volunteer among them): training hours, apart from service, on their pages and the figures.
  const training = await seedTraining(cloud, call, brigades[0], LAST_TRAINING, members.slice(0, 4));
  // A neighbour's gift of time, and an honour from headquarters.
  const gift = await call<{ cardNo: string }>(cloud, 'volunteers', { action: 'me' }, members[1]);
  await call(
    cloud,
    'timebank',
    { action: 'transfer', toCardNo: gift.cardNo, minutes: 30, note: '感谢帮忙照顾长者', requestId: 'seed-gift' },
    members[0],
  );
  const star = await call<{ cardNo: string }>(cloud, 'volunteers', { action: 'me' }, members[0]);
  const year = new Date(cloud.clock.now() + 8 * 3_600_000).getUTCFullYear();
  await call(
    cloud,
    'stars',
    { action: 'award', cardNo: star.cardNo, honour: 'outstanding', year, reason: '坚持每周探访独居长者' },
    hq,
  );
  return { served, training };
}

/**
 * Banked hours spent: the demo volunteer holds an hour for their mother's hospital visit, waiting for the town's
 * social worker in 需求调查. Answers with that survey's id.
 */
async function seedRedemption(cloud: LocalCloud): Promise<string> {
  const redeemed = await call<{ redemptionId: string }>(
    cloud,
    'timebank',
    {
      action: 'redeem',
      minutes: 60,
      category: '陪同就医',
      note: '母亲下周二上午到市人民医院复诊，需要有人陪同挂号取药',
      forName: '陈桂芳',
      requestId: 'seed-redeem',
    },
    DEMO.volunteer,
  );
  const mine = await call<{ items: { surveyId: string; redemption?: { redemptionId: string } }[] }>(
    cloud,
    'needs',
    { action: 'surveys', mine: true },
    DEMO.volunteer,
  );
  return mine.items.find((s) => s.redemption?.redemptionId === redeemed.redemptionId)?.surveyId ?? '';
}

/** The next Shanghai day `days` ahead at `hour`:`minute` (UTC+8 all year). */
function shanghaiAt(now: number, days: number, hour: number, minute = 0): number {
  const shanghaiMidnight = Math.floor((now + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000;
  return shanghaiMidnight + days * DAY + (hour * 60 + minute) * 60_000;
}

const POSTS = [
  {
    title: '探访独居长者',
    category: '探访慰问',
    address: '石岐区悦来南路社区服务站',
    lat: 22.521,
    lng: 113.382,
    days: 1,
    hour: 9,
    hours: 2,
    quota: 6,
    description: '两人一组上门探访辖区独居长者，陪伴聊天、了解近况并记录需求。',
  },
  {
    title: '社区义诊：量血压测血糖',
    category: '义诊',
    address: '暖阳居家养老服务中心一楼',
    lat: 22.516,
    lng: 113.392,
    days: 2,
    hour: 14,
    hours: 3,
    quota: 4,
    requiredSpecialties: ['医疗', '护理'],
    requiredQualifications: ['执业医师', '执业护士'],
    description: '为社区长者测量血压、血糖，提供健康咨询。需持有经审核的执业医师或执业护士资格。',
  },
  {
    title: '家电义务维修',
    category: '家电维修',
    address: '东区夏洋社区居委会门前',
    lat: 22.507,
    lng: 113.41,
    days: 3,
    hour: 9,
    hours: 3,
    quota: 5,
    description: '为困难家庭、孤寡老人免费检修风扇、电饭煲、电视等小家电。',
  },
  {
    title: '上门义剪',
    category: '义剪',
    address: '沙溪镇龙山社区',
    lat: 22.527,
    lng: 113.334,
    days: 4,
    hour: 15,
    hours: 2,
    quota: 2,
    requiredSpecialties: ['理发'],
    description: '为行动不便的残疾人和长者上门理发。',
  },
  {
    // 30 characters, the longest a title may be: posters and cards must fit it.
    title: '长者智能手机与电脑兴趣班助教招募，每周三上午暖阳中心欢迎你来',
    category: '兴趣课堂',
    address: '暖阳居家养老服务中心多功能室',
    lat: 22.516,
    lng: 113.392,
    days: 5,
    hour: 9,
    hours: 2,
    quota: 3,
    description: '协助老师指导长者使用智能手机和电脑，教学耐心细致。',
  },
  {
    title: '儿童福利院课业辅导',
    category: '课业辅导',
    address: '市儿童福利院学习室',
    lat: 22.53,
    lng: 113.4,
    days: 6,
    hour: 19,
    hours: 2,
    quota: 4,
    adultsOnly: true,
    description: '为福利院儿童辅导小学作业，需年满 18 周岁。',
  },
  {
    kind: 'training',
    title: '长者急救知识培训（第二期）',
    topic: '心肺复苏、跌倒与中暑的现场处置',
    trainer: '市红十字会 黄医生',
    address: '暖阳居家养老服务中心多功能室',
    lat: 22.516,
    lng: 113.392,
    days: 3,
    hour: 14,
    hours: 2,
    quota: 20,
    description: '上期未能参加的义工请报名：心肺复苏、长者跌倒和中暑时的现场处置与呼救，现场练习。',
  },
] as const;

async function seedPosts(
  cloud: LocalCloud,
  brigades: { brigadeId: string; leaderOpenid: string }[],
  members: string[],
): Promise<string[]> {
  const now = cloud.clock.now();
  const ids: string[] = [];
  // Posted and signed up for during the hour before now, a minute apart, so rosters have a real sign-up order.
  cloud.clock.set(now - 60 * MINUTE);
  for (const [i, p] of POSTS.entries()) {
    const brigade = brigades[i % brigades.length];
    const { days, hour, hours, ...fields } = p;
    const startAt = shanghaiAt(now, days, hour);
    const created = await call<{ postId: string }>(
      cloud,
      'posts',
      { action: 'create', brigadeId: brigade.brigadeId, ...fields, startAt, endAt: startAt + hours * 3_600_000 },
      brigade.leaderOpenid,
    );
    ids.push(created.postId);
    // A few sign-ups so the quota bars and the waitlist show something real.
    for (const openid of members.slice(0, i % 2 === 0 ? Math.min(p.quota + 1, members.length) : 1)) {
      cloud.clock.advance(MINUTE);
      await cloud.call('posts', { action: 'signup', postId: created.postId }, openid);
    }
  }
  cloud.clock.set(now);
  return ids;
}

/**
 * 罗嘉怡, a nurse who registered this week (seed-needs.ts), applies to the demo leader's brigade and is approved: she
 * holds no verified qualification yet (the `qualify` storyboard adds her 执业护士 certificate).
 */
async function joinNewcomer(cloud: LocalCloud, brigade: { brigadeId: string; leaderOpenid: string }): Promise<void> {
  const { code } = await call<{ code: string }>(
    cloud,
    'brigades',
    { action: 'invite', brigadeId: brigade.brigadeId },
    brigade.leaderOpenid,
  );
  await call(cloud, 'brigades', { action: 'join', code }, NEWCOMER);
  const me = await call<{ profile: { volunteerId: string } }>(cloud, 'volunteers', { action: 'me' }, NEWCOMER);
  await call(
    cloud,
    'brigades',
    { action: 'review', brigadeId: brigade.brigadeId, volunteerId: me.profile.volunteerId, approve: true },
    brigade.leaderOpenid,
  );
}

/** What the seed made: who to be, and ids for links (previews open `pages/post/index?postId={post}`). */
export interface Seeded {
  identities: Identity[];
  refs: Record<string, string>;
}

export async function seedDemo(cloud: LocalCloud): Promise<Seeded> {
  // The demo has a past: everyone registers eight weeks ago and serves weekly since, so hours, the time bank,
  // stars and statistics show real figures. The clock is moved through that history and put back at the end.
  const startedAt = cloud.clock.now();
  cloud.clock.set(startedAt - HISTORY_WEEKS * WEEK - DAY);
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
      { action: 'create', name, town: unit.town, joinMode: i === 0 || i % 3 === 2 ? 'review' : 'open' },
      hq,
    );
    const me = await call<{ cardNo: string }>(cloud, 'volunteers', { action: 'me' }, leaders[i]);
    await call(cloud, 'brigades', { action: 'setLeader', brigadeId: created.brigadeId, cardNo: me.cardNo }, hq);
    brigades.push({ brigadeId: created.brigadeId, leaderOpenid: leaders[i] });
  }
  await call(
    cloud,
    'volunteers',
    { action: 'register', ...person(COORDINATOR, 30, '石岐区', ['社工']) },
    DEMO.coordinator,
  );
  const coordinator = await call<{ cardNo: string }>(cloud, 'volunteers', { action: 'me' }, DEMO.coordinator);
  for (const town of ['石岐区', '东区']) {
    await call(cloud, 'brigades', { action: 'setCoordinator', town, cardNo: coordinator.cardNo }, hq);
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
  await reviewApplicants(cloud, brigades[0], members);
  const { served: servedPost, training: trainingPost } = await seedHistory(cloud, brigades, members, {
    hq,
    leaders,
    coordinator: DEMO.coordinator,
  });
  cloud.clock.set(startedAt);
  await seedQualifications(cloud, call, { volunteer: DEMO.volunteer, leader: DEMO.leader, hq });
  const postIds = await seedPosts(cloud, brigades, members);
  const invite = await call<{ code: string }>(
    cloud,
    'brigades',
    { action: 'invite', brigadeId: brigades[0].brigadeId },
    brigades[0].leaderOpenid,
  );
  const needsRefs = await seedNeeds(cloud, call, DEMO.volunteer, DEMO.coordinator);
  await joinNewcomer(cloud, brigades[0]);
  await seedHomes(cloud, call, brigades);
  const wishRefs = await seedWishes(cloud, call, { coordinator: DEMO.coordinator, hq, claimer: members[1] }, [
    needsRefs.recipient,
    needsRefs.huang,
  ]);
  const givingRefs = await seedGiving(
    cloud,
    call,
    { hq, volunteer: DEMO.volunteer, coordinator: DEMO.coordinator },
    needsRefs.plan,
  );
  const redemptionSurvey = await seedRedemption(cloud);
  return {
    refs: {
      servedPost,
      trainingPost,
      ...givingRefs,
      post: postIds[0],
      fullPost: postIds[2],
      longPost: postIds[4],
      brigade: brigades[0].brigadeId,
      invite: invite.code,
      ...needsRefs,
      ...wishRefs,
      redemptionSurvey,
    },
    identities: [
      { openid: hq, role: 'hq', label: '总队工作人员' },
      { openid: DEMO.leader, role: 'leader', label: `${LEADERS[0]}（${PILOT_UNITS[0].name}博爱义工大队负责人）` },
      { openid: DEMO.volunteer, role: 'volunteer', label: `${VOLUNTEERS[0][0]}（义工）` },
      { openid: DEMO.coordinator, role: 'coordinator', label: `${COORDINATOR}（石岐区、东区社工）` },
      { openid: DEMO.visitor, role: 'visitor', label: '未登记的访客' },
    ],
  };
}
