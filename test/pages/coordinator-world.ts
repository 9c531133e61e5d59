/**
 * The world of the coordinator page tests: 苏婉仪 coordinates 东区 and 石岐区; 陈小敏 and 李家豪 live in 东区, 吴淑芬
 * in 西区; one brigade in each of 东区, 西区 and 石岐区. `as(openid)` picks who the pages call as.
 */
import { PRIVACY_NOTICE_VERSION, type Envelope } from '../../typings/index';
import { startPageCloud, type PageCloud } from '../helpers/page-cloud';
import { installCloud, wxCalls } from '../helpers/page';

export const HQ = 'demo-hq';
let cloud: PageCloud;
let openid = '';

async function ok<T>(name: string, event: Record<string, unknown>, caller: string): Promise<T> {
  const reply = (await cloud.call(name, event, caller)) as Envelope<T>;
  if (!reply.ok) throw new Error(`${name}.${String(event.action)}: ${reply.message}`);
  return reply.data;
}

function register(caller: string, name: string, town: string, mobile: string) {
  const person = { name, mobile, town, specialties: ['社工'], birthYear: 1988 };
  return ok<{ cardNo: string }>(
    'volunteers',
    { action: 'register', ...person, privacyConsentVersion: PRIVACY_NOTICE_VERSION },
    caller,
  );
}

export interface CoordinatorWorld {
  /** The pages call as this openid from now on. */
  as(who: string): void;
  /** A direct call, as `openid` (to check what was stored). */
  call(name: string, event: Record<string, unknown>, openid: string): Promise<unknown>;
  /** Card numbers by openid. */
  cards: Record<string, string>;
  stop(): Promise<void>;
}

export async function coordinatorWorld(): Promise<CoordinatorWorld> {
  cloud = await startPageCloud();
  installCloud((name, data) => cloud.call(name, data, openid));
  const cards: Record<string, string> = {};
  for (const [who, name, town, mobile] of [
    ['su', '苏婉仪', '东区', '13800000001'],
    ['plain', '陈小敏', '东区', '13800000002'],
    ['east-2', '李家豪', '东区', '13800000003'],
    ['west-1', '吴淑芬', '西区', '13800000004'],
  ]) {
    cards[who] = (await register(who, name, town, mobile)).cardNo;
  }
  for (const town of ['东区', '石岐区']) {
    await ok('brigades', { action: 'setCoordinator', town, cardNo: cards.su }, HQ);
  }
  for (const [name, town] of [
    ['东区博爱大队', '东区'],
    ['西区博爱大队', '西区'],
    ['石岐博爱大队', '石岐区'],
  ]) {
    await ok('brigades', { action: 'create', name, town, joinMode: 'open' }, HQ);
  }
  return {
    as: (who) => {
      openid = who;
    },
    call: (name, event, who) => cloud.call(name, event, who),
    cards,
    stop: () => cloud.stop(),
  };
}

/** The world for one test file: started before its tests, stopped after; `as` picks who the pages call as. */
export function useCoordinatorWorld(): CoordinatorWorld {
  let world: CoordinatorWorld | undefined;
  beforeAll(async () => {
    world = await coordinatorWorld();
  }, 60_000);
  afterAll(() => world?.stop());
  const current = () => {
    if (!world) throw new Error('the coordinator world has not started');
    return world;
  };
  return {
    as: (who) => current().as(who),
    call: (name, event, who) => current().call(name, event, who),
    get cards() {
      return current().cards;
    },
    stop: () => current().stop(),
  };
}

/** The url of the last wx.navigateTo. */
export const lastUrl = () => (wxCalls.at(-1)?.args as { url: string }).url;
