/**
 * Demo households for the needs pages: surveys a volunteer made at the door in 石岐区, one of them turned into a
 * recipient by the town's coordinator and given a service plan (matched, its best candidate offered the visits),
 * and a recipient kept directly — all through the real `needs` functions.
 */
import { PRIVACY_NOTICE_VERSION, RECIPIENT_NOTICE_VERSION } from '../typings/data';
import type { RegisterRequest } from '../typings/api/volunteers';
import type { MatchResponse, SaveRecipientRequest, SaveSurveyRequest } from '../typings/api/needs';
import type { Brigade, Page } from '../typings/entities';
import type { PlanService } from '../typings/needs';
import type { LocalCloud } from './index';
import { seedPairs } from './seed-pairs';

type Call = <T>(cloud: LocalCloud, name: string, event: object, openid: string) => Promise<T>;

const consent = { by: 'self' as const, version: RECIPIENT_NOTICE_VERSION };

const SURVEYS: Omit<SaveSurveyRequest, 'consent'>[] = [
  {
    requestId: 'demo-survey-chen',
    town: '石岐区',
    community: '悦来社区',
    household: { contactName: '陈桂英', address: '石岐区悦来南路 18 号 3 栋 402', phone: '13612345678', size: 1 },
    members: [{ relation: '本人', age: 82, situation: '独居，膝关节退化，上下楼困难', categories: ['独居老人'] }],
    needs: [
      {
        category: '探访慰问',
        specialties: [],
        frequency: 'weekly',
        slots: [{ weekday: 2, slot: 'morning' }],
        urgency: 'soon',
        note: '希望有人陪聊天、帮忙买菜',
      },
      { category: '陪同就医', specialties: [], frequency: 'monthly', slots: [], urgency: 'normal' },
    ],
  },
  {
    requestId: 'demo-survey-he',
    town: '石岐区',
    community: '民族社区',
    household: { contactName: '何润开', address: '石岐区民族路 66 号', size: 3 },
    members: [
      { relation: '本人', age: 45, situation: '单亲，打零工', categories: ['单亲特困家庭'] },
      { relation: '儿子', age: 9, situation: '读小学三年级，功课跟不上', categories: ['困境儿童'] },
    ],
    needs: [
      {
        category: '课业辅导',
        specialties: ['教育辅导'],
        frequency: 'weekly',
        slots: [{ weekday: 6, slot: 'afternoon' }],
        urgency: 'normal',
      },
    ],
  },
];

const RECIPIENT: SaveRecipientRequest = {
  name: '黄志明',
  categories: ['残疾人'],
  honorific: '叔',
  town: '石岐区',
  community: '太平社区',
  address: '石岐区太平路 12 号',
  phone: '0760-88881234',
  notes: '轮椅出行，需协助就医',
  consent,
};

/** Seeds the needs demo; returns the refs the previews open. */
export async function seedNeeds(
  cloud: LocalCloud,
  call: Call,
  surveyor: string,
  coordinator: string,
): Promise<Record<string, string>> {
  const ids: string[] = [];
  for (const survey of SURVEYS) {
    const saved = await call<{ surveyId: string }>(
      cloud,
      'needs',
      { action: 'saveSurvey', ...survey, consent },
      surveyor,
    );
    ids.push(saved.surveyId);
  }
  const made = await call<{ recipientId: string }>(
    cloud,
    'needs',
    {
      action: 'saveRecipient',
      name: '陈桂英',
      categories: ['独居老人'],
      honorific: '婆',
      town: '石岐区',
      community: '悦来社区',
      address: '石岐区悦来南路 18 号 3 栋 402',
      lat: 22.5176,
      lng: 113.3826,
      phone: '13612345678',
      notes: '膝关节退化，上下楼需搀扶',
      consent,
      surveyId: ids[0],
    },
    coordinator,
  );
  const huang = await call<{ recipientId: string }>(
    cloud,
    'needs',
    { action: 'saveRecipient', ...RECIPIENT },
    coordinator,
  );
  const { brigadeId, ...plan } = await seedPlan(cloud, call, coordinator, made.recipientId, ids[0], surveyor);
  await seedPairs(cloud, call, { coordinator, volunteer: surveyor, brigadeId, huangId: huang.recipientId });
  return {
    convertedSurvey: ids[0],
    survey: ids[1],
    recipient: made.recipientId,
    huang: huang.recipientId,
    ...plan,
  };
}

