// The brigade's home through the real local cloud: brand and story (who may edit, bad input writes nothing), this
// year's figures as recorded, the upcoming public posts (no visits, nothing cancelled), and service photos (who
// may add them and when, the limits, bad files refused and deleted, a risky photo never handed out).
import { createHash } from 'node:crypto';
import type { BrigadeDetail } from '../../typings/api/brigades';
import type { Post } from '../../typings/entities';
import { HQ, call, fails, ok } from './helpers';
import { HOUR, NOW } from './posts-fixture';
import { PNG, qualsWorld, type QualsWorld } from './qualifications-world';

let w: QualsWorld;
let seq = 0;
beforeAll(async () => {
  w = await qualsWorld();
});
afterAll(() => w.cloud.stop());

const get = (openid: string, brigadeId = w.brigade.brigadeId) =>
  ok<BrigadeDetail>(w.cloud, 'brigades', 'get', { brigadeId }, openid);
const update = (params: object, openid = 'leader') =>
  call(w.cloud, 'brigades', 'update', { brigadeId: w.brigade.brigadeId, ...params }, openid);
const brigadeDoc = async () => (await w.docs('brigades', { _id: w.brigade.brigadeId }))[0];

/** Uploads to `photos/<volunteerId>/…` as the phone does; the fileID. */
async function upload(openid: string, bytes: Buffer = PNG, folder?: string): Promise<string> {
  seq += 1;
  const form = new FormData();
  form.append('cloudPath', `photos/${folder ?? w.people[openid].volunteerId}/p-${seq}.png`);
  form.append('file', new Blob([new Uint8Array(bytes)]), `p-${seq}.png`);
  const res = await fetch(`${w.cloud.url}/v1/storage/upload`, {
    method: 'POST',
    headers: { 'x-wx-openid': openid },
    body: form,
  });
  return ((await res.json()) as { fileID: string }).fileID;
}
const exists = async (fileId: string) => (await Promise.resolve(w.cloud.storage.metaOf(fileId))) !== undefined;
const addPhotos = (postId: string, fileIds: string[], openid = 'leader') =>
  call<{ photos: number }>(w.cloud, 'posts', 'addPhotos', { postId, fileIds }, openid);
const unique = (n: number) => Buffer.concat([PNG, Buffer.from(`photo-${seq}-${n}-${Date.now()}`)]);

describe('brand and story', () => {
  it('leaders and hq set them; they show on the home and in lists; an empty one clears', async () => {
    expect((await update({ brand: '情暖夕阳', story: '每周三陪伴社区独居长者，已坚持三年。' })).body.ok).toBe(true);
    const home = await get('visitor');
    expect(home).toMatchObject({ brand: '情暖夕阳', story: '每周三陪伴社区独居长者，已坚持三年。' });
    const list = await ok<{ items: { brigadeId: string; brand?: string }[] }>(w.cloud, 'brigades', 'list', {}, 'v');
    expect(list.items.find((b) => b.brigadeId === w.brigade.brigadeId)?.brand).toBe('情暖夕阳');
    expect((await update({ story: '' }, HQ)).body.ok).toBe(true);
    expect((await get('visitor')).story).toBeUndefined();
    await update({ story: '每周三陪伴社区独居长者，已坚持三年。' });
  });

  it('refuses other leaders, members, coordinators and visitors, writing nothing', async () => {
    const before = await brigadeDoc();
    for (const who of ['otherLeader', 'nurse', 'coord', 'visitor']) {
      const reply = await update({ brand: '别人的品牌' }, who);
      expect(reply.body).toMatchObject({ ok: false });
      expect((reply.body as { code: string }).code).toMatch(/PERMISSION_DENIED|UNAUTHENTICATED/);
    }
    expect(await brigadeDoc()).toEqual(before);
  });

  it('refuses bad input with a clear message and writes nothing', async () => {
    const before = await brigadeDoc();
    const bad: [object, RegExp][] = [
      [{ brand: '情'.repeat(13) }, /服务品牌不能超过 12 个字/],
      [{ story: '暖'.repeat(61) }, /品牌故事不能超过 60 个字/],
      [{ brand: 7 }, /服务品牌格式不正确/],
      [{ story: '加微信返利，送电暖器' }, /不适宜发布/],
    ];
    for (const [params, message] of bad) {
      const reply = await fails(w.cloud, 'brigades', 'update', { brigadeId: w.brigade.brigadeId, ...params }, 'leader');
      expect(reply.code).toBe('INVALID_ARGUMENT');
      expect(reply.message).toMatch(message);
    }
    expect(await brigadeDoc()).toEqual(before);
  });
});

