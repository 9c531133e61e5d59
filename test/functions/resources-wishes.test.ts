// resources wishes (微心愿) through the real local cloud: posting for a recipient, hq's review, the wall, one
// claimer whatever the concurrency, fulfilling and confirming, the expiry timer with the local clock, the public
// board's counters, who may do what, bad input that writes nothing, and no recipient name, address or phone anywhere.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { BoardResponse, Wish } from '../../typings/resources';
import type { Page } from '../../typings/entities';
import { HQ, call, fails, ok } from './helpers';
import { DAY, needsWorld, type NeedsWorld } from './match-world';

let w: NeedsWorld;
let recipientId: string;
beforeAll(async () => {
  w = await needsWorld();
  recipientId = await w.recipient({ brigadeId: w.brigade.brigadeId } as never);
  for (const openid of ['vol', 'vol2', 'vol3']) await w.register(openid, { name: '黄志明' });
});
afterAll(() => w.cloud.stop());

const PRIVATE = /陈阿婆|悦来南路|13912345678|22\.52/;
const res = <T>(action: string, params: object, openid: string) => ok<T>(w.cloud, 'resources', action, params, openid);
const refused = (action: string, params: object, openid: string) => fails(w.cloud, 'resources', action, params, openid);
const wishRequest = (over: object = {}) => ({
  recipientId,
  title: '一台电暖器',
  description: '冬天屋里很冷，婆婆希望有一台小电暖器取暖',
  kind: 'goods',
  estimatedValue: 200,
  ...over,
});
const post = (openid = 'leader', over: object = {}) =>
  res<{ wishId: string; status: string }>('saveWish', wishRequest(over), openid);
const publish = async (openid = 'leader', over: object = {}) => {
  const { wishId } = await post(openid, over);
  await res('reviewWish', { wishId, approve: true }, HQ);
  return wishId;
};
const board = () => res<BoardResponse>('board', {}, 'visitor');
const townOf = (b: BoardResponse) =>
  b.byTown.find((t) => t.town === '石岐区') ?? { asked: 0, claimed: 0, fulfilled: 0 };
const fire = () => fetch(`${w.cloud.url}/v1/triggers/resources`, { method: 'POST' });
const PNG = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'certificate.png'));

/** What the mini program does in local mode: wx.uploadFile to the local cloud; resolves to the fileID. */
async function upload(openid: string, cloudPath: string, bytes: Buffer): Promise<string> {
  const form = new FormData();
  form.append('cloudPath', cloudPath);
  form.append('file', new Blob([new Uint8Array(bytes)]), 'photo.png');
  const res = await fetch(`${w.cloud.url}/v1/storage/upload`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid },
    body: form,
  });
  return ((await res.json()) as { fileID: string }).fileID;
}

describe('resources.saveWish', () => {
  it('lets the brigade leader and the town coordinator post, showing the recipient only by displayName', async () => {
    for (const who of ['leader', 'coord']) {
      const saved = await post(who);
      expect(saved.status).toBe('pending');
      const wish = await res<Wish>('wish', { wishId: saved.wishId }, who);
      expect(wish.recipient).toEqual({ displayName: '陈婆婆', town: '石岐区', community: '悦来社区' });
      expect(wish.postedBy).toBe(who === 'leader' ? '石岐博爱大队' : '石岐区社工站');
      expect(wish.manage).toBe(true);
      expect(JSON.stringify(wish)).not.toMatch(PRIVATE);
    }
    expect(JSON.stringify(await w.docs('wishes'))).not.toMatch(PRIVATE);
  });

  it('denies another town, an unrelated leader, a volunteer and a visitor, writing nothing', async () => {
    const before = (await w.docs('wishes')).length;
    for (const who of ['east', 'stranger', 'vol'])
      expect((await refused('saveWish', wishRequest(), who)).code).toBe('PERMISSION_DENIED');
    expect((await refused('saveWish', wishRequest(), 'visitor')).code).toBe('UNAUTHENTICATED');
    expect(await w.docs('wishes')).toHaveLength(before);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = (await w.docs('wishes')).length;
    const bad: [object, RegExp][] = [
      [{ estimatedValue: 0 }, /预估价值（元）不能小于 1/],
      [{ estimatedValue: 100001 }, /预估价值（元）不能大于 100000/],
      [{ estimatedValue: 9.5 }, /预估价值（元）必须是整数/],
      [{ title: ' ' }, /请填写心愿内容/],
      [{ title: '电'.repeat(31) }, /心愿内容不能超过 30 个字/],
      [{ kind: 'money' }, /请选择有效的心愿类型/],
      [{ description: '加微信返利，送电暖器' }, /不适宜发布/],
      [{ recipientId: 'nobody' }, /服务对象不存在/],
    ];
    for (const [over, message] of bad) {
      const reply = await refused('saveWish', wishRequest(over), 'leader');
      expect(reply.code).toMatch(/INVALID_ARGUMENT|NOT_FOUND/);
      expect(reply.message).toMatch(message);
    }
    expect(await w.docs('wishes')).toHaveLength(before);
  });

  it('edits only while pending or rejected', async () => {
    const { wishId } = await post();
    await res('reviewWish', { wishId, approve: false, reason: '请写明尺寸' }, HQ);
    const rejected = await res<Wish>('wish', { wishId }, 'leader');
    expect(rejected).toMatchObject({ status: 'rejected', reason: '请写明尺寸' });
    await res('saveWish', { ...wishRequest({ title: '一台小型电暖器（约 40 cm）' }), wishId }, 'leader');
    expect(await res<Wish>('wish', { wishId }, 'leader')).toMatchObject({
      status: 'pending',
      title: '一台小型电暖器（约 40 cm）',
    });
    await res('reviewWish', { wishId, approve: true }, HQ);
    expect((await refused('saveWish', { ...wishRequest(), wishId }, 'leader')).code).toBe('FAILED_PRECONDITION');
  });
});

