import { targetOfScan, verify, type VerifiedView } from '../../../components/verify-result/verify';
import { messageOf } from '../../../services/errors';

interface ScanResult {
  result?: string;
  path?: string;
}

/**
 * 扫码核验 for leaders and hq: scans a card or proof (a mini program code gives its path with the scene, an old plain
 * QR its bare token) and shows what verifying it returns, inline. Cancelling the scan says nothing.
 */
Page({
  data: {
    scanning: false,
    error: '',
    result: null as VerifiedView | null,
  },

  onScan() {
    wx.scanCode({
      scanType: ['wxCode', 'qrCode'],
      success: (res: ScanResult) => void this.check(res),
      fail: (err: { errMsg?: string }) => {
        if (/cancel/.test(err.errMsg ?? '')) return;
        this.setData({ error: '无法打开扫码，请稍后重试', result: null });
      },
    });
  },

  async check(res: ScanResult) {
    const target = targetOfScan(res);
    if (!target) {
      this.setData({ error: '未识别到二维码内容，请重新扫码', result: null });
      return;
    }
    this.setData({ scanning: true, error: '', result: null });
    try {
      this.setData({ scanning: false, result: await verify(target) });
    } catch (error) {
      this.setData({ scanning: false, error: messageOf(error, '核验失败，请稍后重试') });
    }
  },
});
