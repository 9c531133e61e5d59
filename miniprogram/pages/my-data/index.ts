import Toast from '@vant/weapp/toast/toast';
import type { ExportMineResponse } from '../../typings/index';
import { volunteers } from '../../services/index';
import { loadRecord, recordPage } from '../../utils/record';
import { dataSections, dateTime, fileNameOf, profileRows, type Row, type Section } from './view';

Page({
  ...recordPage,

  data: {
    loading: true,
    error: '',
    exportedAt: '',
    rows: [] as Row[],
    sections: [] as Section[],
    sharing: false,
  },

  exported: null as ExportMineResponse | null,

  onLoad() {
    void this.load();
  },

  load() {
    return loadRecord(
      this,
      () => volunteers.exportMine({}, { toast: false }),
      (data) => {
        this.exported = data;
        return {
          exportedAt: dateTime(data.exportedAt),
          rows: profileRows(data.profile),
          sections: dataSections(data),
        };
      },
    );
  },

  /**
   * The whole export as a JSON file, sent to a chat (文件传输助手 keeps it for the user): wx.openDocument only
   * opens office files and PDF, so a .json file is shared with wx.shareFileMessage, which must follow a tap.
   */
  onShareFile() {
    const data = this.exported;
    if (!data || this.data.sharing) return;
    const fileName = fileNameOf(data.exportedAt);
    const filePath = `${wx.env.USER_DATA_PATH}/${fileName}`;
    this.setData({ sharing: true });
    const done = () => this.setData({ sharing: false });
    wx.getFileSystemManager().writeFile({
      filePath,
      data: JSON.stringify(data, null, 2),
      encoding: 'utf8',
      success: () =>
        wx.shareFileMessage({
          filePath,
          fileName,
          complete: done,
          fail: (res) => {
            if (!/cancel/.test(res.errMsg)) Toast({ type: 'fail', message: '发送失败，请在手机微信中重试' });
          },
        }),
      fail: () => {
        done();
        Toast({ type: 'fail', message: '文件保存失败，请检查手机存储空间' });
      },
    });
  },
});