describe('resources.reviewWish and the wall', () => {
  it('is hq only, needs a reason to reject, and publishes once', async () => {
    const { wishId } = await post();
    expect((await refused('reviewWish', { wishId, approve: true }, 'coord')).code).toBe('PERMISSION_DENIED');
    expect((await refused('reviewWish', { wishId, approve: false }, HQ)).message).toMatch(/请填写不通过的原因/);
    const before = townOf(await board()).asked;
    await expect(res('reviewWish', { wishId, approve: true }, HQ)).resolves.toEqual({ status: 'published' });
    expect((await refused('reviewWish', { wishId, approve: true }, HQ)).code).toBe('FAILED_PRECONDITION');
    expect(townOf(await board()).asked).toBe(before + 1);
  });

  it('shows visitors the published wishes of a town, newest or soonest-expiring first, never pending ones', async () => {
    const pending = (await post()).wishId;
    const first = await publish();
    await w.advance(DAY);
    const second = await publish();
    const wall = await res<Page<Wish>>('wishes', { town: '石岐区' }, 'visitor');
    const ids = wall.items.map((i) => i.wishId);
    expect(ids.indexOf(second)).toBeLessThan(ids.indexOf(first));
    expect(ids).not.toContain(pending);
    expect(wall.items.every((i) => i.status === 'published' && i.recipient.town === '石岐区')).toBe(true);
    const soonest = await res<Page<Wish>>('wishes', { town: '石岐区', order: 'expiring' }, 'visitor');
    const order = soonest.items.map((i) => i.expiresAt ?? 0);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect((await res<Page<Wish>>('wishes', { town: '东区' }, 'visitor')).items).toEqual([]);
    const paged = await res<Page<Wish>>('wishes', { town: '石岐区', pageSize: 1 }, 'visitor');
    expect(paged.items).toHaveLength(1);
    const next = await res<Page<Wish>>('wishes', { town: '石岐区', pageSize: 1, cursor: paged.nextCursor }, 'visitor');
    expect(next.items[0].wishId).not.toBe(paged.items[0].wishId);
    expect((await refused('wish', { wishId: pending }, 'vol')).code).toBe('NOT_FOUND');
    expect(JSON.stringify(wall)).not.toMatch(PRIVATE);
  });

  it('lists pending wishes for hq and for the coordinator of the town, and the poster’s own for a leader', async () => {
    const { wishId } = await post('leader');
    for (const who of [HQ, 'coord', 'leader']) {
      const page = await res<Page<Wish>>('wishes', { status: 'pending' }, who);
      expect(page.items.map((i) => i.wishId)).toContain(wishId);
    }
    const east = await res<Page<Wish>>('wishes', { status: 'pending' }, 'east');
    expect(east.items.map((i) => i.wishId)).not.toContain(wishId);
    expect((await refused('wishes', { status: 'pending' }, 'visitor')).code).toBe('PERMISSION_DENIED');
  });
});

