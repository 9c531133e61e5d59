/**
 * The demo world the reachability test walks: one seeded local cloud for every role. Taps may read but not
 * write: a tap's call to a write action is refused before it reaches the cloud, and a tap that still wrote is
 * reported, so one role's walk never changes what the next role sees.
 */
import { PRIVACY_NOTICE_VERSION, type Envelope } from '../../../typings/index';
import { DEMO, seedDemo } from '../../../local-cloud/seed';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { installCloud, settle } from '../../helpers/page';
import { planOfLeadersBrigade } from './plan';

/** Actions that write: a tap that calls one gets a refusal, as if the user had not confirmed. */
const WRITES = new Set([
  'register',
  'update',
  'updateProfile',
  'deleteAccount',
  'signup',
  'withdraw',
  'join',
  'apply',
  'leave',
  'review',
  'create',
  'edit',
  'cancel',
  'checkin',
  'checkIn',
  'record',
  'transfer',
  'registerDonor',
  'reviewDonor',
  'savePledge',
  'matchPledge',
  'handOverPledge',
  'withdrawPledge',
  'saveProject',
  'invite',
  // a poster's code: the post's scene the first time, a fresh invite for a brigade
  'poster',
  'setLeader',
  'award',
  'recompute',
  'saveSurvey',
  'dismissSurvey',
  'saveRecipient',
  'closeRecipient',
  'savePlan',
  'reviewPlan',
  'addNote',
  'assign',
  'respond',
  'offerHelp',
  'setCoordinator',
  'saveGroup',
  'saveWish',
  'reviewWish',
  'claimWish',
  'fulfilWish',
  'confirmWish',
]);

const HOUR = 3_600_000;

export interface ReachWorld {
  actAs(openid: string): void;
  /** While on, taps are being explored: writes are refused and any write that got through is listed. */
  tapping(on: boolean): void;
  /** Resolves once no call is in flight. */
  quiet(): Promise<void>;
  /** `function.action (docs written)` of each write a tap made. */
  wrote: string[];
  /** Registers `openid` as a volunteer named `name`, outside the walk. */
  register(openid: string, name: string): Promise<void>;
  stop(): Promise<void>;
}

/** The seeded world; `hq` are the openids of headquarters staff (HQ_OPENIDS). */
export async function reachWorld(hq: string[]): Promise<ReachWorld> {
  const cloud: TestCloud = await startTestCloud({ env: { HQ_OPENIDS: hq.join(',') } });
  const seeded = await seedDemo(cloud);
  await serviceStartingSoon(cloud, seeded.refs.brigade);
  await planOfLeadersBrigade(cloud, seeded.refs.brigade);
  let identity = '';
  let tapping = false;
  let inFlight = 0;
  const wrote: string[] = [];
  installCloud(async (name, data) => {
    const what = `${name}.${String(data.action)}`;
    if (tapping && WRITES.has(String(data.action)))
      return { ok: false, code: 'PERMISSION_DENIED', message: '浏览中，不写入' } satisfies Envelope<never>;
    inFlight += 1;
    try {
      const reply = await cloud.request(name, data, identity);
      if (tapping && reply.metrics.docsWritten > 0) wrote.push(`${what} (${reply.metrics.docsWritten})`);
      return reply.body;
    } finally {
      inFlight -= 1;
    }
  });
  return {
    actAs: (openid) => void (identity = openid),
    tapping: (on) => void (tapping = on),
    async quiet() {
      for (let idle = 0; idle < 2;) {
        await settle();
        idle = inFlight === 0 ? idle + 1 : 0;
      }
    },
    wrote,
    register: async (openid, name) => void (await ok(cloud, 'volunteers', registration(name), openid)),
    stop: () => cloud.stop(),
  };
}

async function ok(cloud: TestCloud, name: string, event: Record<string, unknown>, openid: string): Promise<unknown> {
  const reply = await cloud.request<Envelope<unknown>>(name, event, openid);
  if (!reply.body.ok) throw new Error(`${name}.${String(event.action)} failed: ${JSON.stringify(reply.body)}`);
  return reply.body.data;
}

/**
 * A service of the demo leader's brigade starting in ten minutes (on the pages' real clock), the demo volunteer
 * confirmed: check-in is open, so 我的报名 offers 去签到. Posted two days earlier on a clock set back.
 */
async function serviceStartingSoon(cloud: TestCloud, brigadeId: string): Promise<void> {
  const startAt = Date.now() + 10 * 60_000;
  cloud.clock.set(startAt - 48 * HOUR);
  const post = (await ok(
    cloud,
    'posts',
    {
      action: 'create',
      brigadeId,
      title: '社区长者义剪',
      description: '为行动不便的长者上门理发。',
      category: '探访慰问',
      address: '石岐区悦来南路 1 号',
      startAt,
      endAt: startAt + 2 * HOUR,
      quota: 3,
    },
    DEMO.leader,
  )) as { postId: string };
  await ok(cloud, 'posts', { action: 'signup', postId: post.postId }, DEMO.volunteer);
  cloud.clock.set(Date.now());
}

const registration = (name: string) => ({
  action: 'register',
  name,
  mobile: '13900139000',
  town: '石岐区',
  specialties: [],
  birthYear: 1988,
  privacyConsentVersion: PRIVACY_NOTICE_VERSION,
});
