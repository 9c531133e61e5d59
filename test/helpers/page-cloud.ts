/**
 * The cloud behind page tests. Uses the real local cloud in-process (`test/helpers/local-cloud.ts`,
 * `startTestCloud()`) when it exists, so page tests run the real, unmodified functions; until then a minimal
 * in-memory fake answers the few actions the page tests call, in the contract's envelope.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Envelope, MeResponse, Page, Post, Profile } from '../../typings/index';

export interface PageCloud {
  /** Same shape as the local cloud's: `(name, event, openid)` → the function's reply (an envelope). */
  call(name: string, event: Record<string, unknown>, openid: string): Promise<unknown>;
  stop(): Promise<void>;
  /** True when this is the real local cloud. */
  real: boolean;
}

interface LocalCloudModule {
  startTestCloud(): Promise<{
    /** In-process call (the planned API). */
    call?(name: string, event: Record<string, unknown>, openid: string): Promise<{ result: unknown }>;
    /** Over HTTP, `POST /v1/functions/:name` (what the helper offers today). */
    request?(name: string, event: Record<string, unknown>, openid: string): Promise<{ body: unknown }>;
    stop(): Promise<void> | void;
  }>;
}

const LOCAL_CLOUD_HELPER = join(__dirname, 'local-cloud.ts');

export async function startPageCloud(): Promise<PageCloud> {
  if (existsSync(LOCAL_CLOUD_HELPER) && process.env.PAGE_TESTS_FAKE_CLOUD !== '1') {
    const { startTestCloud } = require(LOCAL_CLOUD_HELPER) as LocalCloudModule; // eslint-disable-line @typescript-eslint/no-require-imports
    const cloud = await startTestCloud();
    return {
      real: true,
      call: async (name, event, openid) => {
        if (cloud.call) return (await cloud.call(name, event, openid)).result;
        if (cloud.request) return (await cloud.request(name, event, openid)).body;
        throw new Error('test/helpers/local-cloud.ts offers neither call() nor request()');
      },
      stop: async () => {
        await cloud.stop();
      },
    };
  }
  return startFakeCloud();
}

/** The fake: volunteers.me / volunteers.register and posts.list, enough for the shell's page tests. */
export function startFakeCloud(posts: Post[] = []): PageCloud {
  const profiles = new Map<string, Profile>();
  const ok = <T>(data: T): Envelope<T> => ({ ok: true, data });
  const fail = (code: 'NOT_FOUND' | 'INVALID_ARGUMENT', message: string): Envelope<never> => ({
    ok: false,
    code,
    message,
  });

  return {
    real: false,
    stop: async () => undefined,
    async call(name, event, openid) {
      const action = `${name}.${String(event.action)}`;
      switch (action) {
        case 'volunteers.me': {
          const profile = profiles.get(openid);
          const me: MeResponse = profile
            ? {
                registered: true,
                profile,
                cardNo: profile.cardNo,
                stars: 0,
                earnedMinutes: 0,
                balanceMinutes: 0,
                roles: ['volunteer'],
              }
            : { registered: false, roles: ['visitor'] };
          return ok(me);
        }
        case 'volunteers.register': {
          if (typeof event.name !== 'string' || !/^1\d{10}$/.test(String(event.mobile))) {
            return fail('INVALID_ARGUMENT', '填写的内容有误，请检查后重试');
          }
          const now = Date.now();
          const profile: Profile = {
            volunteerId: `v${profiles.size + 1}`,
            cardNo: `ZSBA-${new Date(now).getFullYear()}-${String(profiles.size + 1).padStart(6, '0')}`,
            name: event.name,
            mobile: String(event.mobile),
            town: event.town as Profile['town'],
            specialties: (event.specialties as Profile['specialties']) ?? [],
            intentions: [],
            serviceAreas: [],
            availability: [],
            birthYear: Number(event.birthYear),
            privacyConsent: { version: String(event.privacyConsentVersion), at: now },
            registeredAt: now,
          };
          profiles.set(openid, profile);
          return ok(profile);
        }
        case 'posts.list': {
          const page: Page<Post> = { items: posts.slice(0, Number(event.pageSize ?? 20)) };
          return ok(page);
        }
        default:
          return fail('NOT_FOUND', `fake cloud: ${action} is not faked`);
      }
    },
  };
}
