// 我的资料 against the real local cloud: edit the profile, and delete the account (or be told why not).
import type { Brigade, InviteResponse, MeResponse } from '../../typings/index';
import { loadPage, tap, textOf, waitFor, waitForText, wxCalls } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';
import { answerModal, emit, tapCell } from './taps';

describe('我的资料 page', () => {
  let world: PostsWorld;
  const profilePage = loadPage('pages/profile/index');
  const mePage = loadPage('pages/me/index');
  const membersPage = loadPage('leader/pages/members/index');

  const me = (openid: string) => world.ok<MeResponse>('volunteers', { action: 'me' }, openid);

  beforeAll(async () => {
    world = await postsWorld('profile');
  });
  afterAll(() => world.stop());

  it('saves a new town and community, and 我的 shows them', async () => {
    await world.register('profile-edit', '梁小改');
    world.actAs('profile-edit');
    const page = await profilePage.open();
    await waitForText(page, '义工证号');
    expect(textOf(page)).toContain('石岐区');

    await emit(page, '#profile-town-picker', 'confirm', { value: '东区', index: 1 });
    await emit(page, '#profile-community', 'change', '悦来社区');
    await tap(page, '.reg__slot'); // Monday morning
    await tap(page, '#profile-save');
    await waitForText(page, '资料已保存');
    page.detach();

    const stored = (await me('profile-edit')).profile!;
    expect([stored.town, stored.community]).toEqual(['东区', '悦来社区']);
    expect(stored.availability).toEqual([{ weekday: 1, slot: 'morning' }]);
    const mine = await mePage.open();
    await waitForText(mine, '东区 · 悦来社区');
    mine.detach();
  });

  it('refuses a malformed mobile under the field and sends nothing', async () => {
    world.actAs('profile-edit');
    const page = await profilePage.open();
    await waitForText(page, '义工证号');
    const calls = world.calls.length;
    await emit(page, '#profile-mobile', 'change', '1380013');
    await tap(page, '#profile-save');
    await waitForText(page, '手机号格式不正确，请填写 11 位手机号');
    expect(world.calls.slice(calls)).not.toContain('volunteers.update');
    page.detach();
  });

  it('deletes the account after a dialog that says what goes and what stays', async () => {
    await world.register('profile-gone', '罗小删');
    const invite = await world.ok<InviteResponse>(
      'brigades',
      { action: 'invite', brigadeId: world.brigade.brigadeId },
      world.leader,
    );
    await world.ok<Brigade>('brigades', { action: 'join', code: invite.code }, 'profile-gone');
    world.actAs(world.leader);
    const roster = await membersPage.open({ brigadeId: world.brigade.brigadeId });
    await tap(roster, '#members-tab-active');
    await waitForText(roster, '罗小删');
    roster.detach();

    world.actAs('profile-gone');
    const page = await profilePage.open();
    await waitForText(page, '罗小删');
    const declined = answerModal(false);
    await tapCell(page, '#profile-delete');
    expect(declined).toHaveLength(1);
    expect((await me('profile-gone')).registered).toBe(true);

    const asked = answerModal(true);
    await tapCell(page, '#profile-delete');
    await waitFor(page, () => wxCalls.at(-1)?.api === 'switchTab', { what: 'the way back to 我的' });
    expect(wxCalls.at(-1)?.args).toEqual({ url: '/pages/me/index' });
    for (const gone of ['个人资料', '手机号', '监护人', '大队成员身份', '小组', '订阅消息', '荣誉', '服务证明']) {
      expect(asked[0]).toContain(gone);
    }
    expect(asked[0]).toMatch(/保留：匿名化的服务记录和时间银行流水/);
    page.detach();

    const mine = await mePage.open();
    await waitForText(mine, '立即登记');
    mine.detach();
    world.actAs(world.leader);
    const after = await membersPage.open({ brigadeId: world.brigade.brigadeId });
    await tap(after, '#members-tab-active');
    await waitForText(after, '周队长');
    expect(textOf(after)).not.toContain('罗小删');
    after.detach();
  });

  it('tells a leader why the account cannot be deleted, and keeps it', async () => {
    world.actAs(world.leader);
    const page = await profilePage.open();
    await waitForText(page, '周队长');
    const asked = answerModal(true);
    await tapCell(page, '#profile-delete');
    await waitFor(page, () => asked.length === 2, { what: 'the refusal' });
    expect(asked[1]).toBe('你是大队负责人，请先联系总队移交负责人后再注销');
    expect((await me(world.leader)).registered).toBe(true);
    page.detach();
  });
});