describe('resources.claimWish', () => {
  it('gives a wish to one claimer; the same requestId answers the same; others and the poster are refused', async () => {
    const wishId = await publish();
    expect((await refused('claimWish', { wishId, requestId: 'r-visitor' }, 'visitor')).code).toBe('UNAUTHENTICATED');
    expect((await refused('claimWish', { wishId, requestId: 'r-leader' }, 'leader')).message).toMatch(
      /不能认领自己发布/,
    );
    const first = await call(w.cloud, 'resources', 'claimWish', { wishId, requestId: 'r1' }, 'vol');
    expect(first.body).toEqual({ ok: true, data: { status: 'claimed' } });
    expect(first.metrics.requests).toBeLessThanOrEqual(5);
    await expect(res('claimWish', { wishId, requestId: 'r1' }, 'vol')).resolves.toEqual({ status: 'claimed' });
    const lost = await refused('claimWish', { wishId, requestId: 'r2' }, 'vol2');
    expect(lost).toMatchObject({ code: 'FAILED_PRECONDITION', message: '该心愿已被他人认领' });
    const seen = await res<Wish>('wish', { wishId }, 'vol2');
    expect(seen.claimer).toEqual({ name: '黄**', kind: 'person' });
    expect(seen.mine).toBeUndefined();
    const mine = await res<Wish>('wish', { wishId }, 'vol');
    expect(mine).toMatchObject({ mine: true, claimer: { name: '黄志明' }, status: 'claimed' });
    expect((await res<Page<Wish>>('wishes', { mine: true }, 'vol')).items.map((i) => i.wishId)).toContain(wishId);
  });

  it('caps open claims per person', async () => {
    await w.register('busy');
    for (let i = 0; i < 3; i += 1) await res('claimWish', { wishId: await publish(), requestId: `busy-${i}` }, 'busy');
    const wishId = await publish();
    expect((await refused('claimWish', { wishId, requestId: 'busy-4' }, 'busy')).code).toBe('RESOURCE_EXHAUSTED');
    expect((await w.docs<{ status: string }>('wishes', { _id: wishId }))[0].status).toBe('published');
    const again = await res<Wish>('wish', { wishId }, 'visitor');
    expect(again.claimer).toBeUndefined();
  });

  it('caps open claims made at once by one person too, and the board counts only those held', async () => {
    await w.register('eager');
    const wishIds: string[] = [];
    for (let i = 0; i < 6; i += 1) wishIds.push(await publish());
    const before = townOf(await board()).claimed;
    const replies = await Promise.all(
      wishIds.map((wishId, i) => call(w.cloud, 'resources', 'claimWish', { wishId, requestId: `eager-${i}` }, 'eager')),
    );
    const held = (await w.docs<{ claimerOpenid?: string; status: string }>('wishes')).filter(
      (d) => d.claimerOpenid === 'eager' && d.status === 'claimed',
    ).length;
    expect(held).toBeLessThanOrEqual(3);
    expect(replies.filter((r) => r.body.ok)).toHaveLength(held);
    expect(replies.every((r) => r.body.ok || r.body.code === 'RESOURCE_EXHAUSTED')).toBe(true);
    expect(townOf(await board()).claimed).toBe(before + held);
  });

  it('has exactly one winner among 200 simultaneous claimers, and the board counts one claim', async () => {
    const people = Array.from({ length: 200 }, (_, i) => `crowd-${i}`);
    for (const openid of people) await w.register(openid);
    const wishId = await publish();
    const before = townOf(await board()).claimed;
    const replies = await Promise.all(
      people.map((openid) => call(w.cloud, 'resources', 'claimWish', { wishId, requestId: `c-${openid}` }, openid)),
    );
    const won = replies.filter((r) => r.body.ok);
    expect(won).toHaveLength(1);
    expect(replies.filter((r) => !r.body.ok).every((r) => !r.body.ok && r.body.code === 'FAILED_PRECONDITION')).toBe(
      true,
    );
    const [doc] = await w.docs<{ status: string; claimerOpenid: string }>('wishes', { _id: wishId });
    expect(doc.status).toBe('claimed');
    expect(townOf(await board()).claimed).toBe(before + 1);
  });
});

