// 扫码核验 for leaders, against the real local cloud: a scanned mini program code (its path with the scene) or an old
// plain QR (a bare token) shows the verified card inline; a QR that is not ours says so; cancelling says nothing.
import { loadPage, tap, textOf, waitForText } from '../helpers/page';
import { verifyWorld, type VerifyWorld } from './verify-world';

const g = globalThis as unknown as { wx: Record<string, unknown> };

/** The next wx.scanCode answers with `res` (or fails with `errMsg`). */
function scanAnswers(res: { result?: string; path?: string } | { errMsg: string }): void {
  g.wx.scanCode = (opts: { success?: (r: unknown) => void; fail?: (e: unknown) => void }) => {
    if ('errMsg' in res) opts.fail?.(res);
    else opts.success?.({ errMsg: 'scanCode:ok', ...res });
  };
}

describe('扫码核验 page', () => {
  let w: VerifyWorld;
  const scanPage = loadPage('leader/pages/scan/index');

  beforeAll(async () => {
    w = await verifyWorld();
  });
  afterAll(() => w.cloud.stop());

  it('lets a leader scan a mini program code and shows the verified card inline', async () => {
    w.as('a-leader');
    const page = await scanPage.open();
    scanAnswers({ result: 'ignored', path: `pages/verify/index?scene=${w.card.scene ?? ''}` });
    await tap(page, '#scan-button');
    await waitForText(page, '核验通过：义工证有效');
    expect(textOf(page)).toContain(w.profile.cardNo);
    page.detach();
  });

  it('still verifies an old plain QR holding the bare token', async () => {
    w.as('a-leader');
    const page = await scanPage.open();
    scanAnswers({ result: w.card.token });
    await tap(page, '#scan-button');
    await waitForText(page, '梁晓敏');
    expect(textOf(page)).toContain('核验通过：义工证有效');
    scanAnswers({ result: 'https://example.com/not-ours' });
    await tap(page, '#scan-button');
    await waitForText(page, '不是博爱义工的义工证或服务证明二维码');
    expect(textOf(page)).not.toContain('梁晓敏');
    page.detach();
  });

  it('says nothing when the leader cancels the scan', async () => {
    w.as('a-leader');
    const page = await scanPage.open();
    scanAnswers({ errMsg: 'scanCode:fail cancel' });
    await tap(page, '#scan-button');
    expect(page.querySelector('#scan-error')).toBeFalsy();
    expect(textOf(page)).toContain('核验结果将显示在这里');
    page.detach();
  });
});