const DAY = 86_400_000;

/** 陈婆's neighbours who registered as volunteers: one free on Saturday mornings, one only on Wednesday evenings. */
const NEIGHBOURS: [string, RegisterRequest][] = [
  ['demo-neighbour-1', neighbour('罗嘉怡', '13926000001', 6, 'morning')],
  ['demo-neighbour-2', neighbour('陈志华', '13926000002', 3, 'evening')],
];

function neighbour(name: string, mobile: string, weekday: number, slot: 'morning' | 'evening'): RegisterRequest {
  return {
    name,
    mobile,
    town: '石岐区',
    community: '悦来社区',
    specialties: ['护理'],
    intentions: ['探访慰问'],
    serviceAreas: ['石岐区'],
    availability: [{ weekday, slot }],
    birthYear: 1980,
    privacyConsentVersion: PRIVACY_NOTICE_VERSION,
  };
}

/**
 * 陈婆's plan from her survey: weekly Saturday visits by a carer who knows nursing (护理) and a monthly escort; the
 * visits offered to the demo volunteer, who has not answered yet.
 */
async function seedPlan(
  cloud: LocalCloud,
  call: Call,
  coordinator: string,
  recipientId: string,
  surveyId: string,
  carer: string,
) {
  for (const [openid, person] of NEIGHBOURS) await call(cloud, 'volunteers', { action: 'register', ...person }, openid);
  const town = await call<Page<Brigade>>(cloud, 'brigades', { action: 'list', town: '石岐区' }, coordinator);
  const brigade = town.items.find((b) => b.name.includes('暖阳')) ?? town.items[0];
  const now = cloud.clock.now();
  const saved = await call<{ planId: string; services: PlanService[] }>(
    cloud,
    'needs',
    {
      action: 'savePlan',
      recipientId,
      brigadeId: brigade.brigadeId,
      surveyId,
      goals: '每周上门探访陪伴、协助买菜；每月陪同到社区医院复诊，降低独居风险。',
      reviewAt: now + 90 * DAY,
      services: [
        {
          category: '探访慰问',
          specialties: ['护理'],
          frequency: 'weekly',
          weekday: 6,
          slot: 'morning',
          durationMinutes: 90,
          people: 2,
          startDate: now + DAY,
        },
        {
          category: '陪同就医',
          specialties: ['驾驶'],
          frequency: 'monthly',
          weekday: 3,
          slot: 'morning',
          durationMinutes: 180,
          people: 1,
          startDate: now + DAY,
          adultsOnly: true,
        },
      ],
    },
    coordinator,
  );
  const service = saved.services[0].serviceId;
  const match = await call<MatchResponse>(
    cloud,
    'needs',
    { action: 'match', planId: saved.planId, serviceId: service },
    coordinator,
  );
  const me = await call<{ profile: { volunteerId: string } }>(cloud, 'volunteers', { action: 'me' }, carer);
  const offered = match.items.find((c) => c.volunteerId === me.profile.volunteerId);
  if (!offered) throw new Error("seed: the demo volunteer does not match 陈婆's visits");
  await call(
    cloud,
    'needs',
    { action: 'assign', planId: saved.planId, serviceId: service, volunteerIds: [offered.volunteerId] },
    coordinator,
  );
  await call(
    cloud,
    'needs',
    { action: 'addNote', planId: saved.planId, text: '首次电话联系，陈婆同意每周六上午上门。' },
    coordinator,
  );
  return { plan: saved.planId, service, brigadeId: brigade.brigadeId };
}