describe('fulfilling and confirming', () => {
  it('refuses photos from someone who is not the claimer, and a wrong number of photos', async () => {
    const wishId = await publish();
    await res('claimWish', { wishId, requestId: 'f1' }, 'vol2');
    expect((await refused('fulfilWish', { wishId, photoFileIds: ['cloud://x/a.jpg'] }, 'vol3')).code).toBe(
      'PERMISSION_DENIED',
    );
    expect((await refused('fulfilWish', { wishId, photoFileIds: [] }, 'vol2')).message).toMatch(/至少 1 张/);
    const seven = Array.from({ length: 7 }, (_, i) => `cloud://x/${i}.jpg`);
    expect((await refused('fulfilWish', { wishId, photoFileIds: seven }, 'vol2')).message).toMatch(/最多 6 项/);
    expect((await refused('confirmWish', { wishId }, 'leader')).code).toBe('FAILED_PRECONDITION');
    expect((await w.docs<{ status: string }>('wishes', { _id: wishId }))[0].status).toBe('claimed');
  });
});

describe('a wish from posted to closed', () => {
  it('is claimed, fulfilled with photos shown once they pass the media check, confirmed, and thanks go out', async () => {
    await w.register('giver', { name: '罗嘉怡' });
    const giverId = w.people.giver.volunteerId;
    const before = townOf(await board());
    const wishId = await publish();
    await res('claimWish', { wishId, requestId: 'life-1' }, 'giver');
    const good = await upload('giver', `wishes/${giverId}/done-1.png`, PNG);
    const riskyBytes = Buffer.concat([PNG, Buffer.from('risky')]);
    // The verdicts are held back until `settle()`: the photos are still being checked until then.
    w.cloud.mediaChecks.setControls({ hold: true, risky: [createHash('sha256').update(riskyBytes).digest('hex')] });
    const risky = await upload('giver', `wishes/${giverId}/done-2.png`, riskyBytes);
    const elsewhere = await upload('giver', `qualifications/${giverId}/x.png`, PNG);
    expect((await refused('fulfilWish', { wishId, photoFileIds: [elsewhere] }, 'giver')).code).toBe('INVALID_ARGUMENT');
    const fulfilled = await res('fulfilWish', { wishId, photoFileIds: [good, risky], note: '已送到婆婆家' }, 'giver');
    expect(fulfilled).toEqual({ status: 'fulfilled' });
    const checking = await res<Wish>('wish', { wishId }, 'visitor');
    expect(checking.fulfilment).toMatchObject({ photoUrls: [], note: '已送到婆婆家' });
    await w.cloud.mediaChecks.settle();
    w.cloud.mediaChecks.setControls({ clear: true });
    const shown = await res<Wish>('wish', { wishId }, 'visitor');
    expect(shown.fulfilment?.photoUrls).toHaveLength(1);
    expect(shown.claimer).toEqual({ name: '罗**', kind: 'person' });
    expect((await refused('confirmWish', { wishId }, 'giver')).code).toBe('PERMISSION_DENIED');
    expect((await refused('confirmWish', { wishId }, 'east')).code).toBe('PERMISSION_DENIED');
    await expect(res('confirmWish', { wishId, thanks: '婆婆说今年冬天不冷了' }, 'leader')).resolves.toEqual({
      status: 'closed',
    });
    expect((await refused('confirmWish', { wishId }, 'coord')).code).toBe('FAILED_PRECONDITION');
    const closed = await res<Wish>('wish', { wishId }, 'giver');
    expect(closed).toMatchObject({ status: 'closed', mine: true, claimer: { name: '罗嘉怡' } });
    const after = townOf(await board());
    expect([after.asked - before.asked, after.claimed - before.claimed, after.fulfilled - before.fulfilled]).toEqual([
      1, 1, 1,
    ]);
    const notices = await w.docs<{ kind: string; grantId: string; data: Record<string, { value: string }> }>('outbox', {
      subject: `wish:${wishId}`,
    });
    const byKind = Object.fromEntries(notices.map((n) => [n.kind, n]));
    expect(Object.keys(byKind).sort()).toEqual(['wishFulfilled', 'wishThanks']);
    expect(byKind.wishThanks.grantId).toMatch(new RegExp(`^wishes:${giverId}\\|`));
    expect(byKind.wishThanks.data.thing3.value).toBe('婆婆说今年冬天不冷了');
    expect(byKind.wishFulfilled.grantId).toMatch(new RegExp(`^wishes:${w.people.leader.volunteerId}\\|`));
    expect(JSON.stringify(await w.docs('wishes', { _id: wishId }))).not.toMatch(PRIVATE);
  });
});

