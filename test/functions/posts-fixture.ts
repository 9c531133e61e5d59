/** A local cloud with hq, a brigade, its leader and volunteers, for the posts tests. */
import type { CreatePostRequest } from '../../typings/api/posts';
import type { Brigade, Post, Profile } from '../../typings/entities';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { HQ, ok, registration } from './helpers';

export const NOW = Date.UTC(2026, 10, 28, 1, 0); // 2026-11-28 09:00 in Zhongshan
export const HOUR = 3_600_000;

export interface PostsWorld {
  cloud: TestCloud;
  brigade: Brigade;
  people: Record<string, Profile>;
  post(overrides?: Partial<CreatePostRequest>, leader?: string): Promise<Post>;
  register(openid: string, overrides?: Parameters<typeof registration>[0]): Promise<Profile>;
  advance(ms: number): Promise<void>;
  /** Sets the functions' clock to this epoch time (it keeps ticking from there). */
  at(epochMs: number): Promise<void>;
}

let mobileSeq = 0;

/** `poolSize`: function instances serving calls at once (more make races likelier). */
export async function postsWorld(poolSize?: number): Promise<PostsWorld> {
  const cloud = await startTestCloud({ now: NOW, env: { HQ_OPENIDS: HQ }, ...(poolSize ? { poolSize } : {}) });
  const people: Record<string, Profile> = {};
  const register = async (openid: string, overrides: Parameters<typeof registration>[0] = {}) => {
    mobileSeq += 1;
    const mobile = `137${String(mobileSeq).padStart(8, '0')}`;
    people[openid] = await ok<Profile>(cloud, 'volunteers', 'register', registration({ mobile, ...overrides }), openid);
    return people[openid];
  };
  await register('leader', { name: '周队长' });
  const brigade = await ok<Brigade>(
    cloud,
    'brigades',
    'create',
    { name: '石岐博爱大队', town: '石岐区', joinMode: 'open' },
    HQ,
  );
  await ok(cloud, 'brigades', 'setLeader', { brigadeId: brigade.brigadeId, cardNo: people.leader.cardNo }, HQ);
  const post = (overrides: Partial<CreatePostRequest> = {}, leader = 'leader') =>
    ok<Post>(
      cloud,
      'posts',
      'create',
      {
        brigadeId: brigade.brigadeId,
        title: '探访独居长者',
        description: '上门陪伴聊天，帮忙整理家务。',
        category: '探访慰问',
        address: '石岐区悦来南路 1 号',
        startAt: NOW + 48 * HOUR,
        endAt: NOW + 50 * HOUR,
        quota: 3,
        ...overrides,
      },
      leader,
    );
  const advance = async (ms: number) => {
    await fetch(`${cloud.url}/v1/clock`, { method: 'POST', body: JSON.stringify({ advanceMs: ms }) });
  };
  const at = async (epochMs: number) => {
    await fetch(`${cloud.url}/v1/clock`, { method: 'POST', body: JSON.stringify({ now: epochMs }) });
  };
  return { cloud, brigade, people, post, register, advance, at };
}