describe('the home', () => {
  let served: Post;

  it("shows this year's people served and hours as recorded, this brigade's only", async () => {
    served = await w.post({ title: '重阳探访', startAt: NOW + HOUR, endAt: NOW + 3 * HOUR });
    for (const openid of ['nurse', 'plain']) await ok(w.cloud, 'posts', 'signup', { postId: served.postId }, openid);
    const other = await w.post(
      { brigadeId: w.b.brigadeId, address: '东区', startAt: NOW + 4 * HOUR, endAt: NOW + 5 * HOUR },
      'otherLeader',
    );
    await ok(w.cloud, 'posts', 'signup', { postId: other.postId }, 'plain');
    await w.at(NOW + 5 * HOUR + 60_000);
    const entry = (openid: string, minutes: number) => ({
      volunteerId: w.people[openid].volunteerId,
      minutes,
      rating: 5,
      reason: '现场未扫码签到',
    });
    const record = (postId: string, entries: object[], peopleServed: number, leader: string) =>
      ok(w.cloud, 'timebank', 'record', { postId, entries, peopleServed }, leader);
    await record(served.postId, [entry('nurse', 120), entry('plain', 90)], 12, 'leader');
    await record(other.postId, [entry('plain', 60)], 5, 'otherLeader');
    const home = await get('visitor');
    expect(home.yearPeopleServed).toBe(12);
    expect(home.yearMinutes).toBe(210);
    expect((await get('visitor', w.b.brigadeId)).yearMinutes).toBe(60);
  });

  it('lists up to 3 upcoming public posts, soonest first, without visits or cancelled posts', async () => {
    const now = NOW + 6 * HOUR;
    const at = (h: number) => ({ startAt: now + h * HOUR, endAt: now + (h + 1) * HOUR });
    const visit = await w.post({ title: '入户探访', ...at(20) });
    await w.cloud.db.handle('database.modifyDocument', {
      collectionName: 'posts',
      queryType: 'WHERE',
      query: JSON.stringify({ _id: visit.postId }),
      data: JSON.stringify({ $set: { visibility: 'assigned' } }),
      multi: false,
    });
    const cancelled = await w.post({ title: '取消的活动', ...at(21) });
    await ok(w.cloud, 'posts', 'cancel', { postId: cancelled.postId, reason: '天气原因' }, 'leader');
    for (const [title, h] of [
      ['社区义剪', 30],
      ['上门义诊', 25],
      ['课业辅导', 40],
      ['家电维修', 50],
    ] as const)
      await w.post({ title, ...at(h) });
    const home = await get('nurse');
    expect(home.upcoming.map((p) => p.title)).toEqual(['上门义诊', '社区义剪', '课业辅导']);
    expect(home.upcoming[0]).toMatchObject({ quota: 3, confirmedCount: 0 });
  });
});

