// 我的数据 (导出) against the real local cloud: every section readable on the page, and the whole export as a file.
import type { InviteResponse, Post } from '../../typings/index';
import { loadPage, tap, textOf, waitFor, waitForText } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';

const g = globalThis as unknown as { wx: Record<string, unknown> };

describe('我的数据 page', () => {
  let world: PostsWorld;
  let post: Post;
  const dataPage = loadPage('pages/my-data/index');

  beforeAll(async () => {
    world = await postsWorld('mydata');
    await world.register('mydata-a', '冯小导', { mobile: '13912345678', community: '悦来社区' });
    const invite = await world.ok<InviteResponse>(
      'brigades',
      { action: 'invite', brigadeId: world.brigade.brigadeId },
      world.leader,
    );
    await world.ok('brigades', { action: 'join', code: invite.code }, 'mydata-a');
    post = await world.post({ title: '社区长者探访' });
    await world.ok('posts', { action: 'signup', postId: post.postId }, 'mydata-a');
    world.actAs('mydata-a');
  });
  afterAll(() => world.stop());

  it('shows the profile in full and each section with what it holds', async () => {
    const page = await dataPage.open();
    await waitForText(page, '冯小导');
    const text = textOf(page);
    expect(text).toContain('13912345678'); // the owner sees the mobile in full
    expect(text).toContain('悦来社区');
    for (const title of [
      '大队',
      '小组',
      '报名',
      '服务记录',
      '时间银行流水',
      '订阅消息授权',
      '收到的消息',
      '荣誉',
      '星级变化',
    ]) {
      expect(text).toContain(title);
    }
    expect(text).toMatch(new RegExp(`${world.brigade.name} · 已加入 · \\d{4}年`));
    expect(text).toMatch(/社区长者探访 · \d{4}年\d{1,2}月\d{1,2}日 · 已报名/);
    expect(text).toContain('服务记录0 条');
    page.detach();
  });

  it('writes the whole export to a JSON file and offers it to send in a chat', async () => {
    const files = new Map<string, string>();
    const shared: { filePath: string; fileName: string }[] = [];
    g.wx.env = { USER_DATA_PATH: 'wxfile://usr' };
    g.wx.getFileSystemManager = () => ({
      writeFile: (o: { filePath: string; data: string; success?: () => void }) => {
        files.set(o.filePath, o.data);
        o.success?.();
      },
    });
    g.wx.shareFileMessage = (o: { filePath: string; fileName: string; complete?: () => void }) => {
      shared.push({ filePath: o.filePath, fileName: o.fileName });
      o.complete?.();
    };
    const page = await dataPage.open();
    await waitForText(page, '冯小导');
    await tap(page, '#my-data-share');
    await waitFor(page, () => shared.length === 1, { what: 'the file to be shared' });
    expect(shared[0].fileName).toMatch(/^博爱义工-我的数据-\d{8}\.json$/);
    const saved = JSON.parse(files.get(shared[0].filePath) ?? '{}') as {
      profile: { name: string; mobile: string };
      signups: { postId: string }[];
    };
    expect(saved.profile).toMatchObject({ name: '冯小导', mobile: '13912345678' });
    expect(saved.signups.map((s) => s.postId)).toEqual([post.postId]);
    page.detach();
  });
});
