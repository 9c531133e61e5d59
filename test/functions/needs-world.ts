/** A local cloud for the needs tests: a 石岐区 brigade and leader, coordinators of 石岐区 and 东区, volunteers. */
import type { SaveRecipientRequest, SaveSurveyRequest } from '../../typings/api/needs';
import type { Brigade } from '../../typings/entities';
import type { ErrorEnvelope } from '../../typings/errors';
import { RECIPIENT_NOTICE_VERSION } from '../../typings/data';
import { HQ, fails, ok } from './helpers';
import { timebankWorld, type TimebankWorld } from './timebank-world';

export interface NeedsWorld extends TimebankWorld {
  /** A second brigade (东区) and its leader, unrelated to the 石岐区 recipients. */
  otherBrigade: Brigade;
  needs<T>(action: string, params: object, openid: string): Promise<T>;
  refused(action: string, params: object, openid: string): Promise<ErrorEnvelope>;
  /** Writes a document straight into a collection (what another action would have written). */
  put(collection: string, doc: object): Promise<void>;
}

export async function needsWorld(): Promise<NeedsWorld> {
  const w = await timebankWorld();
  for (const openid of ['coord', 'coord-east', 'vol', 'vol2', 'other-leader']) await w.register(openid);
  const appoint = (town: string, openid: string) =>
    ok(w.cloud, 'brigades', 'setCoordinator', { town, cardNo: w.people[openid].cardNo }, HQ);
  await appoint('石岐区', 'coord');
  await appoint('东区', 'coord-east');
  const otherBrigade = await ok<Brigade>(
    w.cloud,
    'brigades',
    'create',
    { name: '东区博爱大队', town: '东区', joinMode: 'open' },
    HQ,
  );
  const cardNo = w.people['other-leader'].cardNo;
  await ok(w.cloud, 'brigades', 'setLeader', { brigadeId: otherBrigade.brigadeId, cardNo }, HQ);
  return {
    ...w,
    otherBrigade,
    needs: (action, params, openid) => ok(w.cloud, 'needs', action, params, openid),
    refused: (action, params, openid) => fails(w.cloud, 'needs', action, params, openid),
    put: async (collection, doc) => {
      await w.cloud.db.handle('database.insertDocument', { collectionName: collection, data: [JSON.stringify(doc)] });
    },
  };
}

export const ADDRESS = '石岐区悦来南路 18 号 3 栋 402';
export const PHONE = '13612345678';
export const GUARDIAN_PHONE = '0760-88881234';

export function recipientRequest(overrides: Partial<SaveRecipientRequest> = {}): SaveRecipientRequest {
  return {
    name: '陈桂英',
    categories: ['独居老人'],
    honorific: '婆',
    town: '石岐区',
    community: '悦来社区',
    address: ADDRESS,
    lat: 22.52,
    lng: 113.38,
    phone: PHONE,
    guardian: { name: '陈志强', phone: GUARDIAN_PHONE, relation: '儿子' },
    notes: '行动不便，需要陪同复诊',
    consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION },
    ...overrides,
  };
}

export function surveyRequest(requestId: string, overrides: Partial<SaveSurveyRequest> = {}): SaveSurveyRequest {
  return {
    requestId,
    town: '石岐区',
    community: '悦来社区',
    household: { contactName: '陈桂英', address: ADDRESS, phone: PHONE, size: 1 },
    members: [{ relation: '本人', age: 82, situation: '独居，腿脚不便', categories: ['独居老人'] }],
    needs: [
      {
        category: '探访慰问',
        specialties: [],
        frequency: 'weekly',
        slots: [{ weekday: 2, slot: 'morning' }],
        urgency: 'soon',
        note: '希望有人陪聊天',
      },
    ],
    consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION },
    ...overrides,
  };
}
