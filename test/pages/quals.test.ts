// 我的资格证书 and 资格审核 against the real local cloud: a volunteer picks a type, takes a photo (wx.chooseMedia),
// submits it (uploaded to the local cloud's storage, then addQualification); their leader sees it with its photo in
// 资格审核, 驳回 needs a reason, 通过 verifies it, and the volunteer's list shows each state.
import path from 'node:path';
import type { InviteResponse, Profile } from '../../typings/index';
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
import { postsWorld, type PostsWorld } from './posts-world';

const g = globalThis as unknown as { wx: Record<string, unknown> };

let world: PostsWorld;
let who = '';
let nurse: Profile;
const minePage = loadPage('quals/pages/mine/index', { fresh: true });
const reviewPage = loadPage('quals/pages/review/index', { fresh: true });
const workbenchPage = loadPage('leader/pages/workbench/index', { fresh: true });

beforeAll(async () => {
  world = await postsWorld('ql');
  nurse = await world.register('ql-nurse', '林护士');
  const invite = await world.ok<InviteResponse>(
    'brigades',
    { action: 'invite', brigadeId: world.brigade.brigadeId },
    world.leader,
  );
  await world.ok('brigades', { action: 'join', code: invite.code }, 'ql-nurse');
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
});
afterAll(() => world.stop());
afterEach(() => chooseImages(FIXTURE_IMAGE));

/** The fileIDs of the qualifications stored so far (straight from the database). */
async function fileIds(): Promise<string[]> {
  const res = (await world.cloud.db.handle('database.getDocument', {
    collectionName: 'qualifications',
    queryType: 'WHERE',
    query: '{}',
    limit: 100,
  })) as { list: string[] };
  return res.list.map((doc) => (JSON.parse(doc) as { fileId: string }).fileId);
}
const uploads = () => wxCalls.filter((c) => c.api === 'cloud.uploadFile').length;

async function submitNurse(typeIndex: number): Promise<void> {
  const page = await minePage.open();
  await waitForText(page, '添加资格证书');
  await tap(page, '#ql-add');
  await tap(page, `#ql-type-${typeIndex}`);
  await tap(page, '#ql-photo');
  await tap(page, '#ql-submit');
  // Submitted: the form closes and the list shows one more.
  await waitFor(page, () => !textOf(page).includes('提交审核') && page.querySelectorAll('.ql__item').length === 2);
  page.detach();
}

describe('我的资格证书', () => {
  it('asks for the type and the photo, refuses a file that is not an image on the phone, then submits', async () => {
    who = 'ql-nurse';
    const page = await minePage.open();
    await waitForText(page, '还没有资格证书');
    await tap(page, '#ql-add');
    await tap(page, '#ql-submit');
    expect(textOf(page)).toContain('请选择资格类型');
    expect(textOf(page)).toContain('请拍摄或选择证书照片');

    chooseImages(path.join(__dirname, '..', '..', 'package.json'));
    await tap(page, '#ql-photo');
    expect(textOf(page)).toContain('请选择 JPG 或 PNG 格式的图片');
    chooseImages(FIXTURE_IMAGE);
    await tap(page, '#ql-photo');
    expect(textOf(page)).not.toContain('请选择 JPG 或 PNG 格式的图片');
    await tap(page, '#ql-type-1');
    await emit(page, '#ql-title', 'change', '护士执业证书');
    expect(uploads()).toBe(0);

    await tap(page, '#ql-submit');
    await waitForText(page, '审核中');
    expect(textOf(page)).toContain('执业护士');
    expect(textOf(page)).toContain('护士执业证书');
    expect(uploads()).toBe(1);
    const [fileId] = await fileIds();
    expect(fileId).toMatch(new RegExp(`/qualifications/${nurse.volunteerId}/[a-z0-9]+\\.png$`));
    expect(world.cloud.storage.metaOf(fileId)).toMatchObject({ openid: 'ql-nurse', contentType: 'image/png' });
    page.detach();
  });
});

describe('资格审核 (leader)', () => {
  it('shows the pending certificate with its photo; 驳回 needs a reason; 通过 verifies it', async () => {
    await submitNurse(8); // 急救员
    await world.cloud.mediaChecks.settle();
    who = world.leader;
    const workbench = await workbenchPage.open({ brigadeId: world.brigade.brigadeId });
    await waitForText(workbench, '2资格审核'); // the badge on the 资格审核 tool
    workbench.detach();
    const page = await reviewPage.open({ brigadeId: world.brigade.brigadeId });
    await waitForText(page, '本大队待审核 2 份');
    expect(textOf(page)).toContain('林护士');
    expect(page.querySelector('#qr-photo-0')).toBeTruthy();
    await tap(page, '#qr-photo-0');
    expect(wxCalls.at(-1)).toMatchObject({ api: 'previewImage' });

    const asked: string[] = [];
    g.wx.showModal = (opts: { title: string; success?: (r: { confirm: boolean; content?: string }) => void }) => {
      asked.push(opts.title);
      opts.success?.({ confirm: true, content: asked.length === 1 ? '  ' : '证书照片不清晰' });
    };
    await tap(page, '#qr-reject-1');
    expect(asked).toEqual(['驳回资格证书']);
    await tap(page, '#qr-reject-1');
    await waitForText(page, '本大队待审核 1 份');
    await tap(page, '#qr-approve-0');
    expect(asked).toEqual(['驳回资格证书', '驳回资格证书', '通过认证']);
    await waitForText(page, '没有待审核的资格证书');
    page.detach();

    who = 'ql-nurse';
    const mine = await minePage.open();
    await waitForText(mine, '已认证');
    expect(textOf(mine)).toContain('未通过原因：证书照片不清晰');
    expect(textOf(mine)).toContain('周队长 审核通过');
    expect(mine.querySelectorAll('.ql__thumb').length).toBe(2);
    mine.detach();
    const card = await world.ok<{ qualifications: string[] }>('volunteers', { action: 'card' }, 'ql-nurse');
    expect(card.qualifications).toEqual(['执业护士']);
  });

  it('a volunteer who leads nothing is told so', async () => {
    await world.register('ql-plain', '黄义工');
    who = 'ql-plain';
    const page = await reviewPage.open({ brigadeId: world.brigade.brigadeId });
    await waitForText(page, '仅该大队的负责人可以进行此操作');
    page.detach();
  });
});
