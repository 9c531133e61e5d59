// 我的培训 and the training hours on 我的时数, against the real local cloud: a recorded training shows apart from the
// service hours, in the history with its topic, trainer and brigade; someone without trainings is pointed to 招募.
import { loadPage, settle, textOf, waitFor, waitForText, wxCalls, type RenderedPage } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';
import { recordService, servedPost } from './timebank-pages-world';

async function press(page: RenderedPage, selector: string): Promise<void> {
  const target = page.querySelector(selector);
  if (!target) throw new Error(`nothing matches ${selector}; page shows: ${textOf(page)}`);
  target.dispatchEvent('click');
  await settle();
}

describe('我的培训 and the training hours', () => {
  let world: PostsWorld;
  const hoursPage = loadPage('pages/hours/index');
  const trainingsPage = loadPage('training/pages/mine/index');
  let trainingId = '';

  beforeAll(async () => {
    world = await postsWorld('trainings');
    const me = (await world.register('trainee', '何嘉欣')).volunteerId;
    await world.register('newcomer', '林新');
    const training = await servedPost(
      world,
      ['trainee'],
      '急救技能培训',
      {},
      {
        kind: 'training',
        category: '培训',
        topic: '心肺复苏与AED',
        trainer: '李医生',
      },
    );
    trainingId = training.postId;
    await recordService(world, training, [{ volunteerId: me, minutes: 90, rating: 5 }]);
  });
  afterAll(() => world.stop());

  it('我的时数 shows training hours apart from the bank, linking to 我的培训', async () => {
    world.actAs('trainee');
    const page = await hoursPage.open();
    await waitForText(page, '培训时长 1.5 小时');
    expect(page.querySelector('#hours-balance')!.dom!.textContent).toBe('0.0');
    expect(textOf(page)).toMatch(/0\.0\s?累计服务/);
    expect(textOf(page)).toContain('单独记录，不计入余额和星级');
    expect(textOf(page)).not.toContain('急救技能培训'); // never in the ledger
    // The link itself is a native <navigator> (test/pages/reachability.test.ts follows it).
    expect(textOf(page.querySelector('#hours-trainings')!)).toContain('我的培训');
    page.detach();
  });

  it('lists the trainings attended with topic, trainer, brigade and hours, and opens one', async () => {
    world.actAs('trainee');
    const page = await trainingsPage.open();
    await waitForText(page, '心肺复苏与AED');
    expect(page.querySelector('#trainings-total')!.dom!.textContent).toBe('1.5');
    const text = textOf(page);
    expect(text).toMatch(/心肺复苏与AED\s?讲师 李医生 · trainings石岐博爱大队.*1\.5 小时/);
    page.querySelector('.trainings__row')!.dispatchEvent('tap');
    await settle();
    expect(wxCalls.at(-1)).toEqual({ api: 'navigateTo', args: { url: `/pages/post/index?postId=${trainingId}` } });
    page.detach();
  });

  it('points someone without trainings to 招募', async () => {
    world.actAs('newcomer');
    const page = await trainingsPage.open();
    await waitForText(page, '还没有培训记录');
    // The total and the list load independently: under load the list may answer first.
    await waitFor(page, () => page.querySelector('#trainings-total')?.dom?.textContent === '0.0', {
      what: 'the training total',
    });
    await press(page, '#trainings-feed');
    expect(wxCalls.at(-1)).toMatchObject({ api: 'switchTab', args: { url: '/pages/feed/index' } });
    page.detach();
  });
});
