/**
 * The demo volunteer's side of 供需配对, made through the real functions: a group in 暖阳's brigade (so matching
 * offers 按小组邀请), a service they accepted (visit posts and a next visit on 我的结对), and a recipient with a
 * closed earlier plan and an open one they have no pair on (附近需求).
 */
import { RECIPIENT_NOTICE_VERSION } from '../typings/data';
import type { PlanServiceInput, SaveRecipientRequest } from '../typings/api/needs';
import type { PlanService } from '../typings/needs';
import type { LocalCloud } from './index';

type Call = <T>(cloud: LocalCloud, name: string, event: object, openid: string) => Promise<T>;

const DAY = 86_400_000;
/** The leader of 暖阳居家养老服务中心's brigade (the second demo leader). */
const LEADER = 'demo-leader-2';

const HUANG_SERVICE: PlanServiceInput = {
  category: '探访慰问',
  specialties: ['医疗'],
  frequency: 'biweekly',
  weekday: 0,
  slot: 'afternoon',
  durationMinutes: 90,
  people: 1,
  startDate: 0,
};

const ZHOU: SaveRecipientRequest = {
  name: '周淑仪',
  categories: ['独居老人', '困难老人'],
  honorific: '婆',
  town: '石岐区',
  community: '悦来社区',
  address: '石岐区悦来北路 5 号 1 栋 201',
  lat: 22.5191,
  lng: 113.3809,
  notes: '独居，视力下降，需要有人帮忙读信、整理药盒',
  consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION },
};

export interface PairsInput {
  coordinator: string;
  volunteer: string;
  brigadeId: string;
  /** 黄志明, kept directly by the coordinator. */
  huangId: string;
}

export async function seedPairs(cloud: LocalCloud, call: Call, input: PairsInput): Promise<void> {
  const { coordinator, volunteer, brigadeId } = input;
  const idOf = async (openid: string) =>
    (await call<{ profile: { volunteerId: string } }>(cloud, 'volunteers', { action: 'me' }, openid)).profile
      .volunteerId;
  const carer = await idOf(volunteer);
  const partner = await idOf('demo-volunteer-2');
  await call(
    cloud,
    'brigades',
    { action: 'saveGroup', brigadeId, name: '周末探访小组', volunteerIds: [carer, partner] },
    LEADER,
  );

  const now = cloud.clock.now();
  const plan = (recipientId: string, goals: string, service: PlanServiceInput) =>
    call<{ planId: string; services: PlanService[] }>(
      cloud,
      'needs',
      { action: 'savePlan', recipientId, brigadeId, goals, reviewAt: now + 90 * DAY, services: [service] },
      coordinator,
    );

  // 黄叔: fortnightly Sunday visits from next week, offered to the demo volunteer, who accepted.
  const huang = await plan(input.huangId, '每两周上门探访，测量血压、核对用药。', {
    ...HUANG_SERVICE,
    startDate: now + 7 * DAY,
  });
  const serviceId = huang.services[0].serviceId;
  await call(cloud, 'needs', { action: 'match', planId: huang.planId, serviceId }, coordinator);
  const offered = await call<{ assignments: { assignmentId: string }[] }>(
    cloud,
    'needs',
    { action: 'assign', planId: huang.planId, serviceId, volunteerIds: [carer] },
    coordinator,
  );
  await call(
    cloud,
    'needs',
    { action: 'respond', assignmentId: offered.assignments[0].assignmentId, accept: true },
    volunteer,
  );
  // The carer's first visit note (continuity counts visits by the recipient's regular carers).
  await call(
    cloud,
    'needs',
    { action: 'addNote', planId: huang.planId, text: '首次上门，量了血压，黄叔精神不错。' },
    volunteer,
  );

  // 周婆: last quarter's plan closed at its review; this quarter's open and not yet offered to anyone.
  const zhou = await call<{ recipientId: string }>(cloud, 'needs', { action: 'saveRecipient', ...ZHOU }, coordinator);
  const weekly = {
    ...HUANG_SERVICE,
    specialties: [],
    frequency: 'weekly' as const,
    weekday: 6,
    slot: 'morning' as const,
  };
  const earlier = await plan(zhou.recipientId, '每周上门陪伴，帮忙读信、整理药盒。', {
    ...weekly,
    startDate: now + DAY,
  });
  await call(
    cloud,
    'needs',
    { action: 'reviewPlan', planId: earlier.planId, note: '上一期目标已达成，按新情况另订计划。', close: true },
    coordinator,
  );
  await plan(zhou.recipientId, '每周六上午上门陪伴，帮忙读信、整理药盒，留意视力变化。', {
    ...weekly,
    startDate: now + DAY,
  });
}
