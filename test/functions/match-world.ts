/**
 * A local cloud for the needs tests: hq, a coordinator of 石岐区, one of 东区, the leader of a 石岐区 brigade, an
 * unrelated leader, volunteers on demand. Recipients are written straight into the database in the stored shape
 * of server/repos/recipients.ts (detail encrypted with the functions' PII key) until `needs.saveRecipient` is
 * built; `recipient()` is the one place to switch to the real action.
 */
import type { PlanServiceInput } from '../../typings/api/needs';
import type { Brigade, Profile } from '../../typings/entities';
import type { Recipient, RecipientDetail } from '../../typings/needs';
import { RECIPIENT_NOTICE_VERSION } from '../../typings/data';
import { parseEjson } from '../../local-cloud/db/codec';
import { encrypt } from '../../server/rules/pii';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, ok, registration } from './helpers';

export const NOW = Date.UTC(2026, 10, 28, 1, 0);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;
export const PII_KEY = 'b2'.repeat(32);

/** A monthly haircut on Tuesday mornings for one person: the service most tests start from. */
export const haircut = (over: Partial<PlanServiceInput> = {}): PlanServiceInput => ({
  category: '义剪',
  specialties: ['理发'],
  frequency: 'monthly',
  weekday: 2,
  slot: 'morning',
  durationMinutes: 60,
  people: 1,
  startDate: NOW + DAY,
  ...over,
});

export interface NeedsWorld {
  cloud: TestCloud;
  brigade: Brigade;
  people: Record<string, Profile>;
  register(openid: string, overrides?: Parameters<typeof registration>[0]): Promise<Profile>;
  recipient(over?: Partial<Recipient>, detail?: Partial<RecipientDetail>): Promise<string>;
  insert(collection: string, docs: object[]): Promise<void>;
  docs<T>(collection: string, query?: object): Promise<T[]>;
  advance(ms: number): Promise<void>;
}

let mobileSeq = 0;
let recipientSeq = 0;

export async function needsWorld(poolSize?: number): Promise<NeedsWorld> {
  const cloud = await startTestCloud({
    now: NOW,
    env: { HQ_OPENIDS: HQ, PII_KEY, NOTICE_TEMPLATE_ID: 'tpl-notice' },
    ...(poolSize ? { poolSize } : {}),
  });
  const people: Record<string, Profile> = {};
  const register = async (openid: string, overrides: Parameters<typeof registration>[0] = {}) => {
    mobileSeq += 1;
    const mobile = `135${String(mobileSeq).padStart(8, '0')}`;
    people[openid] = await ok<Profile>(cloud, 'volunteers', 'register', registration({ mobile, ...overrides }), openid);
    return people[openid];
  };
  await register('coord', { name: '苏社工' });
  await register('east', { name: '林社工', town: '东区' });
  await register('leader', { name: '周队长' });
  await register('stranger', { name: '吴队长' });
  const make = (name: string) =>
    ok<Brigade>(cloud, 'brigades', 'create', { name, town: '石岐区', joinMode: 'open' }, HQ);
  const brigade = await make('石岐博爱大队');
  const other = await make('石岐青年大队');
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: people.leader.cardNo }, HQ);
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: other.brigadeId, cardNo: people.stranger.cardNo }, HQ);
  await ok(cloud, 'brigades', 'setCoordinator', { town: '石岐区', cardNo: people.coord.cardNo }, HQ);
  await ok(cloud, 'brigades', 'setCoordinator', { town: '东区', cardNo: people.east.cardNo }, HQ);

  const insert = async (collection: string, docs: object[]) => {
    for (let i = 0; i < docs.length; i += 1000) {
      await cloud.db.handle('database.insertDocument', {
        collectionName: collection,
        data: docs.slice(i, i + 1000).map((d) => JSON.stringify(d)),
      });
    }
  };
  const docs = async <T>(collection: string, query: object = {}) => {
    const res = (await cloud.db.handle('database.getDocument', {
      collectionName: collection,
      queryType: 'WHERE',
      query: JSON.stringify(query),
      limit: 1000,
    })) as { list: string[] };
    return res.list.map((text) => parseEjson(text) as T);
  };
  const recipient = async (over: Partial<Recipient> = {}, detail: Partial<RecipientDetail> = {}) => {
    recipientSeq += 1;
    const _id = `r${recipientSeq}`;
    const full: RecipientDetail = {
      name: '陈阿婆',
      address: '石岐区悦来南路 8 号 3 楼',
      phone: '13912345678',
      lat: 22.52,
      lng: 113.38,
      ...detail,
    };
    await insert('recipients', [
      {
        _id,
        displayName: '陈婆婆',
        town: '石岐区',
        community: '悦来社区',
        categories: ['独居老人'],
        status: 'active',
        consent: { by: 'self', version: RECIPIENT_NOTICE_VERSION, at: NOW },
        sealed: encrypt(JSON.stringify(full), Buffer.from(PII_KEY, 'hex')),
        createdBy: 'test',
        createdAt: NOW,
        updatedAt: NOW,
        ...over,
      },
    ]);
    return _id;
  };
  const advance = async (ms: number) => {
    await fetch(`${cloud.url}/v1/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
  };
  return { cloud, brigade, people, register, recipient, insert, docs, advance };
}
