// 生成招募海报 on the brigade page against the real local cloud: its leader gets a fresh invite's code on a poster.
import { drawn, installCanvas } from '../helpers/canvas';
import { loadPage, waitFor } from '../helpers/page';
import { postsWorld, type PostsWorld } from './posts-world';
import { tapCell } from './taps';

const said = () => drawn.texts.map((t) => t.text);

/** Under a full test run the local cloud answers slowly; the waits allow for it. */
const SLOW = 10_000;

describe('大队海报', () => {
  let world: PostsWorld;
  const brigadePage = loadPage('pages/brigade/index');

  beforeAll(async () => {
    world = await postsWorld('bposter');
    installCanvas();
  });
  afterAll(() => world.stop());

  it("draws a brigade's poster for its leader: a fresh invite's code and a call to join", async () => {
    world.actAs(world.leader);
    const brigade = await brigadePage.open({ brigadeId: world.brigade.brigadeId });
    await waitFor(brigade, () => !!brigade.querySelector('#brigade-poster'), { what: '生成招募海报', timeoutMs: SLOW });
    await tapCell(brigade, '#brigade-poster');
    await waitFor(brigade, () => said().includes('长按或扫码加入'), { what: 'the brigade poster', timeoutMs: SLOW });
    expect(world.calls).toContain('brigades.poster');
    expect(said()).toEqual(expect.arrayContaining(['加入我们', 'bposter石岐博爱大队', '石岐区']));
    expect(drawn.images).toHaveLength(1);
  });
});
