/**
 * The rule for every wish action of `resources` (and the board): the outcome for each role — a visitor, a plain
 * volunteer, the leader of the recipient's brigade, another leader, the coordinator of the recipient's town, another
 * town's coordinator, hq staff who never registered — one bad input per action with nothing written, and no
 * recipient name, address or phone in any reply.
 */
import type { ResourcesApi } from '../../typings/api/resources';
import type { ErrorCode } from '../../typings/errors';
import { HQ, call, ok } from './helpers';
import { needsWorld, type NeedsWorld } from './match-world';

const ROLES = ['visitor', 'volunteer', 'leader', 'otherLeader', 'coordinator', 'otherCoordinator', 'hq'] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'ok' | ErrorCode;
type WishActions = Pick<
  ResourcesApi,
  'saveWish' | 'reviewWish' | 'wishes' | 'wish' | 'claimWish' | 'fulfilWish' | 'confirmWish' | 'board'
>;

const OK = 'ok';
const UNAUTH = 'UNAUTHENTICATED';
const DENIED = 'PERMISSION_DENIED';
const STATE = 'FAILED_PRECONDITION';
const SECRETS = /陈阿婆|悦来南路|13912345678/;

let w: NeedsWorld;
let as: Record<Role, string>;
let recipientId: string;
let published: string;
let pending: string;
let claimed: string;
beforeAll(async () => {
  w = await needsWorld();
  await w.register('vol', { name: '黄志明' });
  as = {
    visitor: 'visitor',
    volunteer: 'vol',
    leader: 'leader',
    otherLeader: 'stranger',
    coordinator: 'coord',
    otherCoordinator: 'east',
    hq: HQ,
  };
  recipientId = await w.recipient({ brigadeId: w.brigade.brigadeId } as never);
  pending = await post();
  published = await publish();
  claimed = await publish();
  await ok(w.cloud, 'resources', 'claimWish', { wishId: claimed, requestId: 'matrix-claim' }, 'vol');
});
afterAll(() => w.cloud.stop());

async function post(): Promise<string> {
  const saved = await ok<{ wishId: string }>(
    w.cloud,
    'resources',
    'saveWish',
    { recipientId, title: '一台电暖器', description: '冬天屋里很冷', kind: 'goods', estimatedValue: 200 },
    'coord',
  );
  return saved.wishId;
}

async function publish(): Promise<string> {
  const wishId = await post();
  await ok(w.cloud, 'resources', 'reviewWish', { wishId, approve: true }, HQ);
  return wishId;
}

/** Outcomes with a default for the unregistered (visitor, hq) and for the registered roles. */
const outcomes = (unregistered: Outcome, registered: Outcome, own: Partial<Record<Role, Outcome>> = {}) =>
  Object.fromEntries(
    ROLES.map((r) => [r, own[r] ?? (r === 'visitor' || r === 'hq' ? unregistered : registered)]),
  ) as Record<Role, Outcome>;

interface Spec<A extends keyof WishActions> {
  params: (role: Role) => WishActions[A]['req'] | Promise<WishActions[A]['req']>;
  expect: Record<Role, Outcome>;
  /** A wrong type or value, called by a role that may call the action (none for an action without input). */
  bad?: { as: Role; params: () => object };
}

const MATRIX: { [A in keyof WishActions]: Spec<A> } = {
  saveWish: {
    params: () => ({ recipientId, title: '一床棉被', description: '被子太薄', kind: 'goods' }),
    expect: outcomes(UNAUTH, DENIED, { leader: OK, coordinator: OK }),
    bad: {
      as: 'coordinator',
      params: () => ({ recipientId, title: '一床棉被', description: '被子太薄', kind: 'cash' }),
    },
  },
  reviewWish: {
    params: async () => ({ wishId: await post(), approve: true }),
    expect: outcomes(DENIED, DENIED, { hq: OK }),
    bad: { as: 'hq', params: () => ({ wishId: pending, approve: 'yes' }) },
  },
  wishes: {
    params: () => ({ town: '石岐区' }),
    expect: outcomes(OK, OK),
    bad: { as: 'visitor', params: () => ({ town: '火星' }) },
  },
  wish: {
    params: () => ({ wishId: published }),
    expect: outcomes(OK, OK),
    bad: { as: 'visitor', params: () => ({ wishId: 42 }) },
  },
  claimWish: {
    params: async (role) => ({ wishId: await publish(), requestId: `matrix-${role}` }),
    // The coordinator posted these wishes: a poster may not claim their own.
    expect: outcomes(UNAUTH, OK, { coordinator: STATE }),
    bad: { as: 'volunteer', params: () => ({ wishId: published }) },
  },
  fulfilWish: {
    params: () => ({ wishId: claimed, photoFileIds: ['cloud://env/wishes/x/a.jpg'] }),
    // Only the claimer may; the claimer's made-up fileID is checked by the files API.
    expect: outcomes(DENIED, DENIED, { volunteer: 'INVALID_ARGUMENT' }),
    bad: { as: 'volunteer', params: () => ({ wishId: claimed, photoFileIds: 'a.jpg' }) },
  },
  confirmWish: {
    params: () => ({ wishId: claimed }),
    // The recipient's side may, once the photos are in: this wish is only claimed.
    expect: outcomes(UNAUTH, DENIED, { coordinator: STATE }),
    bad: { as: 'coordinator', params: () => ({ wishId: claimed, thanks: 7 }) },
  },
  board: {
    params: () => ({}),
    expect: outcomes(OK, OK),
  },
};

const snapshot = async () => JSON.stringify([await w.docs('wishes'), await w.docs('board')]);

describe.each(Object.keys(MATRIX) as (keyof WishActions)[])('resources.%s', (action) => {
  const spec = MATRIX[action] as Spec<typeof action>;
  it.each(ROLES)('answers %s as the rule says, showing no recipient secret', async (role) => {
    const reply = await call(w.cloud, 'resources', action, await spec.params(role), as[role]);
    const outcome = reply.body.ok ? OK : reply.body.code;
    expect({ role, outcome }).toEqual({ role, outcome: spec.expect[role] });
    expect(JSON.stringify(reply.body)).not.toMatch(SECRETS);
    if (!reply.body.ok) expect(reply.body.message).toMatch(/[\u4e00-\u9fff]/);
  });

  // `board` takes no input, so it has no bad-input row.
  const bad = spec.bad;
  if (!bad) return;
  it('refuses a bad input with INVALID_ARGUMENT and writes nothing', async () => {
    const before = await snapshot();
    const reply = await call(w.cloud, 'resources', action, bad.params(), as[bad.as]);
    expect(reply.body).toMatchObject({ ok: false, code: 'INVALID_ARGUMENT' });
    expect(await snapshot()).toBe(before);
  });
});