describe('a donor (爱心企业)', () => {
  it('claims only once verified, shows by name with its consent, and is thanked on the board once it fulfilled', async () => {
    const company = {
      name: '中山市爱心科技有限公司',
      creditCode: '9144030071526726XG',
      contactName: '黄经理',
      contactMobile: '13922223333',
      town: '石岐区',
      publicThanks: true,
    };
    const { donorId } = await res<{ donorId: string }>('registerDonor', company, 'company');
    const wishId = await publish();
    expect((await refused('claimWish', { wishId, requestId: 'd1' }, 'company')).code).toBe('UNAUTHENTICATED');
    await res('reviewDonor', { donorId, approve: true }, HQ);
    await res('claimWish', { wishId, requestId: 'd1' }, 'company');
    expect((await res<Wish>('wish', { wishId }, 'visitor')).claimer).toEqual({
      name: '中山市爱心科技有限公司',
      kind: 'donor',
    });
    expect((await board()).thanks).toEqual([]);
    const photo = await upload('company', `wishes/${donorId}/done.png`, Buffer.concat([PNG, Buffer.from('donor')]));
    await res('fulfilWish', { wishId, photoFileIds: [photo] }, 'company');
    expect((await board()).thanks).toEqual([{ name: '中山市爱心科技有限公司', fulfilled: 1 }]);
    const page = await res<{ claimed: number; fulfilled: number }>('myDonor', {}, 'company');
    expect(page).toMatchObject({ claimed: 1, fulfilled: 1 });
  });
});

describe('the figures', () => {
  it('show hq and the town’s coordinator the wishes by town, on the dashboard and in the CSV', async () => {
    const b = townOf(await board());
    const overview = await ok<{ wishes: { asked: number; byTown: { town: string; fulfilled: number }[] } }>(
      w.cloud,
      'stats',
      'overview',
      {},
      HQ,
    );
    expect(overview.wishes.byTown).toEqual([{ town: '石岐区', ...b }]);
    expect(overview.wishes.asked).toBe(b.asked);
    const east = await ok<{ wishes: { asked: number } }>(w.cloud, 'stats', 'overview', {}, 'east');
    expect(east.wishes.asked).toBe(0);
    const { csv } = await ok<{ csv: string }>(w.cloud, 'stats', 'export', {}, 'coord');
    expect(csv).toContain('微心愿（累计）\r\n镇区,上墙心愿,已认领,已圆梦\r\n');
    expect(csv).toContain(`石岐区,${b.asked},${b.claimed},${b.fulfilled}\r\n`);
  });
});

describe('the expire-wishes timer', () => {
  it('expires unclaimed wishes after 30 days and tells the poster', async () => {
    const wishId = await publish();
    await w.advance(29 * DAY);
    await fire();
    expect((await w.docs<{ status: string }>('wishes', { _id: wishId }))[0].status).toBe('published');
    await w.advance(2 * DAY);
    await fire();
    expect((await w.docs<{ status: string }>('wishes', { _id: wishId }))[0].status).toBe('expired');
    const queued = await w.docs<{ kind: string; data: Record<string, { value: string }> }>('outbox', {
      subject: `wish:${wishId}`,
    });
    expect(queued.map((m) => [m.kind, m.data.phrase2.value])).toEqual([['wishExpired', '已过期']]);
    expect((await refused('claimWish', { wishId, requestId: 'late' }, 'vol3')).code).toBe('FAILED_PRECONDITION');
  });

  it('puts an unfulfilled claim back on the wall once, then expires it, telling the claimer each time', async () => {
    await w.register('slow');
    const wishId = await publish();
    await res('claimWish', { wishId, requestId: 's1' }, 'slow');
    const claimedBefore = townOf(await board()).claimed;
    await w.advance(15 * DAY);
    await fire();
    const back = await res<Wish>('wish', { wishId }, 'visitor');
    expect(back.status).toBe('published');
    expect(back.claimer).toBeUndefined();
    expect(townOf(await board()).claimed).toBe(claimedBefore - 1);
    await res('claimWish', { wishId, requestId: 's2' }, 'slow');
    await w.advance(15 * DAY);
    await fire();
    expect((await res<Wish>('wish', { wishId }, 'slow')).status).toBe('expired');
    const kinds = (await w.docs<{ kind: string }>('outbox', { subject: `wish:${wishId}` })).map((m) => m.kind).sort();
    expect(kinds).toEqual(['wishExpired', 'wishReturned']);
  });
});
