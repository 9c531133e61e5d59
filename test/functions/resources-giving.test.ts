// The giving side of the resource platform through the local cloud: donors (register, review, masking, the donor's
// page), goods pledges (offer with a requestId, the town's list, match, hand over, withdraw, the board's counters)
// and charity projects (designated platforms, https links, public list). Bad input writes nothing; two coordinators
// matching one pledge at once → one wins; the same requestId at once → one pledge.
import type { CharityProject, Donor, Pledge } from '../../typings/resources';
import type { Page } from '../../typings/entities';
import { maskMobile } from '../../typings/display';
import { HQ, fails, ok } from './helpers';
import { needsWorld, type NeedsWorld } from './needs-world';

const DAY = 86_400_000;
const CODE = '9144030071526726XG';
const OTHER_CODE = '91330100799655058B';

let w: NeedsWorld;
const res = <T>(action: string, params: object, openid: string) => ok<T>(w.cloud, 'resources', action, params, openid);
const refused = (action: string, params: object, openid: string) => fails(w.cloud, 'resources', action, params, openid);
const count = async (collection: string, query: object = {}) => (await w.docs(collection, query)).length;
const boardOf = async (town: string) => (await w.docs<Record<string, number>>('board', { _id: town }))[0] ?? {};

const donorRequest = (over: object = {}) => ({
  name: '中山市爱心科技有限公司',
  creditCode: CODE,
  contactName: '黄经理',
  contactMobile: '13922223333',
  town: '石岐区',
  publicThanks: true,
  ...over,
});

let seq = 0;
const pledgeRequest = (over: object = {}) => ({
  what: '大米',
  quantity: 20,
  unit: '袋',
  condition: 'new',
  town: '石岐区',
  pickupFrom: w.now() + DAY,
  pickupTo: w.now() + 3 * DAY,
  note: '工作日白天可取',
  requestId: `pledge-${(seq += 1)}`,
  ...over,
});

const offer = async (openid = 'vol', over: object = {}) =>
  (await res<{ pledgeId: string }>('savePledge', pledgeRequest(over), openid)).pledgeId;

async function putWish(id: string, town: string, status: string, over: object = {}) {
  await w.put('wishes', {
    _id: id,
    recipientId: 'rc_x',
    recipient: { displayName: '陈婆', town, community: '悦来社区' },
    town,
    title: '一台电暖器',
    description: '冬天怕冷',
    kind: 'goods',
    status,
    postedById: 'x',
    postedBy: '石岐博爱大队',
    createdAt: w.now(),
    updatedAt: w.now(),
    ...over,
  });
}

beforeAll(async () => {
  w = await needsWorld();
}, 120_000);
afterAll(() => w.cloud.stop());

