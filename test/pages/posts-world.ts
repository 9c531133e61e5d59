/**
 * A local cloud for the posts page tests: hq, a brigade with its leader, volunteers, posts made through the real
 * functions, and the cloud's clock (check-in windows, deadlines). Pages reach it through `installCloudInRealm`.
 */
import { PRIVACY_NOTICE_VERSION, type Brigade, type Envelope, type Post, type Profile } from '../../typings/index';
import type { CreatePostRequest } from '../../typings/api/posts';
import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { installCloudInRealm } from '../helpers/page';

export const HQ = 'demo-hq';
export const HOUR = 3_600_000;

export interface PostsWorld {
  cloud: TestCloud;
  brigade: Brigade;
  leader: string;
  /** Calls a function as `openid`; the data, or a thrown error with the message. */
  ok<T>(name: string, event: Record<string, unknown>, openid: string): Promise<T>;
  register(openid: string, name: string, extra?: Record<string, unknown>): Promise<Profile>;
  post(overrides?: Partial<CreatePostRequest>): Promise<Post>;
  /** The pages call the cloud as this identity from now on. */
  actAs(openid: string): void;
  /** `function.action` of every call the pages made, in the order they were answered. */
  calls: string[];
  stop(): Promise<void>;
}

let mobileSeq = 0;

export async function postsWorld(prefix: string): Promise<PostsWorld> {
  const cloud = await startTestCloud({ env: { HQ_OPENIDS: HQ } });
  let identity = '';
  const calls: string[] = [];
  installCloudInRealm(async (name, data) => {
    const reply = (await cloud.request(name, data, identity)).body;
    calls.push(`${name}.${String(data.action)}`);
    return reply;
  });

  const ok = async <T>(name: string, event: Record<string, unknown>, openid: string): Promise<T> => {
    const reply = (await cloud.request<Envelope<T>>(name, event, openid)).body;
    if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.code} ${reply.message}`);
    return reply.data;
  };
  const register = (openid: string, name: string, extra: Record<string, unknown> = {}) => {
    mobileSeq += 1;
    return ok<Profile>(
      'volunteers',
      {
        action: 'register',
        name,
        mobile: `136${String(mobileSeq).padStart(8, '0')}`,
        town: '石岐区',
        specialties: [],
        birthYear: 1985,
        privacyConsentVersion: PRIVACY_NOTICE_VERSION,
        ...extra,
      },
      openid,
    );
  };

  const leader = `${prefix}-leader`;
  const profile = await register(leader, '周队长');
  const brigade = await ok<Brigade>(
    'brigades',
    { action: 'create', name: `${prefix}石岐博爱大队`, town: '石岐区', joinMode: 'open' },
    HQ,
  );
  await ok('brigades', { action: 'setLeader', brigadeId: brigade.brigadeId, cardNo: profile.cardNo }, HQ);

  const post = (overrides: Partial<CreatePostRequest> = {}) => {
    const startAt = cloud.clock.now() + 48 * HOUR;
    return ok<Post>(
      'posts',
      {
        action: 'create',
        brigadeId: brigade.brigadeId,
        title: '探访独居长者',
        description: '上门陪伴聊天，帮忙整理家务。',
        category: '探访慰问',
        address: '石岐区悦来南路 1 号',
        startAt,
        endAt: startAt + 2 * HOUR,
        quota: 3,
        ...overrides,
      },
      leader,
    );
  };

  return {
    cloud,
    brigade,
    leader,
    ok,
    register,
    post,
    actAs: (openid) => {
      identity = openid;
    },
    calls,
    stop: () => cloud.stop(),
  };
}
