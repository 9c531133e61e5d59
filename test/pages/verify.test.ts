// The verify page against the real local cloud: WeChat's scanner opens it with a card code's scene, and a visitor
// sees the verified card (or that the code is invalid or expired).
import type { Envelope, ProofResponse } from '../../typings/index';
import { loadPage, textOf, waitForText } from '../helpers/page';
import { verifyWorld, type VerifyWorld } from './verify-world';

describe('verify page', () => {
  let w: VerifyWorld;
  const verifyPage = loadPage('pages/verify/index');

  beforeAll(async () => {
    w = await verifyWorld();
  });
  afterAll(() => w.cloud.stop());

  it('opens the verify page from a scene for a visitor and shows the card', async () => {
    w.as('passer-by');
    const page = await verifyPage.open({ scene: encodeURIComponent(w.card.scene ?? '') });
    await waitForText(page, '核验通过：义工证有效');
    const text = textOf(page);
    expect(text).toContain('梁晓敏');
    expect(text).toContain(w.profile.cardNo);
    expect(text).toContain('暂未定级');
    expect(text).not.toContain('13600136000');
    page.detach();
  });

  it('shows a proof from its scene: number, total hours and that it is current', async () => {
    const reply = (await w.cloud.call(
      'timebank',
      { action: 'proof', withCode: true },
      'holder',
    )) as Envelope<ProofResponse>;
    if (!reply.ok) throw new Error(reply.message);
    w.as('passer-by');
    const page = await verifyPage.open({ scene: reply.data.scene ?? '' });
    await waitForText(page, '核验通过：证明内容与开具时一致');
    const text = textOf(page);
    expect(text).toContain(reply.data.proofNo);
    expect(text).toContain('0.0 小时（0 次）');
    page.detach();
  });

  it('says a code is invalid or expired for an unknown scene', async () => {
    w.as('passer-by');
    const page = await verifyPage.open({ scene: 'Zz9Zz9Zz9Z' });
    await waitForText(page, '二维码无效或已过期');
    expect(textOf(page)).not.toContain('核验通过');
    page.detach();
  });
});