describe('donors (爱心企业)', () => {
  let donorId: string;

  it('any WeChat user registers a company; hq sees it pending in full, the mobile stored encrypted', async () => {
    const made = await res<{ donorId: string; status: string }>('registerDonor', donorRequest(), 'company');
    expect(made.status).toBe('pending');
    donorId = made.donorId;
    const page = await res<Page<Donor>>('donors', {}, HQ);
    expect(page.items).toEqual([
      expect.objectContaining({ donorId, creditCode: CODE, contactMobile: '13922223333', status: 'pending' }),
    ]);
    const [stored] = await w.docs('donors', { _id: donorId });
    expect(JSON.stringify(stored)).not.toContain('13922223333');
  });

  it('a code with a wrong check character, or a bad mobile, is refused and nothing is stored', async () => {
    const bad = await refused('registerDonor', donorRequest({ creditCode: '9144030071526726XA' }), 'bad-co');
    expect(bad).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { creditCode: expect.stringContaining('校验位') } });
    const phone = await refused(
      'registerDonor',
      donorRequest({ creditCode: OTHER_CODE, contactMobile: '123' }),
      'bad-co',
    );
    expect(phone.code).toBe('INVALID_ARGUMENT');
    const long = await refused(
      'registerDonor',
      donorRequest({ creditCode: OTHER_CODE, name: '爱'.repeat(41) }),
      'bad-co',
    );
    expect(long.code).toBe('INVALID_ARGUMENT');
    expect(await count('donors', { openid: 'bad-co' })).toBe(0);
  });

  it('one donor per openid, and a credit code registers once', async () => {
    expect((await refused('registerDonor', donorRequest({ creditCode: OTHER_CODE }), 'company')).code).toBe(
      'ALREADY_EXISTS',
    );
    const taken = await refused('registerDonor', donorRequest({ creditCode: ' 9144 0300 7152 6726xg' }), 'copycat');
    expect(taken).toMatchObject({ code: 'ALREADY_EXISTS', message: expect.stringContaining('已由其他人登记') });
    expect(await count('donors')).toBe(1);
  });

  it('only hq reviews; a rejection needs a reason; the donor resubmits and is verified', async () => {
    expect((await refused('reviewDonor', { donorId, approve: true }, 'coord')).code).toBe('PERMISSION_DENIED');
    expect((await refused('reviewDonor', { donorId, approve: false }, HQ)).code).toBe('INVALID_ARGUMENT');
    expect(await res('reviewDonor', { donorId, approve: false, reason: '联系人电话无法接通' }, HQ)).toEqual({
      status: 'rejected',
    });
    expect((await res<{ donor: Donor }>('myDonor', {}, 'company')).donor).toMatchObject({
      status: 'rejected',
      reason: '联系人电话无法接通',
    });
    const again = await res<{ donorId: string }>(
      'registerDonor',
      donorRequest({ contactMobile: '13922224444' }),
      'company',
    );
    expect(again).toEqual({ donorId, status: 'pending' });
    expect(await res('reviewDonor', { donorId, approve: true }, HQ)).toEqual({ status: 'verified' });
    expect((await refused('reviewDonor', { donorId, approve: false, reason: '重复' }, HQ)).code).toBe(
      'FAILED_PRECONDITION',
    );
  });

  it('a coordinator sees verified donors masked; a volunteer sees none', async () => {
    const page = await res<Page<Donor>>('donors', {}, 'coord');
    expect(page.items).toEqual([
      expect.objectContaining({ donorId, creditCode: '91440300********XG', contactMobile: '139****4444' }),
    ]);
    expect(JSON.stringify(page)).not.toContain(CODE);
    expect((await refused('donors', { status: 'pending' }, 'coord')).code).toBe('PERMISSION_DENIED');
    expect((await refused('donors', {}, 'vol')).code).toBe('PERMISSION_DENIED');
    expect((await res<Page<Donor>>('donors', { status: 'verified' }, HQ)).items[0].creditCode).toBe(CODE);
  });

  it("the donor's page shows its record in full and the wishes it claimed and fulfilled", async () => {
    await putWish('ws_d1', '石岐区', 'claimed', { claimerOpenid: 'company', claimedAt: w.now() - 2 * DAY });
    await putWish('ws_d2', '石岐区', 'closed', { claimerOpenid: 'company', claimedAt: w.now() - DAY });
    await putWish('ws_d3', '石岐区', 'claimed', { claimerOpenid: 'someone-else', claimedAt: w.now() });
    const mine = await res<{ donor: Donor; claimed: number; fulfilled: number; wishes: { wishId: string }[] }>(
      'myDonor',
      {},
      'company',
    );
    expect(mine).toMatchObject({ donor: { creditCode: CODE, contactMobile: '13922224444' }, claimed: 2, fulfilled: 1 });
    expect(mine.wishes.map((x) => x.wishId)).toEqual(['ws_d2', 'ws_d1']);
    expect(await res('myDonor', {}, 'nobody')).toEqual({ claimed: 0, fulfilled: 0, wishes: [] });
  });
});

