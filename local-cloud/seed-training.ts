/**
 * Trainings (培训) in the demo's history, each run as the leader would: posted as a training, signed up for, checked
 * in and out with the leader's code and recorded. Nearly everyone registered attended one (the report: 95% trained),
 * so the 培训与资格 figures on the dashboards are not trivial; training minutes never reach stars or balances.
 */
import type { LocalCloud } from './index';

type Call = <T>(cloud: LocalCloud, name: string, event: object, openid: string) => Promise<T>;

export interface Brigade {
  brigadeId: string;
  leaderOpenid: string;
}

export interface Training {
  title: string;
  topic: string;
  trainer: string;
  description: string;
  address: string;
}

/**
 * The people check in 10 minutes before the start and out 5 minutes after the end, with the leader's rotating code
 * (the clock is moved there and left at the end).
 */
export async function attend(
  cloud: LocalCloud,
  call: Call,
  brigade: Brigade,
  post: { postId: string; startAt: number; endAt: number },
  people: string[],
): Promise<void> {
  const attendance = async (action: 'checkin' | 'checkout') => {
    const { code } = await call<{ code: string }>(
      cloud,
      'posts',
      { action: 'checkinCode', postId: post.postId },
      brigade.leaderOpenid,
    );
    for (const openid of people) await call(cloud, 'posts', { action, postId: post.postId, code }, openid);
  };
  cloud.clock.set(post.startAt - 10 * MINUTE);
  await attendance('checkin');
  cloud.clock.set(post.endAt + 5 * MINUTE);
  await attendance('checkout');
}

/** The trainings of the history, by the week they were held in (see seed.ts's weekly services). */
export const TRAININGS: Record<number, Training & { brigade: number }> = {
  0: {
    brigade: 0,
    title: '新义工入门培训',
    topic: '博爱义工服务规范与安全须知',
    trainer: '市义工联 陈老师',
    description: '新入队义工必修：服务礼仪、隐私保护、签到与时长记录、服务中的安全。',
    address: '石岐区民生路 8 号社工站',
  },
  3: {
    brigade: 1,
    title: '长者急救知识培训',
    topic: '心肺复苏、跌倒与中暑的现场处置',
    trainer: '市红十字会 黄医生',
    description: '探访和义诊前必修：心肺复苏、长者跌倒和中暑时的现场处置与呼救。',
    address: '暖阳居家养老服务中心多功能室',
  },
  6: {
    brigade: 2,
    title: '上门探访沟通技巧',
    topic: '与长者及家属沟通、倾听与记录',
    trainer: '西区社工站 吴老师',
    description: '如何与长者及其家属沟通，倾听与共情，探访后如何记录需求。',
    address: '西区沙朗社区服务中心',
  },
};

const MINUTE = 60_000;
const DAY = 24 * 3_600_000;

/** The next Shanghai day `days` ahead at `hour`:00 (UTC+8 all year). */
const shanghaiAt = (now: number, days: number, hour: number) =>
  Math.floor((now + 8 * 3_600_000) / DAY) * DAY - 8 * 3_600_000 + days * DAY + hour * 3_600_000;

/**
 * A training held this afternoon (14:00–16:00) by `brigade`, attended and recorded for `people` (the brigade's
 * own leader runs it and is not recorded). Returns its post id.
 */
export async function seedTraining(
  cloud: LocalCloud,
  call: Call,
  brigade: Brigade,
  training: Training,
  people: string[],
): Promise<string> {
  const attendees = people.filter((o) => o !== brigade.leaderOpenid);
  const ids = new Map<string, string>();
  for (const openid of attendees) {
    const me = await call<{ profile: { volunteerId: string } }>(cloud, 'volunteers', { action: 'me' }, openid);
    ids.set(openid, me.profile.volunteerId);
  }
  const startAt = shanghaiAt(cloud.clock.now(), 0, 14);
  const endAt = startAt + 2 * 3_600_000;
  const { postId } = await call<{ postId: string }>(
    cloud,
    'posts',
    { action: 'create', brigadeId: brigade.brigadeId, kind: 'training', ...training, startAt, endAt, quota: 30 },
    brigade.leaderOpenid,
  );
  for (const openid of attendees) await call(cloud, 'posts', { action: 'signup', postId }, openid);
  await attend(cloud, call, brigade, { postId, startAt, endAt }, attendees);
  const entries = attendees.map((o) => ({ volunteerId: ids.get(o), rating: 5 }));
  await call(cloud, 'timebank', { action: 'record', postId, entries }, brigade.leaderOpenid);
  return postId;
}
