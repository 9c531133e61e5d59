/**
 * The demo world the reachability test walks: one seeded local cloud for every role. Taps may read but not
 * write: a tap's call to a write action is refused before it reaches the cloud, and a tap that still wrote is
 * reported, so one role's walk never changes what the next role sees.
 */
import { PRIVACY_NOTICE_VERSION, type Envelope } from '../../../typings/index';
import { seedDemo } from '../../../local-cloud/seed';
import { startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { installCloud, settle } from '../../helpers/page';

/** Actions that write: a tap that calls one gets a refusal, as if the user had not confirmed. */
const WRITES = new Set([
  'register',
  'update',
  'updateProfile',
  'deleteAccount',
  'signup',
  'withdraw',
  'join',
  'leave',
  'review',
  'create',
  'edit',
  'cancel',
  'checkin',
  'checkIn',
  'record',
  'transfer',
  'invite',
  'setLeader',
  'award',
  'recompute',
]);

export const HQ_REGISTERED = 'reach-hq-registered';

export interface ReachWorld {
  actAs(openid: string): void;
  /** While on, taps are being explored: writes are refused and any write that got through is listed. */
  tapping(on: boolean): void;
  /** Resolves once no call is in flight. */
  quiet(): Promise<void>;
  /** `function.action (docs written)` of each write a tap made. */
  wrote: string[];
  stop(): Promise<void>;
}

export async function reachWorld(): Promise<ReachWorld> {
  const cloud: TestCloud = await startTestCloud({ env: { HQ_OPENIDS: `demo-hq,${HQ_REGISTERED}` } });
  await seedDemo(cloud);
  const registered = await cloud.request<Envelope<unknown>>(
    'volunteers',
    {
      action: 'register',
      name: '总队小陈',
      mobile: '13900139000',
      town: '石岐区',
      specialties: [],
      birthYear: 1988,
      privacyConsentVersion: PRIVACY_NOTICE_VERSION,
    },
    HQ_REGISTERED,
  );
  if (!registered.body.ok) throw new Error(`registering hq failed: ${JSON.stringify(registered.body)}`);

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
    stop: () => cloud.stop(),
  };
}