describe('goods pledges (物资捐赠)', () => {
  it('a volunteer offers goods; it counts as pledged on the board and shows in 我的捐赠 and the town list', async () => {
    const before = (await boardOf('石岐区')).pledged ?? 0;
    const pledgeId = await offer('vol');
    expect((await boardOf('石岐区')).pledged).toBe(before + 1);
    const mine = await res<Page<Pledge>>('pledges', { mine: true }, 'vol');
    expect(mine.items[0]).toMatchObject({
      pledgeId,
      what: '大米',
      quantity: 20,
      status: 'offered',
      by: '陈**',
      mine: true,
    });
    expect(mine.items[0].contact).toBeUndefined();
    const town = await res<Page<Pledge>>('pledges', {}, 'coord');
    const row = town.items.find((p) => p.pledgeId === pledgeId);
    expect(row?.contact?.name).toBe('陈小明');
    expect(maskMobile(row?.contact?.mobile ?? '')).toBe(w.people.vol.mobile);
    expect(row?.contact?.mobile).toMatch(/^1\d{10}$/);
  });

  it("another town's coordinator and a plain volunteer cannot see a town's pledges", async () => {
    expect((await refused('pledges', { town: '石岐区' }, 'coord-east')).code).toBe('PERMISSION_DENIED');
    expect((await refused('pledges', {}, 'vol2')).code).toBe('PERMISSION_DENIED');
  });

  it('a verified donor pledges as the company; an unregistered visitor may not pledge', async () => {
    const pledgeId = await offer('company', { what: '冬被' });
    const [row] = (await res<Page<Pledge>>('pledges', { mine: true }, 'company')).items;
    expect(row).toMatchObject({ pledgeId, by: '中山市爱心科技有限公司' });
    const town = await res<Page<Pledge>>('pledges', { town: '石岐区' }, HQ);
    expect(town.items.find((p) => p.pledgeId === pledgeId)?.contact).toEqual({
      name: '黄经理（中山市爱心科技有限公司）',
      mobile: '13922224444',
    });
    expect((await refused('savePledge', pledgeRequest(), 'walk-in')).code).toBe('UNAUTHENTICATED');
  });

  it('bad input is refused with a clear message and writes nothing', async () => {
    const before = await count('pledges');
    const now = w.now();
    const cases: [object, RegExp][] = [
      [{ quantity: 0 }, /数量/],
      [{ quantity: 10001 }, /数量/],
      [{ what: '米'.repeat(31) }, /物品名称/],
      [{ condition: 'broken' }, /成色/],
      [{ town: '广州' }, /镇区/],
      [{ pickupFrom: now - 3 * DAY, pickupTo: now - DAY }, /将来/],
      [{ pickupFrom: now + DAY, pickupTo: now + 32 * DAY }, /30 天/],
      [{ pickupFrom: now + 2 * DAY, pickupTo: now + DAY }, /晚于/],
      [{ requestId: '' }, /请求编号/],
    ];
    for (const [over, message] of cases) {
      const error = await refused('savePledge', pledgeRequest(over), 'vol');
      expect(error.code).toBe('INVALID_ARGUMENT');
      expect(error.message).toMatch(message);
    }
    expect(await count('pledges')).toBe(before);
  });

  it('the same requestId sent ten times at once makes one pledge, counted once', async () => {
    const before = (await boardOf('石岐区')).pledged ?? 0;
    const request = pledgeRequest({ what: '食用油' });
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => res<{ pledgeId: string }>('savePledge', request, 'vol2')),
    );
    expect(new Set(replies.map((r) => r.pledgeId)).size).toBe(1);
    expect(await count('pledges', { openid: 'vol2' })).toBe(1);
    expect((await boardOf('石岐区')).pledged).toBe(before + 1);
    // Another person's same requestId is their own pledge.
    const theirs = await res<{ pledgeId: string }>('savePledge', request, 'vol');
    expect(theirs.pledgeId).not.toBe(replies[0].pledgeId);
  });

  it('two coordinators matching one pledge at once: exactly one wins', async () => {
    const pledgeId = await offer('vol');
    await putWish('ws_m1', '石岐区', 'published');
    await putWish('ws_m2', '石岐区', 'claimed');
    const both = await Promise.all([
      w.cloud.request<{ ok: boolean; code?: string }>(
        'resources',
        { action: 'matchPledge', pledgeId, wishId: 'ws_m1' },
        'coord',
      ),
      w.cloud.request<{ ok: boolean; code?: string }>(
        'resources',
        { action: 'matchPledge', pledgeId, wishId: 'ws_m2' },
        HQ,
      ),
    ]);
    const bodies = both.map((r) => r.body);
    expect(bodies.filter((b) => b.ok)).toHaveLength(1);
    expect(bodies.filter((b) => !b.ok).map((b) => b.code)).toEqual(['FAILED_PRECONDITION']);
    const [row] = await w.docs<{ status: string; match: { wishId: string } }>('pledges', { _id: pledgeId });
    expect(row.status).toBe('matched');
    expect(['ws_m1', 'ws_m2']).toContain(row.match.wishId);
  });

  it('matching checks the role, the town and the target; a refused match changes nothing', async () => {
    const pledgeId = await offer('vol');
    await putWish('ws_east', '东区', 'published');
    await putWish('ws_pending', '石岐区', 'pending');
    expect((await refused('matchPledge', { pledgeId, wishId: 'ws_m1' }, 'coord-east')).code).toBe('PERMISSION_DENIED');
    expect((await refused('matchPledge', { pledgeId, wishId: 'ws_m1' }, 'vol')).code).toBe('PERMISSION_DENIED');
    expect((await refused('matchPledge', { pledgeId, wishId: 'ws_east' }, 'coord')).code).toBe('INVALID_ARGUMENT');
    expect((await refused('matchPledge', { pledgeId, wishId: 'ws_pending' }, 'coord')).code).toBe(
      'FAILED_PRECONDITION',
    );
    expect((await refused('matchPledge', { pledgeId }, 'coord')).code).toBe('INVALID_ARGUMENT');
    expect((await refused('matchPledge', { pledgeId, wishId: 'ws_m1', planId: 'p' }, 'coord')).code).toBe(
      'INVALID_ARGUMENT',
    );
    expect((await refused('matchPledge', { pledgeId, planId: 'pl_none' }, 'coord')).code).toBe('NOT_FOUND');
    const [row] = await w.docs<{ status: string }>('pledges', { _id: pledgeId });
    expect(row.status).toBe('offered');
  });

  it('matched to an open plan, handed over (counted on the board); the pledger cannot withdraw it then', async () => {
    await w.put('plans', {
      _id: 'plan_g1',
      recipientId: 'rc_x',
      recipient: { recipientId: 'rc_x', displayName: '何伯', town: '石岐区', community: '悦来社区', categories: [] },
      brigadeId: w.brigade.brigadeId,
      brigadeName: w.brigade.name,
      town: '石岐区',
      community: '悦来社区',
      goals: '冬季慰问',
      services: [],
      status: 'open',
      createdAt: w.now(),
      updatedAt: w.now(),
    });
    const pledgeId = await offer('vol');
    expect((await refused('handOverPledge', { pledgeId }, 'coord')).code).toBe('FAILED_PRECONDITION');
    expect(await res('matchPledge', { pledgeId, planId: 'plan_g1' }, 'coord')).toEqual({ status: 'matched' });
    expect((await refused('withdrawPledge', { pledgeId }, 'vol')).message).toContain('已匹配');
    expect((await refused('handOverPledge', { pledgeId }, 'coord-east')).code).toBe('PERMISSION_DENIED');
    const before = (await boardOf('石岐区')).handed ?? 0;
    expect(await res('handOverPledge', { pledgeId }, 'coord')).toEqual({ status: 'handed' });
    expect((await boardOf('石岐区')).handed).toBe(before + 1);
    expect((await refused('handOverPledge', { pledgeId }, 'coord')).message).toContain('已交接');
    const town = await res<Page<Pledge>>('pledges', { status: 'handed' }, 'coord');
    expect(town.items.find((p) => p.pledgeId === pledgeId)?.contact).toBeUndefined();
    const [row] = (await res<Page<Pledge>>('pledges', { mine: true, status: 'handed' }, 'vol')).items;
    expect(row).toMatchObject({ pledgeId, status: 'handed', match: { planId: 'plan_g1', title: '何伯的服务计划' } });
  });

  it('the pledger withdraws an offered pledge (no longer counted); nobody else can', async () => {
    const pledgeId = await offer('vol');
    const before = (await boardOf('石岐区')).pledged ?? 0;
    expect((await refused('withdrawPledge', { pledgeId }, 'vol2')).code).toBe('PERMISSION_DENIED');
    expect((await refused('withdrawPledge', { pledgeId }, 'coord')).code).toBe('PERMISSION_DENIED');
    expect(await res('withdrawPledge', { pledgeId }, 'vol')).toEqual({ status: 'withdrawn' });
    expect((await boardOf('石岐区')).pledged).toBe(before - 1);
    expect((await refused('withdrawPledge', { pledgeId }, 'vol')).message).toContain('已撤回');
    const town = await res<Page<Pledge>>('pledges', { status: 'withdrawn' }, 'coord');
    expect(town.items.find((p) => p.pledgeId === pledgeId)?.contact).toBeUndefined();
  });

  it('a pledge action stays within five database requests', async () => {
    const reply = await w.cloud.request('resources', { action: 'savePledge', ...pledgeRequest() }, 'vol');
    expect(reply.metrics.requests).toBeLessThanOrEqual(5);
    const { pledgeId } = (reply.body as { data: { pledgeId: string } }).data;
    const matched = await w.cloud.request('resources', { action: 'matchPledge', pledgeId, wishId: 'ws_m1' }, 'coord');
    expect(matched.metrics.requests).toBeLessThanOrEqual(5);
    const list = await w.cloud.request('resources', { action: 'pledges' }, 'coord');
    expect(list.metrics.requests).toBeLessThanOrEqual(5);
  });
});