describe('service photos', () => {
  let post: Post;
  beforeAll(async () => {
    post = (await w.docs<{ _id: string; title: string }>('posts', { title: '重阳探访' })).map((p) => ({
      postId: p._id,
    }))[0] as Post;
  });

  it('a leader of the brigade adds photos after the start; they show on the home once passed', async () => {
    const ids = [await upload('leader', unique(1)), await upload('leader', unique(2))];
    w.cloud.mediaChecks.setControls({ hold: true });
    const reply = await addPhotos(post.postId, ids);
    expect(reply.body).toEqual({ ok: true, data: { photos: 2 } });
    expect((await get('visitor')).photos).toEqual([]); // still being checked
    await w.settle();
    const home = await get('visitor');
    expect(home.photos).toHaveLength(2);
    expect(home.photos[0]).toMatchObject({ postTitle: '重阳探访', at: NOW + HOUR });
    expect(home.photos[0].url).toMatch(/^http/);
    // The same photo again is refused, and kept (it is shown).
    const again = await fails(w.cloud, 'posts', 'addPhotos', { postId: post.postId, fileIds: [ids[0]] }, 'leader');
    expect(again).toMatchObject({ code: 'INVALID_ARGUMENT', message: '照片已经上传过，请重新选择' });
    expect(await exists(ids[0])).toBe(true);
    expect((await get('visitor')).photos).toHaveLength(2);
  });

  it('refuses other leaders, members, hq and visitors, and posts not started or cancelled; files deleted', async () => {
    for (const who of ['otherLeader', 'nurse', 'coord']) {
      const fileId = await upload(who, unique(3));
      const reply = await fails(w.cloud, 'posts', 'addPhotos', { postId: post.postId, fileIds: [fileId] }, who);
      expect(reply.code).toBe('PERMISSION_DENIED');
    }
    expect((await fails(w.cloud, 'posts', 'addPhotos', { postId: post.postId, fileIds: ['x'] }, HQ)).code).toMatch(
      /UNAUTHENTICATED|PERMISSION_DENIED/,
    );
    const future = (await get('leader')).upcoming[0].postId;
    const early = await upload('leader', unique(4));
    const reply = await fails(w.cloud, 'posts', 'addPhotos', { postId: future, fileIds: [early] }, 'leader');
    expect(reply).toMatchObject({ code: 'FAILED_PRECONDITION', message: '服务开始后才能上传服务照片' });
    expect(await exists(early)).toBe(false);
    expect(await w.docs('photos', { postId: future })).toHaveLength(0);
  });

  it('refuses a bad file, a foreign folder and too many, deleting the caller’s files and writing nothing', async () => {
    const before = await w.docs('photos');
    const good = await upload('leader', unique(5));
    const text = await upload('leader', Buffer.from('not an image'));
    const bad = await fails(w.cloud, 'posts', 'addPhotos', { postId: post.postId, fileIds: [good, text] }, 'leader');
    expect(bad).toMatchObject({ code: 'INVALID_ARGUMENT', message: '请上传 JPG 或 PNG 格式的图片' });
    expect(await exists(good)).toBe(false);
    expect(await exists(text)).toBe(false);
    const foreign = await upload('nurse', unique(6));
    const theirs = await fails(w.cloud, 'posts', 'addPhotos', { postId: post.postId, fileIds: [foreign] }, 'leader');
    expect(theirs.code).toBe('INVALID_ARGUMENT');
    expect(await exists(foreign)).toBe(true);
    const seven = await Promise.all(Array.from({ length: 7 }, (_, i) => upload('leader', unique(10 + i))));
    const many = await fails(w.cloud, 'posts', 'addPhotos', { postId: post.postId, fileIds: seven }, 'leader');
    expect(many.message).toMatch(/服务照片最多 6 项|不能超过 6/);
    const six = seven.slice(0, 6);
    expect(await addPhotos(post.postId, six)).toMatchObject({ body: { ok: true, data: { photos: 8 } } });
    const two = [await upload('leader', unique(20)), await upload('leader', unique(21))];
    const full = await fails(w.cloud, 'posts', 'addPhotos', { postId: post.postId, fileIds: two }, 'leader');
    expect(full).toMatchObject({ code: 'RESOURCE_EXHAUSTED', message: '每场服务最多 9 张照片，还能上传 1 张' });
    expect(await exists(two[0])).toBe(false);
    expect(await w.docs('photos')).toHaveLength(before.length + 6);
    await w.settle();
    expect((await get('visitor')).photos).toHaveLength(6);
  });

  it('a risky photo is never handed out: removed with its file, its place freed', async () => {
    const other = await w.post({ title: '长者生日会', startAt: NOW + 7 * HOUR, endAt: NOW + 8 * HOUR });
    await w.at(NOW + 7 * HOUR + 60_000);
    const bytes = unique(30);
    w.cloud.mediaChecks.setControls({ risky: [createHash('sha256').update(bytes).digest('hex')] });
    const risky = await upload('leader', bytes);
    expect((await addPhotos(other.postId, [risky])).body.ok).toBe(true);
    await w.settle();
    expect(await w.docs('photos', { postId: other.postId })).toHaveLength(0);
    expect(await exists(risky)).toBe(false);
    const home = await get('visitor');
    expect(home.photos.every((p) => p.postTitle !== '长者生日会')).toBe(true);
    expect(JSON.stringify(home)).not.toContain(encodeURIComponent(risky).slice(-20));
  });
});
