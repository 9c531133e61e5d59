/**
 * The world of the plan page tests: 苏社工 coordinates 石岐区, which has one brigade and one recipient (陈婆, with a
 * position); two barbers free on Tuesday mornings, one free only on Wednesdays and a medic live in the town. `plan()` saves a haircut plan.
 */
import type { PlanService } from '../../typings/needs';
import { PRIVACY_NOTICE_VERSION, RECIPIENT_NOTICE_VERSION, type Envelope } from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { DAY, haircut } from '../functions/match-world';

export const COORD = 'page-coordinator';

export interface PlanWorld {
  cloud: PageCloud;
  recipientId: string;
  brigadeId: string;
  people: Record<string, string>;
  data<T>(name: string, event: Record<string, unknown>, who?: string): Promise<T>;
  /** A saved plan with one open 义剪 service on Tuesday mornings. */
  plan(): Promise<{ planId: string; serviceId: string }>;
}

export async function planWorld(): Promise<PlanWorld> {
  const cloud = await startPageCloud();
  const data = async <T>(name: string, event: Record<string, unknown>, who = COORD): Promise<T> => {
    const reply = (await cloud.call(name, event, who)) as Envelope<T>;
    if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.message}`);
    return reply.data;
  };
  const people: Record<string, string> = {};
  const tuesday = [{ weekday: 2, slot: 'morning' }];
  const register = async (
    openid: string,
    name: string,
    specialties: string[],
    index: number,
    availability = tuesday,
  ) => {
    const me = await data<{ volunteerId: string; cardNo: string }>(
      'volunteers',
      {
        action: 'register',
        name,
        mobile: `1380013${String(8100 + index)}`,
        town: '石岐区',
        community: '悦来社区',
        specialties,
        intentions: ['义剪'],
        serviceAreas: ['石岐区'],
        availability,
        birthYear: 1985,
        privacyConsentVersion: PRIVACY_NOTICE_VERSION,
      },
      openid,
    );
    people[openid] = me.volunteerId;
    return me;
  };
  const coordinator = await register(COORD, '苏社工', ['社工'], 0);
  await register('page-barber-1', '梁理发', ['理发'], 1);
  await register('page-barber-2', '周理发', ['理发'], 2);
  await register('page-barber-3', '吴理发', ['理发'], 3, [{ weekday: 3, slot: 'morning' }]);
  await register('page-medic', '黄医生', ['医疗'], 4);
  await data('brigades', { action: 'setCoordinator', town: '石岐区', cardNo: coordinator.cardNo }, 'demo-hq');
  const brigade = await data<{ brigadeId: string }>(
    'brigades',
    { action: 'create', name: '石岐博爱大队', town: '石岐区', joinMode: 'open' },
    'demo-hq',
  );
  const recipient = await data<{ recipientId: string }>('needs', {
    action: 'saveRecipient',
    name: '陈桂英',
    categories: ['独居老人'],
    honorific: '婆',
    town: '石岐区',
    community: '悦来社区',
    address: '石岐区悦来南路 18 号',
    lat: 22.52,
    lng: 113.38,
    consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION },
  });
  const plan = async () => {
    const saved = await data<{ planId: string; services: PlanService[] }>('needs', {
      action: 'savePlan',
      recipientId: recipient.recipientId,
      brigadeId: brigade.brigadeId,
      goals: '每月上门理发',
      services: [haircut({ startDate: Date.now() + DAY })],
    });
    return { planId: saved.planId, serviceId: saved.services[0].serviceId };
  };
  return { cloud, recipientId: recipient.recipientId, brigadeId: brigade.brigadeId, people, data, plan };
}