describe('charity projects (公益项目)', () => {
  const project = (over: object = {}) => ({
    title: '长者助餐计划',
    summary: '为独居长者提供午餐',
    organisation: '中山市慈善总会',
    fundraisingQualification: '具有公开募捐资格（粤民函〔2017〕1号）',
    platform: '腾讯公益',
    url: 'https://gongyi.qq.com/succor/detail.htm?id=12345',
    town: '石岐区',
    ...over,
  });

  it('only hq lists a project, on a designated platform, with an https link; bad input writes nothing', async () => {
    expect((await refused('saveProject', project(), 'coord')).code).toBe('PERMISSION_DENIED');
    expect((await refused('saveProject', project({ platform: '某某众筹' }), HQ)).code).toBe('INVALID_ARGUMENT');
    const http = await refused('saveProject', project({ url: 'http://gongyi.qq.com/x' }), HQ);
    expect(http).toMatchObject({ code: 'INVALID_ARGUMENT', fields: { url: expect.stringContaining('https') } });
    expect((await refused('saveProject', project({ url: 'javascript:alert(1)' }), HQ)).code).toBe('INVALID_ARGUMENT');
    expect(await count('projects')).toBe(0);
  });

  it('anyone sees active projects and one project; an ended one leaves the default list', async () => {
    const saved = await res<CharityProject>('saveProject', project(), HQ);
    expect(saved).toMatchObject({ status: 'active', platform: '腾讯公益', organisation: '中山市慈善总会' });
    const list = await res<Page<CharityProject>>('projects', {}, 'walk-in');
    expect(list.items.map((p) => p.projectId)).toEqual([saved.projectId]);
    expect(await res('project', { projectId: saved.projectId }, 'walk-in')).toEqual(saved);
    await res('saveProject', { ...project({ status: 'ended' }), projectId: saved.projectId }, HQ);
    expect((await res<Page<CharityProject>>('projects', {}, 'walk-in')).items).toEqual([]);
    const ended = await res<Page<CharityProject>>('projects', { status: 'ended' }, 'walk-in');
    expect(ended.items.map((p) => p.projectId)).toEqual([saved.projectId]);
    expect((await refused('project', { projectId: 'pj_none' }, 'walk-in')).code).toBe('NOT_FOUND');
  });
});
