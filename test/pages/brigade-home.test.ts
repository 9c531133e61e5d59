// 大队主页 against the real local cloud: a leader sets the brand and story in a small editor, uploads photos of a
// recorded service from the record page (chooseMedia → upload → addPhotos); once the media check passes them, a
// visitor sees the brand, the story, this year's service, the next services and the photos, and taps one to preview.
import type { Profile } from '../../typings/index';
import {
  chooseImages,
  FIXTURE_IMAGE,
  installCloud,
  loadPage,
  tap,
  textOf,
  waitFor,
  waitForText,
  wxCalls,
} from '../helpers/page';
import { emit } from './taps';
import { HOUR, postsWorld, type PostsWorld } from './posts-world';

let world: PostsWorld;
let who = '';
let volunteer: Profile;
let postId = '';
const brigadePage = loadPage('pages/brigade/index', { fresh: true });
const recordPage = loadPage('leader/pages/record/index', { fresh: true });

beforeAll(async () => {
  world = await postsWorld('bh');
  volunteer = await world.register('bh-v', '吴六');
  installCloud(
    async (name, data) => (await world.cloud.request(name, data, who)).body,
    async (cloudPath, bytes) => {
      const form = new FormData();
      form.append('cloudPath', cloudPath);
      form.append('file', new Blob([new Uint8Array(bytes)]), 'upload');
      const res = await fetch(`${world.cloud.url}/v1/storage/upload`, {
        method: 'POST',
        headers: { 'x-wx-openid': who },
        body: form,
      });
      return ((await res.json()) as { fileID: string }).fileID;
    },
  );
  // A service that took place (8 people served, 2 hours) before now on the phone's clock too, and one to come.
  const now = Date.now();
  world.cloud.clock.set(now - 5 * HOUR);
  const start = now - 3 * HOUR;
  const served = await world.post({ title: '重阳探访长者', startAt: start, endAt: start + 2 * HOUR });
  postId = served.postId;
  await world.ok('posts', { action: 'signup', postId }, 'bh-v');
  await world.post({ title: '社区义剪服务', startAt: now + 72 * HOUR, endAt: now + 74 * HOUR });
  world.cloud.clock.set(now);
  const entries = [{ volunteerId: volunteer.volunteerId, minutes: 120, rating: 5, reason: '现场未扫码签到' }];
  await world.ok('timebank', { action: 'record', postId, entries, peopleServed: 8 }, world.leader);
});
afterAll(() => world.stop());
afterEach(() => chooseImages(FIXTURE_IMAGE));

describe('大队主页', () => {
  it('a leader sets the brand and story in the editor', async () => {
    who = world.leader;
    const page = await brigadePage.open({ brigadeId: world.brigade.brigadeId });
    await waitForText(page, '服务品牌与故事');
    await tap(page, '#brigade-brand-edit');
    await emit(page, '#brand-field', 'change', '情暖夕阳情暖夕阳情暖夕阳情');
    await tap(page, '#brand-save');
    await waitForText(page, '服务品牌不能超过 12 个字');
    await emit(page, '#brand-field', 'change', '情暖夕阳');
    await emit(page, '#story-field', 'change', '每周陪伴社区独居长者，已坚持三年。');
    await tap(page, '#brand-save');
    await waitFor(page, () => !!page.querySelector('#brigade-brand'));
    expect(textOf(page.querySelector('#brigade-brand')!)).toBe('情暖夕阳');
    expect(textOf(page.querySelector('#brigade-story')!)).toContain('每周陪伴社区独居长者');
    page.detach();
  });

  it('the leader uploads service photos from the record page', async () => {
    who = world.leader;
    const page = await recordPage.open({ postId });
    await waitForText(page, '上传服务照片');
    chooseImages(FIXTURE_IMAGE, FIXTURE_IMAGE);
    await tap(page, '#record-photos');
    await waitForText(page, '本场已有 2 张，最多 9 张');
    page.detach();
    await world.cloud.mediaChecks.settle();
  });

  it('a visitor sees the brand, the story, this year, the next services and the photos', async () => {
    who = 'bh-visitor';
    const page = await brigadePage.open({ brigadeId: world.brigade.brigadeId });
    await waitForText(page, '情暖夕阳');
    const text = textOf(page);
    expect(text).toContain('每周陪伴社区独居长者');
    expect(textOf(page.querySelector('#brigade-year')!).replace(/\s+/g, '')).toContain('8人次2.0小时本年服务');
    expect(textOf(page.querySelector('#brigade-services')!)).toContain('社区义剪服务');
    expect(text).not.toContain('服务品牌与故事'); // the editor is the leaders'
    await waitFor(page, () => page.querySelectorAll('.brigade__photo').length === 2);
    wxCalls.length = 0;
    await tap(page, '#brigade-photo-1');
    const preview = wxCalls.find((c) => c.api === 'previewImage')?.args as { urls: string[]; current: string };
    expect(preview.urls).toHaveLength(2);
    expect(preview.current).toBe(preview.urls[1]);
    page.detach();
  });
});
