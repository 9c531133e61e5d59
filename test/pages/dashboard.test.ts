// 总队数据 (hq) against the real local cloud: the figures after a recorded service, the month list under the chart,
// the rankings, the town and period filters, the CSV export, and that a volunteer cannot open it.
import type { Post } from '../../typings/index';
import { loadPage, tap, textOf, waitFor, waitForText, wxCalls } from '../helpers/page';
import { PACKED_UCHARTS, emit, monthLabel, recordedService, valueOf, waitForValue } from './dashboard-world';
import { HQ, postsWorld, type PostsWorld } from './posts-world';

jest.mock('@qiun/ucharts', () => jest.requireActual(PACKED_UCHARTS));

const g = globalThis as unknown as { wx: Record<string, unknown> };

describe('总队数据 page (hq)', () => {
  let world: PostsWorld;
  let post: Post;
  const dashboardPage = loadPage('hq/pages/dashboard/index');
  const files: { filePath: string; data: string }[] = [];

  beforeAll(async () => {
    world = await postsWorld('dash');
    post = await recordedService(world);

    // The device side of the export: a file system, file sharing and the clipboard.
    g.wx.env = { USER_DATA_PATH: 'wxfile://usr' };
    g.wx.getFileSystemManager = () => ({
      writeFile: (args: { filePath: string; data: string; success?: () => void }) => {
        files.push({ filePath: args.filePath, data: args.data });
        args.success?.();
      },
    });
    for (const api of ['shareFileMessage', 'setClipboardData']) {
      g.wx[api] = (args: { success?: () => void }) => {
        wxCalls.push({ api, args });
        args.success?.();
      };
    }
  });
  afterAll(() => world.stop());

  it('shows hq the figures, the hours by month and the rankings, and opens a ranked brigade', async () => {
    world.actAs(HQ);
    const page = await dashboardPage.open();
    await waitForValue(page, 'dash-hours', '2.5');
    expect(valueOf(page, 'dash-sessions')).toBe('2');
    expect(valueOf(page, 'dash-people')).toBe('12');
    expect(valueOf(page, 'dash-no-show')).toBe('33.3%');
    expect(valueOf(page, 'dash-volunteers')).toBe('4');
    expect(valueOf(page, 'dash-active')).toBe('2');
    expect(valueOf(page, 'dash-brigades')).toBe('1');
    expect(valueOf(page, 'dash-posts')).toBe('1');

    const text = textOf(page);
    // The chart's list: the post's month with its hours.
    expect(text).toMatch(new RegExp(`${monthLabel(post.startAt)}\\s?2\\.5`));
    expect(text).toMatch(/镇区排行.*1\s?石岐区\s?2\.5 小时\s?1 个大队 · 2 人次 · 受益 12 人/);
    expect(text).toMatch(/大队排行.*1\s?dash石岐博爱大队\s?2\.5 小时\s?石岐区 · 2 人次 · 受益 12 人/);

    await tap(page, '#dash-brigade-0');
    expect(wxCalls.at(-1)).toEqual({
      api: 'navigateTo',
      args: { url: `/hq/pages/brigade-form/index?brigadeId=${world.brigade.brigadeId}` },
    });
    page.detach();
  });

  it('filters by town and by a custom month range', async () => {
    world.actAs(HQ);
    const page = await dashboardPage.open();
    await waitForValue(page, 'dash-hours', '2.5');

    await emit(page, '#dash-town', 'change', '东区');
    await waitForValue(page, 'dash-hours', '0.0');
    expect(valueOf(page, 'dash-brigades')).toBe('0');
    expect(textOf(page)).toContain('东区还没有大队');
    expect(textOf(page)).toContain('该时段还没有服务记录');
    expect(textOf(page)).not.toContain('镇区排行'); // one town chosen: no town ranking

    await emit(page, '#dash-town', 'change', '');
    await waitForValue(page, 'dash-hours', '2.5');

    await tap(page, '#dash-period-custom');
    await emit(page, '#dash-from', 'change', { value: '2020-01' });
    await emit(page, '#dash-to', 'change', { value: '2020-12' });
    await waitForValue(page, 'dash-hours', '0.0');
    expect(valueOf(page, 'dash-sessions')).toBe('0');
    // The whole range is charted, month by month.
    expect(textOf(page)).toContain('该时段还没有服务记录');

    await tap(page, '#dash-period-quarter');
    await waitForValue(page, 'dash-hours', '2.5');
    page.detach();
  });

  it('exports the brigade table as a CSV file to send to a chat, or copies it', async () => {
    world.actAs(HQ);
    const page = await dashboardPage.open();
    await waitForValue(page, 'dash-hours', '2.5');
    expect(textOf(page)).toContain('导出表格'); // in plain words, not a file format
    expect(textOf(page)).not.toContain('CSV');

    await emit(page, '#dash-export', 'click', {});
    await waitFor(page, () => files.length === 1, { what: 'the CSV file' });
    const [file] = files;
    expect(file.filePath).toMatch(/^wxfile:\/\/usr\/.+\.csv$/);
    expect(file.data.startsWith('\uFEFF')).toBe(true);
    expect(file.data).toContain('dash石岐博爱大队');
    await waitForText(page, '发送到微信聊天');

    await emit(page, '#dash-export-sheet', 'select', { name: '发送到微信聊天', value: 'share' });
    const shared = wxCalls.filter((c) => c.api === 'shareFileMessage');
    expect(shared).toHaveLength(1);
    expect(shared[0].args).toMatchObject({ filePath: file.filePath });

    await emit(page, '#dash-export', 'click', {});
    await waitFor(page, () => files.length === 2, { what: 'the second CSV file' });
    await emit(page, '#dash-export-sheet', 'select', { name: '复制表格内容', value: 'copy' });
    const copied = wxCalls.filter((c) => c.api === 'setClipboardData');
    expect(copied).toHaveLength(1);
    const data = (copied[0].args as { data: string }).data;
    expect(data.startsWith('\uFEFF')).toBe(false);
    expect(data).toContain('dash石岐博爱大队');
    page.detach();
  });

  it('refuses a volunteer with the reason, and shows none of the figures', async () => {
    world.actAs('dash-a');
    const page = await dashboardPage.open();
    await waitForText(page, '仅总队工作人员可以进行此操作');
    expect(textOf(page)).toContain('重试');
    expect(textOf(page)).not.toContain('服务时长');
    page.detach();
  });
});
