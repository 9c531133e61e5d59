/** A page cloud with a 石岐区 coordinator, a brigade, a recipient and an open plan: a weekly haircut on Tuesdays. */
import { PRIVACY_NOTICE_VERSION, RECIPIENT_NOTICE_VERSION } from '../../typings/index';
import { installCloud } from '../helpers/page';
import { surveyWorld, type SurveyWorld } from './survey-world';

export interface PairsWorld extends SurveyWorld {
  plan: { planId: string; serviceId: string };
  /** Registers a barber of 悦来社区 free on Tuesday mornings; resolves to their volunteerId. */
  volunteer(openid: string, name: string, mobile: string): Promise<string>;
}

const tuesday = [{ weekday: 2, slot: 'morning' }];

export async function pairsWorld(): Promise<PairsWorld> {
  const world = await surveyWorld();
  const volunteer = async (openid: string, name: string, mobile: string) => {
    const profile = await world.data<{ volunteerId: string }>(
      'volunteers',
      {
        action: 'register',
        name,
        mobile,
        town: '石岐区',
        community: '悦来社区',
        specialties: ['理发'],
        availability: tuesday,
        birthYear: 1990,
        privacyConsentVersion: PRIVACY_NOTICE_VERSION,
      },
      openid,
    );
    return profile.volunteerId;
  };
  const brigade = await world.data<{ brigadeId: string }>(
    'brigades',
    { action: 'create', name: '石岐博爱大队', town: '石岐区', joinMode: 'open' },
    'demo-hq',
  );
  const recipient = await world.data<{ recipientId: string }>(
    'needs',
    {
      action: 'saveRecipient',
      name: '陈桂英',
      categories: ['独居老人'],
      town: '石岐区',
      community: '悦来社区',
      address: '石岐区悦来南路 18 号',
      lat: 22.52,
      lng: 113.38,
      phone: '13612345678',
      consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION },
    },
    'page-coordinator',
  );
  const saved = await world.data<{ planId: string; services: { serviceId: string }[] }>(
    'needs',
    {
      action: 'savePlan',
      recipientId: recipient.recipientId,
      brigadeId: brigade.brigadeId,
      goals: '每周理发',
      services: [
        {
          category: '义剪',
          specialties: ['理发'],
          frequency: 'weekly',
          weekday: 2,
          slot: 'morning',
          durationMinutes: 60,
          people: 2,
          startDate: Date.now() + 86_400_000,
        },
      ],
    },
    'page-coordinator',
  );
  return { ...world, plan: { planId: saved.planId, serviceId: saved.services[0].serviceId }, volunteer };
}

/** The world for one page test file: started before its tests, stopped after; `actAs` picks who the page is. */
export function pairsPages(): { world(): PairsWorld; actAs(openid: string): void } {
  let world: PairsWorld | undefined;
  let openid = '';
  beforeAll(async () => {
    world = await pairsWorld();
    installCloud((name, data) => (world as PairsWorld).cloud.call(name, data, openid));
  });
  afterAll(() => world?.cloud.stop());
  return {
    world: () => world as PairsWorld,
    actAs: (who) => {
      openid = who;
    },
  };
}
